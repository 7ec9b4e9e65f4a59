"""The review loop over a workspace: write annotation files (JSONL per document, Label Studio tasks), and
read reviewed files back as decisions. The HTML review pages are in review_pages."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from floptrail.annotations import label_studio
from floptrail.annotations.decisions import Decision, apply_decisions
from floptrail.annotations.files import AnnotationError, document_lines, file_name, read_decisions
from floptrail.extract.records import Fact
from floptrail.workspace import Workspace, write_atomic

LABEL_STUDIO_TASKS = "label-studio-tasks.json"


def documents_in(workspace: Workspace, only: list[str] | None) -> dict[str, str]:
    """doc_id -> source of the workspace's current documents, or of those whose source contains (or id
    starts with) one of `only`."""
    docs = workspace.current_documents()
    if only:
        docs = {d: s for d, s in docs.items() if any(o in s or d.startswith(o) for o in only)}
    return docs


def reviewed_facts(workspace: Workspace, docs: dict[str, str]) -> tuple[dict[str, str], dict[str, list[Fact]], dict]:
    """Texts, facts per document with review decisions applied, and the decisions by key."""
    texts = {d: workspace.text_of(d) or "" for d in docs}
    decisions = workspace.decisions()
    facts, _ = apply_decisions(workspace.facts_for(list(docs), docs), decisions, texts)
    by_doc: dict[str, list[Fact]] = {d: [] for d in docs}
    for f in facts:
        by_doc.setdefault(f.doc_id, []).append(f)
    return texts, by_doc, {d.key: d for d in decisions}


def annotation_files(folder: Path) -> list[Path]:
    """The JSONL annotation files `export_annotations` wrote in a folder (Label Studio's tasks file is not one)."""
    return sorted(Path(folder).glob("*.jsonl"))


def export_annotations(workspace: Workspace, out: Path, only: list[str] | None = None) -> list[Path]:
    docs = documents_in(workspace, only)
    texts, by_doc, decisions = reviewed_facts(workspace, docs)
    written = []
    for doc_id, source in sorted(docs.items(), key=lambda item: item[1]):
        path = out / file_name(source, doc_id)
        write_atomic(path, document_lines(doc_id, source, texts[doc_id], by_doc[doc_id], decisions).encode("utf-8"))
        written.append(path)
    tasks = [label_studio.task(d, s, texts[d], by_doc[d]) for d, s in sorted(docs.items(), key=lambda i: i[1])]
    write_atomic(out / LABEL_STUDIO_TASKS, json.dumps(tasks, ensure_ascii=False, indent=1).encode("utf-8"))
    return [*written, out / LABEL_STUDIO_TASKS]


def import_annotations(workspace: Workspace, paths: list[Path], reviewer: str) -> list[tuple[Path, int]]:
    """Decisions from our JSONL files or Label Studio exports, kept in the workspace. All or nothing: every
    file is read and checked first (each field, and each span against the workspace's text), and only when
    no file has a problem are all their decisions kept, in one transaction. AnnotationError lists every
    problem, each naming its file and line."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    facts = {f.fact_id: f for f in workspace.facts_for(list(workspace.current_documents()))}
    problems, decisions, counts = [], [], []
    for path in paths:
        try:
            located = _read_annotations(Path(path), facts, reviewer, now)
        except AnnotationError as exc:
            problems += exc.problems
            continue
        problems += _workspace_problems(workspace, located)
        decisions += [d for _, d in located]
        counts.append((Path(path), len(located)))
    if problems:
        raise AnnotationError(problems)
    workspace.save_decisions(decisions)
    return counts


def _read_annotations(path: Path, facts: dict[str, Fact], reviewer: str, now: str) -> list[tuple[str, Decision]]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{path}: cannot read ({getattr(exc, 'strerror', None) or exc})") from None
    if not raw.lstrip().startswith("["):
        return read_decisions(path, reviewer, now)
    try:
        tasks = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise AnnotationError(f"{path}, line {exc.lineno}: not JSON ({exc.msg})") from None
    return label_studio.read_export(tasks, facts, str(path), now)


def _workspace_problems(workspace: Workspace, located: list[tuple[str, Decision]]) -> list[str]:
    problems, texts = [], {}
    for where, d in located:
        if d.doc_id not in texts:
            texts[d.doc_id] = workspace.text_of(d.doc_id)
        text = texts[d.doc_id]
        if text is None:
            problems.append(f"{where}: document {d.doc_id[:12]} ({d.source}) is not in this workspace")
        elif text[d.start:d.end] != d.span_text:
            problems.append(f"{where}: in {d.source}, text[{d.start}:{d.end}] is {text[d.start:d.end]!r}, "
                            f"not {d.span_text!r}")
    return problems

