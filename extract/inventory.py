"""A document's model inventory as a record: the models it reports training for, their lines and sizes, and the
evidence for each; and how a name is placed in it (its size, its line). Found by extract/inventory_build.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from floptrail.extract.canonical import (
    PURPOSE_WORDS,
    configured_families,
    lowered_families,
    peel,
    same_models,
    signature,
    size_count,
    strip_name,
)
from floptrail.extract.config import ExtractConfig

SIZE = re.compile(r"(?i)(?:^|[-_\s])((?:\d+x)?\d+(?:\.\d+)?[bmt])(?=$|[-_\s])")
ACTIVE = re.compile(r"(?i)(?:^|[-_\s])(a\d+(?:\.\d+)?[bm])(?=$|[-_\s])")
RELEASE = re.compile(r"(?i)^v\d+(?:\.\d+)*$")  # a release tag of a fine-tune ("v0.4")


@dataclass(frozen=True)
class Evidence:
    # title, co_title (a second model a title names beside the first), front_matter, base_model, introduces,
    # apposition (which alone makes no second line own), file, release, run_table, trained, link, heading, section,
    # sized, compared_heading (a name a heading measures against: "How does it compare with X?"), chinese (a Chinese
    # name the text also spells in Latin letters, or whose stem the title holds), mention, table, size_list
    place: str
    start: int
    end: int
    text: str


@dataclass
class InventoryModel:
    name: str  # as the document writes it ("MiniCPM4-8B"; a line without a size: "MiniCPM4")
    line: str  # the line it belongs to ("MiniCPM4")
    size: str = ""  # "8B", "" for the line itself
    evidence: list[Evidence] = field(default_factory=list)
    variants: list[str] = field(default_factory=list)  # its fine-tunes the document names ("MiniCPM4-8B-Instruct")


@dataclass
class Inventory:
    """The document's own models: its main line first, then other own lines, each followed by its sizes."""

    main: str = ""
    lines: list[str] = field(default_factory=list)
    models: list[InventoryModel] = field(default_factory=list)
    default: str = ""  # the model a sentence naming none is about: the main line, or the member its title names
    earlier: list[Evidence] = field(default_factory=list)  # where it presents an earlier model of the lab's own
    roles: dict[str, str] = field(default_factory=dict)  # "teacher" and "student": a distillation's own models
    _lines_of: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # name -> its own line

    def owns(self, name: str, config: ExtractConfig) -> bool:
        """Whether a model name belongs to one of the document's own lines."""
        return bool(self.line_of(name, config))

    def line_of(self, name: str, config: ExtractConfig) -> str:
        """The own line a name belongs to, "" when none (asked for every figure, so remembered)."""
        if not name:
            return ""
        if name not in self._lines_of:
            self._lines_of[name] = next((line for line in self.lines if in_line(name, line, config)), "")
        return self._lines_of[name]

    def extends(self, name: str, config: ExtractConfig) -> bool:
        """Whether a name is an own line's name with more words after it ("Cerebras-GPT-muP" beside
        "Cerebras-GPT"), or with a purpose glued to it ("AquilaChat", "AquilaCode" beside "Aquila"): a line of
        the lab's own, though the document never presents it, and no member of the shorter line."""
        a = signature(name, config.naming)
        for line in self.lines:
            b = signature(line, config.naming)
            if (a.family, a.version, a.tiers) == (b.family, b.version, b.tiers) and a.undated_extra.startswith(
                    f"{b.undated_extra} ".lstrip()) and len(a.undated_extra) > len(b.undated_extra):
                return True
            if b.family and a.family.startswith(b.family) and a.family[len(b.family):] in PURPOSE_WORDS:
                return True
        return False

    def presents_earlier(self, name: str, config: ExtractConfig) -> bool:
        """Whether the document presents `name` as an earlier model of the lab's own ("our previous model, X"):
        its figures, wherever the document gives them, are the lab's own."""
        return any(in_line(name, e.text, config) for e in self.earlier)

    def is_earlier(self, name: str, config: ExtractConfig) -> bool:
        """Whether `name` is an earlier version of the main line ("Saga-4" in a post on Saga-5): the lab's own
        earlier model, whose figures a sentence gives as the lab's where it does not measure the new one against it."""
        return bool(self.main) and earlier_generation(line_key(name, config), line_key(self.main, config))

    def is_numbered_sibling(self, name: str, config: ExtractConfig) -> bool:
        """Whether `name` is a numbered release of a family whose bare name is the main line ("Finch-2 13B" in a
        post on three generations of Finch, "Pelagia-1 3B" in an FAQ on Pelagia) and no configured family holds
        it: the lab's own model. (A main line with more words, "MiniCPM-SALA", builds on its family's numbered
        release, "MiniCPM4", as another team's base.)"""
        key, main = line_key(name, config), line_key(self.main, config) if self.main else ("", "", (), "")
        return bool(main[0]) and key[0] == main[0] and bool(key[1]) and main[1:] == ("", (), "") and (
            key[0] not in configured_families(config.naming))

    def add(self, name: str, evidence: Evidence, config: ExtractConfig) -> None:
        """Record a member (or the line itself) with one more piece of evidence."""
        line = self.line_of(name, config)
        if not line:
            return
        size = size_of(name)
        model = next((m for m in self.models if m.line == line and m.size == size), None)
        if model is None:
            model = InventoryModel(strip_name(name, config.naming) if size else line, line, size)
            self.models.append(model)
        elif size and model.name.isupper() and not name.isupper() and not line.isupper():
            # a heading or a cell in capitals ("2.1 HERON-7B") is no spelling of a name the text writes otherwise
            model.name = strip_name(name, config.naming)
        if len(model.evidence) < 5:
            model.evidence.append(evidence)
        if _fine_tune(name, config) and name not in model.variants:
            model.variants.append(name)

    def uncapitalised(self, name: str) -> str:
        """An own model's name written in capitals by a heading or a cell ("2.1 HERON-7B") as the inventory spells
        it ("Heron-7B"); `name` itself otherwise."""
        if not name.isupper():
            return name
        return next((m.name for m in self.models if m.name.lower() == name.lower()), name)

    def spelling(self, name: str, config: ExtractConfig) -> str:
        """The inventory's spelling of the model `name` names ("Granite 3.0 1B-400M" -> "Granite-3.0-1B-A400M"):
        one model, one name in the document's facts; `name` itself when it is no member."""
        members = [m.name for m in self.models if m.size]
        if not members or peel(name, config.naming).variant:
            return name  # a variant ("-Instruct") is not its base
        return same_models([name], members, config.naming).get(name, name)

    def as_rows(self) -> list[dict]:
        """One row per model for documents.csv and the review page."""
        ordered = sorted(self.models, key=lambda m: (self.lines.index(m.line), size_count(m.size)))
        return [{"model": m.name, "line": m.line, "size": m.size, "main": m.line == self.main,
                 "evidence": "; ".join(f"{e.place}@{e.start}: {e.text}" for e in m.evidence),
                 "variants": "; ".join(m.variants)} for m in ordered]


def _fine_tune(name: str, config: ExtractConfig) -> bool:
    """A fine-tune's own name ("-Chat", "-Instruct-v0.2"), not a quantized or long-context packaging of it
    ("-Chat-Int8", "-SFT-500K"), which is no fine-tune of its own here (a longer-context version a document names
    beside its base still gets its row: estimate/variants.py)."""
    peeled = peel(name, config.naming)
    return peeled.tuned and all(w in config.naming.tuned_suffixes or RELEASE.match(w) for w in peeled.variant)


def size_of(name: str) -> str:
    """The parameter size a name carries ("Qwen2.5-72B-Instruct" -> "72B"), the largest of several (a mixture's
    total: "OLMoE-1B-7B" -> "7B"), "" when none."""
    sizes = [m.group(1).upper() for m in SIZE.finditer(name)]
    if not sizes:  # a mixture named by its active size alone ("Hunyuan-A13B", "X-MoE-A2.7B"): that size sets it apart
        return next((m.group(1).upper() for m in ACTIVE.finditer(name)), "")
    return max(sizes, key=size_count)


def line_name(name: str, config: ExtractConfig) -> str:
    """A name without its size and variant suffixes: "Qwen2.5-72B-Instruct" -> "Qwen2.5" (remembered per naming)."""
    lines = config.naming.memo("line_names", dict)
    if name not in lines:
        lines[name] = ACTIVE.sub("", SIZE.sub("", strip_name(name, config.naming))).strip(" -_")
    return lines[name]


def line_key(name: str, config: ExtractConfig) -> tuple:
    """The line a name is of, as (family, version, tiers, extra words): remembered per naming, as `signature` is (an
    inventory asks again for every mention of the same few names)."""
    keys = config.naming.memo("inventory_keys", dict)
    if name not in keys:
        sig = signature(line_name(name, config), config.naming)
        tiers = tuple(t for t in sig.tiers if not (t.startswith("a") and t[1:2].isdigit()))
        keys[name] = (sig.family, sig.version, tiers, sig.undated_extra)
    return keys[name]


def earlier_generation(key: tuple, main: tuple) -> bool:
    """Whether a line is an earlier version of the main line's family ("Saga-4" beside "Saga-5")."""
    versions = [tuple(int(part) for part in k[1].split(".")) if re.fullmatch(r"\d+(?:\.\d+)*", k[1] or "") else None
                for k in (key, main)]
    if key[0] == main[0] and not key[1] and versions[1] is not None and versions[1] > (1,):
        return True  # the family's first release, named without a number ("SmolLM-1.7B" beside "SmolLM2")
    return key[0] == main[0] and None not in versions and versions[0] < versions[1]


def in_line(name: str, line: str, config: ExtractConfig) -> bool:
    """`name` belongs to `line`: the same family, version and named tiers, any size."""
    a, b = signature(name, config.naming), signature(line, config.naming)
    # "DeepSeekMoE 145" for DeepSeekMoE 145B: a whole number from 10 up after a name without a version is a size
    # whose unit was left off, not a version
    unit_left_off = not b.version and not a.size and a.version.isdigit() and 10 <= int(a.version) < 1900
    if not a.family or a.family != b.family or (a.version != b.version and not unit_left_off):
        return False
    # an active size ("a2.7b") and a size in words ("Phi-3-mini", "T5-large") pick a member, not another line
    words = config.naming.size_words | config.naming.size_letters
    named = {t for t in a.tiers if not (t.startswith("a") and t[1:2].isdigit()) and t not in words}
    line_tiers = {t for t in b.tiers if not (t.startswith("a") and t[1:2].isdigit()) and t not in words}
    # "Cerebras 111M" in a table of the "Cerebras-GPT" document: the line's first word alone, where that word is
    # no family of its own (a known family alone, "Falcon" beside "Falcon Mamba", may be another model)
    short = not a.undated_extra and not named and bool(b.undated_extra) and a.family.lower() not in (
        lowered_families(config.naming))
    # "Kite-L-34B" of the line "Kite-L": a letter that would size a member alone is the line's own word before a size
    lettered = " ".join([t for t in b.tiers if t in config.naming.size_letters] + b.undated_extra.split())
    return named == line_tiers and (a.undated_extra in (b.undated_extra, lettered) or short)
