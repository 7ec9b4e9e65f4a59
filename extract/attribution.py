"""Which model a fact is about, against the document's inventory.

A fact's sentence decides first: a size it names as a model ("our 175B model", "the 8B version") picks the
own model of that size; otherwise the nearest model name before the figure (else after it). A sentence
naming no model speaks of its section's model (a heading naming an own model opens a section), else of the
document's main line; a sentence opening with "It" speaks of the model the sentence before it named. A
fact about a name outside the inventory is `cited`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from floptrail.extract.config import ExtractConfig
from floptrail.extract.inventory import Inventory, line_name, size_of
from floptrail.extract.rules.base import words_before
from spacy.tokens import Span, Token

PRONOUN_OPENING = re.compile(r"^\W*(?:It|Its|This model|The model)\b")
SIZE_TOKEN = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?[BMT]$")
MODEL_NOUNS = ("model", "variant", "version", "llm", "checkpoint", "base", "dense", "moe")
DEFINITE = {"the", "our", "this", "that", "each", "both", "its", "their"}
OWN_CUES = re.compile(r"\b(?:our|we|ours)\b", re.I)
# a heading: Markdown "## Title", or a numbered paper heading "3.1 Title", "B. Title"
MD_HEADING = re.compile(r"(?m)^(#{1,6})\s+(.+)$")
PAPER_HEADING = re.compile(r"(?m)^((?:\d{1,2}|[A-H])(?:\.\d{1,2})*)\.?\s+(?=[A-Z][a-z])(.{0,80})")


@dataclass(frozen=True)
class Section:
    start: int
    level: int
    model: str  # the own model its heading names, "" when it names none


def sections(doc, inventory: Inventory, config: ExtractConfig) -> list[Section]:
    """Headings in text order, each with the own model it names (the first own name in the heading)."""
    text = doc.text
    out = []
    for pattern, level_of in ((MD_HEADING, lambda m: len(m.group(1))),
                              (PAPER_HEADING, lambda m: m.group(1).count(".") + 1)):
        for m in pattern.finditer(text):
            span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
            names = [t._.model for t in span if t._.model] if span is not None else []
            own = next((n for n in names if inventory.owns(n, config)), "")
            out.append(Section(m.start(), level_of(m), own))
    return sorted(out, key=lambda s: s.start)


def section_model(position: int, secs: list[Section]) -> str:
    """The own model of the innermost section holding `position` that names one."""
    open_: list[Section] = []
    for sec in secs:
        if sec.start > position:
            break
        open_ = [s for s in open_ if s.level < sec.level] + [sec]
    return next((s.model for s in reversed(open_) if s.model), "")


def size_mention(sent: Span) -> str:
    """"the 7B model", "our 13B-parameter variant", "At the 0.5B-parameter level": the one size a sentence
    names a model by. "a 7B model" is some model of that size, not the document's."""
    sizes = set()
    for t in sent[:-1]:
        if not t._.is_size or not DEFINITE & set(words_before(t, 2)):
            continue
        following = [w.lower_ for w in sent.doc[t.i + 1:min(t.i + 4, sent.end)] if w.text not in ("-", "(", ")")]
        following = [w for w in following if w not in ("parameter", "parameters", "param", "params")]
        if following and following[0].startswith(MODEL_NOUNS):
            sizes.add(t.text.rstrip(".,;:").upper())
    return sizes.pop() if len(sizes) == 1 else ""


@dataclass(frozen=True)
class Attribution:
    """A fact's model and how it was decided: size (a size the sentence names a model by), unknown_size,
    own_name (the lab's own name in a sentence about its work), name (the nearest name), pronoun, section,
    default (the document's model)."""

    model: str
    how: str


def prose_model(token: Token, inventory: Inventory, secs: list[Section], config: ExtractConfig) -> Attribution:
    """The model a prose figure at `token` is about, as a name (a member's name where the document has one)."""
    sent = token.sent
    names = [t for t in sent if t._.model]
    size = size_mention(sent)
    own_names = [t for t in names if inventory.owns(t._.model, config)]
    sizes = {m.size for m in inventory.models if m.size}
    # a document that names its sizes, and not this one, speaks of someone else's model
    unknown = bool(size) and bool(sizes) and size not in sizes
    if size and (own_names or OWN_CUES.search(sent.text) or (not unknown and not names)):
        line = inventory.line_of(own_names[0]._.model, config) if own_names else _context_line(token, inventory,
                                                                                              secs, config)
        if line:
            return Attribution(member_name(inventory, line, size, config), "size")
    if unknown and not names:
        # "even the 410M model ...": a model of a size the document does not have
        return Attribution(f"{size} model", "unknown_size")
    if names and not own_names and OWN_CUES.search(sent.text) and all(_compared(t) for t in names):
        names = []  # "Similar to LLaMA, we trained a ~15B model for 1T tokens": the lab's own model
    if names:
        # "our X model is trained on Y-Data for 3T tokens": in a sentence about the lab's own work, its own name
        own_work = bool(own_names) and bool(OWN_CUES.search(sent.text))
        candidates = own_names if own_work else names
        before = [t for t in candidates if t.i < token.i]
        chosen = (before[-1] if before else min(candidates, key=lambda t: t.i))._.model
        return Attribution(chosen, "own_name" if own_work else "name")
    if PRONOUN_OPENING.match(sent.text) and sent.start > 0:
        previous = token.doc[sent.start - 1].sent
        named = next((t._.model for t in previous if t._.model), "")
        if named:
            return Attribution(named, "pronoun")
    section = section_model(token.idx, secs)
    return Attribution(section, "section") if section else Attribution(inventory.default, "default")


COMPARISON_WORDS = {"like", "unlike", "than", "similar", "compared", "comparing", "versus", "vs", "vs.", "following",
                    "as"}


def _compared(name: Token) -> bool:
    """A name introduced as a point of comparison ("Similar to LLaMA", "unlike GPT-3", "compared with X")."""
    return bool(COMPARISON_WORDS & set(words_before(name, 3)))


def _context_line(token: Token, inventory: Inventory, secs: list[Section], config: ExtractConfig) -> str:
    model = section_model(token.idx, secs) or inventory.main
    return inventory.line_of(model, config) if model else ""


def member_name(inventory: Inventory, line: str, size: str, config: ExtractConfig) -> str:
    """The name the document uses for `line` at `size` ("MiniCPM4-8B"), else the line and the size."""
    size = size.upper()
    known = next((m.name for m in inventory.models if m.line == line and m.size == size), "")
    return known or f"{line} {size}"


def with_size(model: str, size: str, inventory: Inventory, config: ExtractConfig) -> str:
    """A model named without a size, made specific by a size the fact states for it ("Llama 3 comes in 8B
    and 70B": the 8B model)."""
    if not model or size_of(model) == size.upper():
        return model
    line = inventory.line_of(model, config)
    return member_name(inventory, line, size, config) if line else f"{line_name(model, config)} {size.upper()}"


def role_of(model: str, inventory: Inventory, config: ExtractConfig) -> str:
    """subject when the model is one of the document's own, cited otherwise (a document without an
    inventory cites nothing)."""
    if not model or not inventory.lines:
        return "subject"
    return "subject" if inventory.owns(model, config) else "cited"
