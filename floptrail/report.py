"""The HTML report: a sortable table of models with estimate, interval, method, confidence, threshold
classes and evidence, and a plot of training compute against publication date (log axis, threshold lines),
embedded as SVG so the file stands alone."""

from __future__ import annotations

import html
import io

import matplotlib

matplotlib.use("Agg")  # no screen: render to a buffer
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

SORT_SCRIPT = """document.querySelectorAll('th').forEach((th, i) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], rows = [...body.rows], up = th.dataset.up !== '1';
  const key = r => { const t = r.cells[i].dataset.v ?? r.cells[i].textContent; const n = parseFloat(t);
                     return isNaN(n) ? t : n; };
  rows.sort((a, b) => (key(a) > key(b) ? 1 : key(a) < key(b) ? -1 : 0) * (up ? 1 : -1));
  th.dataset.up = up ? '1' : '0'; rows.forEach(r => body.appendChild(r));
}));"""
STYLE = """body{font:14px/1.4 system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}
th{cursor:pointer;background:#eee}td,th{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
td.reasoning{max-width:40rem;font-size:.9em}.above{color:#b00}.uncertain{color:#a60}"""
SHOWN = ["model", "organization", "publication_date", "training_flop", "flop_low", "flop_high", "method",
         "confidence"]


def compute_plot(frame: pd.DataFrame, thresholds: list[float]) -> str:
    """Training compute against publication date, with each model's interval, as SVG markup."""
    dated = frame[(frame["publication_date"].astype(str) != "") & (frame["training_flop"].astype(str) != "")]
    dated = dated[dated["variant_of"].astype(str) == ""]
    fig, ax = plt.subplots(figsize=(9, 5))
    if len(dated):
        when = pd.to_datetime(dated["publication_date"].astype(str), errors="coerce")
        value, low, high = (pd.to_numeric(dated[c], errors="coerce") for c in ("training_flop", "flop_low",
                                                                                 "flop_high"))
        ax.errorbar(when, value, yerr=[value - low, high - value], fmt="o", capsize=3)
        for x, y, name in zip(when, value, dated["model"], strict=True):
            ax.annotate(name, (x, y), textcoords="offset points", xytext=(4, 4), fontsize=7)
    for t in thresholds:
        ax.axhline(t, linestyle="--", linewidth=1, color="#b00")
        ax.annotate(f"{t:.0e} FLOP".replace("e+", "e"), (0.01, t), xycoords=("axes fraction", "data"),
                    xytext=(0, 3), textcoords="offset points", fontsize=8, color="#b00")
    ax.set_yscale("log")
    ax.set_ylabel("training compute (FLOP)")
    ax.set_xlabel("publication date")
    ax.grid(True, which="major", alpha=0.3)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(fig)
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def report(frame: pd.DataFrame, thresholds: list[float], title: str = "floptrail: training compute") -> str:
    classes = [c for c in frame.columns if c.startswith("class_")]
    columns = [*SHOWN, *classes, "disagreement", "evidence", "sources", "reasoning"]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
    body = []
    for row in frame.fillna("").to_dict("records"):
        cells = []
        for c in columns:
            value = str(row.get(c, ""))
            css = f' class="{value}"' if c in classes else (' class="reasoning"' if c == "reasoning" else "")
            sort_key = f' data-v="{html.escape(value)}"' if c.startswith(("training", "flop")) else ""
            cells.append(f"<td{css}{sort_key}>{html.escape(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{STYLE}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<figure>{compute_plot(frame, thresholds)}</figure>"
            f"<table id='models'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
            f"<script>{SORT_SCRIPT}</script></body></html>")
