"""One figure stated for several of the document's models at once ("Foo-3B and Foo-7B were trained on 1T tokens",
"the 3B, 7B and 13B models were trained on 1T tokens"): the figure is each listed model's, so each gets a fact of
its own, with an id of its own. A sentence that names no member ("Both models were trained on H100s") stays the
line's, which its members inherit in estimation.

Parameter counts are each member's own already ("7B and 13B parameters"), and a figure paired by "respectively"
goes to one model each."""

from __future__ import annotations

import re
from dataclasses import replace

from floptrail.extract.attribution import member_name, semicolon_part, size_mentions
from floptrail.extract.canonical import size_count, strip_name
from floptrail.extract.config import ExtractConfig
from floptrail.extract.inventory import Inventory, size_of
from floptrail.extract.numbers import NUMBER_WORDS
from floptrail.extract.pipeline import doc_text, span_text
from floptrail.extract.rules.sizes import COMPARED
from spacy.tokens import Doc, Token

SHARED_KINDS = {"tokens", "hardware", "chip_count", "duration_hours", "epochs"}
SEPARATORS = {",", "and", "&", "/", "、", "和", "与", "及", "as", "well"}  # "X, Y, as well as Z"
MEMBER_NOUNS = {"models", "versions", "variants", "sizes", "checkpoints", "models'", "模型", "版本"}
RESPECTIVE = re.compile(r"\brespectively\b|分别", re.I)


def listed_members(doc: Doc, start: int, end: int, line: str, inventory: Inventory,
                   config: ExtractConfig) -> list[str]:
    """The own models a list right before the figure at start:end names (two or more), in order; [] when none."""
    span = doc.char_span(start, end, alignment_mode="expand")
    scope = semicolon_part(span[0]) if span is not None else None
    if span is None or RESPECTIVE.search(span_text(scope)):
        return []
    before = doc[scope.start:span.start]
    members = _last_list(before, line, inventory, config) or _ranked_group(before, line, inventory, config)
    return list(dict.fromkeys(members)) if len(set(members)) >= 2 else []


# members named as a group by their rank or as the rest: "the two larger models", "the smaller two", "the other two"
# (not a group of other things: "the two smaller clusters", "the two larger ablations")
GROUP_NOUN = (r"(?:\s+(?:models|ones|variants|versions|sizes|members|checkpoints))?(?!\s+(?:clusters?|ablations?|runs|"
              r"experiments|proxies|datasets|nodes|pods|jobs|baselines|budgets|batches|configurations|setups)\b)")
RANKED_GROUP = re.compile(r"\b(?:the|our)\s+(?:(?P<count>two|three|four|[234])\s+"
                          r"(?P<rank>larger|largest|bigger|biggest|smaller|smallest)|(?P<rank2>larger|bigger|smaller)\s+(?P<count2>two|three|four|[234]))"
                          rf"{GROUP_NOUN}\b|\bthe\s+other\s+(?P<rest>two|three|four|[234])\b{GROUP_NOUN}", re.I)


def _ranked_group(tokens, line: str, inventory: Inventory, config: ExtractConfig) -> list[str]:
    """The members the last group before the figure names by rank ("the two larger models": the two largest sizes of
    the line) or as the rest ("X-8B took 18 days, and the other two ...": the sizes the clause did not name), with no
    model named between it and the figure; [] when the line's sizes do not fit the count."""
    sizes = sorted({m.size.upper() for m in inventory.models if m.line == line and m.size}, key=size_count)
    chosen = ranked_group(tokens, sizes) if line else []
    return [member_name(inventory, line, size, config) for size in chosen]


def ranked_group(tokens, in_order: list[str]) -> list[str]:
    """Of `in_order` (a line's members or sizes, smallest first), those the last group in `tokens` names by rank, or
    as the rest (the sizes not named before it); [] when no group ends `tokens` (a model is named after it, by its
    name or its size: "..., the 1B model 600 billion") or the count does not fit."""
    text, offset = tokens.text, tokens.start_char if len(tokens) else 0
    group = next(reversed(list(RANKED_GROUP.finditer(text))), None)
    named_after = [t for t in tokens if t.idx >= offset + group.end()] if group is not None else []
    sized = {i for i, _ in size_mentions(tokens[0].sent)} if named_after else set()
    if group is None or any(t._.model or t.i in sized for t in named_after):
        return []
    word = (group["count"] or group["count2"] or group["rest"]).lower()
    count = int(word) if word.isdigit() else NUMBER_WORDS[word]
    if group["rest"]:
        named = {size_of(t._.model) for t in tokens if t._.model and t.idx < offset + group.start()}
        chosen = [m for m in in_order if size_of(m) not in named]
    else:
        rank = (group["rank"] or group["rank2"]).lower()
        chosen = in_order[:count] if rank.startswith("small") else in_order[-count:]
    return chosen if len(in_order) > count and len(chosen) == count else []


def _last_list(tokens, line: str, inventory: Inventory, config: ExtractConfig) -> list[str]:
    """The members of the last run of own names, or of sizes before a member noun ("3B, 7B and 13B models"),
    joined only by separators, with no other model named after it."""
    run: list[Token] = []
    for t in tokens:
        if _bracketed_size(t):
            continue  # "phi-3-small (7B) and phi-3-medium (14B)": the size restates the name before it
        if _member_token(t, inventory, config):
            run = [*run, t] if run and _joined(run[-1], t) else [t]
        elif t._.model and run and not _joined(run[-1], t):
            run = []  # another model named after the list: the figure is about that one
    lead = {w.lower_ for w in tokens.doc[max(run[0].sent.start, run[0].i - 3):run[0].i]} if run else set()
    if len(run) < 2 or COMPARED & lead or SIZED_LIKE.search(
            doc_text(tokens.doc)[max(run[0].sent.start_char, run[0].idx - 40):run[0].idx]):
        return []  # "Compared to 7B and 13B models, ours ...": what the figure is measured against; "runs at the sizes
        # of X and Y": models like them
    if all(t._.model for t in run):
        return [t._.model for t in run]
    if line and run[0]._.model and not any(t._.model for t in run[1:]):
        # "Foo 3B and 7B models": the sizes after a sized name are its line's other members
        return [run[0]._.model, *(member_name(inventory, line, t.text.rstrip(".,;:"), config) for t in run[1:])]
    follower = next((w for w in tokens.doc[run[-1].i + 1:run[-1].i + 4] if not w.is_space), None)
    if not line or follower is None or follower.lower_ not in MEMBER_NOUNS or any(t._.model for t in run):
        return []
    return [member_name(inventory, line, t.text.rstrip(".,;:"), config) for t in run]


def _member_token(t: Token, inventory: Inventory, config: ExtractConfig) -> bool:
    """An own model's name (the lab's earlier ones too: "Finch-3-small and Finch-3-medium" in a post on Finch-3.5),
    or a size."""
    return bool(t._.model and (inventory.owns(t._.model, config) or inventory.is_earlier(t._.model, config))) or bool(
        t._.is_size)


# "at roughly the sizes of X-Lite and X": runs like them (not "comes in two sizes: X-2B and X-7B")
SIZED_LIKE = re.compile(r"\b(?:sizes?|scales?)\s+of\s*$", re.I)
# a name the list holds that is no model of the document's ("transformerpp-2.7b", a baseline): the list goes on
SIZED_WORD = re.compile(r"[a-z][\w.]*-\d+(?:\.\d+)?[bmBM]")
BETWEEN = 5  # tokens at most from one member to the next


def _joined(a: Token, b: Token) -> bool:
    """Only list separators (and other sized names) stand between two tokens, and at least one separator before a
    bare size (figures side by side, "X-1.7B 1.71B 11T", are a table's cells read as prose, not a list)."""
    between = [w for w in a.doc[a.i + 1:b.i] if not w.is_space and not _bracketed_size(w) and not (
        w.text in ("(", ")") and any(_bracketed_size(x) for x in a.doc[max(0, w.i - 1):w.i + 2]))]
    if not between and b._.is_size and not b._.model:
        return False
    return b.i - a.i <= BETWEEN and all(w.lower_ in SEPARATORS or SIZED_WORD.fullmatch(w.text) or w._.model
                                        for w in between)


def _bracketed_size(t: Token) -> bool:
    """A size in brackets right after a name ("X-small (7B)"), which restates that name's size."""
    doc = t.doc
    return bool(t._.is_size) and 1 < t.i < len(doc) - 1 and doc[t.i - 1].text == "(" and doc[t.i + 1].text == ")" and (
        bool(doc[t.i - 2]._.model))


def for_each_member(fact, members: list[str], config: ExtractConfig, make_id) -> list:
    """A copy of `fact` for each listed member (the document's own models), each with its own id
    (`make_id(member)`)."""
    return [replace(fact, model=strip_name(m, config.naming), model_mention=m, fact_id=make_id(m), role="subject")
            for m in members]
