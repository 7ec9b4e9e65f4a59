"""Review decisions and how they override the machine's facts.

A decision is keyed by its document (content hash) and span (start, end, the span's text): the same key
every extraction produces for that span, whatever the rules, so decisions survive re-runs and rule changes.
A reviewed fact is rebuilt from its decision even when the machine no longer finds it. When the text of a
source changes, a decision whose span no longer reads the same is flagged for re-review, never dropped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from floptrail.extract.records import UNITS, Fact, fact_id

ANSWERS = ("accept", "reject", "ignore")
CORRECTABLE = ("kind", "value", "unit", "model", "hardware", "stage")
STAGES = ("pretraining", "context_extension", "fine_tuning", "rl")  # facts.csv's `stage`, when the text says one


@dataclass(frozen=True)
class Decision:
    doc_id: str
    source: str
    text_sha256: str
    fact_id: str  # the machine fact decided on; "" for a span the reviewer added
    start: int
    end: int
    span_text: str
    answer: str  # accept, reject, ignore
    kind: str
    value: float | None
    unit: str
    model: str
    hardware: str = ""
    stage: str = ""
    note: str = ""
    reviewer: str = ""
    time: str = ""

    @property
    def key(self) -> tuple:
        return (self.doc_id, self.start, self.end, self.fact_id or f"added:{self.kind}")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def apply_decisions(facts: list[Fact], decisions: list[Decision],
                    texts: dict[str, str]) -> tuple[list[Fact], list[tuple[Decision, str]]]:
    """The facts with every decision applied, and the decisions flagged for re-review with the reason.
    `texts` maps each current document to its text."""
    by_id = {f.fact_id: f for f in facts}
    out = {f.fact_id: f for f in facts}
    flagged = []
    for d in decisions:
        if d.answer not in ("accept", "reject"):
            continue
        text = texts.get(d.doc_id)
        if text is None:
            continue  # a document not in this run
        if text[d.start:d.end] != d.span_text:
            flagged.append((d, f"the text at {d.start}-{d.end} no longer reads {d.span_text!r}"))
            continue
        machine = by_id.get(d.fact_id) if d.fact_id else None
        reviewed = _reviewed_fact(d, machine, text)
        out[machine.fact_id if machine else reviewed.fact_id] = reviewed
    return sorted(out.values(), key=lambda f: (f.doc_id, f.start, f.kind)), flagged


def _reviewed_fact(d: Decision, machine: Fact | None, text: str) -> Fact:
    stamp = {"reviewer": d.reviewer, "reviewed_at": d.time}
    if machine is not None and d.answer == "reject":
        return replace(machine, status="rejected", **stamp)
    fields = {"kind": d.kind, "value": d.value, "unit": d.unit or UNITS.get(d.kind, ""), "model": d.model,
              "hardware": d.hardware, "stage": d.stage}
    if machine is not None:
        changed = any(_differs(getattr(machine, name), fields[name]) for name in CORRECTABLE)
        return replace(machine, **fields, status="corrected" if changed else "accepted", **stamp)
    # the reviewer's own span, or a reviewed span the machine no longer finds
    status = "added" if not d.fact_id else ("rejected" if d.answer == "reject" else "accepted")
    return Fact(fact_id=d.fact_id or fact_id(d.doc_id, d.start, d.end, d.kind), doc_id=d.doc_id, source=d.source,
                model_mention=d.model, page=None, start=d.start, end=d.end, quote=_line_around(text, d.start),
                rule="reviewer", status=status, **fields, **stamp)


def _differs(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (a is None) != (b is None) or (a is not None and abs(a - b) > 1e-9 * max(abs(a), abs(b), 1))
    return (a or "") != (b or "")


def _line_around(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return " ".join(text[start:end if end >= 0 else len(text)].split())[:500]


def carry_over(decisions: list[Decision], current: dict[str, str],
               texts: dict[str, str]) -> tuple[list[Decision], list[tuple[Decision, str]]]:
    """Decisions made on an earlier version of a source, moved to its current version when the span
    still reads the same there; the others flagged for re-review. `current` maps source -> doc_id."""
    kept, flagged = [], []
    for d in decisions:
        if d.doc_id in texts:
            kept.append(d)
            continue
        new_id = current.get(d.source)
        if new_id is None or new_id not in texts:
            continue  # its document is not part of this run
        if texts[new_id][d.start:d.end] == d.span_text:
            moved_id = fact_id(new_id, d.start, d.end, d.kind) if d.fact_id else ""
            kept.append(replace(d, doc_id=new_id, fact_id=moved_id, text_sha256=text_sha256(texts[new_id])))
        else:
            flagged.append((d, f"{d.source} changed: its text at {d.start}-{d.end} no longer reads "
                               f"{d.span_text!r}; review the span again"))
    return kept, flagged
