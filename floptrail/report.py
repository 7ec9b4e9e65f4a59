"""The HTML report, one file that stands alone, as evidence: compute against publication date (every model
with a date and an estimate, labels kept apart), a sortable table of models (estimate, interval, method,
confidence, threshold classes, energy) whose evidence links open the facts it rests on, and the facts by
document (kind, value, quote, page, review status), each document linked to its source.

Everything written into the page is escaped: names, quotes and ids come from documents and review files."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

import pandas as pd

from floptrail.formatting import (
    STATUS_LABELS,
    date_parts,
    energy_mwh,
    fact_value,
    flop,
    flop_interval,
    is_missing,
    kind_label,
)
from floptrail.html_page import cell, fact_anchor, fact_link, page, source_href

STYLE = """
figure{margin:0 0 1rem}figure svg{width:100%;height:auto}figcaption{color:var(--muted);font-size:.9em}
table.models,table.facts{table-layout:fixed}
.above{color:var(--above);font-weight:600}.uncertain{color:var(--uncertain);font-weight:600}
.below{color:var(--below)}
.variant{color:var(--muted);font-size:.85em;display:block}
.clip{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
a.fact{display:inline-block;margin:0 .25rem .2rem 0;padding:0 .35rem;border:1px solid var(--line);border-radius:.6rem;
font-size:.8em;text-decoration:none;white-space:nowrap;background:#fff}
a.fact:hover{border-color:var(--accent)}
a.fact.accepted,a.fact.added{border-color:#6cbf6c;background:#eefaee}a.fact.corrected{border-color:#5fa8e0;
background:#eaf5ff}a.fact.rejected{border-color:#e08c8c;text-decoration:line-through}
details.reasoning summary{cursor:pointer;color:var(--accent);font-size:.8em}
details.reasoning div{font-size:.85em;margin-top:.2rem;color:var(--muted)}
.nowrap{white-space:nowrap}
section.document{margin:.4rem 0}
section.document>details>summary{cursor:pointer;font-weight:600;padding:.35rem 0}
section.document .meta{font-weight:400;color:var(--muted);font-size:.9em}
table.facts td.quote{font-size:.9em}
tr.cited td.quote{color:var(--muted)}
"""
CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class DocumentLink:
    """A document as the report shows it: its source as given and where a link to it goes."""

    doc_id: str
    source: str
    href: str
    title: str = ""
    date: str = ""
    kind: str = ""
    models: tuple[str, ...] = ()  # the models the document reports training for (its inventory)

    @property
    def name(self) -> str:
        return self.source.rstrip("/").split("/")[-1] or self.source


def document_links(documents: dict[str, dict], page_dir: Path,
                   inventories: dict[str, list[dict]] | None = None) -> list[DocumentLink]:
    """`documents` and `inventories` as a RunResult holds them (doc_id -> source, title, date, kind; doc_id ->
    inventory rows), sorted by source."""
    return sorted((DocumentLink(doc_id, info.get("source") or "", source_href(info.get("source") or "", page_dir),
                                info.get("title") or "", info.get("date") or "", info.get("kind") or "",
                                tuple(row["model"] for row in (inventories or {}).get(doc_id, []) if row.get("model")))
                   for doc_id, info in documents.items()), key=lambda d: d.source)


def plot_date(text: str) -> date | None:
    """2024-07-23, 2024-07 (the month's middle) or 2024 (the year's middle), as a date to plot."""
    parts = date_parts(text)
    if parts is None:
        return None
    year, month, day = parts
    return date(year, month or 7, day or (15 if month else 1))


def compute_plot(frame: pd.DataFrame, thresholds: list[float]) -> tuple[str, int, list[str]]:
    """Training compute against publication date, each model with its interval, as SVG markup; how many
    models it shows, and the base models with an estimate that could not be plotted for want of a date."""
    import matplotlib

    matplotlib.use("Agg")  # no screen: render to a buffer
    import matplotlib.pyplot as plt

    base = frame[frame["variant_of"].fillna("").astype(str).eq("") & frame["training_flop"].notna()]
    when = base["publication_date"].map(lambda d: plot_date("" if is_missing(d) else str(d)))
    dated, undated = base[when.notna()], sorted(base[when.isna()]["model"])
    fig, ax = plt.subplots(figsize=(14, 5.2))
    if len(dated):
        x = list(when[when.notna()])
        value, low, high = (dated[c].astype(float).to_numpy() for c in ("training_flop", "flop_low", "flop_high"))
        ax.errorbar(x, value, yerr=[value - low, high - value], fmt="o", capsize=3, color="#1f5fa8",
                    ecolor="#8fb0d6", markersize=5, zorder=3)
        place_labels(fig, ax, list(zip(x, value, strict=True)), list(dated["model"]))
    for t in thresholds:
        ax.axhline(t, linestyle="--", linewidth=1, color="#b3261e")
        ax.annotate(f"{t:.0e} FLOP".replace("e+", "e"), (0.005, t), xycoords=("axes fraction", "data"),
                    xytext=(0, 3), textcoords="offset points", fontsize=8, color="#b3261e")
    ax.set_yscale("log")
    ax.set_ylabel("training compute (FLOP)")
    ax.set_xlabel("publication date")
    ax.grid(True, which="major", alpha=0.3)
    ax.margins(x=0.08, y=0.15)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):], len(dated), undated


# where a label may sit around its point, in points: beside it first, then further up or down with a leader line
LABEL_OFFSETS = [(6, 4, "left"), (6, -11, "left"), (-6, 4, "right"), (-6, -11, "right")] + [
    (dx, dy, ha) for step in range(1, 10) for dy in (9 + 9 * step, -16 - 9 * step)
    for dx, ha in ((10, "left"), (-10, "right"), (40, "left"), (-40, "right"))]


def place_labels(fig, ax, points: list[tuple], names: list[str]) -> None:
    """Label each point with the first offset whose box overlaps no other label or point and stays in the
    axes; a label moved away from its point gets a thin leader line."""
    from matplotlib.text import Text
    renderer = fig.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    taken = []
    for x, y in points:
        px, py = ax.transData.transform((ax.xaxis.convert_units(x), y))
        taken.append((px - 4, py - 4, px + 4, py + 4))
    order = sorted(range(len(points)), key=lambda i: -points[i][1])
    for i in order:
        label = None
        for dx, dy, ha in LABEL_OFFSETS:
            far = abs(dy) > 12
            label = ax.annotate(names[i], points[i], xytext=(dx, dy), textcoords="offset points", ha=ha,
                                fontsize=7.5, color="#1d232b", zorder=4,
                                arrowprops={"arrowstyle": "-", "color": "#9aa4ae", "lw": 0.6} if far else None)
            label.update_positions(renderer)
            box = Text.get_window_extent(label, renderer)  # the words alone, not the leader line
            edges = (box.x0 - 1, box.y0 - 1, box.x1 + 1, box.y1 + 1)
            inside = frame.x0 <= edges[0] and edges[2] <= frame.x1 and frame.y0 <= edges[1] and edges[3] <= frame.y1
            if inside and not any(_overlap(edges, other) for other in taken):
                taken.append(edges)
                break
            label.remove()
            label = None
        if label is None:  # crowded beyond every offset: beside the point, as before
            ax.annotate(names[i], points[i], xytext=(6, 4), textcoords="offset points", fontsize=7.5)


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _fact_chip(fact: dict) -> str:
    label = fact_value(fact["kind"], fact["value"], fact["unit"], fact["hardware"], fact["qualifier"],
                       fact["low"], fact["high"]) or fact["kind"]
    page = f", p. {int(fact['page'])}" if not is_missing(fact["page"]) else ""
    title = f"{fact['kind']} in {fact['doc']}{page} ({fact['status']})"
    return (f'<a class="fact {escape(fact["status"])}" href="{escape(fact_link(fact["fact_id"]))}" '
            f'title="{escape(title)}">{escape(label)}</a>')


def date_how(date_source: str) -> str:
    """A short word on where a date came from, for the report's date column (the whole source in its title)."""
    how = date_source.split(": ", 1)[-1]
    return "in the text" if how.startswith('"') else re.sub(r"\s*\(.*\)$", "", how)


def _model_row(row: dict, classes: list[str], facts_by_id: dict[str, dict], docs: dict[str, DocumentLink]) -> str:
    name = escape(str(row["model"]))
    if row["variant_of"]:
        name += f'<span class="variant">variant of {escape(str(row["variant_of"]))}</span>'
    evidence = [facts_by_id[f] for f in str(row["evidence"] or "").split(";") if f in facts_by_id]
    reviewed = sum(f["status"] != "machine" for f in evidence)
    notes = []
    sources = [docs[s] for s in str(row["sources"] or "").split(";") if s in docs]
    if sources:
        notes.append("from " + ", ".join(f'<a href="{escape(d.href)}">{escape(d.name)}</a>' for d in sources))
    if evidence:
        notes.append("not reviewed" if not reviewed else "reviewed" if reviewed == len(evidence)
                     else f"{reviewed} of {len(evidence)} reviewed")
    elif row["method"]:
        notes.append("no fact from the documents: see why")
    evidence_html = "".join(_fact_chip(f) for f in evidence) + f'<div class="small">{" · ".join(notes)}</div>'
    reasoning = escape(str(row["reasoning"] or ""))
    why = f'<details class="reasoning"><summary>why</summary><div>{reasoning}</div></details>' if reasoning else ""
    disagreement = (f'<div class="uncertain small">{escape(str(row["disagreement"]))}</div>'
                    if row["disagreement"] else "")
    date_source = str(row.get("date_source") or "")
    cells = [
        cell(name, row["model"]),
        cell(escape(str(row["organization"] or "")), row["organization"] or None),
        cell(f'<span class="nowrap">{escape(str(row["publication_date"] or ""))}</span>'
             + (f'<div class="small" title="{escape(date_source)}">{escape(date_how(date_source))}</div>'
                if date_source else ""), row["publication_date"] or None),
        cell(f'{escape(flop(row["training_flop"]))}<div class="small">'
             f'{escape(flop_interval(row["flop_low"], row["flop_high"]))}</div>',
             None if is_missing(row["training_flop"]) else row["training_flop"], "num"),
        cell(escape(str(row["method"] or "")) + why + disagreement, row["method"] or None),
        cell(escape(str(row["confidence"] or "")), CONFIDENCE_RANK.get(row["confidence"])),
        *(cell(escape(str(row[c] or "")), row[c] or None, str(row[c] or "")) for c in classes),
        cell(escape(energy_mwh(row.get("training_energy_mwh"))),
             None if is_missing(row.get("training_energy_mwh")) else row["training_energy_mwh"], "num"),
        cell(evidence_html, len(evidence)),
    ]
    return "<tr>" + "".join(cells) + "</tr>"


# the evidence table's columns: (header, width, cell); a new fact field is one more line here
FACT_COLUMNS: list[tuple[str, str, Callable[[dict], str]]] = [
    ("kind", "12%", lambda f: cell(escape(kind_label(f["kind"])), f["kind"])),
    ("value", "13%", lambda f: cell(escape(fact_value(f["kind"], f["value"], f["unit"], f["hardware"], f["qualifier"],
                                                f["low"], f["high"])), None if is_missing(f["value"]) else f["value"],
                              "num")),
    ("model", "12%", lambda f: cell(escape(f["model"] or "") + (' <span class="role-cited">cited</span>'
                                                          if f["role"] == "cited" else ""))),
    ("quote", "43%", lambda f: cell(escape(f["quote"] or ""), css="quote")),
    ("page", "5%", lambda f: cell("" if is_missing(f["page"]) else str(int(f["page"])),
                             None if is_missing(f["page"]) else int(f["page"]), "num")),
    ("status", "8%", lambda f: cell(f'<span class="status {escape(f["status"])}">'
                               f'{escape(STATUS_LABELS.get(f["status"], f["status"]))}</span>'
                               + (f'<div class="small">{escape(f["reviewer"])}</div>' if f["reviewer"] else ""),
                               f["status"])),
    ("confidence", "7%", lambda f: cell("" if is_missing(f.get("confidence")) else f"{float(f['confidence']):.2f}",
                                        None if is_missing(f.get("confidence")) else f["confidence"], "num")),
]


def _document_section(doc: DocumentLink, facts: list[dict]) -> str:
    cols = "".join(f'<col style="width:{w}">' for _, w, _ in FACT_COLUMNS)
    head = "".join(f"<th>{escape(h)}</th>" for h, _, _ in FACT_COLUMNS)
    rows = "".join(
        f'<tr id="{escape(fact_anchor(f["fact_id"]))}" class="{escape(f["role"])}">'
        + "".join(render(f) for _, _, render in FACT_COLUMNS) + "</tr>" for f in facts)
    reports = f"reports {', '.join(doc.models)}" if doc.models else ""
    meta = " &middot; ".join(escape(x) for x in (doc.title, doc.date, doc.kind, reports, f"{len(facts)} facts") if x)
    return (f'<section class="document" id="{escape("doc-" + doc.doc_id[:12])}"><details open><summary>'
            f'<a href="{escape(doc.href)}">{escape(doc.source)}</a> <span class="meta">{meta}</span></summary>'
            f'<table class="facts sortable"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table>'
            "</details></section>")


def report(estimates: pd.DataFrame, thresholds: list[float], facts: pd.DataFrame | None = None,
           documents: list[DocumentLink] = (), title: str = "floptrail: training compute") -> str:
    """The report as one HTML string. `estimates` and `facts` as export.estimates_frame and facts_frame
    build them; `documents` say where each document's link goes."""
    classes = [c for c in estimates.columns if c.startswith("class_")]
    records = [{k: (None if is_missing(v) else v) for k, v in r.items()} for r in estimates.to_dict("records")]
    fact_rows = [] if facts is None else [
        {k: ("" if is_missing(v) and k not in ("value", "low", "high", "page", "confidence") else v)
         for k, v in r.items()}
        for r in facts.to_dict("records")]
    facts_by_id = {f["fact_id"]: f for f in fact_rows}
    docs = {d.source: d for d in documents}
    plot, plotted, undated = compute_plot(estimates, thresholds)
    headers = ["model", "organization", "date", "training compute", "method", "confidence",
               *(c.replace("class_", "vs ") for c in classes), "training energy", "evidence"]
    widths = ["12.5%", "11%", "8.5%", "11%", "10%", "7%", *(["6%"] * len(classes)), "7.5%"]
    cols = "".join(f'<col style="width:{w}">' for w in widths) + "<col>"  # evidence takes the rest
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    rows = "".join(_model_row(r, classes, facts_by_id, docs) for r in records)
    by_doc: dict[str, list[dict]] = {}
    for f in fact_rows:
        by_doc.setdefault(f["source"], []).append(f)
    sections = "".join(_document_section(d, by_doc.get(d.source, [])) for d in documents)
    over = ", ".join(f"{sum(r.get(c) == 'above' for r in records if not r.get('variant_of'))} "
                     f"{c.replace('class_', 'over ')}" for c in classes)
    caption = (f"{plotted} models with a date and an estimate; "
               + (f"not plotted, for want of a date in their documents: {', '.join(undated)}." if undated
                  else "every model with an estimate is plotted."))
    body = (f"<h1>{escape(title)}</h1><p class='lead'>{len(records)} models from {len(documents)} documents; whole "
            f"90% interval {escape(over)}. Click a column to sort; click a fact to see its quote.</p>"
            f"<figure>{plot}<figcaption>{escape(caption)} Bars are 90% intervals; dashed lines the thresholds."
            "</figcaption></figure>"
            f"<h2>Models</h2><table class='models sortable' id='models'><colgroup>{cols}</colgroup>"
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            f"<h2 id='evidence'>Evidence, by document</h2>{sections}")
    return page(title, body, STYLE)
