"""Markdown (model cards, READMEs) to plain text that keeps tables as pipe rows: emphasis and links
unwrapped (`**39.3**M` reads 39.3M), HTML tables turned into pipe rows, YAML front matter kept verbatim
ahead of the body (its `co2_eq_emissions` is a fact)."""

from __future__ import annotations

import html
import re

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
# a fenced code block: its fence closes only on a line of its own (a '"""```' inside the code, or a "```python"
# that opens the next block, does not), else at the end of the text
CODE_FENCE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?(?:^[ \t]*\1[ \t]*$|\Z)")
_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_ROW = re.compile(r"<tr\b.*?(?:</tr>|(?=<tr\b)|$)", re.S | re.I)
_CELL = re.compile(r"<(t[hd])\b([^>]*)>(.*?)(?:</t[hd]>|(?=<t[hd]\b)|$)", re.S | re.I)
_CAPTION = re.compile(r"<caption\b.*?</caption>", re.S | re.I)
_SPAN = re.compile(r"\b(row|col)span\s*=\s*[\"']?(\d+)", re.I)
# an HTML tag or comment; a bare "<" in prose ("<10MB", "pydantic<2.0") is text, not the start of one
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>", re.S)


def split_front_matter(text: str) -> tuple[str, str]:
    """The YAML front matter block (with its `---` lines, verbatim) and the body after it."""
    m = _FRONT_MATTER.match(text)
    return (text[:m.end()], text[m.end():]) if m else ("", text)


def _table_to_rows(match: re.Match) -> str:
    rows = ["| " + " | ".join(cells) + " |" for cells in table_grid(match.group(0))]
    if len(rows) > 1:
        rows.insert(1, "|" + "---|" * len(rows[0].split("|")[1:-1]))
    return "\n" + "\n".join(rows) + "\n"


def table_grid(table: str) -> list[list[str]]:
    """An HTML table's rows as the texts of their columns (tags stripped, entities kept), every row as wide as its
    columns: a cell spanning rows or columns fills the first and leaves the others empty (a row with an empty label
    goes on with the group above), so each figure stays under its header; but a data cell spanning columns after a
    row's header cell, as a table with its models across the top labels its rows, is each column's ("| Accelerator |
    Trainium2 (two columns) | A100 |": both models'). Header rows set one above
    another (a group's name over its columns: "Parameters" over "Total" and "Active") are read as one header row
    ("Total (Parameters)", "Active (Parameters)")."""
    grid: list[list[tuple[str, str]]] = []  # (text, the column's text where a header above spans it)
    header_rows, grouped, carried = 0, 0, {}  # carried: column -> [rows left, cell] of a cell spanning down
    for row in _ROW.findall(table):
        found = _CELL.findall(row)
        if not found:
            continue
        cells: list[tuple[str, str]] = []
        for tag, attributes, content in found:
            _fill_carried(cells, carried)
            spans = {kind.lower(): int(n) for kind, n in _SPAN.findall(attributes)}
            text = tag_free(content)
            shared = tag.lower() == "td" and found[0][0].lower() == "th" and bool(cells)
            for k in range(max(1, spans.get("col", 1))):
                if spans.get("row", 1) > 1:
                    carried[len(cells)] = [spans["row"] - 1, ("", text)]
                cells.append((text if k == 0 or shared else "", text))
        _fill_carried(cells, carried)
        if header_rows == len(grid) and all(tag.lower() == "th" for tag, _, _ in found):
            header_rows += 1
            # (the header rows down to the last that groups columns under a cell spanning them)
            if any(kind.lower() == "col" and int(n) > 1 for _, attributes, _ in found
                   for kind, n in _SPAN.findall(attributes)):
                grouped = header_rows
        grid.append(cells)
    width = max((len(cells) for cells in grid), default=0)
    grid = [cells + [("", "")] * (width - len(cells)) for cells in grid]
    # (a table written in header cells alone has rows; a header row over a row naming a group has no groups of its own)
    if 1 <= grouped < header_rows <= 3 and header_rows < len(grid):
        merged = [_stacked_header([spanned for _, spanned in column])
                  for column in zip(*grid[:header_rows], strict=True)]
        return [merged] + [[text for text, _ in cells] for cells in grid[header_rows:]]
    return [[text for text, _ in cells] for cells in grid]


def tag_free(html_text: str) -> str:
    """The words of a piece of HTML, its tags read as spaces and its runs of white space as one."""
    return " ".join(_TAG.sub(" ", html_text).split())


def _fill_carried(cells: list[tuple[str, str]], carried: dict[int, list]) -> None:
    """The cells above that span down into the row, at the row's next columns."""
    while (carry := carried.get(len(cells))) and carry[0] > 0:
        carry[0] -= 1
        cells.append(carry[1])


def _stacked_header(texts: list[str]) -> str:
    """One header from a column's header cells, top to bottom: the lowest, with the groups over it in brackets as a
    note on it ("Active (Parameters)", "Days (Pre-training compute)"), which is how a header's own note is read."""
    texts = list(dict.fromkeys(t for t in texts if t))
    return f"{texts[-1]} ({' '.join(texts[:-1])})" if len(texts) > 1 else "".join(texts)


def plain_tables(page: str) -> str:
    """An HTML page with each table rewritten as rows of single cells (`table_grid`), for a reader that knows no
    spans (trafilatura's tables put a cell spanning rows in the column after it)."""
    def plain(match: re.Match) -> str:
        rows = table_grid(match.group(0))
        first = _ROW.search(match.group(0))
        first_cells = _CELL.findall(first.group(0)) if first else []
        header = bool(first_cells) and all(tag.lower() == "th" for tag, _, _ in first_cells)
        cell = ["th" if header else "td"] + ["td"] * (len(rows) - 1)
        caption = _CAPTION.search(match.group(0))
        return ("<table>" + (caption.group(0) if caption else "")
                + "".join("<tr>" + "".join(f"<{cell[i]}>{text}</{cell[i]}>" for text in cells) + "</tr>"
                          for i, cells in enumerate(rows)) + "</table>")
    return _HTML_TABLE.sub(plain, page)


# a superscript number after a digit is a power ("10<sup>25</sup>" is 10^25, not 1025); after a word or a stop it is a
# footnote's mark ("operations.<sup>1</sup>"), which would otherwise run into the word before it
_SUP_POWER = re.compile(r"(?<=\d)\s*<sup>\s*([-+−]?\d+)\s*</sup>", re.I)
_SUP_MARK = re.compile(r"<sup>\s*\d{1,2}\s*</sup>", re.I)


def superscripts(text: str) -> str:
    """Powers written as "^25", footnote marks dropped."""
    return _SUP_MARK.sub("", _SUP_POWER.sub(r"^\1", text))


# inline math as arXiv-to-Markdown converters write it: "$3.9 \\times 10^{23}$ FLOPs", "$1247.61 \\mathrm{tCO}_2$"; the
# dollar signs delimit math, not an amount of dollars, wherever the span holds a command, a power or an index
# (a shell's "$SQUAD_DIR/x.py $" or "${IMAGE} -c $" is no math: no path or brace after the sign, and "$SEQ_LEN; v=$"
# holds no command, power or index)
_INLINE_MATH = re.compile(r"(?<![\w$])\$(?![\s{])([^$\n/`]{1,120}?)\$(?![\w$])")
# math set between digits: "3.9$\\times$10$^{23}$ FLOPs", "$\\sim$2T tokens"
_GLUED_MATH = re.compile(r"\$(\\(?:times|cdot|sim|approx)|\^\s*\{?\s*-?\d{1,3}\s*\}?)\$")
_MATH_MARK = re.compile(r"\\[A-Za-z%]|\^\s*\{?\s*-?\d|_\s*\{|_\d\b")  # a command, a power, an index
_MATH_SYMBOLS = {"times": "×", "cdot": "·", "sim": "~", "approx": "≈", "%": "%", ",": " ", ";": " ", "in": "∈",
                 "leq": "≤", "geq": "≥", "le": "≤", "ge": "≥"}
_MATH_COMMAND = re.compile(r"\\(?:(mathrm|text|textrm|mathit|mathbf|operatorname)\s*\{([^{}]*)\}|([A-Za-z]+|[%,;]))")


def plain_math(text: str) -> str:
    """Inline LaTeX math as the text it stands for: "$3.9 \\times 10^{23}$" reads "3.9 × 10^23", "\\mathrm{tCO}_2
    \\mathrm{eq}" reads "tCO2 eq"."""
    def plain(m: re.Match) -> str:
        body = _MATH_COMMAND.sub(lambda c: c.group(2) if c.group(1) else _MATH_SYMBOLS.get(c.group(3), ""),
                                 m.group(1))
        body = re.sub(r"\^\s*\{\s*([^{}]*?)\s*\}", r"^\1", body)  # 10^{23} -> 10^23
        body = re.sub(r"_\s*\{\s*([^{}]*?)\s*\}|_(\w)", lambda i: i.group(1) or i.group(2), body)  # CO_2 -> CO2
        return re.sub(r"\s+", " ", body.replace("{", "").replace("}", "")).strip()

    text = _GLUED_MATH.sub(plain, text)
    return _INLINE_MATH.sub(lambda m: plain(m) if _MATH_MARK.search(m.group(1)) else m.group(0), text)


def markdown_to_text(text: str) -> str:
    text = text.replace("\r\n", "\n")
    text = plain_math(text)
    text = superscripts(text)
    text = re.sub(r"<sub>\s*(\w+)\s*</sub>", r"_\1", text, flags=re.I)  # "n<sub>parameters</sub>"
    text = _HTML_TABLE.sub(_table_to_rows, text)
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = _HTML_HEADING.sub(_heading_line, text)
    text = _POWER_OF_TEN.sub(r"10^\1", text)  # "6.67x10<sup>22</sup>": the exponent, not the digits "1022"
    text = _TAG.sub("", text)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)  # images
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # links keep their words
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)  # bold, also inside numbers: **39.3**M
    text = re.sub(r"(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])", r"\1", text)  # italic
    text = re.sub(r"`([^`\n]+)`", r"\1", text)
    text = text.replace("\\|", "/").replace("\\", "")
    return html.unescape(text)


# an HTML heading in Markdown, as READMEs centre their title: '<h1 align="center">Name</h1>'
_POWER_OF_TEN = re.compile(r"10\s*<sup>\s*([-−]?\d+)\s*</sup>", re.I)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1\s*>", re.S | re.I)


def _heading_line(match: re.Match) -> str:
    words = tag_free(match.group(2))
    return f"\n{'#' * int(match.group(1))} {words}\n" if words else "\n"


# a model repository a link points at: "huggingface.co/microsoft/GRIN-MoE", "github.com/org/Name", "hf.co/org/x"
_REPO_LINK = re.compile(r"(?:huggingface\.co|hf\.co|github\.com|modelscope\.cn/models)/([\w.-]+)/([\w.-]+)")
# the opening of a README or card ends at its first second-level heading
_SECOND_HEADING = re.compile(r"(?m)^##\s|<h2\b", re.I)
# repository names that are not models: a Hub collection or space, a docs or organisation page
_NOT_REPOS = {"collections", "spaces", "datasets", "docs", "blog", "papers", "models", "orgs"}
# a repository named for data or a benchmark ("togethercomputer/RedPajama-Data") holds no model
_DATA_REPO = re.compile(r"(?:^|[-_.])(?:data|dataset|datasets|corpus|bench|benchmark)$", re.I)


# a repository the usage code loads: "from_pretrained('org/name')", "pipeline(model='org/name')"
_CODE_REPO = re.compile(r"""(?:\bfrom_pretrained\(|\bmodel\s*=)\s*["']([\w.-]+)/([\w.-]+)["']""")
# a link whose words call it a tool: "trained with [the NeMo Framework](github.com/NVIDIA/NeMo)"
_TOOL_ANCHOR = re.compile(r"\b(?:framework|library|toolkit|codebase|code|notebook|sdk|package|tool)s?\b", re.I)


def opening_repos(body: str, limit: int = 4000) -> list[str]:
    """The repositories the opening of a README or card links to ("microsoft/GRIN-MoE") or its usage code loads,
    in order: a release's badges, download links and loading code at the top name what it releases, often where no
    sentence does. A link whose text names a tool ("the NeMo Framework") holds no model."""
    end = _SECOND_HEADING.search(body)
    head = body[:min(end.start() if end else limit, limit)]
    found = sorted([*_REPO_LINK.finditer(head), *_CODE_REPO.finditer(head)], key=lambda m: m.start())
    repos = []
    for m in found:
        org, name = m.group(1), m.group(2).removesuffix(".git")
        if org.lower() not in _NOT_REPOS and not _DATA_REPO.search(name) and f"{org}/{name}" not in repos and (
                not _TOOL_ANCHOR.search(_anchor_text(head, m))):
            repos.append(f"{org}/{name}")
    return repos


def _anchor_text(text: str, link: re.Match) -> str:
    """The words a link is written under: Markdown's "[words](url)" before the address, HTML's "<a href=url>words</a>"
    after it; "" for a bare address."""
    before = re.search(r"\[([^\[\]]{0,80})\]\(\s*(?:https?://)?(?:www\.)?$",
                       text[max(0, link.start() - 100):link.start()])
    after = re.match(r"[^<>]*>([^<]{0,80})</a>", text[link.end():link.end() + 200])
    return (before or after).group(1) if before or after else ""


_FRONT_MATTER_TITLE = re.compile(r"(?m)^title:[ \t]*(['\"]?)(.+?)\1[ \t]*$")


def title_of(text: str, front: str = "") -> str:
    """The first level-one heading outside fenced code (where `#` starts a shell comment), Markdown's or HTML's (a
    README's centred '<h1>Name</h1>' above its '# Introduction'), without the tags it holds ('# <span
    id="intro">Name</span>'); where there is none, the front matter's `title:` (a blog post's)."""
    prose = CODE_FENCE.sub("", text)
    m = re.search(r"^#\s+(.+)$", _HTML_HEADING.sub(_heading_line, prose), re.M) or _FRONT_MATTER_TITLE.search(front)
    return tag_free(m.group(m.lastindex)) if m else ""
