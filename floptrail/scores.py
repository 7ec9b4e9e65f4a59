"""Leaderboard scores a user gives (`floptrail scores import FILE`): a CSV with columns `model`, `benchmark`,
`score` and optionally `date`, kept in the workspace as a document of its own. Each row becomes a benchmark
fact whose span is the score in the file, so an estimate made from it links back to the row."""

from __future__ import annotations

import csv

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.load import content_hash
from floptrail.extract.canonical import strip_name
from floptrail.extract.config import ExtractConfig
from floptrail.extract.records import Fact, fact_id

REQUIRED = ("model", "benchmark", "score")


def scores_document(data: bytes, source: str, config: ExtractConfig) -> tuple[Document, list[Fact], list[str]]:
    """The file as a Document (its model dates in metadata), its facts, and a note per row left out."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(source, "scores file is not UTF-8") from None
    lines = text.splitlines(keepends=True)
    header = next(csv.reader(lines[:1]), [])
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise DocumentError(source, f"scores file lacks columns: {', '.join(missing)}")
    doc_id = content_hash(data)
    facts, skipped, dates, offset = [], [], {}, len(lines[0])
    for number, line in enumerate(lines[1:], 2):
        fields = next(csv.reader([line]), [])
        row = dict(zip(header, fields, strict=False))
        fact, why = _row_fact(row, line, offset, doc_id, source, config)
        if fact is None:
            skipped.append(f"row {number}: {why}")
        else:
            facts.append(fact)
            if row.get("date"):
                dates.setdefault(fact.model, row["date"].strip())
        offset += len(line)
    document = Document(doc_id, source, "scores", text, title=f"scores from {source}", metadata={"dates": dates})
    return document, facts, skipped


def _row_fact(row: dict, line: str, offset: int, doc_id: str, source: str,
              config: ExtractConfig) -> tuple[Fact | None, str]:
    if not line.strip():
        return None, "empty"
    known = config.benchmark_for(row.get("benchmark", ""))
    if known is None:
        return None, f"unknown benchmark {row.get('benchmark', '')!r} (configs/benchmarks.toml lists the known ones)"
    raw = (row.get("score") or "").strip()
    try:
        value = float(raw.rstrip("%"))
    except ValueError:
        return None, f"score {raw!r} is not a number"
    name, percent = known
    if percent and (value > 1 or raw.endswith("%")):
        value /= 100
    model = (row.get("model") or "").strip()
    if not model:
        return None, "no model"
    start = offset + line.index(raw, len(model))
    end = start + len(raw)
    return Fact(fact_id=fact_id(doc_id, start, end, "benchmark"), doc_id=doc_id, source=source, kind="benchmark",
                value=value, unit=name, model=strip_name(model, config.naming), model_mention=model, hardware="",
                page=None, start=start, end=end, quote=line.strip(), rule="scores_import"), ""
