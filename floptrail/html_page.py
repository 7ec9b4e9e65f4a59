"""What the HTML report and the review pages share: one look (style), sortable tables and links that open
their target (script), links to sources, and the page frame. Every value is escaped by the caller with
`html.escape`; this module writes only fixed markup."""

from __future__ import annotations

import os
from html import escape
from pathlib import Path
from urllib.parse import quote

SCRIPT = """
document.querySelectorAll('table.sortable th').forEach((th, i) => th.addEventListener('click', () => {
  const body = th.closest('table').tBodies[0], rows = [...body.rows], up = th.dataset.up !== '1';
  const key = r => { const c = r.cells[i], t = c.dataset.v ?? c.textContent.trim(), n = parseFloat(t);
                     return t === '' ? null : isNaN(n) || !/^[-+.\\d]/.test(t) ? t.toLowerCase() : n; };
  rows.sort((a, b) => { const x = key(a), y = key(b);
    if (x === y) return 0; if (x === null) return 1; if (y === null) return -1;  // empty cells last
    return (typeof x === typeof y ? (x > y ? 1 : -1) : (typeof x === 'number' ? -1 : 1)) * (up ? 1 : -1); });
  th.closest('tr').querySelectorAll('th').forEach(h => h.removeAttribute('aria-sort'));
  th.dataset.up = up ? '1' : '0'; th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
  rows.forEach(r => body.appendChild(r));
}));
function openTarget() {  // a link to a fact opens the section holding it and brings it into view
  const el = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) d.open = true;
  el.scrollIntoView({block: 'center'});
}
window.addEventListener('hashchange', openTarget); openTarget();
"""
STYLE = """
:root{--ink:#1d232b;--muted:#5b6673;--line:#d9dee4;--soft:#f4f6f8;--accent:#1f5fa8;--above:#b3261e;
--uncertain:#a15c00;--below:#2d6a3e}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);margin:0 auto;
max-width:1400px;padding:1.25rem 1.5rem 3rem}
h1{font-size:1.5rem;margin:.2rem 0;overflow-wrap:anywhere}h2{font-size:1.15rem;margin:2rem 0 .6rem;
border-bottom:1px solid var(--line);padding-bottom:.3rem}
p.lead{color:var(--muted);margin:.2rem 0 1rem}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.35rem .45rem;vertical-align:top;text-align:left}
th{background:var(--soft);font-weight:600;font-size:.85em;position:sticky;top:0;z-index:1}
table.sortable th{cursor:pointer;user-select:none}
table.sortable th::after{content:" \\2195";color:#aab}
table.sortable th[aria-sort=ascending]::after{content:" \\2191";color:var(--ink)}
table.sortable th[aria-sort=descending]::after{content:" \\2193";color:var(--ink)}
td.num{font-variant-numeric:tabular-nums;white-space:nowrap}
.small{font-size:.85em;color:var(--muted)}
tr:target{background:#fff5c2;outline:2px solid #e0b400}
.status{font-size:.75em;padding:0 .35rem;border-radius:.5rem;white-space:nowrap}
.status.machine{background:#fff3b0}.status.accepted,.status.added{background:#c8f0c8}
.status.corrected{background:#b8e0ff}.status.rejected{background:#f4c4c4;text-decoration:line-through}
.role-cited{font-size:.75em;color:var(--muted);border:1px dashed #98a2ad;border-radius:.5rem;padding:0 .3rem;
white-space:nowrap}
"""


def page(title: str, body: str, style: str = "") -> str:
    """A whole HTML document around `body` (already escaped markup)."""
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{STYLE}{style}</style></head><body>{body}<script>{SCRIPT}</script></body></html>")


def source_href(source: str, page_dir: Path) -> str:
    """A link to a source from a page in `page_dir`: URLs as they are, arXiv ids to their abstract, files
    by a path relative to the page (so a page and its documents can move together)."""
    if source.startswith(("http://", "https://")):
        return source
    if source.startswith("arxiv:"):
        return f"https://arxiv.org/abs/{quote(source.removeprefix('arxiv:'))}"
    target = Path(source).absolute()
    return quote(Path(os.path.relpath(target, Path(page_dir).absolute())).as_posix())


def cell(text: str, sort_key=None, css: str = "") -> str:
    """A table cell of markup `text`; `sort_key` is what sorting uses instead of the text."""
    key = "" if sort_key is None else f' data-v="{escape(str(sort_key))}"'
    cls = f' class="{escape(css)}"' if css else ""
    return f"<td{cls}{key}>{text}</td>"


def fact_anchor(fact_id: str) -> str:
    """The element id of a fact on a page; a link to it is `#` + quote(fact_anchor(...))."""
    return f"fact-{fact_id}"


def fact_link(fact_id: str) -> str:
    return "#" + quote(fact_anchor(fact_id), safe="")
