"""From a Document to Facts: run the pipeline, let each rule family read its matches, read the tables,
attribute every fact to a model, and tie it to its span, sentence and page."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

from floptrail.corpus.document import Document
from floptrail.extract.canonical import same_line, signature, strip_name
from floptrail.extract.config import ExtractConfig
from floptrail.extract.front_matter import FrontMatterValue, front_matter_range
from floptrail.extract.front_matter import emissions as front_matter_emissions
from floptrail.extract.pipeline import build_pipeline
from floptrail.extract.rules import FAMILIES
from floptrail.extract.rules.base import (
    CITED_WORK,
    INFERENCE_CUES,
    PLAN_CUES,
    READER_CUES,
    UNNAMED_MODELS,
    Reading,
    sentence_stage,
)
from floptrail.extract.sections import inside, reference_ranges, table_header_ranges
from floptrail.extract.tables import TableValue, find_tables, table_values
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

UNITS = {
    "flop": "FLOP", "tokens": "tokens", "dataset_tokens": "tokens", "params": "parameters",
    "active_params": "parameters", "hardware": "",
    "chip_count": "chips", "duration_hours": "hours", "chip_hours": "chip-hours",
    "chip_hours_rate": "chip-hours per 1e12 tokens", "cost_usd": "USD", "energy_kwh": "kWh",
    "emissions_tco2e": "tCO2e", "epochs": "epochs", "utilization": "fraction of peak", "precision": "",
    "benchmark": "",  # the benchmark's name goes in `unit` ("MMLU")
    "release_date": "",  # the date as written goes in `unit` ("2024-07"); the value is a fractional year
}
KINDS = tuple(UNITS)
# hardware, time and energy named in a sentence about inference or serving are not training facts
RUN_KINDS = {"hardware", "chip_count", "duration_hours", "chip_hours", "energy_kwh", "emissions_tco2e"}
PRONOUN_OPENING = re.compile(r"^\W*(?:It|Its|This model|The model)\b")
_LIST_SEPARATORS = {",", "and", "or", "&", "/", "—", "-", "–"}


@dataclass(frozen=True)
class Fact:
    fact_id: str
    doc_id: str
    source: str
    kind: str
    value: float | None
    unit: str
    model: str  # the model as written after stripping variants; canonicalised across documents later
    model_mention: str
    hardware: str
    page: int | None
    start: int
    end: int
    quote: str
    rule: str
    qualifier: str = ""  # approximate, lower_bound, upper_bound, range, planned
    stage: str = ""  # pretraining, context_extension, fine_tuning, rl, or "" when not said
    role: str = "subject"  # subject: this document's own model; cited: a figure quoted about another model
    low: float | None = None  # the ends a range states ("18.6B∼31.3B"), in the same unit as value
    high: float | None = None
    status: str = "machine"  # machine, accepted, rejected, corrected, added (by a reviewer)
    reviewer: str = ""
    reviewed_at: str = ""


def fact_id(doc_id: str, start: int, end: int, kind: str) -> str:
    """Stable across runs: the same span and kind in the same document get the same id."""
    return "f" + hashlib.sha1(f"{doc_id}:{start}:{end}:{kind}".encode()).hexdigest()[:10]


class Extractor:
    """Holds the built pipeline and matcher; `extract(document)` is pure given the config."""

    def __init__(self, config: ExtractConfig, nlp: Language | None = None):
        self.config = config
        self.nlp = nlp or build_pipeline(config)
        self.matcher = Matcher(self.nlp.vocab)
        self.readers = {}
        for family in FAMILIES:
            for rule, patterns in family.PATTERNS.items():
                self.matcher.add(rule, patterns)
                self.readers[rule] = family.read

    def extract(self, document: Document) -> list[Fact]:
        doc = self.nlp(document.text)
        main = main_model(doc, document, self.config)
        front = front_matter_range(document.text)
        tables = find_tables(document.text)
        skipped = reference_ranges(document.text) + table_header_ranges(tables) + ([front] if front else [])
        readings: dict[tuple[int, str], tuple[str, Reading]] = {}
        for match_id, start, end in self.matcher(doc):
            rule = self.nlp.vocab.strings[match_id]
            span = doc[start:end]
            if inside(span.start_char, skipped) or READER_CUES.search(span.sent.text):
                continue
            for reading in self.readers[rule](rule, span, self.config):
                if reading.kind in RUN_KINDS and INFERENCE_CUES.search(span.sent.text):
                    continue
                for r in [reading, *coordinated(reading)]:
                    key = (r.token.i, r.kind)
                    readings.setdefault(key, (rule, r))
        # a count read as active parameters is not also a total ("36B parameters are active")
        active = {i for i, kind in readings if kind == "active_params"}
        kept = [(rule, r) for (i, kind), (rule, r) in readings.items()
                if not (kind == "params" and i in active) and r.value != 0]
        kept = [(rule, r) for rule, r in kept if not _about_unnamed_models(r.token)]
        # a table reads a cell with its row and column, so it wins over a prose reading of the same cell
        facts = [f for tv in table_values(tables, self.config.benchmark_for)
                 if tv.value != 0 and not inside(tv.cell.start, skipped)
                 and (f := self._table_fact(document, doc, tv, main)) is not None]
        taken = {(f.start, f.kind) for f in facts}
        facts += [f for rule, r in kept if ((f := self._fact(document, doc, rule, r, main)).start, f.kind) not in taken]
        facts += [self._front_matter_fact(document, value, main) for value in front_matter_emissions(document.text)]
        return sorted(_unique_spans(facts), key=lambda f: (f.start, f.kind))

    def _fact(self, document: Document, doc: Doc, rule: str, r: Reading, main: str) -> Fact:
        sent = r.token.sent
        mention, is_list = attribute(r.token, main), _in_list(r.token)
        model = strip_name(mention, self.config.naming)
        if r.kind == "params" and is_list and not signature(model, self.config.naming).size:
            model = f"{model} {r.token.text.strip()}"  # "Llama 3 comes in 8B and 70B": the 8B model
        about_cited_work = mention == main and CITED_WORK.search(sent.text)
        qualifier = "planned" if PLAN_CUES.search(sent.text) else r.qualifier
        low, high = _range_ends(r.token._.qty, r.value)
        start, end = r.token.idx, r.token.idx + len(r.token.text)
        return Fact(
            fact_id=fact_id(document.doc_id, start, end, r.kind), doc_id=document.doc_id,
            source=document.source, kind=r.kind, value=r.value,
            unit=r.unit or UNITS[r.kind], model=model, model_mention=mention, hardware=r.hardware,
            page=document.page_of(start), start=start, end=end,
            quote=_quote(sent), rule=rule, qualifier=qualifier, stage=sentence_stage(sent),
            role="cited" if about_cited_work else self._role(model, main), low=low, high=high,
        )

    def _table_fact(self, document: Document, doc: Doc, tv: TableValue, main: str) -> Fact | None:
        if tv.across:
            # models across the top: a column whose header names no model cannot be attributed
            mention = next((m for c in tv.column_cells if (m := _first_in(doc, c.start, c.end, "model"))), "")
            if not mention:
                return None
        else:
            label = tv.row_label
            mention = _first_in(doc, label.start, label.end, "model") if label else ""
            if not mention and label is not None and re.fullmatch(r"\d+(?:\.\d+)?[BM]", label.text.strip("* ")):
                mention = f"{strip_name(main, self.config.naming)} {label.text.strip('* ')}"
            mention = mention or main
        model = strip_name(mention, self.config.naming)
        if tv.nominal_size and not signature(model, self.config.naming).size:
            model = f"{model} {tv.nominal_size}"  # "Llama 3.2 | 1B (1.23B)": the 1B model
        row = document.text[tv.row_start:tv.row_end]
        hardware = _first_in(doc, tv.row_start, tv.row_end, "chip") if tv.kind in ("chip_hours", "chip_count") else ""
        return Fact(
            fact_id=fact_id(document.doc_id, tv.cell.start, tv.cell.end, tv.kind), doc_id=document.doc_id,
            source=document.source, kind=tv.kind, value=tv.value, unit=tv.unit or UNITS[tv.kind], model=model,
            model_mention=mention, hardware=hardware, page=document.page_of(tv.cell.start), start=tv.cell.start,
            end=tv.cell.end, quote=" ".join(row.split()), rule=f"table_{tv.kind}", qualifier=tv.qualifier,
            role=self._role(model, main), low=tv.low, high=tv.high,
        )

    def _front_matter_fact(self, document: Document, v: FrontMatterValue, main: str) -> Fact:
        kind = "emissions_tco2e"
        return Fact(
            fact_id=fact_id(document.doc_id, v.start, v.end, kind), doc_id=document.doc_id, source=document.source,
            kind=kind, value=v.tonnes, unit=UNITS[kind], model=strip_name(main, self.config.naming),
            model_mention=main, hardware="", page=document.page_of(v.start), start=v.start, end=v.end,
            quote=v.quote, rule="front_matter_co2_eq_emissions", stage=v.stage,
        )

    def _role(self, model: str, main: str) -> str:
        if not main or not model:
            return "subject"
        return "subject" if same_line(model, main, self.config.naming) else "cited"


def main_model(doc: Doc, document: Document, config: ExtractConfig) -> str:
    """The model a document is about: the one its title names, made specific by the text ("OLMo" in the
    title, "OLMo 2" throughout), else the one it names most often."""
    raw = [t._.model for t in doc if t._.model]
    if not raw:
        return ""
    counts = Counter(strip_name(m, config.naming) for m in raw)
    in_title = [m for m in raw if document.title and m in document.title]
    titled = strip_name(max(in_title, key=len), config.naming) if in_title else ""
    titled = titled or counts.most_common(1)[0][0]
    line = signature(titled, config.naming)
    if line.version:
        return titled
    by_version: Counter = Counter()
    for name, n in counts.items():
        sig = signature(name, config.naming)
        if sig.family == line.family and sig.version:
            by_version[sig.version] += n
    if by_version and by_version.most_common(1)[0][1] > counts[titled]:
        version = by_version.most_common(1)[0][0]
        return _without_size(next(m for m, _ in counts.most_common()
                                  if (signature(m, config.naming).family, signature(m, config.naming).version)
                                  == (line.family, version)))
    return titled


def attribute(token: Token, main: str) -> str:
    """The model a fact at `token` is about: the nearest name before it in its sentence, else the nearest
    after it; a sentence naming none speaks of "the 7B model" (the main model's line at that size), or
    opens with "It" about the model the previous sentence opened with; else the document's model."""
    names = [t for t in token.sent if t._.model]
    before = [t for t in names if t.i < token.i]
    if names:
        return (before[-1] if before else min(names, key=lambda t: t.i))._.model
    size = _size_mention(token.sent)
    if size and main:
        return f"{_without_size(main)} {size}"
    if PRONOUN_OPENING.match(token.sent.text) and token.sent.start > 0:
        previous = token.doc[token.sent.start - 1].sent
        return next((t._.model for t in previous if t._.model), main)
    return main


def _about_unnamed_models(token: Token) -> bool:
    sent = token.sent
    return not any(t._.model for t in sent) and not _size_mention(sent) and bool(UNNAMED_MODELS.search(sent.text))


def _size_mention(sent: Span) -> str:
    """"the 7B model", "our 13B-parameter variant": the one size a sentence names its model by."""
    sizes = {t.text for t in sent[:-1] if t._.qty is not None and re.fullmatch(r"\d+(?:\.\d+)?[BM]", t.text)
             and sent.doc[t.i + 1 + (sent.doc[t.i + 1].text == "-")].lower_.startswith(("model", "variant"))}
    return sizes.pop() if len(sizes) == 1 else ""


def _without_size(name: str) -> str:
    return re.sub(r"[-\s]\d+(?:\.\d+)?[BM]\b", "", name).strip()


def coordinated(reading: Reading) -> list[Reading]:
    """The other numbers of a list the reading ends ("7B, 13B, 33B and 65B parameters")."""
    if reading.kind not in ("params", "tokens", "active_params"):
        return []
    out, token = [], reading.token
    doc = token.doc
    i = token.i - 1
    while i > token.sent.start:
        sep = doc[i]
        if sep.is_space or sep.lower_ in _LIST_SEPARATORS:
            i -= 1
            continue
        if sep._.qty is not None and sep._.qty.scaled and sep._.qty.value >= 1e6:
            out.append(replace(reading, value=sep._.qty.value, token=sep, qualifier=sep._.qty.qualifier))
            i -= 1
            continue
        if sep.lower_ == "total" and i - 1 > token.sent.start and doc[i - 1]._.qty is not None:
            # "480B total and 17B active parameters": the total is a parameter count too
            q = doc[i - 1]._.qty
            out.append(replace(reading, kind="params", value=q.value, token=doc[i - 1], qualifier=q.qualifier))
            break
        break
    return out


def _in_list(token: Token) -> bool:
    doc = token.doc
    neighbours = [doc[j] for j in (token.i - 2, token.i + 2) if token.sent.start <= j < token.sent.end]
    return any(n._.qty is not None and n._.qty.scaled for n in neighbours)


def _first_in(doc: Doc, start: int, end: int, attr: str) -> str:
    """The first model name or chip (`attr`) among the tokens covering text[start:end]."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return next((t._.get(attr) for t in span if t._.get(attr)), "") if span is not None else ""


def _range_ends(q, value: float | None) -> tuple[float | None, float | None]:
    """A range's ends in the fact's unit: readers convert units (days to hours), so scale by the ratio."""
    if q is None or q.low is None or q.high is None or not value or not q.value:
        return None, None
    return value * q.low / q.value, value * q.high / q.value


def _quote(sent: Span) -> str:
    return " ".join(sent.text.split())


def _unique_spans(facts: list[Fact]) -> list[Fact]:
    """One fact per span and kind, whichever reading (prose rule or table) found it first."""
    seen, out = set(), []
    for f in facts:
        key = (f.start, f.end, f.kind)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
