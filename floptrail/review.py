"""The review loop over a workspace: write annotation files (JSONL per document, Label Studio tasks, HTML
pages with the spans highlighted), and read reviewed files back as decisions."""

from __future__ import annotations

import html
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from floptrail.annotations import label_studio
from floptrail.annotations.decisions import Decision, apply_decisions
from floptrail.annotations.files import AnnotationError, document_lines, file_name, read_decisions
from floptrail.extract.facts import Fact
from floptrail.workspace import Workspace, write_atomic

LABEL_STUDIO_TASKS = "label-studio-tasks.json"


def _documents(workspace: Workspace, only: list[str] | None) -> dict[str, str]:
    docs = workspace.current_documents()
    if only:
        docs = {d: s for d, s in docs.items() if any(o in s or d.startswith(o) for o in only)}
    return docs


def _reviewed(workspace: Workspace, docs: dict[str, str]) -> tuple[dict[str, str], dict[str, list[Fact]], dict]:
    texts = {d: workspace.text_of(d) or "" for d in docs}
    decisions = workspace.decisions()
    facts, _ = apply_decisions(workspace.facts_for(list(docs), docs), decisions, texts)
    by_doc: dict[str, list[Fact]] = {d: [] for d in docs}
    for f in facts:
        by_doc.setdefault(f.doc_id, []).append(f)
    return texts, by_doc, {d.key: d for d in decisions}


def export_annotations(workspace: Workspace, out: Path, only: list[str] | None = None) -> list[Path]:
    docs = _documents(workspace, only)
    texts, by_doc, decisions = _reviewed(workspace, docs)
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


STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
pre{white-space:pre-wrap;font:inherit}mark{padding:0 .15em;border-radius:.2em}
mark.machine{background:#fff3b0}mark.accepted,mark.added{background:#c8f0c8}mark.corrected{background:#b8e0ff}
mark.rejected{background:#f4c4c4;text-decoration:line-through}
mark::after{content:" [" attr(data-label) "]";font-size:.75em;color:#444}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}"""


def write_html(workspace: Workspace, out: Path, only: list[str] | None = None) -> Path:
    """One page per document with its spans highlighted and labelled, and an index with review counts."""
    docs = _documents(workspace, only)
    texts, by_doc, _ = _reviewed(workspace, docs)
    rows = []
    for doc_id, source in sorted(docs.items(), key=lambda item: item[1]):
        name = file_name(source, doc_id).replace(".jsonl", ".html")
        page = _page(source, texts[doc_id], by_doc[doc_id])
        write_atomic(out / name, page.encode("utf-8"))
        counts = Counter("pending" if f.status == "machine" else f.status for f in by_doc[doc_id])
        rows.append(f'<tr><td><a href="{html.escape(name)}">{html.escape(source)}</a></td>'
                    + "".join(f"<td>{counts.get(k, 0)}</td>" for k in ("pending", "accepted", "corrected",
                                                                       "added", "rejected")) + "</tr>")
    index = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>floptrail review</title>"
             f"<style>{STYLE}</style></head><body><h1>Review</h1><table><thead><tr><th>document</th>"
             "<th>pending</th><th>accepted</th><th>corrected</th><th>added</th><th>rejected</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table></body></html>")
    write_atomic(out / "index.html", index.encode("utf-8"))
    return out / "index.html"


def _page(source: str, text: str, facts: list[Fact]) -> str:
    parts, position = [], 0
    for f in sorted(facts, key=lambda f: (f.start, -f.end)):
        if f.start < position:
            continue  # overlapping spans: the first one is shown
        label = f"{f.kind} {f.value if f.value is not None else f.hardware} {f.model} ({f.status})"
        parts.append(html.escape(text[position:f.start]))
        parts.append(f'<mark class="{f.status}" id="{f.fact_id}" data-label="{html.escape(label)}" '
                     f'title="{html.escape(label)}">{html.escape(text[f.start:f.end])}</mark>')
        position = f.end
    parts.append(html.escape(text[position:]))
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(source)}</title>"
            f"<style>{STYLE}</style></head><body><p><a href='index.html'>all documents</a></p>"
            f"<h1>{html.escape(source)}</h1><pre>{''.join(parts)}</pre></body></html>")
