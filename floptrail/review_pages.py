"""The review pages: one HTML page per document with its text as a person reads it (page markers, pipe
tables rendered as tables) and every fact's span highlighted with its kind, value (formatted for people),
model and review status; facts about other models (`cited`) are marked apart from the document's own. A
sortable list of the facts follows, and an index page counts each document's review states.

Everything written into a page (text, spans, labels, ids, sources) is escaped."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from pathlib import Path

from floptrail.annotations.files import file_name
from floptrail.extract.records import Fact
from floptrail.formatting import STATUS_LABELS, fact_value, kind_label
from floptrail.html_page import cell, fact_anchor, fact_link, page, source_href
from floptrail.review import documents_in, reviewed_facts
from floptrail.workspace import Workspace, write_atomic

STYLE = """
body{max-width:62rem}
.text{font-size:15px;line-height:1.6}
.text p{white-space:pre-wrap;margin:0 0 .2rem}
.text pre.front{background:var(--soft);color:var(--muted);padding:.4rem .6rem;border-radius:.3rem;font-size:.85em;
white-space:pre-wrap;margin:0 0 .6rem}.text p.heading{font-weight:650;font-size:1.08em;margin:.6rem 0 .1rem}
.text table{width:auto;margin:.4rem 0 .8rem;font-size:.95em}.text td,.text th{border:1px solid var(--line)}
.pagebreak{display:flex;align-items:center;gap:.6rem;color:var(--muted);font-size:.8em;margin:1rem 0 .4rem}
.pagebreak::before,.pagebreak::after{content:"";flex:1;border-top:1px dashed #b8c0c8}
mark{padding:0 .15em;border-radius:.2em;background:#fff3b0}
mark.accepted,mark.added{background:#c8f0c8}mark.corrected{background:#b8e0ff}
mark.rejected{background:#f4c4c4;text-decoration:line-through}
mark.cited{background:transparent;outline:1.5px dashed #98a2ad;color:var(--muted)}
mark::after{content:" " attr(data-label);font-size:.72em;color:#3d4650;background:#eef1f4;border-radius:.3em;
padding:0 .25em;margin-left:.2em;white-space:nowrap;text-decoration:none;display:inline-block}
mark:target{outline:2px solid #e0b400}
.legend span{margin-right:.8rem}
table.facts{table-layout:fixed}
"""
TABLE_LINE = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)  # a model card's YAML header, shown apart
HEADING_LINE = re.compile(r"^#{1,6}[ \t]+\S")  # a Markdown heading, shown as one (its marks kept)
SEPARATOR_LINE = re.compile(r"^[ \t]*\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+[ \t]*$")


@dataclass
class Marked:
    """A document's text with the spans of its facts: renders any stretch of the text as escaped HTML,
    marking the facts that lie wholly inside it."""

    text: str
    facts: list[Fact]

    def __post_init__(self) -> None:
        self.facts = sorted(self.facts, key=lambda f: (f.start, -f.end))
        self.starts = [f.start for f in self.facts]

    def html(self, start: int, end: int) -> str:
        parts, position, anchors = [], start, []
        for f in self.facts[bisect.bisect_left(self.starts, start):]:
            if f.start >= end:
                break
            if f.end > end or f.start < position:  # crosses a cell or overlaps a span already marked
                anchors.append(f'<span id="{escape(fact_anchor(f.fact_id))}"></span>')
                continue
            parts.append(escape(self.text[position:f.start]) + "".join(anchors))
            anchors = []
            parts.append(_mark(f, self.text[f.start:f.end]))
            position = f.end
        parts.append("".join(anchors) + escape(self.text[position:end]))
        return "".join(parts)


def _value(f: Fact) -> str:
    return fact_value(f.kind, f.value, f.unit, f.hardware, f.qualifier, f.low, f.high)


NAMED_KINDS = ("release_date", "hardware", "precision", "benchmark", "utilization")  # a value that needs its kind


def _label(f: Fact) -> str:
    """What the mark says beside the span: the value as a person reads it and the model it belongs to."""
    value = f"{kind_label(f.kind)} {_value(f)}" if f.kind in NAMED_KINDS else _value(f)
    who = f"{f.model} (cited)" if f.role == "cited" else f.model
    return " · ".join(x for x in (value, who) if x)


def _mark(f: Fact, span: str) -> str:
    label = _label(f)
    title = f"{kind_label(f.kind)}: {label} · {STATUS_LABELS.get(f.status, f.status)}"
    classes = f"{f.status} {'cited' if f.role == 'cited' else 'own'}"
    return (f'<mark class="{escape(classes)}" id="{escape(fact_anchor(f.fact_id))}" data-label="{escape(label)}" '
            f'title="{escape(title)}">{escape(span)}</mark>')


def text_blocks(text: str, page_starts: list[int]) -> list[tuple[str, int, int]]:
    """The text cut into ("page", n, offset) markers and ("front" | "table" | "heading" | "text", start, end)
    blocks, in order."""
    blocks: list[tuple[str, int, int]] = []
    breaks = sorted(set(page_starts))
    offset, pending = 0, None  # pending: (kind, start) of the block being built
    front = FRONT_MATTER.match(text)
    if front:
        blocks.append(("front", 0, front.end()))
        offset = front.end()
    for line in text[offset:].splitlines(keepends=True):
        while breaks and breaks[0] <= offset:
            if pending:
                blocks.append((pending[0], pending[1], offset))
                pending = None
            blocks.append(("page", len(page_starts) - len(breaks) + 1, breaks.pop(0)))
        bare = line.rstrip("\r\n")
        kind = "table" if TABLE_LINE.match(bare) else "heading" if HEADING_LINE.match(bare) else "text"
        if pending and (pending[0] != kind or kind == "heading"):
            blocks.append((pending[0], pending[1], offset))
            pending = None
        pending = pending or (kind, offset)
        offset += len(line)
    if pending:
        blocks.append((pending[0], pending[1], offset))
    return blocks


def _table(marked: Marked, start: int, end: int) -> str:
    rows, offset = [], start
    for line in marked.text[start:end].splitlines(keepends=True):
        bare = line.rstrip("\r\n")
        if not SEPARATOR_LINE.match(bare):
            pipes = [offset + i for i, ch in enumerate(bare) if ch == "|"]
            cells = []
            for left, right in zip(pipes, pipes[1:], strict=False):
                inner = marked.text[left + 1:right]
                lead = len(inner) - len(inner.lstrip())
                cells.append(marked.html(left + 1 + lead, left + 1 + len(inner.rstrip())))
            tag = "th" if not rows else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>")
        offset += len(line)
    return f"<table>{''.join(rows)}</table>"


def document_html(text: str, facts: list[Fact], page_starts: list[int]) -> str:
    """The document's text as HTML: paragraphs, tables, page markers, every fact's span marked."""
    marked = Marked(text, facts)
    out = []
    for kind, a, b in text_blocks(text, page_starts):
        if kind == "page":
            out.append(f'<div class="pagebreak" id="page-{a}">page {a}</div>')
        elif kind == "table":
            out.append(_table(marked, a, b))
        elif kind == "front":
            out.append(f'<pre class="front">{marked.html(a, b)}</pre>')
        elif kind == "heading":
            out.append(f'<p class="heading">{marked.html(a, b)}</p>')
        elif text[a:b].strip():
            out.append(f"<p>{marked.html(a, b)}</p>")
    return f'<div class="text">{"".join(out)}</div>'


# the fact list's columns: (header, width, cell)
FACT_COLUMNS = [
    ("confidence", "9%", lambda f: cell("" if f.confidence is None else f"{f.confidence:.2f}", f.confidence, "num")),
    ("kind", "14%", lambda f: cell(escape(kind_label(f.kind)), f.kind)),
    ("value", "16%", lambda f: cell(f'<a href="{escape(fact_link(f.fact_id))}">{escape(_value(f))}</a>', f.value,
                                    "num")),
    ("model", "19%", lambda f: cell(escape(f.model or "") + (' <span class="role-cited">cited</span>'
                                                             if f.role == "cited" else ""), f.model or None)),
    ("stage", "10%", lambda f: cell(escape(f.stage or ""), f.stage or None)),
    ("page", "7%", lambda f: cell("" if f.page is None else str(f.page), f.page, "num")),
    ("status", "11%", lambda f: cell(f'<span class="status {escape(f.status)}">'
                                     f"{escape(STATUS_LABELS.get(f.status, f.status))}</span>", f.status)),
    ("rule", "13%", lambda f: cell(f'<span class="small">{escape(f.rule)}</span>', f.rule)),
]

LEGEND = ('<p class="legend small"><span><mark class="machine own">unreviewed</mark></span>'
          '<span><mark class="accepted own">accepted</mark></span><span><mark class="corrected own">corrected'
          '</mark></span><span><mark class="rejected own">rejected</mark></span><span><mark class="machine cited">'
          "about another model (cited)</mark></span></p>")


def review_page(source: str, href: str, info: dict, text: str, facts: list[Fact], page_starts: list[int],
                annotation_file: str = "", inventory: list[dict] = ()) -> str:
    """One document's review page, its facts least certain first. `inventory` is the document's model inventory
    (documents.csv's rows): the models it reports training for and the spans that show it; without one, the
    models of its facts."""
    own = Counter(f.model for f in facts if f.role != "cited" and f.model)
    models = {row["model"]: (own.get(row["model"], 0), row.get("evidence", "")) for row in inventory} or {
        m: (n, "") for m, n in own.items()}
    cited = Counter(f.model for f in facts if f.role == "cited" and f.model)
    meta = " · ".join(escape(str(x)) for x in (info.get("title"), info.get("date"), info.get("kind"),
                                                f"{len(page_starts)} pages" if page_starts else "",
                                                f"{len(facts)} facts") if x)
    reported = ", ".join(f'<span title="{escape(why)}">{escape(m)}</span> ({n} facts)'
                         for m, (n, why) in models.items()) or "none"
    others = ", ".join(f"{escape(m)} ({n})" for m, n in sorted(cited.items()))
    how = (f" Review it in <code>{escape(annotation_file)}</code> and run <code>floptrail review import</code>."
           if annotation_file else "")
    cols = "".join(f'<col style="width:{w}">' for _, w, _ in FACT_COLUMNS)
    head = "".join(f"<th>{escape(h)}</th>" for h, _, _ in FACT_COLUMNS)
    rows = "".join("<tr>" + "".join(render(f) for _, _, render in FACT_COLUMNS) + "</tr>"
                   for f in sorted(facts, key=lambda f: (f.confidence is None, f.confidence or 0.0, f.start)))
    body = (f"<p><a href='index.html'>all documents</a></p><h1>{escape(source)}</h1>"
            f"<p class='lead'>{meta} · <a href=\"{escape(href)}\">open the source</a>.{how}</p>"
            f"<section class='models'><p><b>Models this document reports:</b> {reported}"
            + (f"<br><b>Cited from other work:</b> {others}" if others else "") + "</p></section>"
            + LEGEND + document_html(text, facts, page_starts)
            + f"<h2>Facts</h2><table class='facts sortable'><colgroup>{cols}</colgroup><thead><tr>{head}</tr>"
            f"</thead><tbody>{rows}</tbody></table>")
    return page(source, body, STYLE)


def write_review_pages(workspace: Workspace, out: Path, only: list[str] | None = None,
                       annotations: Path | None = None) -> Path:
    """One page per document and an index with review counts; the index's path. `annotations` names the
    folder of the annotation files, so each page says which file to edit."""
    docs = documents_in(workspace, only)
    texts, by_doc, _ = reviewed_facts(workspace, docs)
    rows = []
    for doc_id, source in sorted(docs.items(), key=lambda item: item[1]):
        name = file_name(source, doc_id).replace(".jsonl", ".html")
        annotation_file = str(annotations / file_name(source, doc_id)) if annotations else ""
        html = review_page(source, source_href(source, out), workspace.document_info(doc_id), texts[doc_id],
                           by_doc[doc_id], workspace.page_starts(doc_id), annotation_file,
                           workspace.inventory_of(doc_id))
        write_atomic(out / name, html.encode("utf-8"))
        counts = Counter("pending" if f.status == "machine" else f.status for f in by_doc[doc_id])
        rows.append(f'<tr><td><a href="{escape(name)}">{escape(source)}</a></td>'
                    + "".join(f"<td>{counts.get(k, 0)}</td>" for k in ("pending", "accepted", "corrected",
                                                                       "added", "rejected")) + "</tr>")
    index = ("<h1>Review</h1><p class='lead'>Each document with its facts highlighted; open one to check its "
             "spans.</p><table class='sortable'><thead><tr><th>document</th><th>unreviewed</th><th>accepted</th>"
             f"<th>corrected</th><th>added</th><th>rejected</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    write_atomic(out / "index.html", page("floptrail review", index, STYLE).encode("utf-8"))
    return out / "index.html"
