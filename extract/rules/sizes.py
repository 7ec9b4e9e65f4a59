"""Model sizes named as members of a family: "of sizes 0.5B, 1B, 3B, and 8B", "Qwen2.5: 0.5B, 1.5B and 72B",
"in 1B and 3B sizes", "Sparse 1B and 3B MoE models", "ranging from 1B to 33B versions", "X (9B)",
"X, an 8B LLM", "It is a dense 1B Transformer". Each size is a parameter count of the model of that size.

A list compared against ("outperforms 7B and 13B models", "than other 7B models") names a class of other
models, not the document's own."""

from __future__ import annotations

import re

from floptrail.extract.canonical import size_count, size_word
from floptrail.extract.numbers import MAGNITUDE_LETTERS
from floptrail.extract.pipeline import doc_text, sent_text, span_text
from floptrail.extract.rules.base import (
    CJK_OR_GLOSS,
    EXPERIMENT_CUES,
    MODEL,
    QTY,
    SIZE,
    Reading,
    follows_base_cue,
    names_an_architecture,
    words_before,
)
from spacy.tokens import Span, Token

# a sentence giving the sizes a release comes in: each size it states is a member's, listed or not ("offers three
# model sizes: a 3 billion-parameter model ..., a 7 billion-parameter model ...")
SIZES_OFFERED = re.compile(r"\b(?:(?:model|two|three|four|five|several|multiple|different)\s+sizes|comes?\s+in|"
                           r"available\s+in|offers?\s+(?:\w+\s+){0,2}sizes)\b|(?:个|种)(?:尺寸|规模|参数规模)", re.I)
# each listed size released both as a base model and as a fine-tune: the fine-tune's word, before a noun of releases
# ("1.5B and 9B, each with a Base and a Chat model", "7B and 13B in base and instruct versions", "1B and 3B, pretrained
# and instruction-tuned.", "with instruction-tuned versions of both", "each size also has a chat variant"; not "a mix
# of base and chat data", nor "beats every chat model we tried")
_TUNED_WORD = r"(instruct|chat|(?-i:IT)|instruction[- ]tuned|chat[- ]tuned)"
_TUNED_NOUN = r"\s+(?:version|variant|model|checkpoint|release|flavou?r)s?\b"
TUNED_BESIDE_BASE = re.compile(rf"\b(?:base|pre-?trained)(?:{_TUNED_NOUN})?\s*(?:and|&|/|,)\s*(?:an?\s+)?"
                               rf"{_TUNED_WORD}(?:{_TUNED_NOUN}|\s*(?:[.;,)]|$))"
                               rf"|\b{_TUNED_WORD}{_TUNED_NOUN}\s+(?:of|for)\s+(?:each|both|all|every)\b"
                               rf"|\b(?:each|both)\b(?:\s+(?:size|model|one|of\s+them))?(?:\s+also)?\s+(?:with|has|have|"
                               rf"gets?|comes?\s+with|ships?\s+with)\s+(?:an?\s+)?{_TUNED_WORD}{_TUNED_NOUN}", re.I)
# a fine-tune's word written beside a member's size: "the 13B chat model", "our instruction-tuned 7B variant"
TUNED_BEFORE_SIZE = re.compile(rf"\b(?:the|our|its|their|this|each)\s+{_TUNED_WORD}[\s-]*$", re.I)
TUNED_AFTER_SIZE = re.compile(rf"^[\s-]*(?:parameters?[\s-]+|params?[\s-]+)?{_TUNED_WORD}(?={_TUNED_NOUN})", re.I)

# ... or beside its name: "the instruct version of X-7B", "X-7B's chat variant"
TUNED_BEFORE_NAME = re.compile(rf"\b(?:the|its|our)\s+{_TUNED_WORD}{_TUNED_NOUN}\s+of\s+(?:the\s+|our\s+)?$",
                               re.I)
TUNED_AFTER_NAME = re.compile(rf"^['’]s\s+{_TUNED_WORD}{_TUNED_NOUN}", re.I)


def tuned_release(word: str) -> str:
    """The release a fine-tune's word names, as labs suffix it: an "instruction-tuned version" is the "-Instruct"
    release, a "chat-tuned" one the "-Chat", Gemma's "IT" the "-IT"."""
    return "IT" if word == "IT" else "Chat" if word.lower().startswith("chat") else "Instruct"


def tuned_name(member: str, word: str) -> str:
    """A member's fine-tune that a fine-tune's word names, joined as the member's own size is: "X-9B-Chat",
    "X 1.5B Chat"."""
    return f"{member}{max(('-', ' '), key=member.rfind)}{tuned_release(word)}"


MEMBER_NOUNS = ["sizes", "size", "versions", "version", "variants", "models", "scales", "checkpoints"]
KIND_WORDS = ["moe", "dense", "base", "chat", "instruct", "parameter", "-", "sparse", "language", "code", "pretrained",
              "pre-trained", "open"]
APPOSITION_NOUNS = ["llm", "transformer", "model", "language", "moe", "decoder", "network"]
# what the words between a size and its noun may say of the architecture: "a 70B dense decoder", "a 7B decoder-only
# transformer", "a 12B sparse network"
ARCHITECTURE_WORDS = ["dense", "sparse", "decoder", "decoder-only", "encoder-decoder", "mixture-of-experts", "causal",
                      "autoregressive", "multilingual", "bilingual", "base", "pretrained", "pre", "trained", "open",
                      "language"]
RELEASE_VERBS = ["release", "releases", "released", "releasing", "introduce", "introduces", "present", "presents",
                 "contribute", "contributes", "launch", "launches", "share", "shares", "open-source", "open-sources"]
CJK_COUNTS = ["两", "三", "四", "五", "六"]  # how many sizes a Chinese sentence says there are
APPOSED_OWNERS = ["a", "an", "our", "its", "their"]
# up to four words describing the model between its determiner and its size ("a fully open 3B model"), none that opens
# a phrase of its own ("our successor to the 70B model", "a fine-tune of the 7B model")
DESCRIBING_WORD = {"IS_ALPHA": True, "LOWER": {"NOT_IN": ["the", "a", "an", "than"]}, "OP": "{0,4}"}
PATTERNS = {
    # "of sizes 0.5B, 1B, 3B", "model sizes of 1B, 5.7B", "sizes: 7B and 13B", "sizes — 8B and 70B", "comes in two
    # sizes, 3B and 14B"
    # ("the four models of 0.5/1.5/7/72B": the models of those sizes)
    "sizes_named": [[{"LOWER": {"IN": ["sizes", "size", "scales", "models"]}},
                     {"LOWER": {"IN": ["of", ":", "—", "–", "-", ",", "including", "include"]}, "OP": "*"},
                     {"TEXT": {"REGEX": r"^(?:\d+(?:\.\d+)?|/)$"}, "OP": "*"}, SIZE]],
    # "in 1B and 3B sizes", "Sparse 1B and 3B MoE models", "ranging from 1B to 33B versions"
    "sizes_before_noun": [[SIZE, {"LOWER": {"IN": KIND_WORDS}, "OP": "*"}, {"LOWER": {"IN": MEMBER_NOUNS}}],
                          # "包含 7B、13B 尺寸" (in 7B and 13B sizes), "7B 版本" (the 7B version), "7B 和 32B 两个版本"
                          # (7B and 32B, two versions), "三种规模" (three scales)
                          [SIZE, {"TEXT": {"IN": [*CJK_COUNTS, "多"]}, "OP": "?"},
                           {"TEXT": {"IN": ["个", "种"]}, "OP": "?"}, {"TEXT": {"IN": ["尺", "版", "规"]}},
                           {"TEXT": {"IN": ["寸", "本", "模"]}}]],
    # "发布 70 亿和 130 亿两个参数规模的基座模型" (releases base models at two parameter scales, 7 and 13
    # billion): counts written in 亿 before the number of sizes
    "sizes_counted_cjk": [[QTY, {"TEXT": {"IN": CJK_COUNTS}}, {"TEXT": {"IN": ["个", "种"]}},
                           {"TEXT": "参", "OP": "?"}, {"TEXT": "数", "OP": "?"}, {"TEXT": {"IN": ["尺", "版", "规"]}},
                           {"TEXT": {"IN": ["寸", "本", "模"]}}]],
    # "from 7 billion to 70 billion parameters", "spanning from 0.5B to 72B param"
    "size_range": [[QTY, {"LOWER": {"IN": KIND_WORDS}, "OP": "*"},
                    {"LOWER": {"IN": [*MEMBER_NOUNS, "parameters", "params", "param"]}}]],
    # "本次发布包含 7B 基础 (base) 模型和 7B 对话 (chat) 模型" (this release holds a 7B base model and a 7B chat
    # model): a size before 模型 (model), its kind and an English gloss between, in a sentence releasing models
    "sizes_released_cjk": [[{"TEXT": {"IN": ["含", "括", "布", "源", "出", "供", "和", "及", "、", "与"]}}, SIZE,
                            {"TEXT": {"REGEX": CJK_OR_GLOSS, "NOT_IN": ["模"]},
                             "OP": "{0,6}"}, {"TEXT": "模"}, {"TEXT": "型"}]],
    # "We release Wren-Chat from 13B to 65B": a release of a model in a range of sizes
    # (a name in bold is read with spaces for its asterisks: extract.markup)
    "size_range_released": [[{"LOWER": {"IN": RELEASE_VERBS}}, {"TEXT": {"REGEX": r"^(?:\*{1,2}|the|\s+)$"}, "OP": "*"},
                             MODEL, {"TEXT": {"REGEX": r"^(?:\*{1,2}|\s+)$"}, "OP": "*"}, {"LOWER": "in", "OP": "?"},
                             QTY]],
    # "a 3B and a 14B model", "a 3B dense model and a 14B MoE model": sizes each with its article, coordinated, name
    # members of one release (the third of "..., and a 40B model" is a pair with the second)
    "sizes_articled": [[{"LOWER": {"IN": ["a", "an"]}}, SIZE, {"LOWER": {"IN": [",", "and", "or"]}, "OP": "{1,2}"},
                        {"LOWER": {"IN": ["a", "an"]}}, SIZE],
                       [{"LOWER": {"IN": ["a", "an"]}}, SIZE,
                        {"LOWER": {"IN": KIND_WORDS + ARCHITECTURE_WORDS}, "OP": "*"},
                        {"LOWER": {"IN": APPOSITION_NOUNS}}, {"LOWER": {"IN": [",", "and", "or"]}, "OP": "{1,2}"},
                        {"LOWER": {"IN": ["a", "an"]}}, SIZE]],
    # "the Nimbus models (1B, 3B, 9B)"
    "sizes_in_parentheses": [[{"LOWER": {"IN": MEMBER_NOUNS}}, {"TEXT": "("}, SIZE]],
    # "Qwen2.5: 0.5B, 1.5B, 3B", "MiniCPM-SALA (9B)"
    "size_after_name": [[MODEL, {"TEXT": ":"}, SIZE], [MODEL, {"TEXT": "("}, SIZE, {"TEXT": ")"}]],
    # "SmolLM-135M, 360M, and 1.7B": the sizes that follow a sized name are its siblings
    "sizes_after_sized_name": [[MODEL, {"TEXT": ","}, SIZE]],
    # "we also fine-tuned a 13B Alpaca", "the 70B Llama 3": a size written before the name it is the size of
    "size_before_name": [[{"LOWER": {"IN": ["a", "an", "the", "our", "its", "their"]}}, SIZE, MODEL]],
    # "MiniCPM4, an 8B LLM", "It is a dense 1B Transformer"
    # "X is a 2.7B Causal Language Model": two words may describe it before its noun
    # "X is a fully open 3B model"; and the object of a release: "With X, we contribute a new open 3B model"
    # ... and its owner's: "X is our open 13B language model", "Harrow released X, its 340B model"
    "size_apposition": [[{"LOWER": {"IN": [",", "is", "was", *RELEASE_VERBS]}}, {"LOWER": {"IN": APPOSED_OWNERS}},
                         DESCRIBING_WORD, SIZE, {"IS_ALPHA": True, "IS_TITLE": True, "OP": "{0,2}"},
                         {"LOWER": {"IN": APPOSITION_NOUNS}}],
                        [{"LOWER": {"IN": [",", "is", "was", *RELEASE_VERBS]}}, {"LOWER": {"IN": APPOSED_OWNERS}},
                         DESCRIBING_WORD, SIZE, {"LOWER": {"IN": ARCHITECTURE_WORDS}, "OP": "{1,3}"},
                         {"LOWER": {"IN": APPOSITION_NOUNS}}]],
}
COMPARED = {"with", "than", "to", "other", "contemporary", "existing", "similar", "larger", "smaller", "against",
            "outperforms", "outperform", "outperforming", "beats", "surpasses", "rivals", "matches", "like", "vs",
            "versus", "over", "comparable", "competitive", "leading", "popular", "open-source", "many", "most",
            "matching", "match", "rivaling", "surpassing", "beating", "exceeding", "exceeds", "state-of-the-art",
            "traditional", "conventional", "typical", "vanilla", "standard", "ordinary",
            "e.g.", "e.g", "such"}  # "relies on large models, e.g., 70B models", "such as 70B models"
# a sentence presenting a release's members, for sizes each with its article ("a family of three models: a 3B and a
# 14B dense model", "X includes a 3B model and a 14B model", "we release a 2B and a 9B model")
MEMBERS_CUE = re.compile(rf"\b(?:famil(?:y|ies)|series|suite|line-?up|includes?|including|comprises?|consists?\s+of|"
                         rf"{'|'.join(RELEASE_VERBS)})\b|{SIZES_OFFERED.pattern}", re.I)
# (the sizes' own noun, then a baseline, or another's release in a sentence that compares: "a 7B and a 13B baseline",
# "For comparison we include a 7B and a 13B model from the Llama 2 series"; not "a 9B model along with a 27B baseline",
# nor "a 2B and a 9B model from the Tern-1 recipe")
BASELINE_AFTER = re.compile(r"\s*(?:(?!models?\b)[\w-]+\s+){0,2}?baselines?\b")
OTHERS_SERIES_AFTER = re.compile(r"\s*(?:(?!models?\b)[\w-]+\s+){0,2}?models?\s+(?:from|by)\s+(?:the\s+)?[A-Z]")
COMPARING_SENTENCE = re.compile(r"\bcompar\w*|\bversus\b|\bvs\.?\s|\breference\b|\bagainst\b", re.I)
# "models of 1B and larger", "7B or more": a class of sizes bounded there, not a member
BOUND_AFTER = re.compile(r"\s*(?:and|or)\s+(?:larger|bigger|smaller|above|below|more|less|up|beyond)\b", re.I)
SEPARATORS = {",", "and", "or", "&", "/", "、", "及"}
RANGE_SIZES = re.compile(r"\d+(?:\.\d+)?\s*(?:[BMT]\b|billion|million|trillion)", re.I)
# sizes of something other than a model ("batch size of 7.8M", "vocabulary size: 152K")
HYPERPARAMETERS = {"batch", "vocabulary", "vocab", "hidden", "context", "window", "embedding", "chunk", "block",
                   "step", "file", "memory", "cache", "sample", "data", "dataset", "corpus", "beam", "kernel"}
RELEASED_CJK = re.compile(r"发布|开源|推出|包含|包括|提供")  # released, open-sourced, launched, holds, provides
SIZED_NAME = re.compile(r"(?i)[-_\s]\d+(?:\.\d+)?[bm]\b")
WIDE = 2.0  # a range whose ends differ more than this names the smallest and largest sizes of a family


def read(rule: str, span: Span, config) -> list[Reading]:
    # (a list named "models of 0.5/1.5/7/72B" is anchored on its size, the magnitude the numbers before it share)
    anchor = span[-1] if rule == "sizes_named" else next(t for t in span if t._.qty is not None)
    if rule == "size_range_released":
        return _range_ends(span[-1]) if span[-1]._.qty.qualifier == "range" else []
    if rule == "size_range":
        # "a ladder of dense models between 400M and 1.5B parameters" for scaling-law experiments: not the release's
        experiment = EXPERIMENT_CUES.search(sent_text(span))
        return _range_ends(anchor) if anchor._.qty.qualifier == "range" and not experiment else []
    if rule == "sizes_counted_cjk":
        q = anchor._.qty
        return [Reading("params", q.value, anchor, member_size=size_word(q.value).upper())] if (
            q.scaled and q.value >= 1e8) else []
    if not anchor._.is_size:
        return []
    if rule == "size_apposition" and not _names_its_subject(span):
        return []
    if rule == "sizes_after_sized_name" and not SIZED_NAME.search(span[0]._.model):
        return []
    if rule == "size_after_name" and span[1].text == ":" and SIZED_NAME.search(span[0]._.model):
        return []  # "X-3B: 7B Parameter Performance in a 3B Model": a sized name's title, not its sizes
    if rule == "sizes_released_cjk":
        released = RELEASED_CJK.search(span.doc[span.sent.start:anchor.i].text)
        return [Reading("params", anchor._.qty.value, anchor, member_size=anchor.text)] if released else []
    if rule == "sizes_named" and HYPERPARAMETERS & set(words_before(span[0], 2)):
        return []  # "a global batch size of 7.8M tokens"
    if rule == "size_before_name":
        # the member of that size ("the 7B Llama-2-7B" says its size itself)
        # ("fine-tuned from a 7B LLaMA model": the base's size, which the model made from it has too)
        # (a name before "tokens" says whose data the count is: "the 2T Llama 2 tokens")
        return [] if SIZED_NAME.search(span[-1]._.model) or _before_tokens(span) or (
            names_an_architecture(span[-1]) and not follows_base_cue(anchor)) else [
            Reading("params", anchor._.qty.value, anchor, member_size=anchor.text.rstrip(".,;:"))]
    if rule == "size_apposition" or (rule == "size_after_name" and span[1].text == "("):
        # "X (9B)", "X, an 8B LLM": the size of the model just named, which keeps its name; a name that states
        # another size is tagged by something else ("X-13B (3T)", its checkpoint at 3T tokens)
        stated = size_count(m.group(0)[1:]) if span[0]._.model and (m := SIZED_NAME.search(span[0]._.model)) else -1
        if stated > 0 and not stated / 1.5 <= anchor._.qty.value <= stated * 1.5:
            return []
        return [Reading("params", anchor._.qty.value, anchor)] if anchor._.qty.value >= 1e6 else []
    if rule == "sizes_articled" and not (MEMBERS_CUE.search(sent_text(span)) and not BASELINE_AFTER.match(
            doc_text(span.doc), span.end_char) and not (OTHERS_SERIES_AFTER.match(doc_text(span.doc), span.end_char)
                                                        and COMPARING_SENTENCE.search(sent_text(span)))):
        return []  # ("Meta trained a 7B and a 70B model", "studies fit a 1B and a 7B model first": others' sizes)
    members = [anchor, span[-1]] if rule == "sizes_articled" else size_list(anchor)
    if rule == "sizes_named":
        members += _counted_sizes(span, members)
    if COMPARED & set(words_before(members[0], 3)) or BOUND_AFTER.match(doc_text(span.doc), members[-1].idx +
                                                                          len(members[-1].text)):
        return []
    return _slash_listed(members[0]) + [Reading("params", t._.qty.value, t, member_size=t.text.rstrip(".,;:"))
                                        for t in members if t._.qty.value >= 1e6]


# after a name, maybe its version and a word on the data, "tokens": "the 2T Llama 2 tokens", "the 15T Llama 3.1
# pre-training tokens"
BEFORE_TOKENS = re.compile(r"\s*(?:v?\d+(?:\.\d+)*\s+)?(?:[\w-]+\s+)?tokens?\b", re.I)


def _before_tokens(span: Span) -> bool:
    """The name stands before "tokens" (`BEFORE_TOKENS`): it says whose data the count is."""
    return BEFORE_TOKENS.match(doc_text(span.doc), span.end_char) is not None


COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}


def _counted_sizes(span: Span, members: list[Token]) -> list[Token]:
    """The sizes after a list that the sentence counts ("comes in two sizes: 8B for devices, and 70B for large
    applications"): the list was cut by the words describing each size, and the count says how many follow."""
    count = COUNTS.get(words_before(span[0], 1)[-1:][0] if words_before(span[0], 1) else "", 0)
    if len(members) >= count:
        return []
    later = [t for t in span.doc[members[-1].i + 1:span.sent.end] if t._.is_size]
    return later[:count - len(members)] if len(later) >= count - len(members) else []


def _slash_listed(first: Token) -> list[Reading]:
    """The plain numbers a slash list puts before its first size ("0.5/1.5/7/72B"), each a member's count."""
    out, doc, i = [], first.doc, first.i - 1
    while i > first.sent.start and doc[i].text == "/" and (value := slash_listed_value(doc[i - 1])) is not None:
        out.insert(0, Reading("params", value, doc[i - 1], member_size=size_word(value).upper()))
        i -= 2
    return out


def slash_listed_value(token: Token) -> float | None:
    """A plain number in a slash list ending on a size takes the size's magnitude: in "0.5/1.5/7/72B", 7 is 7B."""
    doc, i = token.doc, token.i
    if token._.qty is None or token._.qty.scaled:
        return None
    while i + 2 < token.sent.end and doc[i + 1].text == "/" and (q := doc[i + 2]._.qty) is not None:
        i += 2
        if q.scaled:
            magnitude = MAGNITUDE_LETTERS.get(doc[i].text.rstrip(".,;:")[-1:].upper())
            return token._.qty.value * magnitude if magnitude else None
    return None


def size_list(token: Token) -> list[Token]:
    """The sizes of the list `token` stands in ("0.5B, 1B, 3B, and 8B"), in order."""
    doc, sent = token.doc, token.sent
    members = [token]
    for step in (-1, 1):
        i = token.i + step
        while sent.start <= i < sent.end:
            t = doc[i]
            if t.is_space or t.lower_ in SEPARATORS:
                i += step
                continue
            if t._.is_size:
                members.append(t)
                i += step
                continue
            break
    return sorted(members, key=lambda t: t.i)


def _range_ends(token: Token) -> list[Reading]:
    """"ranging from 1B to 33B versions": the smallest and the largest member, each a count of its own."""
    q = token._.qty
    if q.low is None or q.high is None or q.high <= WIDE * q.low or q.low < 1e6:
        return []
    ends = list(RANGE_SIZES.finditer(token.text))
    if len(ends) != 2:
        return []
    out = []
    for m, value in zip(ends, (q.low, q.high), strict=True):
        size = f"{value / 1e9:g}B" if value >= 1e9 else f"{value / 1e6:g}M"
        out.append(Reading("params", value, token, member_size=size, start=token.idx + m.start(),
                           end=token.idx + m.end()))
    return out


def _names_its_subject(span: Span) -> bool:
    """"X, an 8B LLM" follows a model's name; "It is a 1B Transformer" has a subject to stand for."""
    sent = span.sent
    before = span.doc[sent.start:span.start]
    return any(t._.model for t in before) or span_text(sent).lstrip().lower().startswith(("it ", "this model"))
