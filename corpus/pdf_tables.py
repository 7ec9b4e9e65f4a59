"""Tables on PDF pages, read back as pipe rows whose cells line up with the columns.

pdfplumber's table finder locates each table (ruled tables by their lines; papers' tables, which have
horizontal rules only, by rules plus the text's alignment). Inside a table the words are grouped into
visual lines, each line into cells at wide gaps, and the cells are placed in columns found from the
x-extent of cells across all rows, so a row `# Total Params 72B 271B` sits under the right model header.
The finder is slow (100-1000 ms a page, most of it pdfminer reading the page's objects), so it runs only
where a table can hold compute facts: on pages whose text mentions a table and a training-compute word and
that have a ruled region (two or more horizontal edges of one width, read from pypdfium2's page objects in a
few milliseconds) whose own text has such a word.
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

TABLE_HINT = re.compile(r"\bTable\s+\d+", re.I)
FACT_HINT = re.compile(r"param|tokens|hours|flops?\b|co2|emission|gpus", re.I)
FINDER_SETTINGS = ({}, {"vertical_strategy": "text", "horizontal_strategy": "lines"})
WORD_TOLERANCE = 1.5  # pdfplumber's default 3 glues words together on many papers


@dataclass(frozen=True)
class PdfTable:
    """A table's box in PDF points from the page's top-left corner, and its rows as pipe lines."""

    x0: float
    top: float
    x1: float
    bottom: float
    rows: list[str]


RULE_MIN_WIDTH = 30.0  # points: narrower paths are glyph parts, arrows or markers, not a table's rules
RULE_ALIGN = 6.0  # points: rules of one table start and end within this of each other


def worth_searching(page_text: str) -> bool:
    return bool(TABLE_HINT.search(page_text) and FACT_HINT.search(page_text))


def ruled_regions(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top in PDF points) spanned by two or more horizontal edges of paths that
    start and end together: a booktabs table's top, middle and bottom rules, or a grid's cell borders."""
    import pypdfium2.raw as pdfium_c

    edges: dict[tuple[int, int], set[float]] = defaultdict(set)
    for path in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = path.get_bounds()
        if right - left >= RULE_MIN_WIDTH:
            edges[round(left / RULE_ALIGN), round(right / RULE_ALIGN)].update((round(bottom, 1), round(top, 1)))
    return [(left * RULE_ALIGN - RULE_ALIGN, min(ys) - 1, right * RULE_ALIGN + RULE_ALIGN, max(ys) + 1)
            for (left, right), ys in edges.items() if len(ys) >= 2]


def may_hold_facts(page: pdfium.PdfPage) -> bool:
    """Whether a ruled region of the page has a training-compute word in its own text."""
    textpage = page.get_textpage()
    try:
        return any(FACT_HINT.search(textpage.get_text_bounded(*box)) for box in ruled_regions(page))
    finally:
        textpage.close()


def find_pdf_tables(data: bytes, page_numbers: list[int]) -> dict[int, list[PdfTable]]:
    """Tables of the given (0-based) pages, top to bottom; pages without a readable table are left out."""
    found: dict[int, list[PdfTable]] = {}
    if not page_numbers:
        return found
    import pdfplumber  # here: importing it costs more than most commands need

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for n in page_numbers:
            page = pdf.pages[n]
            tables = _page_tables(page)
            page.close()  # pdfplumber keeps every parsed page otherwise: memory would grow with the document
            if tables:
                found[n] = tables
    return found


def _page_tables(page) -> list[PdfTable]:
    for settings in FINDER_SETTINGS:
        boxes = [t.bbox for t in page.find_tables(settings)]
        tables = [t for t in (_read_table(page, box) for box in boxes) if t is not None]
        if tables:
            return sorted(tables, key=lambda t: t.top)
    return []


def _read_table(page, box: tuple[float, float, float, float]) -> PdfTable | None:
    box = _clipped(box, page.bbox)
    if box is None:
        return None
    words = page.crop(box).extract_words(x_tolerance=WORD_TOLERANCE, y_tolerance=2)
    if not words:
        return None
    # the crop can clip a caption's glyphs to slivers: keep words of full height only
    heights = sorted(w["bottom"] - w["top"] for w in words)
    words = [w for w in words if w["bottom"] - w["top"] >= 0.6 * heights[len(heights) // 2]]
    lines = [_cells(line) for line in _visual_lines(words)]
    while lines and len(lines[0]) < 2:  # caption or note lines above the first row of cells
        lines.pop(0)
    columns = _columns(lines)
    if len(columns) < 2 or len(lines) < 2:
        return None
    return PdfTable(*box, rows=[_pipe_row(cells, columns) for cells in lines])


def _clipped(box: tuple[float, float, float, float], page_box: tuple[float, float, float, float]
             ) -> tuple[float, float, float, float] | None:
    """The part of a table's box on the page: the finder can report boxes reaching past the page's edge
    (a rule drawn into the margin), and pdfplumber refuses to crop outside the page."""
    x0, top = max(box[0], page_box[0]), max(box[1], page_box[1])
    x1, bottom = min(box[2], page_box[2]), min(box[3], page_box[3])
    return (x0, top, x1, bottom) if x1 > x0 and bottom > top else None


def _visual_lines(words: list[dict]) -> list[list[dict]]:
    """Words sharing a baseline, each line left to right, lines top to bottom."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _cells(line: list[dict]) -> list[tuple[float, float, str]]:
    """A line split into (x0, x1, text) cells where the gap between words is wider than a space."""
    cells: list[list[dict]] = [[line[0]]]
    for prev, word in zip(line, line[1:], strict=False):
        if word["x0"] - prev["x1"] > 0.5 * (word["bottom"] - word["top"]):
            cells.append([word])
        else:
            cells[-1].append(word)
    return [(c[0]["x0"], c[-1]["x1"], " ".join(w["text"] for w in c)) for c in cells]


def _columns(lines: list[list[tuple[float, float, str]]]) -> list[tuple[float, float]]:
    """Column spans from the lines with the most common number of cells (the body rows), merged where
    they overlap; headers spanning several columns do not take part."""
    counts = Counter(len(cells) for cells in lines if len(cells) > 1)
    if not counts:
        return []
    typical = max(counts, key=lambda k: (counts[k], k))
    spans = sorted((x0, x1) for cells in lines if len(cells) == typical for x0, x1, _ in cells)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _pipe_row(cells: list[tuple[float, float, str]], columns: list[tuple[float, float]]) -> str:
    slots = [""] * len(columns)
    for x0, x1, text in cells:
        j = max(range(len(columns)), key=lambda k: (min(x1, columns[k][1]) - max(x0, columns[k][0])))
        slots[j] = f"{slots[j]} {text}".strip()
    return "| " + " | ".join(slots) + " |"
