"""Annotation files people edit: one JSONL file per document, in the spaCy/Prodigy manner (the text, and
spans with `start`, `end`, `label`) with floptrail's fields. The first line holds the document (`text`,
`doc_id`, `source`, `text_sha256`); each further line is one span, the least certain first (by the
extractor's `confidence`), so a reviewer's time goes where the machine is unsure. Set `answer` to accept,
reject or ignore; correct `value`, `model`, `kind` or `stage` and accept; add a missed span as a new line
with `start`, `end`, `text`, `kind`, `value`, `model` and `answer: accept`."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from floptrail.annotations.decisions import ANSWERS, STAGES, Decision, text_sha256
from floptrail.extract.records import KINDS, Fact

SPAN_FIELDS = ("start", "end", "text", "label", "fact_id", "kind", "value", "unit", "model", "hardware", "stage",
               "rule", "confidence", "status", "answer", "note")
FACT_ID = re.compile(r"f[0-9a-f]{10}")  # as extract.facts.fact_id makes them
TEXT_FIELDS = ("text", "label", "fact_id", "kind", "unit", "model", "hardware", "stage", "rule", "status", "answer",
               "note", "reviewer")


class AnnotationError(ValueError):
    """Files that cannot be applied: every problem found, each naming its file and line (or task)."""

    def __init__(self, problems: str | list[str]):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(self.problems))


def file_name(source: str, doc_id: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", Path(source.rstrip("/").split("/")[-1]).stem)[:60] or "document"
    return f"{stem}.{doc_id[:10]}.jsonl"


def document_lines(doc_id: str, source: str, text: str, facts: list[Fact], decisions: dict[tuple, Decision]) -> str:
    """The annotation file of one document; earlier decisions are shown in `answer` and `note`."""
    header = {"doc_id": doc_id, "source": source, "text_sha256": text_sha256(text), "text": text}
    lines = [json.dumps(header, ensure_ascii=False)]
    for f in sorted(facts, key=lambda f: (f.confidence is None, f.confidence or 0.0, f.start, f.end, f.kind)):
        d = decisions.get((doc_id, f.start, f.end, f.fact_id)) or decisions.get((doc_id, f.start, f.end,
                                                                                   f"added:{f.kind}"))
        span = {"start": f.start, "end": f.end, "text": text[f.start:f.end], "label": f.kind,
                "fact_id": f.fact_id if f.rule != "reviewer" or f.status != "added" else "", "kind": f.kind,
                "value": f.value, "unit": f.unit, "model": f.model, "hardware": f.hardware, "stage": f.stage,
                "rule": f.rule, "confidence": f.confidence, "status": f.status, "answer": d.answer if d else "",
                "note": d.note if d else ""}
        lines.append(json.dumps(span, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def read_decisions(path: Path, reviewer: str, time: str) -> list[tuple[str, Decision]]:
    """The decisions in one annotation file, each with where it was written ("file, line n"). Every field is
    checked (types, offsets inside the text, start before end, the span's text); AnnotationError lists every
    problem in the file."""
    rows, problems = [], []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as exc:
                problems.append(f"{path}, line {n}: not JSON ({exc.msg})")
    header = rows[0][1] if rows else None
    if header is None or not isinstance(header, dict) or not isinstance(header.get("text"), str) \
            or not isinstance(header.get("doc_id"), str) or not header["doc_id"]:
        raise AnnotationError([*problems, f"{path}: the first line must hold the document (doc_id and text)"])
    text = header["text"]
    if header.get("text_sha256") and header["text_sha256"] != text_sha256(text):
        problems.append(f"{path}: the text was edited (its hash no longer matches); edit spans, not the text")
    decisions = []
    for n, span in rows[1:]:
        where = f"{path}, line {n}"
        found = span_problems(span, text)
        problems += [f"{where}: {problem}" for problem in found]
        answer = (span.get("answer") or "").strip().lower() if isinstance(span, dict) and not found else ""
        if answer:
            decisions.append((where, Decision(
                doc_id=header["doc_id"], source=str(header.get("source") or ""), text_sha256=text_sha256(text),
                fact_id=span.get("fact_id") or "", start=span["start"], end=span["end"], answer=answer,
                span_text=text[span["start"]:span["end"]], kind=span.get("kind") or span.get("label") or "",
                value=None if span.get("value") in (None, "") else float(span["value"]),
                unit=span.get("unit") or "", model=span.get("model") or "", hardware=span.get("hardware") or "",
                stage=span.get("stage") or "", note=span.get("note") or "", reviewer=span.get("reviewer") or reviewer,
                time=time)))
    if problems:
        raise AnnotationError(problems)
    return decisions


def span_problems(span: object, text: str) -> list[str]:
    """What is wrong with one span line of an annotation file ([] when it can be applied). Lines with no
    answer are not reviewed and only need to be objects."""
    if not isinstance(span, dict):
        return ["a span must be a JSON object"]
    problems = [f"{name} must be text, not {json.dumps(span[name])}" for name in TEXT_FIELDS
                if span.get(name) is not None and not isinstance(span[name], str)]
    answer = span.get("answer")
    if problems or not (answer or "").strip():
        return problems
    if answer.strip().lower() not in ANSWERS:
        problems.append(f"answer {answer!r} is not one of {', '.join(ANSWERS)}")
    problems += offset_problems(span.get("start"), span.get("end"), text, span.get("text"))
    value = span.get("value")
    if value not in (None, "") and (isinstance(value, bool) or not isinstance(value, int | float)
                                    or not math.isfinite(value)):
        problems.append(f"value must be a number, not {json.dumps(value)}")
    if span.get("fact_id") and not FACT_ID.fullmatch(span["fact_id"]):
        problems.append(f"fact_id {span['fact_id']!r} is not one floptrail wrote (f and 10 hex digits)")
    kind = span.get("kind") or span.get("label") or ""
    if kind and kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {', '.join(KINDS)}")
    elif not kind and not span.get("fact_id"):
        problems.append("a span the reviewer adds needs a kind")
    if span.get("stage") and span["stage"] not in STAGES:
        problems.append(f"stage {span['stage']!r} is not one of {', '.join(STAGES)}")
    return problems


def offset_problems(start: object, end: object, text: str, expected: object = None) -> list[str]:
    """Offsets that are whole numbers inside the text, start before end, and (when given) read `expected`."""
    problems = []
    for name, offset in (("start", start), ("end", end)):
        if offset is None:
            problems.append(f"{name} is missing")
        elif isinstance(offset, bool) or not isinstance(offset, int):
            problems.append(f"{name} must be a whole number, not {json.dumps(offset)}")
    if problems:
        return problems
    if start < 0:
        problems.append(f"start {start} is before the start of the text")
    if end > len(text):
        problems.append(f"end {end} is past the end of the text ({len(text)} characters)")
    if start >= end:
        problems.append(f"start {start} must be before end {end}")
    if not problems and expected is not None and text[start:end] != expected:
        problems.append(f"text[{start}:{end}] is {text[start:end]!r}, not {expected!r}")
    return problems
