"""Annotation files people edit: one JSONL file per document, in the spaCy/Prodigy manner (the text, and
spans with `start`, `end`, `label`) with floptrail's fields. The first line holds the document (`text`,
`doc_id`, `source`, `text_sha256`); each further line is one span, in document order, so a diff shows
exactly the spans a reviewer touched. Set `answer` to accept, reject or ignore; correct `value`, `model`,
`kind` or `stage` and accept; add a missed span as a new line with `start`, `end`, `text`, `kind`, `value`,
`model` and `answer: accept`."""

from __future__ import annotations

import json
import re
from pathlib import Path

from floptrail.annotations.decisions import ANSWERS, Decision, text_sha256
from floptrail.extract.facts import Fact

SPAN_FIELDS = ("start", "end", "text", "label", "fact_id", "kind", "value", "unit", "model", "hardware", "stage",
               "rule", "status", "answer", "note")


class AnnotationError(ValueError):
    """A file that cannot be applied, naming the file, the line and the reason."""


def file_name(source: str, doc_id: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(source.rstrip("/").split("/")[-1]).stem)[:60] or "document"
    return f"{stem}.{doc_id[:10]}.jsonl"


def document_lines(doc_id: str, source: str, text: str, facts: list[Fact], decisions: dict[tuple, Decision]) -> str:
    """The annotation file of one document; earlier decisions are shown in `answer` and `note`."""
    header = {"doc_id": doc_id, "source": source, "text_sha256": text_sha256(text), "text": text}
    lines = [json.dumps(header, ensure_ascii=False)]
    for f in sorted(facts, key=lambda f: (f.start, f.end, f.kind)):
        d = decisions.get((doc_id, f.start, f.end, f.fact_id)) or decisions.get((doc_id, f.start, f.end,
                                                                                   f"added:{f.kind}"))
        span = {"start": f.start, "end": f.end, "text": text[f.start:f.end], "label": f.kind,
                "fact_id": f.fact_id if f.rule != "reviewer" or f.status != "added" else "", "kind": f.kind,
                "value": f.value, "unit": f.unit, "model": f.model, "hardware": f.hardware, "stage": f.stage,
                "rule": f.rule, "status": f.status, "answer": d.answer if d else "", "note": d.note if d else ""}
        lines.append(json.dumps(span, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def read_decisions(path: Path, reviewer: str, time: str) -> list[Decision]:
    """Decisions in one annotation file; every span's offsets are checked against the file's text."""
    rows = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise AnnotationError(f"{path}, line {n}: not JSON ({exc.msg})") from None
    if not rows or "text" not in rows[0][1] or "doc_id" not in rows[0][1]:
        raise AnnotationError(f"{path}: the first line must hold the document (doc_id, text)")
    header = rows[0][1]
    text = header["text"]
    if header.get("text_sha256") and header["text_sha256"] != text_sha256(text):
        raise AnnotationError(f"{path}: the text was edited (its hash no longer matches); edit spans, not the text")
    decisions = []
    for n, span in rows[1:]:
        answer = (span.get("answer") or "").strip().lower()
        if not answer:
            continue  # not reviewed yet
        if answer not in ANSWERS:
            raise AnnotationError(f"{path}, line {n}: answer {answer!r} is not one of {', '.join(ANSWERS)}")
        start, end = int(span["start"]), int(span["end"])
        if text[start:end] != span.get("text"):
            raise AnnotationError(f"{path}, line {n}: text[{start}:{end}] is {text[start:end]!r}, "
                                  f"not {span.get('text')!r}")
        kind = span.get("kind") or span.get("label") or ""
        decisions.append(Decision(
            doc_id=header["doc_id"], source=header.get("source", ""), text_sha256=text_sha256(text),
            fact_id=span.get("fact_id") or "", start=start, end=end, span_text=text[start:end], answer=answer,
            kind=kind, value=None if span.get("value") in (None, "") else float(span["value"]),
            unit=span.get("unit") or "", model=span.get("model") or "", hardware=span.get("hardware") or "",
            stage=span.get("stage") or "", note=span.get("note") or "", reviewer=span.get("reviewer") or reviewer,
            time=time))
    return decisions
