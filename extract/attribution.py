"""Which model a fact is about, against the document's inventory.

A fact's sentence decides first: a size it names as a model ("our 175B model", "the 8B version") picks the
own model of that size; otherwise the nearest model name before the figure (else after it). A sentence
naming no model speaks of its section's model (a heading naming an own model opens a section), else of the
document's main line; a sentence opening with "It" speaks of the model the sentence before it named. A
fact about a name outside the inventory is `cited`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from floptrail.extract.canonical import PURPOSE_WORDS, signature, size_count, size_word
from floptrail.extract.config import ExtractConfig, normal_name
from floptrail.extract.inventory import Inventory, line_name, size_of
from floptrail.extract.pipeline import doc_text, made_by, sent_text, span_text, tagged
from floptrail.extract.records import POST_TRAINING_STAGES
from floptrail.extract.rules.base import (
    follows_base_cue,
    names_an_architecture,
    parameter_size,
    sentence_stage,
    words_before,
)
from floptrail.extract.rules.dates import RELEASE_DATE, RELEASE_NUMBER
from floptrail.extract.rules.sizes import (
    TUNED_AFTER_NAME,
    TUNED_AFTER_SIZE,
    TUNED_BEFORE_NAME,
    TUNED_BEFORE_SIZE,
    tuned_name,
    tuned_release,
)
from floptrail.extract.sections import all_headings
from floptrail.extract.tables import Table, caption_line, find_tables
from spacy.symbols import NUM
from spacy.tokens import Span, Token

# (after a short opener: "For context: it has 70B parameters", "In total, it used 2,048 GPUs"); in Chinese "它"
# (it), "其" (its; not "其中", among them, "其他"/"其余", the others, "其后", afterwards), "该模型"/"此模型" (this
# model); "this stage" and "该阶段" are THAT_MODEL's
# "For context:", "In total,", and a source named without a comma: "According to the paper it was ..."
SHORT_OPENER = (r"^\W*(?:[A-Za-z][\w-]*(?:\s+[\w-]+){0,3}\s*[:,]\s+|[Aa]ccording\s+to\s+(?:the|its|their)\s+"
                r"(?:paper|report|card|authors|team|developers|blog|post|release\s+notes)\s+)?")
# "That one took a month", "The latter used 512 GPUs": the model named last before (`LATTER`)
LATTER_WORDS = r"[Tt]hat one|[Tt]his one|[Tt]he latter"
PRONOUN_OPENING = re.compile(rf"{SHORT_OPENER}"
                             # ("Darnley trained it on 24T tokens", "We continued training it": whoever trained it,
                             # "it" is the model before)
                             rf"(?:[Ii]ts?|[Tt]his model|[Tt]he model|{LATTER_WORDS}|"
                             r"(?:[Ww]e|[Tt]hey|[A-Z][\w-]*)\s+(?:\w+\s+)?"
                             r"(?:pre-?)?train(?:ed|ing)?\s+it)\b"
                             r"|^\W*(?:它|其(?![中他余它次实后间一二三])|该模型|此模型|这个模型|这一模型)")
# a pronoun subject after an opening phrase: "Starting from X-9B, it was trained on 120B more tokens" ("it" is the model
# the sentence before is about, made from X-9B)
PHRASE_THEN_PRONOUN = re.compile(r"[^.;:\n]{3,80}?,\s+(?:it|this\s+model)\s+[a-z]+\b"
                                 # ... or a source's phrase without its comma: "Per their card it was pretrained on ..."
                                 r"|\W*(?:[Pp]er|[Aa]ccording\s+to)\s+[^.;:\n,]{3,60}?\s+it\s+(?:was|is|has|had|used)\b")


def _pronoun_subject(sent: Span) -> bool:
    """Whether a sentence's subject is a pronoun for the model named before, at its opening or after an opening
    phrase."""
    text = span_text(sent)
    return bool(PRONOUN_OPENING.match(text) or PHRASE_THEN_PRONOUN.match(text))


MODEL_NOUNS = ("model", "variant", "version", "llm", "checkpoint", "base", "dense", "moe", "flagship", "one", "run",
               "sibling", "counterpart", "member",  # "its 16B sibling needed 212K GPU-hours"
               "student",  # "the 1.5B student": a distillation's member of that size (a teacher is what it learns from)
               "pre-training", "pretraining", "job")  # "the 13B pre-training used 1,024 GPUs": its run
DEFINITE = {"the", "our", "this", "that", "each", "both", "its", "their"}
# a release's verbs, after which "a 1B model" is one of the models released ("This release contains a 1B model trained
# on 3T tokens and two 7B models"), not some model of that size
RELEASING = {"contains", "includes", "comprises", "releases", "released", "ships", "offers", "provides", "adds"}
OWN_CUES = re.compile(r"\b(?:our|we|ours)\b", re.I)
OWN_OPENING = re.compile(r"^\W*(?:our|we)\b", re.I)  # the lab speaking of its own work as the sentence's subject
@dataclass(frozen=True)
class Section:
    start: int
    level: int
    model: str  # the own model its heading names, "" when it names none
    opened: str = ""  # the own model its text opens on, where its heading names none: its prose's model


def sections(doc, inventory: Inventory, config: ExtractConfig, written: str = "",
             tables: list[Table] | None = None) -> list[Section]:
    """Headings in text order, each with the own model it names (the first own name in the heading), and the lines
    that label a block with an own model's name; `written` is the text as the document writes it, its emphasis
    marks kept (the doc reads them as spaces); `tables` the text's tables where the caller has found them."""
    text = doc_text(doc)
    found = all_headings(text)
    out = []
    for i, h in enumerate(found):
        span = doc.char_span(h.title_start, h.title_end, alignment_mode="expand")
        names = [t._.model for t in span if t._.model and not helper_model(t)] if span is not None else []
        own, opened = next((n for n in names if inventory.owns(n, config)), ""), ""
        own = inventory.uncapitalised(own) or _in_capitals(text[h.title_start:h.title_end], inventory)
        if not own and (role := ROLE_HEADING.match(text, h.title_start, h.title_end)):
            # "## 2. The student": the distillation's student; "## About the base model": the card's base
            own = inventory.roles.get(next(g for g in role.groups() if g).lower(), "")
        if not own and inventory.main and (sized := SIZE_HEADING.match(text, h.title_start, h.title_end)):
            # "### 7B" in a card on a family: its member of that size
            own = member_name(inventory, inventory.line_of(inventory.main, config), sized.group("size"), config)
        if not own and (release := RELEASE_HEADING.match(text, h.title_start, h.title_end)):
            own = _release_model(inventory, release.group("number"), config)  # "## [2.0] - 2024-10-02"
            # or the model a list item of its own section opens on ("### Added\n- X-13B-v2.0: new base model ...")
            end = next((g.start for g in found[i + 1:] if g.level <= h.level), len(text))
            own = own or _introduced_in(inventory, h.title_end, end, config, ("introduces", "release", "item"))
        if not own:
            end = min(found[i + 1].start if i + 1 < len(found) else len(text), h.title_end + INTRODUCED_REACH)
            own = _introduced_in(inventory, h.title_end, end, config)
            opened = "" if own else _opened_on(doc, h.title_end, end, inventory, config)
        if own and own == inventory.main != inventory.default:
            own = inventory.default  # the line's name over a text about one member of it ("# X: our run") is that one
        out.append(Section(h.start, h.level, own, opened))
    captioned = _captioned_tables(doc, text, find_tables(text) if tables is None else tables)
    for start, end, name in _label_lines(doc, written or text) + captioned:
        if inventory.owns(name, config):  # (the end: a section there that names none closes the label's)
            out += [Section(start, LABEL_LEVEL, name), Section(end, LABEL_LEVEL, "")]
    return sorted(out, key=lambda s: s.start)


def _in_capitals(heading: str, inventory: Inventory) -> str:
    """The own model a heading set in capitals names, as the text writes it ("2.1 HERON-7B", "2. LUMA 5 (Brightwater
    AI)": Heron-7B's and Luma 5's sections), the longest name where several fit; "" when none."""
    if not re.search(r"[A-Z]{2}", heading) or re.search(r"[a-z]{2}", re.sub(r"\([^()]*\)", "", heading)):
        return ""
    fits = [m.name for m in inventory.models if re.search(rf"(?<![\w-]){re.escape(m.name)}(?![\w-])", heading, re.I)]
    return max(fits, key=len, default="")


def _captioned_tables(doc, text: str, tables: list[Table]) -> list[tuple[int, int, str]]:
    """Tables whose caption names one model alone (however often), each with where the caption starts, where the
    table ends and the name: a caption labels its table, as a label line its block ("Table 2: Thistle-2 3B" over a
    table of one run's details, which names no model in its rows)."""
    found = []
    for table in tables:
        if (line := caption_line(text, table)) is None:
            continue
        span = doc.char_span(*line, alignment_mode="expand")
        names = {t._.model for t in span if t._.model} if span is not None else set()
        if len(names) == 1:
            found.append((line[0], table[-1][1][-1].end if table[-1][1] else table[0][0], names.pop()))
    return found


# a heading that is a size alone: "### 7B", "2.2 The 70B model", "## 1.5B parameters" (a size in billions or millions:
# "## 2T" is a data budget)
SIZE_HEADING = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?P<size>\d+(?:\.\d+)?[BM])(?:[- ]?(?:parameters?|"
                          r"params?|models?|versions?|variants?|checkpoints?))?\W*$", re.I)
# a heading of release notes that is a release's number alone, maybe with its date: "## [2.0] - 2024-10-02", "## v1.1",
# "### Release 2.0 (October 2024)"
RELEASE_HEADING = re.compile(rf"\W*(?:(?:release|version)\s+)?\[?(?P<number>{RELEASE_NUMBER})\]?"
                             rf"(?:\s*[-–—:(]?\s*(?:{RELEASE_DATE})\)?)?\W*$", re.I)


def _release_model(inventory: Inventory, number: str, config: ExtractConfig) -> str:
    """The own model of that release number ("Wrenfield 2.0 14B" under "## [2.0]"), or its line where the release
    has several sizes; none where no own model or several lines carry it."""
    named = [m for m in inventory.models
             if (sig := signature(m.name, config.naming)).version and sig.version == signature(
                 f"{sig.family} {number.lstrip('vV')}", config.naming).version]
    lines = {m.line for m in named}
    if len(lines) != 1:
        return ""
    sized = [m for m in named if m.size]
    return sized[0].name if len(sized) == 1 else lines.pop()


# a distillation's teacher or student, named by its role: "The student was trained ...", "## 2. The teacher"
# (and a card's base model where a verb of what it is or of its pretraining follows: "The base model was pretrained
# on 9T tokens", "Its base model has 7B parameters"; not "The base model was fine-tuned with LoRA", the card's own run,
# nor "The base model weights", "The base learning rate")
BASE_SAID = r"base(?=\s+model\s+(?!(?:was|were)\s+(?:then\s+|further\s+)?(?:fine-?tun|tun|adapt|align|distill))"\
            r"(?:was|were|has|had|is|saw)\b)"
ROLE_OPENING = re.compile(rf"{SHORT_OPENER}(?:[Tt]he|[Oo]ur|[Tt]his|[Ii]ts)\s+(student|teacher|{BASE_SAID})"
                          r"(?:\s+model)?\b(?!-)")
# "The teacher was pretrained on ...", "The teacher has 70B parameters", "The teacher is a dense transformer": a
# sentence that says what the role's model is or did (not "The teacher logits were ...", "The teacher stayed frozen")
ROLE_STATE = re.compile(rf"{SHORT_OPENER}(?:[Tt]he|[Oo]ur|[Tt]his|[Ii]ts)\s+(student|teacher|{BASE_SAID})"
                        r"(?:\s+model)?\s+"
                        r"(?:was|were|has|had|is)\b")
# ... but "The teacher is Llama 3.1 70B": another lab's model, named
ROLE_IS_ANOTHER = re.compile(rf"{SHORT_OPENER}(?:[Tt]he|[Oo]ur|[Tt]his)\s+(?:student|teacher)(?:\s+model)?\s+is\s+"
                             r"(?:[A-Z][\w'’]*\s+)*[A-Z][\w.-]*\d")
# (a heading on a card's base model says it is about it: "About the base model", "Base model details"; a bare "Base
# model" may head the card's own use of it)
ROLE_HEADING = re.compile(r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+|our\s+)?(student|teacher)(?:\s+models?)?\W*$"
                          r"|\W*(?:\d+(?:\.\d+)*\.?\s+)?(?:(?:about|on)\s+(?:the\s+|its\s+)?(base)\s+model"
                          r"|(?:the\s+)?(base)\s+model\s+(?:details|training|pre-?training|figures|facts))\W*$", re.I)
LABEL_LEVEL = 7  # under every heading
LABEL_BEFORE = re.compile(r"[ \t]*(?:(?:[-*+•]|\d{1,2}[.)])[ \t]+)?(?:\*\*|__)?[ \t]*")
LABEL_AFTER = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*[:：]?[ \t]*(?:\n|$)")
BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _label_lines(doc, text: str) -> list[tuple[int, int, str]]:
    """Lines that are a model's name alone, marked as a label ("- 铌石-M-48B-A5B" over "- 总参数 48B ｜ 激活参数 4.9B",
    "**Kite-7B**" or "Kite-7B:" over a paragraph of its figures), each with where it starts, where the block under
    it ends and the name: a label over that block, as a heading is over its section. A list item's block is the
    rest of its list (a list of names alone labels nothing after it); another line's is the paragraph under it."""
    found = []
    for t in tagged(doc, "MODEL"):
        line_start = text.rfind("\n", 0, t.idx) + 1
        after = LABEL_AFTER.match(text, t.idx + len(t.text))
        before = LABEL_BEFORE.fullmatch(text, line_start, t.idx)
        # (marked as a label: a list item, bold, or a colon after it, or a line alone over a list, its bold read away;
        # a bare line of a PDF's text is as often a cell of a table set one cell a line)
        if not (t._.model and after and before and (re.search(r"[-*+•_:：.)]", before.group(0) + after.group(0))
                                                    or LIST_ITEM.match(text, after.end()))):
            continue
        content = NOT_SPACE.search(text, after.end())
        block = BLANK_LINE.search(text, after.end() - 1 if LIST_ITEM.match(before.group(0)) or content is None
                                  else content.start())
        found.append((line_start, block.start() if block else len(text), t._.model))
    # a run of names alone, one a line, is a list of models ("We release three sizes:\n- Kite-1B\n- Kite-7B"): none of
    # them labels what follows
    starts = {start for start, _, _ in found}
    return [(start, end, name) for start, end, name in found
            if text.find("\n", start) + 1 not in starts and _line_before(text, start) not in starts]


def _line_before(text: str, start: int) -> int:
    return text.rfind("\n", 0, max(start - 1, 0)) + 1 if start else -1


LIST_ITEM = re.compile(r"[ \t]*(?:[-*+•]|\d{1,2}[.)])\s")  # a list item's opening
NOT_SPACE = re.compile(r"\S")


INTRODUCED_REACH = 400  # how far under its heading a section introduces its model


def _introduced_in(inventory: Inventory, start: int, end: int, config: ExtractConfig,
                   places: tuple[str, ...] = ("introduces", "release")) -> str:
    """The own model a section introduces at its top, where its heading names none: a changelog's "## v2.0" over
    "全新模型 X" (a brand-new model, X), "X is a new 13B model" or the version it releases ("X v1.5 continues ...").
    Not the document's main model: a card's "## Model Overview" saying what it is names no other model than the
    title's."""
    found = [(e.start, m.name) for m in inventory.models for e in m.evidence
             if e.place in places and start <= e.start < end and m.name != inventory.main
             and not inventory.is_earlier(m.name, config)]  # ("Two years ago we released X-3" in a report on X-4)
    return min(found)[1] if found else ""


COORDINATORS = {"and", "or", "&", ",", "和", "与", "及", "、"}


def _opened_on(doc, start: int, end: int, inventory: Inventory, config: ExtractConfig) -> str:
    """The own model a section's text opens on, other than the main one, where its first sentence names no other
    ("## Instruction tuning" over "X-Instruct adds supervised fine-tuning ...; the whole recipe ran on 64 GPUs"): what
    its sentences that name no model are about."""
    span = doc.char_span(start, end, alignment_mode="expand")
    name = _opening_name(span) if span is not None else ""
    return name if name != inventory.main and inventory.owns(name, config) else ""


def _opening_name(span: Span) -> str:
    """The model a text opens on ("The X-Math 9B model ...", "X-Math 9B is ..."), not a helper model, nor one of
    several it opens on ("X-1.5B and X-7B were both trained on our cluster", "X 1B and 3B models use ...": the text
    is on both)."""
    words = [t for t in span if not t.is_space]
    if words and words[0].lower_ in ("the", "our"):
        words = words[1:]
    if not words or not words[0]._.model or helper_model(words[0]):
        return ""
    joiner = next((k for k in range(1, 4) if k < len(words) and words[k].lower_ in COORDINATORS), 0)
    # (the second may be a size alone: "X 1B and 3B MoE models use ...")
    both = joiner and any(t._.model or t._.is_size for t in words[joiner + 1:joiner + 3])
    return "" if both else words[0]._.model


def section_model(position: int, secs: list[Section], prose: bool = False) -> str:
    """The own model of the innermost section holding `position` that names one; for `prose`, also one whose text
    opens on one (a table under such a text may list the stages of other models)."""
    open_: list[Section] = []
    for sec in secs:
        if sec.start > position:
            break
        open_ = [s for s in open_ if s.level < sec.level] + [sec]
    models = [s.model or (s.opened if prose else "") for s in reversed(open_)]
    return next((m for m in models if m), "")


def size_mention(sent: Span, at: int | None = None) -> str:
    """"the 7B model", "our 13B-parameter variant", "At the 0.5B-parameter level", "The 9B was trained", "the
    9B's run": the size a sentence names a model by; with `at` (a token index), the one named last before it,
    else first after it ("the 7B model saw 2T tokens and the 70B model 15T"). "a 7B model" is some model of
    that size, not the document's, and so is "better than the 7B model": a model compared with."""
    # "Each model saw 1.4T tokens; the 13B took 21 days": a size in the next clause names that clause's model, and
    # one after "except" names the exception to the figure before it ("All saw 6T tokens, except the 1B, ..."), as one
    # after "excludes" names what it leaves out ("The 612 MWh figure excludes the 3B run")
    # ("X-70B was trained on 18T tokens, while the 7B model used 4T": a size after "while" or "whereas" is the next
    # clause's; "X-8B trained for 18 days, right after the 70B run finished": one after "after" or "before" is another
    # run, which "until" and "once" are not: "21 days until the 70B model converged")
    return _nearest(size_mentions(sent), at, sent, (";", "except", "excludes", "excluding", "exclude", "while",
                                                    "whereas", "after", "before"))


# "pruned from the", "obtained by structured pruning of the", "distilled from our", "built on our", "based upon
# the", "built on top of a", "by duplicating layers of the": what a model was made from
MADE_BEFORE_SIZE = re.compile(r"(?:\b(?:prun|distill|initiali[sz]|deriv|upcycl|convert|obtain|grow|grew|expand|"
                              r"duplicat|up-?scal)\w*\b"
                              r"[^,;]{0,40}\b(?:of|from)|\b(?:built|based)\s+(?:on|upon)(?:\s+top\s+of)?)\s+"
                              r"(?:the\s+|our\s+|its\s+|a\s+)?$", re.I)


def _named_before_sized_after(sent: Span, size: str, token: Token, names: list[Token]) -> bool:
    """"X-2B is a distilled model: it was trained for 2T tokens on 256 GPUs, using the 27B model's outputs", "X-34B
    was trained on 3,072 GPUs over 41 days, and the 7B model on 512": a size named only after the figure, as the
    owner of something else ("the 27B model's"), past another figure or in a clause of its own, in a sentence that
    opens on a sized name before the figure, is not the figure's; the opening name is (not in "X-9B was trained on 8T
    tokens, half the 16T used for the 27B model", whose 16T is the 27B's)."""
    at = [i for i, s in size_mentions(sent) if s == size]
    if not at or min(at) < token.i or not names or names[0].i > sent.start + 1 or names[0].i >= token.i or not size_of(
            names[0]._.model):
        return False
    doc, first = sent.doc, min(at)
    possessive = any(w.text in ("'s", "’s") for w in doc[first + 1:min(first + 3, sent.end)])
    between = doc[token.i + 1:first]
    return possessive or any(t._.qty is not None for t in between) or bool(CLAUSE_BETWEEN.search(between.text))


# a clause of its own between a figure and what comes after it: ", and the 7B model ...", "; the 27B ...", ", so ..."
CLAUSE_BETWEEN = re.compile(r"[;；]|,\s*(?:and|but|so|while|whereas|then)\b", re.I)


def _source_size(sent: Span, size: str, token: Token, names: list[Token]) -> bool:
    """"X-0.6B was pruned from the 1.5B student, then distilled for 400B tokens": a size that a verb of making leads
    to names what the sized model opening the sentence was made from, and the figure is that model's."""
    subject = names[0] if names and names[0].i <= sent.start + 1 and size_of(names[0]._.model) else None
    at = [i for i, s in size_mentions(sent) if s == size and subject is not None and subject.i < i < token.i]
    return bool(at) and bool(MADE_BEFORE_SIZE.search(doc_text(sent.doc)[subject.idx:sent.doc[at[-1]].idx]))


def semicolon_part(token: Token) -> Span:
    """The part of the token's sentence between semicolons that holds it, where that part names a model, by its name
    or by sizes before a model's noun: "X-1B and X-7B were trained for 9T and 7.5T tokens respectively; the 22B and
    65B models stop at 6T" pairs each part's lists on their own. A part that names none ("...; they then saw 1T and
    0.5T more tokens respectively", whose figures are sizes of no model) is read with its whole sentence."""
    sent, doc = token.sent, token.doc
    start = next((t.i + 1 for t in reversed(doc[sent.start:token.i]) if t.text == ";"), sent.start)
    end = next((t.i for t in doc[token.i:sent.end] if t.text == ";"), sent.end)
    if (start, end) == (sent.start, sent.end) or not any(t._.model or _sizes_a_model(t) for t in doc[start:end]):
        return sent
    return doc[start:end]


def _sizes_a_model(token: Token) -> bool:
    """A size that names a model: before a model's noun, maybe through a list of sizes ("the 22B and 65B models")."""
    if not token._.is_size:
        return False
    doc, i = token.doc, token.i + 1
    while i < len(doc) and (doc[i]._.is_size or doc[i].lower_ in (",", "and", "or", "&", "/")):
        i += 1
    return i < len(doc) and doc[i].lower_.startswith(MODEL_NOUNS)


def size_mentions(sent: Span) -> list[tuple[int, str]]:
    """(token index, size) of each size the sentence names a model by (`size_mention`)."""
    found = []
    for t in sent[:-1]:
        # ("the twenty-four-billion model", "the 24-billion-parameter model": a size with its magnitude word)
        spelled = _size_in_words(t)
        if t.pos != NUM and not spelled:
            continue  # merge_mentions marks a figure written as a size ("7B") a numeral, and nothing else is one
        if t._.is_size and _cjk_size_mention(t):
            found.append((t.i, t.text.rstrip(".,;:").upper()))  # "其中 13B 模型在 2.6 万亿 tokens 上训练"
            continue
        if not spelled and (not t._.is_size or not (DEFINITE & set(words_before(t, 2)) or _released_one(t)
                                                    or _tuned_word_before(t))):
            continue
        if (MEASURED_AGAINST - {"as", "following"}) & set(words_before(t, 4)):  # not "As for the 7B model"
            continue  # "performs similar to the 14B dense model": what the figure is measured against
        if "as" in words_before(t, 3) and {"same", "such", "similar"} & set(words_before(t, 7)):
            continue  # "drawn in the same order as (for) the 7B run": the model the sentence's own is likened to
        if words_before(t, 2)[-2:] == ["from", "the"]:
            continue  # "distilled from the 4B", "learns from the 4B model's logits": what the model was made from
        if spelled:
            if not OTHERS_AFTER_SIZE.match(doc_text(sent.doc), t.idx + len(t.text)):
                found.append((t.i, spelled))
            continue
        trillions = t.text.rstrip(".,;:").upper().endswith("T")
        if trillions and DATA_AFTER_SIZE.match(doc_text(sent.doc), t.idx + len(t.text)):
            continue  # "the 11T pretraining figure", "our 2T training corpus": an amount of data, not a model's size
            # (in trillions: "the 70B training budget" is the 70B model's)
        # (a nickname in quotes may stand before the noun: 'our 1.2B "large-base" model')
        following = _unquoted(sent.doc[t.i + 1:min(t.i + 6, sent.end)])
        following = [w for w in following if w not in ("parameter", "parameters", "param", "params")]
        # (a word may stand before the verb or the noun: "The 70B then went through an RL phase", "the 9B chat model")
        following = following[1:] if following[:1] and following[0] in AFTER_THE_SIZE else following
        # (a size in trillions names a model only before a model's noun: "half the 16T used for the 27B model" is data)
        if following and (following[0].startswith(MODEL_NOUNS) or not trillions and (
                following[0] in BARE_SIZE_FOLLOWERS or following[:2] == [",", "which"] or _elided_figure_after(t))):
            found.append((t.i, t.text.rstrip(".,;:").upper()))
    return found


# another lab's model after a size: "the 70-billion-parameter model from Corvid Labs", "... by Corvid"
OTHERS_AFTER_SIZE = re.compile(r"[\s-]*(?:param\w*[\s-]+)?(?:[\w-]+\s+){0,2}?(?:from|by|of)\s+(?:the\s+)?[A-Z]")
# a size written with its magnitude word, then the model's noun: "the twenty-four-billion model", "our 13-billion-
# parameter variant"
MAGNITUDE_SIZE = re.compile(r"(?i)\b(?:billion|million)$")
PARAMETER_WORD = re.compile(r"(?i)^-?param(?:eter)?s?$")


def _size_in_words(t: Token) -> str:
    """The size ("24B") a figure with its magnitude word names a model by, after "the", "our" or "its" and before
    the model's noun; "" otherwise."""
    q = t._.qty
    if q is None or not MAGNITUDE_SIZE.search(t.text) or q.value < 1e7 or not DEFINITE & set(
            words_before(t, 1)):
        return ""
    if t.i >= t.sent.start + 3 and t.doc[t.i - 2].text == "," and t.doc[t.i - 3]._.model:
        return ""  # "X-1, our 30-billion-parameter model from 2024, cost ...": the name's apposition, not a member
    following = [w for w in t.doc[t.i + 1:min(t.i + 4, t.sent.end)]
                 if w.text != "-" and not PARAMETER_WORD.match(w.text)]
    return size_word(q.value).upper() if following and following[0].lower_.startswith(MODEL_NOUNS) else ""


def _tuned_word_before(size: Token) -> str:
    """"the instruction-tuned 13B variant", "our chat 7B model": the fine-tune's word between a determiner and the
    size, else ""."""
    m = TUNED_BEFORE_SIZE.search(doc_text(size.doc)[size.sent.start_char:size.idx])
    return m.group(1) if m else ""


def _size_flavour(sent: Span, size: str, at: int) -> str:
    """The fine-tune's word that the sentence's mention of `size` names it by ("the 13B chat model", "our
    instruction-tuned 7B variant"), of the mention nearest before token `at`, else the first after; "" for the plain
    member ("the 13B model")."""
    found = [(i, str(i)) for i, s in size_mentions(sent) if s == size]
    nearest = _nearest(found, at, sent) if found else ""
    if not nearest:
        return ""
    token = sent.doc[int(nearest)]
    after = TUNED_AFTER_SIZE.match(doc_text(sent.doc)[token.idx + len(token.text):sent.end_char])
    return after.group(1) if after else _tuned_word_before(token)


def _fine_tune_of(model: str, word: str, inventory: Inventory) -> str:
    """`model`'s fine-tune that a fine-tune's word names ("chat", "instruction-tuned"): the one the document names
    (its inventory's variant of `model` with that word), else the model's name with that release's suffix, joined as
    the name's own parts are ("X-7B-Chat", "X 7B Chat")."""
    release = tuned_release(word)
    named = [v for m in inventory.models if m.name == model for v in m.variants
             if release.lower() in re.split(r"[-\s_]", v.lower())]
    return named[0] if len(named) == 1 else tuned_name(model, word)


def _as_written_fine_tune(name: Token, inventory: Inventory) -> str:
    """The model a name stands for, or its fine-tune where the words around it name one: "the instruct version of
    X-7B", "X-7B's chat variant"."""
    text = doc_text(name.doc)
    end = name.idx + len(name.text)
    word = TUNED_BEFORE_NAME.search(text[name.sent.start_char:name.idx]) or TUNED_AFTER_NAME.match(
        text[end:name.sent.end_char])
    return _fine_tune_of(name._.model, word.group(1), inventory) if word else name._.model


def _release_of(model: str, base: str) -> bool:
    """Whether `model` is `base` itself or a release of it: its name is the base's with more words ("X-Instruct-AWQ"
    of "X-Instruct"), in any case and with any separators between the words."""
    words, base_words = normal_name(model).split("-"), normal_name(base).split("-")
    return words[:len(base_words)] == base_words  # (whole words: "Heron 1.5" is no release of "Heron 1")


def _released_one(size: Token) -> bool:
    """"contains a 1B model": a size after a release's verb and "a"."""
    before = words_before(size, 2)
    return len(before) == 2 and before[1] in ("a", "an") and before[0] in RELEASING


def _cjk_size_mention(size: Token) -> bool:
    """"13B 模型", "7B 版本": a size before the Chinese word for model or version names the document's model of that
    size (Chinese has no article), unless it is one of a kind ("一个 7B 模型", a 7B model) or measured against."""
    doc = size.doc
    after = doc_text(doc)[size.idx + len(size.text):size.idx + len(size.text) + 4].lstrip()
    before = doc_text(doc)[max(0, size.idx - 8):size.idx].rstrip()
    return after.startswith(("模型", "版本", "参数模型", "参数的模型")) and not before.endswith(
        ("一个", "一款", "某个", "与", "和", "比", "于", "同"))


# a figure followed by the size it is for: "8T tokens for the 9B version", "(1.46M for 8B, 7.0M for 70B)", "3.4e23
# FLOP for the 8B model", "21 tCO2e for the 3B model", or spent on: "we spent 3.1e24 FLOP on the 40B, ..." (not "on the
# 70B's cluster", "on the 70B teacher's logits": what the run used)
# (only the figure's unit between: "a 3B model trained for 1T tokens" is no figure for a 1T model)
FOR_SIZE = re.compile(r"\s*(?:(?:(?:trillion|billion|million)\s+)?(?:tokens?|(?:GPU|TPU|chip|NPU)[- ]?hours?|hours?|"
                      r"days?|GPUs?|TPUs?|FLOPs?|t\s?CO2e?q?|[kMG]Wh)\s+)?(?:for\s+(?:the\s+)?(\d+(?:\.\d+)?[BM])\b"
                      r"(?!\s*tokens)|on\s+(?:the\s+)?(\d+(?:\.\d+)?[BM])\b"
                      r"(?![’'-]|\s+(?!(?:and|or|while|whereas|but|model|version|variant|run)\b)[a-z]))",
                      re.I)


def _after_from(name: Token) -> bool:
    """A name after "from (the)" that is no base ("starts from X", "fine-tuned from X" name what was built on)."""
    return (words_before(name, 2)[-2:] == ["from", "the"] or words_before(name, 1) == ["from"]) and not (
        follows_base_cue(name))


def _size_it_is_for(token: Token) -> str:
    m = FOR_SIZE.match(doc_text(token.doc), token.idx + len(token.text))
    return (m.group(1) or m.group(2)).upper() if m and m.end() <= token.sent.end_char else ""


def _other_name_between(sent: Span, size: str, token: Token, others: list[Token]) -> bool:
    """Whether one of the models `others` is named between the size mention `size` (the last before `token`) and
    `token`."""
    at = max((t.i for t in sent if t.i < token.i and t._.is_size and t.text.rstrip(".,;:").upper() == size),
             default=-1)
    return at >= 0 and any(at < t.i < token.i for t in others)


QUOTES = {'"', "“", "”", "'", "‘", "’"}


def _unquoted(span: Span) -> list[str]:
    """The words of `span` in lower case, without hyphens, parentheses and what stands in quotes."""
    words, quoted = [], False
    for w in span:
        if w.text in QUOTES:
            quoted = not quoted
        elif not quoted and w.text not in ("-", "(", ")"):
            words.append(w.lower_)
    return words


def _elided_figure_after(size: Token) -> bool:
    """"the 13B on 3T", "the 8B with 512", "the 14B on 12 trillion tokens": a size, a preposition and a figure, the way
    a sentence goes on to its next model without repeating the verb."""
    doc = size.doc
    return size.i + 2 < size.sent.end and doc[size.i + 1].lower_ in ("on", "at", "with", "for") and (
        doc[size.i + 2]._.qty is not None)


def _nearest(found: list[tuple[int, str]], at: int | None, sent: Span, breaks: tuple[str, ...] = ()) -> str:
    """Of the (position, value) pairs a sentence holds, the last before `at`, else the first after it that no
    token of `breaks` parts from it; without `at`, the one value they all have ("" when they differ)."""
    if at is None:
        values = {v for _, v in found}
        return values.pop() if len(values) == 1 else ""
    before = [v for i, v in found if i <= at]
    after = [v for i, v in found if i > at and not any(t.text in breaks for t in sent.doc[at:i])]
    return before[-1] if before else next(iter(after), "")


def _last_before(found: list[tuple[int, str]], at: int) -> int:
    return max((i for i, _ in found if i <= at), default=-1)


def _rank_after_sized_figure(sent: Span, token: Token) -> bool:
    """Whether a rank names the model of the figure at `token`, coming after the last size before it and after that
    size's own figure ("the 7B model 4.5T and the smallest 3T"; not "the 14B model, the largest one, saw 332B")."""
    size_at = _last_before(size_mentions(sent), token.i)
    rank_at = _last_before(_rank_mentions(sent), token.i)
    return size_at < rank_at and (size_at < 0 or any(t._.qty is not None for t in sent.doc[size_at + 1:rank_at]))


def rank_mention(sent: Span, at: int | None = None) -> str:
    """"our largest model", "the smaller one", "the larger of the two", "最大的模型": a model named by its rank
    among the document's sizes (largest, smallest, larger, smaller), nearest `at` as in `size_mention`."""
    # after the figure, only in its clause: "an 8B model ..., and a 35B model, the larger of the two"; and not past
    # "and", which opens the next item ("X-7B at 1.8e23 FLOPs and the smaller model at 2.1e22")
    return _nearest(_rank_mentions(sent), at, sent, (",", ";", "and"))


def _rank_mentions(sent: Span) -> list[tuple[int, str]]:
    """(token index, rank) of each rank the sentence names a model by (`rank_mention`)."""
    found = []
    for m in RANK.finditer(span_text(sent)):
        token = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
        if token is not None and _named_in_apposition(token):
            continue  # "The largest model, Pintail-30B, was trained ...": the name says which
        if token is not None and not (MEASURED_AGAINST & set(words_before(token[0], 3))):
            word = next(g for g in m.groups() if g)
            rank = RANK_OF.get(word, word.lower())
            found.append((token[0].i, f"{rank} {m.group('purpose').lower()}" if m.group("purpose") else rank))
    return found


def _named_in_apposition(rank: Span) -> bool:
    """Whether a sized name follows the rank's noun in apposition ("the largest model, X-30B,", "(X-30B)", "— X-30B");
    a name without its size says less than the rank does."""
    doc, i = rank.doc, rank.end
    return i + 1 < len(doc) and doc[i].text in (",", "(", "—", "–") and bool(
        doc[i + 1]._.model and size_of(doc[i + 1]._.model))


def member_by_rank(inventory: Inventory, line: str, rank: str) -> str:
    """The size of the member of `line` that `rank` names: the largest or smallest of two or more, the larger
    or smaller of exactly two; "" when the document's sizes do not say. A rank with a purpose ("larger
    instruct") ranks the members that have a fine-tune of that purpose."""
    rank, _, purpose = rank.partition(" ")
    members = [m for m in inventory.models if m.line == line and m.size]
    tuned = [m for m in members if any(purpose in v.lower() for v in m.variants)] if purpose else []
    sizes = sorted({m.size for m in (tuned if len(tuned) >= 2 else members)}, key=size_count)
    if len(sizes) < 2 or (rank in ("larger", "smaller") and len(sizes) != 2):
        return ""
    return sizes[-1] if rank in ("largest", "larger") else sizes[0]


@dataclass(frozen=True)
class Attribution:
    """A fact's model and how it was decided: size (a size the sentence names a model by), unknown_size,
    own_name (the lab's own name in a sentence about its work), name (the nearest name), pronoun, section,
    default (the document's model)."""

    model: str
    how: str


# verbs of saying: a name before one is who gives the figure ("DeepSeek says the run took ...", "Sable puts the cost at
# $7M"), a lab, not the model the figure is about
SPEECH_VERBS = {"says", "said", "reports", "reported", "states", "stated", "puts", "put", "estimates", "claims",
                "claimed", "notes", "noted", "writes", "wrote", "tells", "told", "adds", "added", "confirms",
                "confirmed"}


def _speaker(name: Token) -> bool:
    """The name says or reports the figure ("X says", "X puts the cost at", "according to X"): its source."""
    doc = name.doc
    # (the rest of a lab's name may stand between: "Plover Labs says", "Plover AI reported")
    after = next((t for t in doc[name.i + 1:min(name.i + 4, name.sent.end)] if not t.text[:1].isupper()), None)
    before = [t.lower_ for t in doc[max(name.sent.start, name.i - 2):name.i]]
    return (after is not None and after.lower_ in SPEECH_VERBS) or before == ["according", "to"]


def prose_model(token: Token, inventory: Inventory, secs: list[Section], config: ExtractConfig) -> Attribution:
    """The model a prose figure at `token` is about, as a name (a member's name where the document has one)."""
    sent = token.sent
    names = [t for t in tagged(sent, "MODEL") if t._.model and not names_an_architecture(t)  # not "a 1.1B Llama model"
             and not _speaker(t)]
    if sentence_stage(sent) in POST_TRAINING_STAGES:
        # "DPO on pairs ranked by X-RM-7B, a reward model ...; the DPO step took 6 hours": the tuned model's run
        names = [t for t in names if not helper_model(t)]
    stated_size = _size_it_is_for(token)
    size = stated_size or size_mention(sent, token.i)
    if size and not stated_size and _rank_after_sized_figure(sent, token):
        size = ""  # "the 7B model 4.5T and the smallest 3T": a rank nearer before the figure than any size names it
    if size and not stated_size and _source_size(sent, size, token, names):
        size = ""
    if size and not stated_size and _named_before_sized_after(sent, size, token, names):
        size = ""
    # ("the 30B model we release" of "X-A3B has 30B total parameters": X-A3B)
    if size and size not in {m.size for m in inventory.models} and not EARLIER_SIZED.search(span_text(sent)) and (
            totalled := _stated_total_of(size, inventory, doc_text(sent.doc))):
        return Attribution(totalled, "size")
    own_names = [t for t in names if inventory.owns(t._.model, config)]
    # "X was trained on 17 languages from The Stack v2": a source of data after the model trained, even one the
    # document releases too
    # (... or a source after the model the sentence speaks of as "it": "We continued training it on 1.5T tokens drawn
    # from the X-7B mixture")
    names = [t for t in names if not (_after_from(t) and (any(o.i < t.i for o in own_names) or any(
        w.lower_ == "it" for w in sent if w.i < t.i)))]
    own_names = [t for t in own_names if t in names]
    if size and _other_name_between(sent, size, token, [t for t in names if t not in own_names or size_of(t._.model)]):
        # "our 1.2B model ... beats X and Y, which are trained on 3T tokens": X and Y are nearer, as an own member
        # named with its size is ("a 1B model on 3T tokens and two 7B models: X 7B, trained on 2.46T")
        size = ""
    rank = "" if size else rank_mention(sent, token.i)
    sizes = {m.size for m in inventory.models if m.size}
    # a document that names its sizes, and not this one, speaks of someone else's model
    unknown = bool(size) and bool(sizes) and size not in sizes
    # "beats the 13-billion-parameter Llama 2": a size written before another lab's name is that model's
    named = _name_right_after(token)
    if named and not inventory.owns(named, config) and (made := _made_from_sized_base(token, own_names)):
        return Attribution(made._.model, "base_size")
    if not named and (labelled := _row_label(token, names)) is not None:
        return Attribution(labelled._.model, "name")
    if named and not inventory.owns(named, config):
        sized = token._.qty is not None and token._.qty.value >= 1e6 and not size_of(named)
        return Attribution(f"{named} {size_word(token._.qty.value).upper()}" if sized else named, "name")
    if stated_for := _name_it_is_for(token) or _described_with_de(token):
        # "against 2.1M GPU hours for Llama 2 70B", "训练量高达 15 万亿 tokens 的 Llama-3-8B" (Llama-3-8B, trained on
        # as much as 15T tokens)
        return Attribution(stated_for, "name")
    if apposed := _apposed_model(token):
        return Attribution(apposed, "apposition")  # "distilled from Wren-Large, our 118B-parameter flagship"
    if named_after := _named_after_its_size(token):
        return Attribution(named_after, "apposition")  # "The reward model for X is our 13B model, Sedge-13B"
    # "Prior work such as Meena (2.6B parameters)": a name the document does not know, sized in parentheses
    if (unlisted := _sized_in_parentheses(token) or _sized_in_apposition(token)) and not inventory.owns(unlisted,
                                                                                                      config):
        return Attribution(unlisted, "name")
    # "Our largest model is twice the size of X, which was trained on 2T tokens": the clause describes X
    described = _described_by_clause(token, names)
    if described is not None:
        return Attribution(described._.model, "relative_clause")
    if not names and (tailed := _named_by_tail(token)):
        return Attribution(tailed, "tail")  # "The B/16 model was trained on 64 chips": the member "X-ViT-B/16"
    if not names and not size and not rank and (tiered := _named_by_tier(token, inventory, config)):
        return Attribution(tiered, "tail")  # "the Large model took 2.8e24 FLOP, the Base model 5.9e23": "X-2-Base"
    if (size or rank) and (own_names or OWN_CUES.search(span_text(sent)) or (not unknown and not names)):
        line = inventory.line_of(own_names[0]._.model, config) if own_names else _context_line(token, inventory,
                                                                                              secs, config)
        size = size or (member_by_rank(inventory, line, rank) if line else "")
        if line and size:
            # "the larger instruct model": that member's fine-tune of that purpose, where the document names one
            purpose = rank.partition(" ")[2]
            tuned = [v for m in inventory.models if m.line == line and m.size == size for v in m.variants
                     if purpose and purpose in v.lower()]
            # ("the 24B model" of "X-Lite, a dense 24-billion-parameter model": the member the text sizes so)
            member = tuned[0] if len(tuned) == 1 else _member_of_size(inventory, line, size, sent, config)
            # "the 13B chat model was tuned for 20 hours": that member's chat release, as the document names it
            # or, where it names none, as labs suffix it
            if not rank and (word := _size_flavour(sent, size, token.i)):
                member = _fine_tune_of(member, word, inventory)
            return Attribution(member, "size")
    if unknown and (sibling := _sibling_of(sent, size, config)):
        return Attribution(sibling, "sibling")  # "X-34B ... The 12B sibling ran on 1,024 GPUs": X's 12B
    if unknown and not names:
        # "even the 410M model ...": a model of a size the document does not have
        return Attribution(f"{size} model", "unknown_size")
    if names and not own_names and all(_compared(t) for t in names) and (
            OWN_CUES.search(span_text(sent)) or all(_fronted(t, token) for t in names)):
        # "Similar to LLaMA, we trained a ~15B model for 1T tokens", "Like Llama 2, the models were pretrained on
        # 2T tokens": the lab's own model
        names = []
    if names and _clause_has_own_subject(token, names):
        if opener := _pronoun_for_opening_name(token, names):
            return Attribution(opener._.model, "pronoun")  # "X-2 doubled the data; it was trained on 1,024 GPUs"
        names = []  # "the corpus used for RoBERTa ..., and the model was trained on 180B tokens"
    # "It is trained on 4.5T tokens, exhibiting performance comparable to LLaMA2 7B": a model compared with
    # after the figure is not what the figure is about
    # ("..., compared to both the recent X and Y": the comparison word may stand a few words back)
    names = [t for t in names if not (t.i > token.i and MEASURED_AGAINST & set(words_before(t, 5)))]
    # "3e22 FLOPs, a small fraction of what went into X", "4T tokens, twice what X saw": a figure set against another
    # model's by a ratio or a comparison between them is not that model's
    names = [t for t in names if not (t.i > token.i and _set_against(token, t))]
    # "2T tokens, an eighth of the 15.6T used for X": a name after another figure is that one's
    names = [t for t in names if not (t.i > token.i and _figure_between(token, t))]
    # "... at roughly 5e23 FLOP; this excludes the compute used to pretrain X itself": a name in a clause after a
    # semicolon is that clause's
    names = [t for t in names if not (t.i > token.i and any(w.text in (";", "；") for w in token.doc[token.i:t.i]))]
    names = [t for t in names if not (t.i < token.i and _outdone_before(t, token))]
    if own_names or inventory.lines:  # "X, based on LLaMA, was trained on 110B tokens": the base is not what was
        names = [t for t in names if t in own_names or not _is_base(t)]  # trained, named or not
        # "X-Chat was fine-tuned from X; its tuning took 8 hours": an own base beside the model made from it
        unbased = [t for t in names if not _is_base(t)]
        # "It was obtained by taking X and continuing its training on 35B tokens": "It" is what was made from X
        # ... and so is a section's model made from the base it names ("## X 1.5" over "Continued pre-training of X 1.0
        # on 1.2T tokens"); not a packaging or a tune of that base ("## X-Instruct-AWQ" over "quantized from
        # X-Instruct, which was trained on 9T tokens": the base's own figures), nor the line the base is a member of
        # ("# X" over "Fine-tuning X-13B took six hours")
        made = section_model(token.idx, secs)
        names = [] if names and not unbased and (_pronoun_subject(sent) and sent.start > 0 or made and not any(
            _release_of(made, t._.model) or _release_of(t._.model, made) for t in names)) else (unbased or names)
    names = [t for t in names if not _time_reference(t)]  # "X 是在 Y 之后推出的" (X came out after Y): X's figures
    if names and _pronoun_subject(sent):
        # "It was retrained ... with a KL loss to X's logits": a name modifying a noun is not what "It" is
        names = [t for t in names if not doc_text(t.doc).startswith(("'s", "’s"), t.idx + len(t.text))]
    # "X 使用了 Y 的目标函数，经过了 1.4T ..." (X used Y's objective and was trained on 1.4T): a name that modifies a
    # noun with 的 is not the sentence's subject, which a name before it is
    names = [t for t in names if not _modifies_with_de(t)] if names and not _modifies_with_de(names[0]) else names
    if not names and sent.start > 0 and THAT_MODEL.search(span_text(sent)):
        before = token.doc[sent.start - 1].sent
        earlier = [t for t in before if t._.model and not _after_from(t)]  # (not a source: "drawn from the X mix")
        earlier = [t for t in earlier if not _is_base(t)] or earlier  # "X: continued pretraining of Y. This stage"
        if earlier:  # "GPT-3 was trained on 300B tokens. Estimates put that model's footprint at ..."
            return Attribution(earlier[-1]._.model, "pronoun")
        if before.start > 0 and STAGE_OPENING.match(span_text(sent)) and _pronoun_subject(before) and (
                named := _subject_of(token.doc[before.start - 1].sent, inventory, config)):
            return Attribution(named, "pronoun")  # "X has 10.7B parameters. We trained it on ... This phase ran ..."
        # "The 15B model was trained on 8T tokens. That run ...", "Our largest model ... That run ..."
        member = _member_of(token.doc[sent.start - 1].sent, token, inventory, secs, config)
        if member:
            return Attribution(member, "pronoun")
    if names and not own_names and _pronoun_subject(sent) and not any(
            t.i >= _clause_start(token) for t in names):
        names = []  # "Its data was generated with GPT-3.5, and it trained on 8 A100s": "Its" is the subject
    if names:
        # "our X model is trained on Y-Data for 3T tokens": in a sentence about the lab's own work, its own name
        own_work = bool(own_names) and bool(OWN_CUES.search(span_text(sent)))
        candidates = ([t for t in own_names if t in names] or own_names) if own_work else names
        before = [t for t in candidates if t.i < token.i]
        clause = _clause_start(token)
        in_clause = [t for t in names if clause <= t.i < token.i]
        if own_work and in_clause and (not before or (clause > sent.start and not set(in_clause) & set(own_names))):
            # "Our earlier flagship, X, was trained on 9T tokens; Y reached 20T": the own name comes after the
            # figure, another opens its clause; "we trained X on 2T tokens, while Y was trained on 300B": the
            # clause after the break is Y's
            return Attribution(_outer_name(in_clause[-1])._.model, "name")
        chosen = _outer_name(before[-1] if before else min(candidates, key=lambda t: t.i))
        return Attribution(_as_written_fine_tune(chosen, inventory), "own_name" if own_work else "name")
    if by_architecture := _named_by_architecture(sent, inventory):
        return Attribution(by_architecture, "architecture")
    if (role := ROLE_OPENING.match(span_text(sent))) and (distilled := inventory.roles.get(role.group(1).lower())):
        return Attribution(distilled, "role")  # "The student was trained for one pass over the set"
    for asked in reversed(_question_answered(sent)):
        # "Q: How long did tuning X-7B-Instruct take? A: About five days on 80 GPUs": the model the question asks of
        if named := _subject_of(asked, inventory, config) or _member_of(asked, token, inventory, secs, config):
            return Attribution(named, "question")
    if (_pronoun_subject(sent) or (_goes_on_list_item(sent) and not _names_by_size(token))) and (
            sent.start > 0):
        # ("- X-32B released! Pretraining used 9T tokens": a list item's next sentence is about what it opened on; a
        # size there names a model by itself, unless it counts the parameters: "Architecture: 9.1B params")
        for previous in _sentences_back(sent):
            # ("The teacher was pretrained on 14T tokens. It was trained on 4,096 GPUs": the teacher's; not "The
            # teacher stayed frozen. It took 12 days", the distillation's, nor "The teacher is X. It was ...")
            if (role := ROLE_STATE.match(span_text(previous))) and (
                    distilled := inventory.roles.get(role.group(1).lower())) and not ROLE_IS_ANOTHER.match(
                    span_text(previous)):
                return Attribution(distilled, "pronoun")
            named = (_last_named(previous) if LATTER.match(span_text(sent)) else
                     _subject_of(previous, inventory, config, DEMONSTRATIVE.match(span_text(sent)) is not None))
            member = "" if named else _member_of(previous, token, inventory, secs, config)  # "The 405B model was ..."
            if named or member:
                return Attribution(named or member, "pronoun")
    # "For X-Chat:" or "以 X-Chat 为例：" over a list: the items that name no model are about X-Chat, as under a heading
    section = _list_lead(sent, inventory, config) or section_model(token.idx, secs, prose=True)
    if section and section == inventory.roles.get("base") and OWN_OPENING.match(span_text(sent)):
        section = ""  # "## About the base model" over "Our tuning ran for 9 hours": the lab's own run, not the base's
    if (opener := _paragraph_opener(sent, inventory, config)) and opener != section:
        return Attribution(opener, "paragraph")
    if (previous := _named_just_before(sent, inventory, config)) and previous != section:
        return Attribution(previous, "previous")
    if (subject := _subject_just_before(sent, inventory, config)) and subject != section:
        return Attribution(subject, "previous")
    return Attribution(section, "section") if section else Attribution(inventory.default, "default")


def _led_over(name: Token) -> bool:
    """"Its lead over X", "an edge over X": a name that another is ahead of."""
    words = words_before(name, 3)
    return bool(words) and words[-1] == "over" and bool({"lead", "edge", "advantage", "margin"} & set(words))


def _sentence_before_in_paragraph(sent: Span) -> Span | None:
    """The sentence right before `sent` in its paragraph (no blank line between), where that one is prose, not a
    table's row or a heading; None otherwise."""
    if sent.start == 0:
        return None
    before = sent.doc[sent.start - 1].sent
    text = doc_text(sent.doc)
    if BLANK_LINE.search(text, before.start_char, sent.start_char) or text[before.start_char] in "|#":
        return None
    return before


def _named_just_before(sent: Span, inventory: Inventory, config: ExtractConfig) -> str:
    """The one model the sentence just before names, in the same paragraph, in a text on three families or more
    (a register, a round-up), where it is of another family than the main line's: a note on a register's run goes
    on about it ("Note 2. Pinecrest reported that the Ashvale-5 run was paused in April. Pinecrest reported 41
    million accelerator-hours"); "" otherwise (a lab's text on its MoE beside its dense line is on its main line
    where a sentence names none)."""
    families = {signature(line, config.naming).family for line in inventory.lines}
    if len(families) < 3 or (before := _sentence_before_in_paragraph(sent)) is None:
        return ""
    text = doc_text(sent.doc)
    named = {t._.model for t in before if t._.model and not _is_base(t) and not (
        MEASURED_AGAINST & set(words_before(t, 3)) or _led_over(t))
             and not text.startswith(("'s", "’s"), t.idx + len(t.text))}
    name = named.pop() if len(named) == 1 else ""
    line = inventory.line_of(name, config)
    family = lambda name: signature(name, config.naming).family  # noqa: E731
    other_family = bool(line) and family(line) != family(inventory.main)
    return name if other_family else ""


# a sentence opening on a part added to the model the sentence before was on: "The adapter was trained on ...", "Its
# vision encoder saw ...", "The projector ..." (not the company, the cluster, the optimizer or the run: those are the
# document's, whatever the sentence before named)
PART_OPENING = re.compile(r"^\W*(?:The|This|Its)\s+(?:[\w-]+\s+){0,2}?(?:adapters?|encoders?|decoders?|projectors?|"
                          r"connectors?|towers?|modules?|heads?)\b(?!\s+(?:of|from)\b)")


def _subject_just_before(sent: Span, inventory: Inventory, config: ExtractConfig) -> str:
    """The own model the sentence just before opens on as its subject, in the same paragraph, for a sentence that names
    none and opens on a part added to it ("X-70B-Vision attaches an image encoder. The adapter was trained on 0.9T
    tokens": X-70B-Vision's); "" otherwise."""
    if not PART_OPENING.match(span_text(sent)) or (before := _sentence_before_in_paragraph(sent)) is None or (
            LIST_ITEM.match(doc_text(sent.doc), before.start_char)):
        return ""
    name = _opening_name(before)
    return name if name and inventory.owns(name, config) else ""


PARAGRAPH_REACH = 3  # how many sentences back a paragraph's opening sentence speaks for it (a PDF's text has few
# blank lines, so its "paragraph" may run for a page)


def _paragraph_opener(sent: Span, inventory: Inventory, config: ExtractConfig) -> str:
    """The own model of another line than the document's main one that a prose paragraph opens on (a model made from
    the main one, a sibling release), for a later sentence of it that names none ("X-Math 9B is built on X-2 9B. ...
    The RL phase consumed 11K GPU-hours": X-Math 9B's); "" where the sentence opens the paragraph, the paragraph
    opened further back, a sentence between is on another model ("... X-2 9B was pretrained with care. The run took
    30 days"), or it is a list item or a table row."""
    text, opening, between = doc_text(sent.doc), sent, []  # (between: the sentences after the opening, before `sent`)
    for _ in range(PARAGRAPH_REACH + 1):
        if opening.start == 0:
            break
        before = sent.doc[opening.start - 1].sent
        if BLANK_LINE.search(text, before.start_char, opening.start_char):
            break
        between += [opening] if opening != sent else []
        opening = before
    else:
        return ""
    start = opening.start_char
    if opening == sent or LIST_ITEM.match(text, start) or text[start] in "|#" or any(
            t._.model and not _is_base(t) and not text.startswith(("'s", "’s"), t.idx + len(t.text))
            for s in between for t in s):
        return ""  # (a base, or a possessive's model, "16 experts of X-mini's width", is not what a sentence is on)
    name = _opening_name(opening)
    return name if name and inventory.line_of(name, config) not in ("", inventory.main) else ""


# "The sparse model was trained on 2,048 GPUs", "Our dense counterpart ran for 51 days": a document's one mixture of
# experts, or its one dense model beside it
ARCHITECTURE_OPENING = re.compile(rf"{SHORT_OPENER}(?:[Tt]he|[Oo]ur|[Tt]his)\s+"
                                  r"(?P<kind>sparse|MoE|mixture-of-experts|dense)\s+"
                                  r"(?:(?:seed|base|pretrained|pre-trained|flagship|final|main)\s+)?"
                                  r"(?:model|variant|one|run|sibling|counterpart)\b")
MIXTURE_NAME = re.compile(r"(?i)moe|(?:^|[-_\s])a\d+(?:\.\d+)?b\b|\d+x\d+(?:\.\d+)?b")


def _named_by_architecture(sent: Span, inventory: Inventory) -> str:
    """The own model a sentence opening on "The sparse model" or "The dense model" names, where the document has
    one of each; "" otherwise."""
    opening = ARCHITECTURE_OPENING.match(span_text(sent))
    if not opening:
        return ""
    sparse = [m.name for m in inventory.models if MIXTURE_NAME.search(m.name)]
    sparse = [name for name in sparse if size_of(name)] if len(sparse) > 1 else sparse  # (a line and its member)
    dense = [m.name for m in inventory.models if m.size and not MIXTURE_NAME.search(m.name)]
    named = dense if opening.group("kind").lower() == "dense" else sparse
    return named[0] if len(sparse) == 1 and len(dense) == 1 else ""


# the tail that tells a vision model's members apart: its width and patch size ("B/16", "L/14", "g/14")
PATCH_TAIL = re.compile(r"[A-Za-z]{1,2}/\d{1,2}")


def _named_by_tail(token: Token) -> str:
    """The model whose name ends on the tail the clause names before `token` ("the L/14 on 256 chips" is
    "X-ViT-L/14"), where exactly one name the document writes ends on it."""
    sent = token.sent
    tails = [t.text for t in sent.doc[_clause_start(token):token.i] if PATCH_TAIL.fullmatch(t.text)]
    if not tails:
        tails = [t.text for t in sent.doc[sent.start:token.i] if PATCH_TAIL.fullmatch(t.text)][-1:]
    if not tails:
        return ""
    names = {t._.model for t in tagged(sent.doc, "MODEL") if t._.model.endswith(f"-{tails[-1]}")}
    return names.pop() if len(names) == 1 else ""


TIER_NOUNS = {"model", "one", "variant", "version", "release", "checkpoint"}


def _named_by_tier(token: Token, inventory: Inventory, config: ExtractConfig) -> str:
    """The own model whose name ends on the tier word the sentence names last before `token` as "the <tier>
    model" ("the Base model about 5.9e23 FLOP" is "X-2-Base"), where exactly one name the document writes ends on
    it."""
    doc = token.doc
    for t in reversed(doc[token.sent.start + 1:token.i]):
        if t.text in (";", "；"):
            return ""  # (a tier named in the clause before is that clause's: "The Small model saw 500B tokens; Base
            # and Large each saw 1T")
        if t.text[:1].isupper() and t.is_alpha and doc[t.i - 1].lower_ in ("the", "our") and (
                t.i + 1 < len(doc) and doc[t.i + 1].lower_ in TIER_NOUNS):
            ending = re.compile(rf"[-\s]{re.escape(t.text)}$", re.I)
            named = {n._.model for n in tagged(doc, "MODEL") if ending.search(n._.model)}
            return named.pop() if len(named) == 1 and inventory.owns(next(iter(named)), config) else ""
    return ""


def _names_by_size(token: Token) -> bool:
    """A size that names a model ("the 7B"), not a count of its parameters ("9.1B params")."""
    after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
    return parameter_size(token) and not after.startswith("param")


def _sentences_back(sent: Span) -> list[Span]:
    """The sentence before `sent`; on a list item's line, each sentence before it back to the item's first ("- X
    released. Trained on 6T tokens. Pretraining took 21 days": all of it is about X); and through sentences that go on
    about the model by a pronoun ("X reuses ... Its 32 layers have a width of 2,560. The latter was trained on ...")."""
    doc, text = sent.doc, doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    found = [doc[sent.start - 1].sent]
    while not found[-1].text.strip() and found[-1].start > 0:
        found = [doc[found[-1].start - 1].sent]  # (a line break between list items is a "sentence" of its own)
    while (_goes_on_list_item(found[-1]) and found[-1].start_char > line_start or _pronoun_subject(found[-1])
           and not any(t._.model for t in found[-1]) and len(found) < 3) and found[-1].start > 0:
        found.append(doc[found[-1].start - 1].sent)
    return found


# the labels of an FAQ's or an interview's question and answer: "Q:", "**Question:**", "问：", "A:", "Answer -", "答："
QUESTION_LABEL = re.compile(r"^\W{0,3}(?:Q|Question|问)\W{0,3}[:：]", re.I)  # (a colon: not "Q-learning", "A. Setup")
ANSWER_LABEL = re.compile(r"^\W{0,3}(?:A|Answer|答)\W{0,3}[:：]", re.I)
# ... and an interview's speakers: "Host:", "Dr. Lin:", "主持人：" (host)
SPEAKER_LABEL = re.compile(r"^\W{0,3}([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}|[\u4e00-\u9fff]{1,4})\W{0,3}[:：]")
QUESTION_REACH = 4  # how many sentences back an answer's question may open


def _question_answered(sent: Span) -> list[Span]:
    """The sentences of the question an answer's sentence answers, from the one its label opens to the one before
    the answer: "Q: ...? A: About five days.", or one speaker's question and another's reply in an interview ("Host:
    How long did the run take? Lin: About five days."); [] for a sentence that opens no answer."""
    labelled = ANSWER_LABEL.match(sent.text) is not None
    speaker = None if labelled else SPEAKER_LABEL.match(sent.text)
    if not (labelled or speaker) or sent.start == 0:
        return []
    opens = QUESTION_LABEL if labelled else SPEAKER_LABEL
    asked = [sent.doc[sent.start - 1].sent]
    while not opens.match(asked[0].text) and len(asked) < QUESTION_REACH and asked[0].start > 0:
        asked.insert(0, asked[0].doc[asked[0].start - 1].sent)
    question = opens.match(asked[0].text)
    if question is None:
        return []
    if speaker is not None and (question.group(1) == speaker.group(1) or not _asks(asked[-1], question.group(1))):
        return []  # (a line after the same speaker's, after no question, or after a one-off "Key:" answers nothing)
    return asked


def _asks(last: Span, speaker: str) -> bool:
    """Whether an interview's question ends on `last`, its speaker one who speaks more than once ("Host:"), not a
    key a card writes once ("Comparison: Why did X need 2T tokens?")."""
    return last.text.rstrip().endswith(("?", "？")) and len(re.findall(
        rf"(?m)^\W{{0,3}}{re.escape(speaker)}\W{{0,3}}[:：]", doc_text(last.doc))) > 1


def _goes_on_list_item(sent: Span) -> bool:
    """The sentence goes on a list item's line after the item's first sentence ("- [2026-07] X released! Pretraining
    used 9T tokens")."""
    text = doc_text(sent.doc)
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    for _ in range(ITEM_LINES):  # (an item goes on over indented lines: "- X: continued ...\n  data. The run took ...")
        if line_start == 0 or text[line_start:line_start + 1] not in (" ", "\t"):
            break
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return line_start < sent.start_char and bool(LIST_ITEM.match(text[line_start:sent.start_char]))


ITEM_LINES = 6  # the lines a list item's text goes on over, at most


def _list_lead(sent: Span, inventory: Inventory, config: ExtractConfig) -> str:
    """The one own model that the sentence introducing a list names, when `sent` is an item of that list and the
    sentence ends with a colon; "" otherwise."""
    doc = sent.doc
    while LIST_ITEM.match(span_text(sent)) and sent.start > 0:
        sent = doc[sent.start - 1].sent
    if LIST_ITEM.match(span_text(sent)) or not span_text(sent).rstrip().endswith((":", "：")):
        return ""
    own = {t._.model for t in sent if t._.model and inventory.owns(t._.model, config)}
    return own.pop() if len(own) == 1 else ""


# what opens a clause of its own inside a sentence, and the subjects that clause can have
CLAUSE_BREAK = re.compile(r"^(?:;|,\s*(?:and|but|while|whereas|so)\b|\b(?:while|whereas)\b)", re.I)
CLAUSE_SUBJECT = re.compile(r"^\W*(?:and|but|while|whereas|so)?\s*(?:the model|our model|this model|it|we|the network|"
                            r"the final model|training)\b", re.I)
# "The 9B was trained on ...", "the 9B's run": a size standing for its model, with no noun after it
BARE_SIZE_FOLLOWERS = {"'s", "’s", "is", "was", "were", "has", "had", "took", "takes", "ran", "runs", "used", "uses",
                       "saw", "sees", "needed", "required", "consumed", "reached", "trained", "completed", "finished",
                       "spent", "occupied", "lasted", "processed", "stopped", "halted", "ended", "capped", "went",
                       "underwent", "received"}
# ... with an adverb or "alone" between: "The 70B then went", "the 7B alone took 9 days"
# ... or a purpose before the noun: "the 9B chat model", "our 7B instruct variant"
# a figure written as a size but followed by the data it counts: "the 11T pretraining figure", "the 2T training mix"
DATA_AFTER_SIZE = re.compile(r"\s+(?:pre-?)?training\s+(?:figure|total|budget|count|corpus|data|dataset|mix|mixture|"
                             r"set|tokens?)\b", re.I)
AFTER_THE_SIZE = {"then", "also", "later", "first", "finally", "alone", "itself", "eventually", "subsequently",
                   *PURPOSE_WORDS}
# a rank word may qualify the model by its stage or purpose ("the smaller chat model"); a lab's flagship is its largest
RANK = re.compile(r"(?i)\b(?:the|our|its|their)\s+(largest|biggest|smallest|larger|smaller|bigger)\s+"
                  rf"(?:(?:dense|moe|sparse|pre-?trained|final|(?P<purpose>{'|'.join(sorted(PURPOSE_WORDS))}))\s+)?"
                  r"(?:model|variant|version|one|member|run|configuration|checkpoint|network|counterpart|sibling)\b"
                  r"|\bthe\s+(larger|smaller|bigger)\s+of\s+the\s+(?:two|2)\b|(最大|最小|较大|较小|更大|更小)的(?:模型|版本)"
                  r"|\b(?:the|our|its|their)\s+(flagship)\b"
                  # the noun left out before a figure: "the 7B model 4.5T and the smallest 3T"
                  r"|\bthe\s+(largest|biggest|smallest)(?=\s+[~≈]?\d[\d.,]*\s*(?:[KMBT]\b|trillion|billion|million))")
RANK_OF = {"biggest": "largest", "bigger": "larger", "flagship": "largest", "最大": "largest", "最小": "smallest",
           "较大": "larger", "更大": "larger", "较小": "smaller", "更小": "smaller"}
THAT_MODEL = re.compile(r"\b(?:that|this) model(?:'s)?\b|\bthe (?:latter|former)\b|\bthat (?:training )?run\b|"
                        r"\b(?:this|that) (?:(?:first|second|third|final|last|main|pre-?training|fine-?tuning|"
                        r"post-?training|annealing|distillation) )?(?:stage|phase)\b|^\W*(?:该|这一|此)阶段", re.I)
# a sentence opening on the stage the one before told of ("This phase ran on 1,024 GPUs"), not one naming a run in
# passing ("we discarded that run, which had used ...")
STAGE_OPENING = re.compile(rf"{SHORT_OPENER}(?:[Tt]his|[Tt]hat)\s+(?:\w+\s+)?(?:stage|phase)\b")
RELATIVE = {"which", "who"}
NAMED_NOUNS = {"model", "models", "base", "checkpoint", "checkpoints", "variant", "version"}  # what a name may name
APPOSITION_OPENERS = {"our", "the", "its", "their"}  # "X, our earlier model that ..." ("X, a ..." always describes X)


def _outer_name(name: Token) -> Token:
    """"Hunyuan-Large（Hunyuan-MoE-A52B）": a name in parentheses right after another is another spelling of that
    model, which the text goes on to speak of by the first."""
    doc = name.doc
    if name.i >= 2 and doc[name.i - 1].text in ("(", "（") and doc[name.i - 2]._.model:
        return doc[name.i - 2]
    return name


def _clause_start(token: Token) -> int:
    """Where the clause holding `token` starts: the sentence start or the last clause break before it."""
    sent, start = token.sent, token.sent.start
    for t in sent.doc[sent.start:token.i]:
        # (the words after a comma are read only after a comma: a span's text costs a Token per word)
        if t.text in (";", ",") and CLAUSE_BREAK.match(sent.doc[t.i:min(t.i + 2, token.i)].text) or (
                t.lower_ in ("while", "whereas")):
            start = t.i
    return start


def _clause_has_own_subject(token: Token, names: list[Token]) -> bool:
    """The figure's clause names no model and has its own subject ("..., and the model was trained on ...")."""
    start = _clause_start(token)
    if start == token.sent.start or any(start <= t.i < token.i for t in names):
        return False
    return bool(CLAUSE_SUBJECT.match(token.doc[start:token.i].text.lstrip(";,").lstrip()))


# "...; it was trained on", ", and it used": "it" the subject of a verb of the run (not "it is fair to say", "it took
# 512 GPUs to train its successor")
CLAUSE_PRONOUN = re.compile(r"^\W*(?:and|but|so)?\s*it\s+(?:(?:was|is|has\s+been|had\s+been)\s+(?:pre-?)?trained|"
                            r"used|saw|ran|took|needed|required|consumed|spent|occupied|processed)\b", re.I)


def _pronoun_for_opening_name(token: Token, names: list[Token]) -> Token | None:
    """The model a sentence opens on, where a later clause goes on about it as "it" ("X-2, released in 2024, doubled
    the data; it was trained on 1,024 GPUs"): the subject of the first clause, which "it" takes up."""
    sent, start = token.sent, _clause_start(token)
    opener = names[0]
    opens = opener.i == sent.start or (opener.i == sent.start + 1 and sent[0].lower_ in ("the", "our"))
    opens = opens and not doc_text(opener.doc).startswith(("'s", "’s"), opener.idx + len(opener.text))  # "X's data"
    return opener if opens and CLAUSE_PRONOUN.match(token.doc[start:token.i].text.lstrip(";,")) else None


def _row_label(token: Token, names: list[Token]) -> Token | None:
    """The model a table row's first cell names, for a figure in a later cell ("| Aquila-7B | base model |
    ... | Nvidia-A100 |"): the row is that model's, whatever its description cell names."""
    text = sent_text(token)
    if not text.startswith("|"):
        return None
    first_cell_end = token.sent.start_char + text.find("|", 1)
    named = [t for t in names if t.idx < first_cell_end]
    return named[0] if len(named) == 1 and token.idx > first_cell_end else None


def _made_from_sized_base(token: Token, own_names: list[Token]) -> Token | None:
    """The own model named before a cue that the sized name after it is its base ("X is fine-tuned from a 7B
    LLaMA model"): a model made from a base has the base's parameters, so the size is X's too."""
    if token._.qty is None or token._.qty.value < 1e6:
        return None
    if not follows_base_cue(token):
        return None
    return next((t for t in reversed(own_names) if t.i < token.i), None)


def _name_right_after(token: Token) -> str:
    """The model name a figure stands before as its size ("the 13-billion-parameter Llama 2", "a 70B Llama 3
    teacher"), "" when another word comes first."""
    doc = token.doc
    for t in doc[token.i + 1:min(token.i + 4, token.sent.end)]:
        if t._.model:
            return "" if names_an_architecture(t) else t._.model
        if t.lower_.strip("-") not in ("", "parameter", "parameters", "param", "params"):
            return ""
    return ""


def _name_it_is_for(token: Token) -> str:
    """The model a figure is stated for after its unit ("2.1M GPU hours for Llama 2 70B", "300B tokens for the
    GPT-3 run", "8T tokens that went into X"), "" when another figure, name or clause comes first."""
    words = [t for t in token.doc[token.i + 1:min(token.i + 7, token.sent.end)] if not t.is_space]
    for k, t in enumerate(words[:5]):
        # ("the 8T tokens that went into X-34B": what went into a model is its)
        if t.lower_ == "for" or (t.lower_ == "into" and k and words[k - 1].lower_ in INTO_VERBS):
            after = words[k + 1:k + 3]
            named = after[1] if len(after) == 2 and after[0].lower_ == "the" else after[0] if after else None
            return named._.model if named is not None and named._.model and not names_an_architecture(named) else ""
        if t._.chip and k == 0:
            continue  # the chip of the figure's unit: "17,900 H100-hours for X"
        if t._.model and k and words[k + 1:k + 2] and words[k + 1].lower_ in SPENT_VERBS and all(
                w.lower_ in ("that", "which") for w in words[1:k]):
            # "up from the 9T tokens X saw", "the 2,048 GPUs that X used": what X spent (not "9T tokens because X had
            # shown ...", another clause)
            return t._.model
        if t._.qty is not None or t._.model or t._.chip or t.text in ",;:()" or t.lower_ in STATED_FOR_STOPS:
            return ""
    return ""


INTO_VERBS = {"went", "go", "goes", "gone", "put", "poured"}
# what a model in a relative clause after a figure did with it: "the 9T tokens X saw", "the 40 days Y needed"
SPENT_VERBS = {"saw", "used", "had", "needed", "consumed", "took", "got", "received", "required", "processed",
               "spent", "burned", "drew"}
STATED_FOR_STOPS = {"vs", "vs.", "versus", "and", "or", "than", "while", "whereas", "but", "compared"}


NOT_MODEL_WORDS = {"table", "figure", "fig", "section", "appendix", "eq", "equation", "step", "stage", "phase"}
MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"}


def _sized_in_parentheses(token: Token) -> str:
    """The capitalised word a parenthesis holding only this size follows ("Meena (2.6B parameters)"), "" when
    there is none: a name no family list holds, written as names are."""
    doc, sent = token.doc, token.sent
    if token._.qty is None or token.i - 2 <= sent.start or doc[token.i - 1].text != "(":
        return ""  # (a chip in parentheses is the make of what comes before it: "64 GPUs (A100 80GB)")
    word = doc[token.i - 2]
    after = next((t for t in doc[token.i + 1:min(token.i + 3, sent.end)]
                  if t.lower_ not in ("parameters", "params", "parameter")), None)
    return _unlisted_name(word) if after is not None and after.text == ")" else ""


def _unlisted_name(word: Token) -> str:
    """The word as a model's name that no family list holds: written as names are ("Meena"), not tagged as a
    model already, not a word that labels a table or a section; "" otherwise."""
    if word._.model or word.lower_ in NOT_MODEL_WORDS | MONTHS or made_by(word):
        return ""  # ("trained by ServiceNow, a 7B model trained by ...": the lab that made the model before)
    return word.text if re.fullmatch(r"[A-Z][A-Za-z0-9.-]*[a-z0-9][A-Za-z0-9.-]*", word.text) else ""


APPOSED_MODEL_NOUNS = ("model", "chatbot", "llm", "lm", "language", "network", "transformer", "moe", "decoder",
                       "flagship")


def _sized_in_apposition(token: Token) -> str:
    """The capitalised word an apposition giving this size follows inside a sentence ("... the size of Meena, the
    2.6-billion-parameter chatbot"), "" when there is none: a name no family list holds, written as names are."""
    word = _apposed_to(token, ("a", "an", "the"))
    return _unlisted_name(word) if word is not None and word.i > token.sent.start else ""


# the words a name may be the object of, before "is" ("The reward model for X is ...")
OBJECT_OF = {"for", "of", "to", "with", "by", "from", "on", "in", "at", "than", "like"}


def _apposed_to(token: Token, determiners: tuple[str, ...]) -> Token | None:
    """The word before the comma of an apposition giving this size ("X, a 4.2B-parameter model", "from X, our largest
    96B-parameter flagship"), or before its verb ("X is our 13B model"): up to two words between its determiner and
    the size, a word for a model after it."""
    doc, sent = token.doc, token.sent
    at = token.i - 1
    while at > token.i - 3 and doc[at].is_alpha and doc[at].lower_ not in determiners:
        at -= 1  # ("our largest 96B-parameter model")
    if at - 2 < sent.start or doc[at].lower_ not in determiners or doc[at - 1].lower_ not in (",", "is", "was"):
        return None
    if doc[at - 1].lower_ in ("is", "was") and at - 3 >= sent.start and doc[at - 3].lower_ in OBJECT_OF:
        return None  # the verb's subject is the name, not a preposition's object ("The reward model for X is our 13B")
    if not any(t.lower_.startswith(APPOSED_MODEL_NOUNS) for t in doc[token.i + 1:min(token.i + 5, sent.end)]):
        return None
    return doc[at - 2]


def _apposed_model(token: Token) -> str:
    """The model a size in apposition right after its name describes ("from X, our 118B-parameter flagship", "X, a
    4.2B-parameter model"), "" when the figure stands elsewhere."""
    word = _apposed_to(token, ("a", "an", "the", "our", "its"))
    return word._.model if word is not None else ""


# a size's model noun, then the name it is after a comma: "our 13B model, Sedge-13B"
SIZE_TEXT = re.compile(r"\d+(?:\.\d+)?[KMBT]")
NAME_AFTER_SIZE = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:models?|LLMs?|variants?|checkpoints?)\s*,\s*"
                             r"(?P<name>[A-Z][\w.-]*\d[\w.-]*)")


def _named_after_its_size(token: Token) -> str:
    """The name an apposition gives a sized model right after it ("our 13B model, Sedge-13B"), where the name
    holds that size; else ""."""
    size = token.text.rstrip(".,;:").upper()
    if not SIZE_TEXT.fullmatch(size):
        return ""
    m = NAME_AFTER_SIZE.match(doc_text(token.doc), token.idx + len(token.text))
    name = m.group("name").rstrip(".") if m else ""
    return name if name and size_of(name).upper() == size else ""


def _described_by_clause(token: Token, names: list[Token]) -> Token | None:
    """"GPT-3, which ... was trained on 300B tokens": the name a relative clause holding the figure describes."""
    before = [t for t in names if t.i < token.i]
    if not before:
        return None
    name = before[-1]
    doc = token.doc
    opens = _relative_clause_on(name, token.i)
    if opens is not None:
        between = doc[opens + 1:token.i]
        if not any(t.text in (";", ".") for t in between) and not any(CLAUSE_BREAK.match(doc[t.i:t.i + 2].text)
                                                                    for t in between if t.text == ","):
            return name
    return None


def _relative_clause_on(name: Token, end: int) -> int | None:
    """Where a relative clause describing `name` opens before token `end`: "X, which ...", or after an apposition
    that is X, "X, our earlier model that ..."."""
    doc = name.doc
    comma = name.i + 1
    while comma < min(name.i + 3, end) and doc[comma].lower_ in NAMED_NOUNS:
        comma += 1  # "X base checkpoint, which ...": the name with what it names
    if comma + 1 >= end or doc[comma].text != ",":
        return None
    opener = doc[comma + 1]
    if opener.lower_ in RELATIVE:
        return opener.i
    if opener.lower_ in ("a", "an"):
        return opener.i  # "X, a mixture-of-experts model with 671B parameters": the apposition describes X
    if opener.lower_ in APPOSITION_OPENERS:
        for t in doc[opener.i + 1:min(opener.i + 6, end)]:
            if t.lower_ in RELATIVE or t.lower_ == "that":
                return t.i
            if t.text == "," and t.i + 1 < end and doc[t.i + 1].lower_ in RELATIVE:
                return t.i + 1  # "X, our previous release, which ..."
            if t.is_punct:
                return None
    return None


# a helper model by its name ("X-RM-13B", "X-Reward-7B", "X-PRM") or by what follows it ("X, an internal 13B reward
# model"): it scores or judges for a run, and a run's figures near its name are not its own
HELPER_NAME = re.compile(r"(?i)(?:^|[-_\s])(?:rm|prm|orm|reward|critic|judge|verifier)(?:$|[-_\s])")
HELPER_AFTER = re.compile(r"\s*,\s*(?:an?|our|the)\s+(?:[\w-]+\s+){0,3}?(?:reward|critic|judge|verifier|scoring)\s+"
                          r"models?\b", re.I)


# "以 X 为教师" (with X as the teacher), "with X as the teacher": what the sentence's model learns from, not that model
AS_TEACHER = re.compile(r"\s*(?:为|作为)\s*(?:教师|老师)|\s+as\s+(?:the\s+|a\s+|its\s+|our\s+)?teacher\b", re.I)


def helper_model(name: Token) -> bool:
    """Whether the name at `name` is of a helper model (`HELPER_NAME`, `HELPER_AFTER`)."""
    return bool(HELPER_NAME.search(name._.model) or HELPER_AFTER.match(doc_text(name.doc), name.idx + len(name.text)))


def _subject_of(sent: Span, inventory: Inventory, config: ExtractConfig, demonstrative: bool = False) -> str:
    """The model a sentence is about, for "It" in the next: an own name anywhere in it, else a name that opens it
    ("GPT-3 was trained on ..."); not a name used in passing ("keeps the DeepSeekMoE layout"), nor a helper model
    ("Pairs were ranked by X-RM-13B, an internal reward model. Both phases ran on 16 GPUs": the phases' model's).
    For a `demonstrative` ("This model", "该模型"), the one model the sentence names, where it names one only and not
    as a base ("最受关注的发布之一是 X。该模型 ...", one of the most watched releases was X. The model ...)."""
    names = [t for t in sent if t._.model and not helper_model(t)]
    # (the teacher is what the sentence's own model learns from, where it names one: "With X as the teacher, we
    # distilled Y"; alone it is the subject: "We first train X as the teacher")
    students = [t for t in names if not AS_TEACHER.match(doc_text(t.doc), t.idx + len(t.text))]
    names = students if any(inventory.owns(t._.model, config) for t in students) else names
    own = next((t._.model for t in names if inventory.owns(t._.model, config)), "")
    opening = [t for t in sent[:6] if not t.is_space and not t.is_punct and t.lower_ not in DEFINITE | {"a", "an"}]
    named = {t._.model for t in names}
    only = {n for n in named if not any(o != n and o.startswith(n) for o in named)}  # (a lab named after its line)
    # (not a name that modifies a noun: "分词器沿用 Qwen2-7B 的词表。该模型…", the tokenizer keeps Qwen2-7B's
    # vocabulary; the model after it is the document's)
    if demonstrative and not own and len(only) == 1 and not any(
            _is_base(t) or _modifies_with_de(t) or doc_text(t.doc)[t.idx + len(t.text):].startswith(("'s", "’s"))
            for t in names):
        return only.pop()
    return own or next((t._.model for t in opening[:2] if t._.model), "") or _apposed_subject(sent)


def _apposed_subject(sent: Span) -> str:
    """The name set beside a sentence's opening noun ("Our first model, X-1 7B, came out last year"), its subject."""
    comma = next((t for t in sent[:6] if t.text == ","), None)
    if comma is None or comma.i == sent.start or not sent.doc[comma.i - 1].lower_.startswith(MODEL_NOUNS + (
            "predecessor", "release")) or comma.i + 1 >= sent.end:
        return ""
    return sent.doc[comma.i + 1]._.model or ""


# "This model ...", "该模型" (this model), "这个模型", "此模型": the model the sentence before named
LATTER = re.compile(rf"{SHORT_OPENER}(?:{LATTER_WORDS})\b")  # (the model named last before, not the one the text is on)


def _last_named(sent: Span) -> str:
    """The model a sentence names last ("We also built X-4 Mini, a 9B version"), not a helper model."""
    names = [t for t in sent if t._.model and not helper_model(t)]
    return names[-1]._.model if names else ""


DEMONSTRATIVE = re.compile(rf"{SHORT_OPENER}[Tt]his\s+model\b|^\W*(?:该模型|此模型|这个模型|这一模型)")


COMPARISON_WORDS = {"like", "unlike", "than", "similar", "compared", "comparing", "versus", "vs", "vs.", "following",
                    "as"}
# what a result is measured against: "performance comparable to X", "outperforming X"
MEASURED_AGAINST = COMPARISON_WORDS | {"comparable", "outperform", "outperforming", "outperforms", "outperformed",
                                       "surpass", "surpassing", "surpasses", "surpassed", "rival", "rivals",
                                       "rivalling", "rivaling", "match", "matches", "matching", "beat", "beats",
                                       "beating", "exceed", "exceeds", "exceeding", "against", "below", "above"}
RATIO_WORDS = {"fraction", "twice", "thrice", "half", "times", "tenth", "quarter", "percent"} | (
    COMPARISON_WORDS - {"like", "similar", "following", "as", "comparing"})
# what leads from a ratio to the model it is taken of: "a fraction of what went into X", "5% of X's", "less than X"
LEADS_TO = {"of", "than", "into", "versus", "vs", "vs.", "compared", "with"}
# after the model a comparison measures against, words that return to the comparison's subject and what it did:
# "X outperforms Y while using 1T tokens", "beats Y despite being trained on ...", "better than Y, using 64 GPUs"
SUBJECT_RESUMES = re.compile(r"\b(?:while|whilst|despite|although|though|yet|when|using)\b"
                             r"|\bwith\s+(?:only|just|merely|far\s+fewer|fewer|less)\b", re.I)


def _set_against(figure: Token, name: Token) -> bool:
    """A ratio or comparison word stands between a figure and a name after it, which a word of comparison leads to,
    with no other name after the ratio ("about 5% of X's budget"; not Y in "30% fewer hours than X, Y was trained
    on ...", nor X in "2,048 GPUs at 41% MFU to train X")."""
    between = figure.doc[figure.i + 1:name.i]
    ratio = [t.i for t in between if t.lower_ in RATIO_WORDS or t.text.endswith("%")]
    return bool(ratio) and bool(LEADS_TO & set(words_before(name, 3))) and not any(
        t._.model for t in figure.doc[ratio[-1] + 1:name.i])


def _figure_between(figure: Token, name: Token) -> bool:
    """Another figure of the same measure stands between a figure and a name after it."""
    measure = _measure(figure)
    between = figure.doc[figure.i + 1:name.i]
    return bool(measure) and any(t._.qty is not None and _measure(t) == measure for t in between)


def _measure(token: Token) -> str:
    """What a figure counts, as written: the magnitude glued to it ("15.6T" -> "t"), else the word after it."""
    glued = re.search(r"[A-Za-z]+$", token.text)
    if glued:
        return glued.group(0).lower()
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after.lower_ if after is not None and after.is_alpha else ""


def _outdone_before(name: Token, figure: Token) -> bool:
    """A name that a comparison measures against, after which the sentence returns to its subject before the
    figure: the figure is the subject's, not the name's ("X outperforms Y while using 1T tokens")."""
    if not (MEASURED_AGAINST - {"as", "following", "like", "unlike", "similar"}) & set(words_before(name, 3)):
        return False
    between = doc_text(name.doc)[name.idx + len(name.text):figure.idx]
    return bool(SUBJECT_RESUMES.search(between))


# "在 LLaMA-13B 模型基础上" (on the basis of LLaMA-13B): Chinese may close the cue after the name
BASE_AFTER = re.compile(r"\s*(?:模型)?\s*(?:的)?\s*(?:基础上|之上)")


def _is_base(name: Token) -> bool:
    """A name introduced as the base a model was made from ("based on LLaMA", "基于LLaMA")."""
    return follows_base_cue(name) or bool(BASE_AFTER.match(doc_text(name.doc), name.idx + len(name.text)))


def _time_reference(name: Token) -> bool:
    """A name that dates something else ("在 Y 之后推出", released after Y)."""
    text = doc_text(name.doc)
    end = name.idx + len(name.text)
    return bool(re.match(r"\s*(?:之后|以后|之前|以前)", text[end:end + 4]))


def _described_with_de(token: Token) -> str:
    """The name a Chinese description holding the figure modifies with 的 ("15 万亿 tokens 的 Llama-3-8B"), "" when a
    comma, a full stop or another figure comes first."""
    for t in token.doc[token.i + 1:min(token.i + 8, token.sent.end)]:
        if t.text == "的":
            after = t.doc[t.i + 1] if t.i + 1 < t.sent.end else None
            return after._.model if after is not None and after._.model else ""
        if t._.qty is not None or t._.model or t.text in "，。；,;：:":
            return ""
    return ""


def _modifies_with_de(name: Token) -> bool:
    """A Chinese possessive: the name is followed by 的 ("GLM 的混合目标函数", GLM's mixed objective)."""
    text = doc_text(name.doc)
    end = name.idx + len(name.text)
    return text[end:end + 3].lstrip().startswith("的")


FRONTED = re.compile(r"^\W*(?:like|unlike|similar(?:ly)?\s+to|as\s+(?:with|in|for)|compared\s+(?:to|with)|"
                     r"in\s+contrast\s+to)\s", re.I)


def _fronted(name: Token, figure: Token) -> bool:
    """The name stands in a comparison that opens the sentence and a comma closes before the figure ("Like X, ...")."""
    sent = name.sent
    return bool(FRONTED.match(span_text(sent))) and any(t.text == "," for t in sent.doc[name.i + 1:figure.i])


def _compared(name: Token) -> bool:
    """A name introduced as a point of comparison ("Similar to LLaMA", "unlike GPT-3", "compared with X")."""
    return bool(COMPARISON_WORDS & set(words_before(name, 3)))


def _member_of(sent: Span, token: Token, inventory: Inventory, secs: list[Section], config: ExtractConfig) -> str:
    """The member of the context line that `sent` names by its size or rank ("The 15B model", "Our largest
    model"), "" when it names none."""
    size, rank = size_mention(sent), rank_mention(sent)
    line = _context_line(token, inventory, secs, config) if size or rank else ""
    size = size or (member_by_rank(inventory, line, rank) if line else "")
    return _member_of_size(inventory, line, size, sent, config) if line and size else ""


def _context_line(token: Token, inventory: Inventory, secs: list[Section], config: ExtractConfig) -> str:
    model = section_model(token.idx, secs) or inventory.main
    return inventory.line_of(model, config) if model else ""


SIBLING = re.compile(r"\s+(?:sibling|counterpart)\b", re.I)


def _sibling_of(sent: Span, size: str, config: ExtractConfig) -> str:
    """The member of `size` of the line of the model named last before a size's "sibling" or "counterpart" (in the
    sentence, else the one before): "Pebblecrest-34B ... The 12B sibling ran on ..." is Pebblecrest's 12B; ""
    where no sibling word follows the size or no model is named before it."""
    text = doc_text(sent.doc)
    at = next((t for t in sent if t._.is_size and t.text.rstrip(".,;:").upper() == size), None)
    if at is None or not SIBLING.match(text, at.idx + len(at.text)):
        return ""
    named = [t for t in sent.doc[sent.start:at.i] if t._.model]
    if not named and sent.start > 0:
        named = [t for t in sent.doc[sent.start - 1].sent if t._.model]
    return f"{line_name(named[-1]._.model, config)} {size}" if named else ""


EARLIER_SIZED = re.compile(r"\b(?:previous|earlier|prior|older|last\s+year'?s|former)\s+\d+(?:\.\d+)?\s*[BMT]\b", re.I)


def _member_of_size(inventory: Inventory, line: str, size: str, sent: Span, config: ExtractConfig) -> str:
    """The member a sentence names by its size: the one the text sizes so, else the member of that size by name."""
    text = doc_text(sent.doc)
    return _member_sized_in_text(inventory, line, size, text) or member_name(inventory, line, size, config)


def _member_sized_in_text(inventory: Inventory, line: str, size: str, text: str) -> str:
    """The member of `line` (or of a tier of it) without a size in its name that the text sizes as `size` right after
    naming it ("X-Lite, a dense 24-billion-parameter model", "X-Lite (24B parameters)"); "" if none."""
    if any(m.line == line and m.size == size for m in inventory.models):
        return ""
    number = f"{size_count(size) / (1e9 if size.endswith('B') else 1e6):g}"
    sized = rf"[^.\n]{{0,40}}?(?<![\w.]){re.escape(number)}(?:{size[-1]}|[- ](?:billion|million))[\s-]*param"
    # (the nearest name before the size: "X-Pro and X-Lite, a dense 24-billion-parameter model" sizes X-Lite)
    gaps = sorted((len(found.group(0)) - len(m.name), m.name) for m in inventory.models
                  if (m.line == line or _extends(m.line, line)) and not m.size
                  for found in re.finditer(rf"{re.escape(m.name)}(?![\w-]){sized}", text, re.I))
    return gaps[0][1] if gaps and (len(gaps) == 1 or gaps[1][0] > gaps[0][0]) else ""


def _stated_total_of(size: str, inventory: Inventory, text: str) -> str:
    """The member named by its active size alone ("X-A22B") whose total the text states as `size` in a sentence
    naming it ("X-A22B is a mixture with 235B total parameters", "X-A22B (235B total, 22B active)"); "" if none."""
    for m in inventory.models:
        if not m.size.startswith("A"):
            continue
        stated = rf"{re.escape(m.name)}(?![\w-])[^.\n]{{0,80}}?(?<![\w.]){re.escape(size)}\s*(?:total|in\s+total)\b"
        if re.search(stated, text, re.I):
            return m.name
    return ""


def member_name(inventory: Inventory, line: str, size: str, config: ExtractConfig) -> str:
    """The name the document uses for `line` at `size` ("MiniCPM4-8B"), else the line and the size."""
    size = size.upper()
    known = _members_at(inventory, line, size) or _member_near(inventory, line, size)
    if known:
        return known[0]
    # "the 14B model" of RWKV-4, whose sizes the document only writes as "RWKV-4-Pile-14B": the member of that size
    # of the own line that extends this one by a word, the one with most members where several have that size (a
    # line made for a purpose, "Qwen2.5-Math" beside "Qwen2.5", is another model)
    if any(m.line == line and m.size for m in inventory.models):
        return f"{line} {size}"
    longer = [(len([m for m in inventory.models if m.line == other and m.size]), other) for other in inventory.lines
              if _extends(other, line) and _members_at(inventory, other, size)]
    best = max(longer, default=(0, ""))
    if best[1] and sum(1 for n, _ in longer if n == best[0]) == 1:
        return _members_at(inventory, best[1], size)[0]
    return f"{line} {size}"


NOMINAL = 0.12  # an exact count within this of a member's nominal size is that member's ("15.2B" of "X-15B")


def _member_near(inventory: Inventory, line: str, size: str) -> list[str]:
    """The one member of `line` whose nominal size the exact count `size` rounds to ("6.9B", "108B" of members
    named "X-7B", "X-110B"); [] when none or several are that near."""
    count = size_count(size)
    near = {m.name for m in inventory.models if m.line == line and m.size
            and abs(size_count(m.size) - count) <= NOMINAL * size_count(m.size)}
    return list(near) if len(near) == 1 else []


def _extends(other: str, line: str) -> bool:
    """`other` is `line` and one more word, not a purpose ("RWKV-4-Pile" of "RWKV-4"; not "Qwen2.5-Math")."""
    if not other.lower().startswith(line.lower()) or other[len(line):][:1] not in (" ", "-", "_"):
        return False
    return re.split(r"[-_\s]", other[len(line) + 1:])[0].lower() not in PURPOSE_WORDS


def _members_at(inventory: Inventory, line: str, size: str) -> list[str]:
    """The names of `line`'s members of `size` (one size written two ways, "0.5B" and "500M", is one member)."""
    return [m.name for m in inventory.models if m.line == line and m.size
            and math.isclose(size_count(m.size), size_count(size), rel_tol=1e-6)]


def with_size(model: str, size: str, inventory: Inventory, config: ExtractConfig, listed: bool = True) -> str:
    """A model named without a size, made specific by a size the fact states for it ("Llama 3 comes in 8B
    and 70B": the 8B model). A size stated alone for a model outside the inventory ("Its predecessor, X-1.5,
    kept the same 1.3B size") is that model's size, not one of several members: the name stays."""
    if not model or size_of(model) == size.upper():
        return model
    line = inventory.line_of(model, config)
    if line:
        return member_name(inventory, line, size, config)
    return f"{line_name(model, config)} {size.upper()}" if listed or size_of(model) else model


def role_of(model: str, inventory: Inventory, config: ExtractConfig) -> str:
    """subject when the model is one of the document's own, cited otherwise (a document without an
    inventory cites nothing)."""
    if not model or not inventory.lines:
        return "subject"
    return "subject" if inventory.owns(model, config) or inventory.extends(model, config) else "cited"
