"""Tables on PDF pages, read back as pipe rows whose cells line up with the columns, from pypdfium2 alone.

A table is a ruled region (two or more horizontal edges of one width, from pypdfium2's page objects) whose
own text has a training-compute word, on a page whose text mentions a table and such a word. Its words (the
page's loose character boxes grouped on baselines) are grouped into visual lines, each line into cells at
wide gaps, and the cells are placed in columns found from the x-extent of cells across all rows, so a row
`# Total Params 72B 271B` sits under the right model header. Tables drawn with no rules at all are found from
the text alone: a run of lines whose cells, split at gaps of an em or more, line up in the same columns.
pdfplumber's finder, which did this before, cost 100-1000 ms a page in pdfminer; this costs a few.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import TYPE_CHECKING

import numpy

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# a table's caption: "Table 3", an appendix's or supplement's "Table A1", "Table S2", "Table B.1", a roman "Table IV",
# "Tab. 2"; "表 3"
TABLE_HINT = re.compile(r"\b(?i:tab(?:le|\.))\s*(?:[A-Z]\.?\s?)?\d+|\b(?i:table)\s+[IVX]+\b|表\s*\d+")
# (and in Chinese: parameters, card-hours, card count, compute, energy, power drawn, carbon emissions)
FACT_HINT = re.compile(r"param|tokens|hours|flops?\b|co2|emission|gpus|参数|卡时|卡数|算力|计算量|能耗|耗电|碳排放",
                       re.I)
# a table of sizes down its first column ("125M 12 768 6.0e-4"): each row is a model, its label the parameter count
SIZE_ROW = re.compile(r"(?m)^\W{0,2}\d+(?:\.\d+)?\s?[MBT]\b")
# a cell that is a figure: its line is a row, not the header ("6.9B", "41.2", "1.1e26", "2.3 x 10^26", "71 days")
FIGURE = re.compile(r"[\d.,]+(?:\s*(?:e[+-]?\d+|[x×]\s*10\^?[+-]?\d+))?\s*[KMBT%]?"
                    r"(?:\s+(?:days?|hours?|weeks?|months?))?", re.I)
WORD_TOLERANCE = 1.5  # points between characters of one word; 3 glues words together on many papers


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
    """A page that may hold a table of training figures: one with a compute word. Its ruled tables are read (rules
    frame a table however its text runs: a row per line, or a whole table as one line, as some writers emit it)."""
    return bool(FACT_HINT.search(page_text))


def unruled_tables_likely(page_text: str) -> bool:
    """A page whose tables may be drawn without rules: it captions a table, or two lines read as a table's rows (a
    card or a white paper set as a PDF captions none; a line alone is as often a sentence)."""
    return bool(TABLE_HINT.search(page_text)) or sum(map(_reads_as_row, page_text.splitlines())) >= 2


def _reads_as_row(line: str) -> bool:
    """A short line of three figures or more, half its words or more ("Tessa Large 1.6B H100 64 14 21,504"), as a
    table's row is printed ("In 2023 we trained 3 models on 1,024 GPUs" is prose)."""
    words = line.split()
    figures = sum(1 for w in words if FIGURE.fullmatch(w) and w[0].isdigit())
    return len(words) <= 12 and figures >= 3 and 2 * figures >= len(words)


def ruled_regions(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """Boxes (left, bottom, right, top in PDF points) spanned by two or more horizontal edges of paths that
    start and end together: a booktabs table's top, middle and bottom rules, or a grid's cell borders."""
    edges: dict[tuple[int, int], set[float]] = defaultdict(set)
    for left, bottom, right, top in _joined_end_to_end(_path_bounds(page)):
        if right - left >= RULE_MIN_WIDTH:
            edges[round(left / RULE_ALIGN), round(right / RULE_ALIGN)].update((round(bottom, 1), round(top, 1)))
    return [(left * RULE_ALIGN - RULE_ALIGN, min(ys) - 1, right * RULE_ALIGN + RULE_ALIGN, max(ys) + 1)
            for (left, right), ys in edges.items() if len(ys) >= 2]


RULE_JOIN = 1.0  # points: segments of one rule drawn cell by cell meet end to end within this


def _joined_end_to_end(boxes: Iterator[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Paths at one height that meet end to end, as one: a browser or a word processor draws a table's rule as a
    segment under each cell, which would otherwise read as a narrow table per column."""
    rows: dict[tuple[float, float], list[tuple[float, float]]] = defaultdict(list)
    for left, bottom, right, top in boxes:
        rows[round(bottom, 1), round(top, 1)].append((left, right))
    joined = []
    for (bottom, top), spans in rows.items():
        spans.sort()
        left, right = spans[0]
        for x0, x1 in spans[1:]:
            if x0 - right > RULE_JOIN:
                joined.append((left, bottom, right, top))
                left = x0
            right = max(right, x1)
        joined.append((left, bottom, right, top))
    return joined


def _path_bounds(page: pdfium.PdfPage) -> Iterator[tuple[float, float, float, float]]:
    """Each path's box in page space. pdfium gives a path inside a form XObject (a figure placed whole) its
    box in the form's own space; left so, a chart's gridlines land over the prose beside it and read as a
    table. Each form's matrix, after those of the forms around it, maps the box onto the page."""
    import pypdfium2.raw as pdfium_c

    forms: list = []  # forms[k]: the matrix from the space of the form open at level k+1 to the page
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM), max_depth=3):
        del forms[obj.level:]
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            matrix = obj.get_matrix()
            forms.append(matrix.multiply(forms[-1]) if forms else matrix)
            continue
        box = obj.get_bounds()
        if obj.level:
            xs, ys = zip(*(forms[-1].on_point(x, y) for x in (box[0], box[2]) for y in (box[1], box[3])),
                         strict=True)
            box = (min(xs), min(ys), max(xs), max(ys))
        yield box


def fact_regions(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[tuple[float, float, float, float]]:
    """The page's ruled regions that have a training-compute word in their own text: the tables worth reading."""
    return [box for box in ruled_regions(page) if worth_reading(textpage.get_text_bounded(*box))]


def worth_reading(table_text: str) -> bool:
    """A table's text (a line per row) names a training-compute quantity or gives sizes down three rows."""
    return bool(FACT_HINT.search(table_text)) or len(SIZE_ROW.findall(table_text)) >= 3


def page_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, ruled_only: bool = False) -> list[PdfTable]:
    """Tables of a page, top to bottom, read from pypdfium2's character boxes and rules alone (`textpage` is the
    page's open text). Each ruled region is read as a table when one holds a compute word; a page without one (or
    whose regions read as no table) is searched for tables drawn without rules, unless `ruled_only` (a page that
    captions no table: its lines of figures are read only where rules frame them). pdfminer, which cost 100-1000 ms
    a page (5 s on a figure-heavy one) interpreting every object, is not needed."""
    regions = fact_regions(page, textpage)
    if ruled_only and not regions:
        return []
    words = page_words(page, textpage)
    if regions:
        height = page.get_size()[1]
        boxes = _merged([(left, height - top, right, height - bottom) for left, bottom, right, top in regions])
        boxes = [_with_row_below(_with_header_above(part, words), words) for box in boxes
                 for piece in _split_at_prose(box, words) for part in _split_at_captions(piece, words)]
        tables = [t for t in (_read_table(_inside(words, box), box) for box in boxes) if t is not None]
        if tables or ruled_only:
            return sorted(tables, key=lambda t: t.top)
    return _aligned_tables(words)


def page_words(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[dict]:
    """The page's words as boxes from its top-left corner (`x0`, `top`, `x1`, `bottom`, `text`): characters of one
    line, split at white space and at gaps wider than WORD_TOLERANCE. Loose character boxes span the font's full
    height, so the characters of a line share a top and a bottom whatever their shapes; a ligature's does not, and
    lines are grouped by the boxes' middles (`characters_to_words`); a raised exponent joins its "10"."""
    return raised_exponents(characters_to_words(joined_characters(_character_boxes(page, textpage))))


def raised_exponents(words: list[dict]) -> list[dict]:
    """Words with a power of ten's raised exponent joined to them: "×10" and a raised "21" right after it make
    "×10^21". Raised, the exponent has a line of its own, and a table's header "Compute (×10²¹ FLOP)" would read as
    "×10" and lose its scale."""
    exponents = [w for w in words if EXPONENT.fullmatch(w["text"])]
    if not exponents:
        return words
    bases = [w for w in words if BASE_TEN.search(w["text"])]  # ("A10" with a footnote mark is a chip)
    joined: dict[int, dict] = {}
    for e in exponents:
        base = next((b for b in bases if -2 <= e["x0"] - b["x1"] <= 1.5 and b["top"] < e["bottom"] < b["bottom"] - 1.5
                     and id(b) not in joined), None)
        if base is not None:
            joined[id(base)] = {**base, "text": f"{base['text']}^{e['text']}", "x1": max(base["x1"], e["x1"])}
            joined[id(e)] = {}
    return [joined.get(id(w), w) for w in words if joined.get(id(w), w)]


EXPONENT = re.compile(r"[-−]?\d{1,2}")
BASE_TEN = re.compile(r"(?:^|[×x·*(])10$")


def characters_to_words(chars: list[tuple[str, *Box]]) -> list[dict]:
    """Characters (text, x0, top, x1, bottom) grouped into words: lines of characters whose boxes' middles lie
    within 2 points, each line left to right split at a space and at a gap wider than WORD_TOLERANCE either way.
    With numpy: a page has thousands of characters, and walking them one at a time in Python cost most of reading
    its words."""
    if not chars:
        return []
    texts, *boxes = zip(*chars, strict=True)
    x0, top, x1, bottom = (numpy.array(column, dtype="float64") for column in boxes)
    # lines: sorted by rounded middle, then left (both sorts stable, as Python's sorted); a line takes each character
    # within 2 points of its first one's middle. The middle, not the bottom: a ligature ("fi", "ff") has a box of
    # its glyph's own height, its bottom points off its line's, and "first" would lose its "fi" to a line of its own
    middle = (top + bottom) / 2
    order = numpy.lexsort((x0, numpy.round(middle)))
    line = numpy.zeros(len(order), dtype="int64")
    line[_line_starts(middle[order])] = 1
    line = numpy.cumsum(line)
    # each line left to right, its ties in the order above (the lines keep their order, so `line` still holds)
    order = order[numpy.lexsort((x0[order], line))]
    text = "".join(map(texts.__getitem__, order.tolist()))
    space = numpy.zeros(len(order), dtype=bool)
    space[[m.start() for m in _SPACE.finditer(text)]] = True  # (`\s` is str.isspace)
    left, right = x0[order], x1[order]
    # a word opens at a line's start, after a space, or at a gap wider than WORD_TOLERANCE either way
    opens = numpy.ones(len(order), dtype=bool)
    opens[1:] = (line[1:] != line[:-1]) | space[:-1] | (left[1:] - right[:-1] > WORD_TOLERANCE) | (
        left[1:] < right[:-1] - WORD_TOLERANCE)
    # the words partition the characters but spaces: each from its opening character to the next one's
    kept = numpy.flatnonzero(~space)
    at = numpy.flatnonzero(opens[kept])  # each word's first character among those kept
    if not len(at):
        return []
    ends = [*kept[at[1:] - 1].tolist(), kept[-1]]  # each word's last character
    x0, x1, top, bottom = (column[order][kept] for column in (x0, x1, top, bottom))
    columns = zip(x0[at].tolist(), numpy.maximum.reduceat(x1, at).tolist(), numpy.minimum.reduceat(top, at).tolist(),
                  numpy.maximum.reduceat(bottom, at).tolist(), strict=True)
    # (a character is one code point, `joined_characters`: its place in the text is its place in `order`)
    return [{"text": text[a:e + 1], "x0": left, "x1": right, "top": high, "bottom": low}
            for a, e, (left, right, high, low) in zip(kept[at].tolist(), ends, columns, strict=True)]


_SPACE = re.compile(r"\s")


def _line_starts(heights: numpy.ndarray) -> list[int]:
    """Where lines start among characters sorted by height on the page: a character more than 2 points from its
    line's first one starts the next. Only a character whose height differs from the one before can start one (a
    run of equal heights is with its first), so only those are walked."""
    starts, first = [0], heights[0]
    changes = numpy.flatnonzero(heights[1:] != heights[:-1]) + 1
    for k, b in zip(changes.tolist(), heights[changes].tolist(), strict=True):
        if abs(first - b) > 2:
            starts.append(k)
            first = b
    return starts


def _character_boxes(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> list[tuple[int, *Box]]:
    """Each character's UTF-16 unit and loose box, but pdfium's generated ones (spaces and line breaks it infers,
    which have no extent: gaps split words). Two calls into pdfium a character are most of a page's reading, so
    they get the raw handle and a ready reference to the box, through functions that convert no argument."""
    import ctypes
    import struct

    import pypdfium2.raw as pdfium_c

    height = page.get_size()[1]
    rect = pdfium_c.FS_RECTF()
    box = ctypes.byref(rect)
    corners = struct.Struct("4f").unpack_from  # the box's left, top, right and bottom in one call
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    unicode_of, loose_box = _unconverted(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint), _unconverted(
        pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
    is_generated = pdfium_c.FPDFText_IsGenerated
    chars = []
    for i in range(textpage.count_chars()):
        unit = unicode_of(handle, i)
        # only white space is ever generated, so only it is asked about
        if chr(unit).isspace() and is_generated(textpage.raw, i) or not loose_box(handle, i, box):
            continue
        left, top, right, bottom = corners(rect)
        chars.append((unit, left, height - top, right, height - bottom))
    return chars


def _unconverted(function, restype):
    """A pdfium function called with its arguments as they are (a pointer, an int, a reference): the bindings'
    argument types convert each argument on each call, which is half of a call's cost, and two calls a character
    are most of a page's reading."""
    import ctypes

    unchecked = ctypes.CFUNCTYPE(restype)(ctypes.cast(function, ctypes.c_void_p).value)
    unchecked.argtypes = None
    return unchecked


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


def joined_characters(units: list[tuple[int, *Box]]) -> list[tuple[str, *Box]]:
    """Characters from pdfium's UTF-16 units and their boxes. A character beyond the basic plane (an emoji, a math
    letter such as 𝑁) comes as two units, each with a box: they make one character over both boxes, or the page's
    text could not be written out. A half without its partner is dropped."""
    if not any(0xD800 <= unit[0] <= 0xDFFF for unit in units):  # most pages have no such character
        return [(chr(unit), x0, top, x1, bottom) for unit, x0, top, x1, bottom in units]
    chars: list[tuple[str, *Box]] = []
    pending = None  # a first half waiting for its second
    for unit, x0, top, x1, bottom in units:
        if 0xD800 <= unit <= 0xDBFF:
            pending = (unit, x0, top, x1, bottom)
        elif 0xDC00 <= unit <= 0xDFFF:
            if pending is not None:
                char = chr(0x10000 + ((pending[0] - 0xD800) << 10) + (unit - 0xDC00))
                chars.append((char, pending[1], pending[2], max(pending[3], x1), pending[4]))
            pending = None
        else:
            chars.append((chr(unit), x0, top, x1, bottom))
            pending = None
    return chars


def _baseline_lines(items: list, bottom: Callable, left: Callable) -> list[list]:
    """Characters or words sharing a baseline (bottoms within 2 points), each line left to right, lines top to
    bottom."""
    lines: list[list] = []
    for item in sorted(items, key=lambda i: (round(bottom(i)), left(i))):
        if lines and abs(bottom(lines[-1][0]) - bottom(item)) <= 2:
            lines[-1].append(item)
        else:
            lines.append([item])
    return [sorted(line, key=left) for line in lines]


CAPTION = re.compile(rf"^(?:{TABLE_HINT.pattern})", re.I)


def _split_at_captions(box: Box, words: list[dict]) -> list[Box]:
    """A region split at the captions inside it: two tables drawn as wide, one above the other, share a region
    (their rules are of one width), and the caption of the first (or of the second) stands between them."""
    x0, top, x1, bottom = box
    parts, start = [], top
    for line in _baseline_lines(_inside(words, box), itemgetter("bottom"), itemgetter("x0")):
        if CAPTION.match(" ".join(w["text"] for w in line)):
            parts.append((x0, start, x1, min(w["top"] for w in line)))
            start = max(w["bottom"] for w in line)
    parts.append((x0, start, x1, bottom))
    return [part for part in parts if part[3] - part[1] > 1]


PROSE_WORDS = 7  # words in one cell of a line: running text (a table's cells hold a few words)
PROSE_LINES = 3  # such lines one after another: a paragraph (a table's wrapped note takes a line or two)


def _split_at_prose(box: Box, words: list[dict]) -> list[Box]:
    """A region split around the paragraphs inside it: two tables drawn as wide as each other share a region (their
    rules are of one width), and the text set between them, in one column or two, belongs to neither. The part above
    a paragraph ends with its last line of cells (a heading or a column's first line may stand between)."""
    x0, top, x1, bottom = box
    parts, start, end, paragraph = [], top, top, []
    for line in [*_baseline_lines(_inside(words, box), itemgetter("bottom"), itemgetter("x0")), None]:
        cells = _cells(line, COLUMN_GAP) if line else []
        if _running_text(cells):
            paragraph.append(line)
            continue
        if len(paragraph) >= PROSE_LINES:
            parts.append((x0, start, x1, end))
            start = end = max(w["bottom"] for w in paragraph[-1])
        paragraph = []
        if len(cells) >= 2:
            end = max(w["bottom"] for w in line) + 1
    parts.append((x0, start, x1, bottom))
    return [part for part in parts if part[3] - part[1] > 1]


def _words_only(cells: list[tuple[float, float, str]]) -> bool:
    """A line's cells hold words (Latin or Chinese), not a figure alone: a heading or a note, no row of a table."""
    text = " ".join(cell for _, _, cell in cells).strip()
    return bool(re.search(r"[A-Za-z\u4e00-\u9fff]{2}", text)) and not re.fullmatch(
        r"[\d.,%\s~<>≈$€£-]+[KMBTkmbt]?", text)


def _running_text(cells: list[tuple[float, float, str]]) -> bool:
    """A line's cells hold running text: a cell of PROSE_WORDS words or more, and no cell that is a figure (a table's
    row with a long description has its figures beside it: "| Web | filtered crawl of ... | 1.2T |")."""
    return any(len(text.split()) >= PROSE_WORDS for _, _, text in cells) and not any(
        len(text.split()) <= 2 and any(c.isdigit() for c in text) for _, _, text in cells)


def _with_header_above(box: Box, words: list[dict]) -> Box:
    """The box grown over the line right above it where that line is a header (cells an em apart or more, as
    prose never is): a table ruled under its header and each row has no rule above the header."""
    x0, top, x1, bottom = box
    above = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top - 1.5 * (w["bottom"] - w["top"])
             <= w["bottom"] <= top + 1]
    lines = _baseline_lines(above, itemgetter("bottom"), itemgetter("x0"))
    if not lines:
        return box
    # with the raised and lowered words that share its height: the exponent in prose's "1.0 × 10²⁴ FLOPs" has a
    # baseline of its own and would leave a header's gap in the line
    line_top, line_bottom = min(w["top"] for w in lines[-1]), max(w["bottom"] for w in lines[-1])
    line = sorted((w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and w["top"] < line_bottom
                   and w["bottom"] > line_top), key=itemgetter("x0"))
    cells = _cells(line, COLUMN_GAP)
    if len(cells) >= 2 and not _running_text(cells):  # (two columns of prose are no header)
        return (x0, line_top - 1, x1, bottom)
    return box


def _with_row_below(box: Box, words: list[dict]) -> Box:
    """The box grown over the line right below it where that line has as many cells as the box's last line: a table
    ruled between its rows and not under the last one."""
    x0, top, x1, bottom = box
    inside = _baseline_lines(_inside(words, box), itemgetter("bottom"), itemgetter("x0"))
    below = [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and bottom - 1 <= w["top"]
             <= bottom + 0.8 * (w["bottom"] - w["top"])]
    lines = _baseline_lines(below, itemgetter("bottom"), itemgetter("x0"))
    if not inside or not lines:
        return box
    cells = len(_cells(lines[0], COLUMN_GAP))
    if cells >= 3 and cells == len(_cells(inside[-1], COLUMN_GAP)):
        return (x0, top, x1, max(w["bottom"] for w in lines[0]) + 1)
    return box


def _merged(boxes: list[tuple[float, float, float, float]]) -> list[tuple[float, float, float, float]]:
    """Overlapping boxes joined: the rules under a table's header groups ('cmidrule') lie inside the box of
    its full-width rules, and the table is one."""
    merged: list[tuple[float, float, float, float]] = []
    for box in sorted(boxes, key=lambda b: b[1]):
        for k, other in enumerate(merged):
            if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]:
                merged[k] = (min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]),
                             max(box[3], other[3]))
                break
        else:
            merged.append(box)
    return merged if len(merged) == len(boxes) else _merged(merged)


def _inside(words: list[dict], box: tuple[float, float, float, float]) -> list[dict]:
    """The words whose middle lies in the box."""
    x0, top, x1, bottom = box
    return [w for w in words if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom]


COLUMN_GAP = 1.0  # ems: a justified line stretches its spaces less than this; a table's columns are wider apart


def _aligned_tables(words: list[dict]) -> list[PdfTable]:
    """Tables drawn without rules: two or more rows of three or more cells, each cell under the one above,
    with the header lines just above them, where that text names a training-compute quantity."""
    tables = []
    for run in _aligned_runs(_baseline_lines(words, itemgetter("bottom"), itemgetter("x0"))):
        box = (min(w["x0"] for line in run for w in line) - 1, min(w["top"] for w in run[0]) - 1,
               max(w["x1"] for line in run for w in line) + 1, max(w["bottom"] for w in run[-1]) + 1)
        text = "\n".join(" ".join(w["text"] for w in line) for line in run)
        if worth_reading(text) and (table := _read_table(_inside(words, box), box)) is not None:
            tables.append(table)
    return tables


def _aligned_runs(lines: list[list[dict]]) -> list[list[list[dict]]]:
    """Runs of body rows (same number of cells, at least three, each overlapping the cell above), each run
    with up to three header lines of two or more cells right above it."""
    runs: list[list[list[dict]]] = []
    start = 0
    for i in range(1, len(lines) + 1):
        if i < len(lines) and _continues(lines[i - 1], lines[i]):
            continue
        if i - start >= 2:
            head = start
            while head > 0 and start - head < 3 and _just_above(lines[head - 1], lines[head]) \
                    and len(_cells(lines[head - 1], COLUMN_GAP)) >= 2:
                head -= 1
            end = i + 1 if i < len(lines) and _fills_some_columns(lines[i - 1], lines[i]) else i
            runs.append(lines[head:end])
        start = i
    return runs


def _fills_some_columns(above: list[dict], line: list[dict]) -> bool:
    """Whether a line right below a table's last row is a row of it with some cells left empty ("Total  10.4T"
    under rows of four cells): two or more cells, the first under the first column, each under a column."""
    cells, upper = _cells(line, COLUMN_GAP), _cells(above, COLUMN_GAP)
    return 2 <= len(cells) < len(upper) and _just_above(above, line) and (
        min(cells[0][1], upper[0][1]) > max(cells[0][0], upper[0][0])) and all(
        any(min(a[1], c[1]) > max(a[0], c[0]) for a in upper) for c in cells)


def _continues(above: list[dict], line: list[dict]) -> bool:
    cells, upper = _cells(line, COLUMN_GAP), _cells(above, COLUMN_GAP)
    return (len(cells) >= 3 and len(cells) == len(upper) and _just_above(above, line)
            and all(min(a[1], b[1]) > max(a[0], b[0]) for a, b in zip(upper, cells, strict=True)))


def _just_above(above: list[dict], line: list[dict]) -> bool:
    """Whether `above` (a line before `line`) is at most half a line away: a header's lines may overlap."""
    return line[0]["top"] - above[0]["bottom"] < 1.5 * (line[0]["bottom"] - line[0]["top"])


def _read_table(words: list[dict], box: tuple[float, float, float, float]) -> PdfTable | None:
    if not words:
        return None
    # a caption's words at the box's edge can be cut to slivers: keep words of full height only
    heights = sorted(w["bottom"] - w["top"] for w in words)
    words = [w for w in words if w["bottom"] - w["top"] >= 0.6 * heights[len(heights) // 2]]
    visual = _baseline_lines(words, itemgetter("bottom"), itemgetter("x0"))
    bands = _row_bands(visual)
    lines = [_band_cells([_cells(visual[i]) for i in band]) for band in bands]
    visual = [visual[band[0]] for band in bands]
    while visual and len(lines[0]) < 2:  # caption or note lines above the first row of cells
        visual.pop(0)
        lines.pop(0)
    bottom = box[3]
    while len(lines) > 2 and len(lines[-1]) < 2 and _words_only(lines[-1]):  # a heading or a note right under
        # the last row of cells (a row whose one filled cell is a figure, a total's under an empty label, stays)
        bottom = min(w["top"] for w in visual.pop()) - 0.5  # (its words stay in the page's text)
        lines.pop()
    columns = _columns(lines)
    if len(columns) < 2 or len(lines) < 2 or _figure_rows(lines) < 2:
        return None
    slots = _joined_split_columns([_slots(cells, columns) for cells in lines])
    # (rows set on several lines have their header's lines joined already)
    head = _stacked_header(visual, slots) if all(len(band) == 1 for band in bands) else 0
    if head >= 2:  # a header set on two or three lines ("GPU power" over "consumption") reads as one row
        slots[:head] = [[" ".join(filter(None, texts)) for texts in zip(*slots[:head], strict=True)]]
    # (from its first row: a heading or caption line above it stays in the page's text)
    top = max(box[1], min(w["top"] for w in visual[0]) - 1)
    return PdfTable(box[0], top, box[2], bottom, rows=["| " + " | ".join(row) + " |" for row in slots])


BAND_GAP, ROW_GAP = 0.6, 0.85  # of the widest pitch: lines of one row are set this close at most, rows this far


def _row_bands(visual: list[list[dict]]) -> list[list[int]]:
    """The lines (by index) that make each row: one each, but in a table whose cells wrap onto two or three lines
    ("Greyfield" over "Systems" beside a one-line "Meridian 4", each cell centred on its row), where the lines fall
    into groups set closer together than the groups are, and no group stacks two figures in one column."""
    single = [[i] for i in range(len(visual))]
    tops = [line[0]["top"] for line in visual]
    pitches = [b - a for a, b in zip(tops, tops[1:], strict=False)]
    if len(pitches) < 3:
        return single
    widest = max(pitches)
    close = [p <= BAND_GAP * widest for p in pitches]
    apart = [p >= ROW_GAP * widest for p in pitches]
    if not any(close) or sum(apart) < 2 or not all(c or a for c, a in zip(close, apart, strict=True)):
        return single  # (evenly set rows, or no two clear kinds of spacing)
    bands = [[0]]
    for i, row_break in enumerate(apart, start=1):
        if row_break:
            bands.append([i])
        else:
            bands[-1].append(i)
    if any(len(band) > 3 or _figure_rows([_cells(visual[i]) for i in band]) > 1 for band in bands):
        # (two lines of figures in a group: rows set in pairs, or two rows set close among rows set apart; each line
        # is a row. Text wrapped around one line of figures, a name or a label over two lines, is one row)
        return single
    return bands


def _band_cells(lines: list[list[tuple[float, float, str]]]) -> list[tuple[float, float, str]]:
    """The cells of a row set on several lines: cells one above another are one cell, their text in line order."""
    merged: list[list] = []
    for cells in lines:
        for x0, x1, text in cells:
            above = next((m for m in merged if min(x1, m[1]) > max(x0, m[0])), None)
            if above is None:
                merged.append([x0, x1, text])
            else:
                above[0], above[1], above[2] = min(x0, above[0]), max(x1, above[1]), f"{above[2]} {text}"
    return [(x0, x1, text) for x0, x1, text in sorted(merged)]


def _joined_split_columns(slots: list[list[str]]) -> list[list[str]]:
    """Neighbouring columns no row fills both of are one column its alignments split: a header centred over figures
    set flush left ("| Parameters (B) |" beside "| 7.2 |", never in one row) reads as the figures' header."""
    columns = [list(column) for column in zip(*slots, strict=True)]
    j = 0
    while j + 1 < len(columns):
        left, right = columns[j], columns[j + 1]
        both = any(a and b for a, b in zip(left, right, strict=True))
        if any(left) and any(right) and not both:
            columns[j] = [a or b for a, b in zip(left, right, strict=True)]
            del columns[j + 1]
        else:
            j += 1
    return [list(row) for row in zip(*columns, strict=True)]


def _figure_rows(lines: list[list[tuple[float, float, str]]]) -> int:
    """The lines with a cell after the first that is a figure alone: a table of facts has two or more; a column of
    justified prose between two rules of one width, cut at its wide spaces, has one at most. (A ruled table of one
    row is left as text, which the prose rules read: measured, that cost fewer facts than reading such regions.)"""
    return sum(any(FIGURE.fullmatch(text.strip()) for _, _, text in cells[1:]) for cells in lines)


def _stacked_header(visual: list[list[dict]], slots: list[list[str]]) -> int:
    """How many lines at the top make one header: lines before the first row of figures, set closer
    together than the rows below them are."""
    body = next((i for i, row in enumerate(slots) if any(FIGURE.fullmatch(text) for text in row[1:])), 0)
    tops = [line[0]["top"] for line in visual]
    pitches = sorted(b - a for a, b in zip(tops[body:], tops[body + 1:], strict=False))
    if body < 2 or not pitches:
        return 0
    pitch = pitches[len(pitches) // 2]
    head = 1
    while head < min(body, 3) and tops[head] - tops[head - 1] < 0.8 * pitch:
        head += 1
    return head


def _cells(line: list[dict], gap: float = 0.5) -> list[tuple[float, float, str]]:
    """A line split into (x0, x1, text) cells where the gap between words is wider than `gap` ems (half
    an em: wider than a space)."""
    cells: list[list[dict]] = [[line[0]]]
    for prev, word in zip(line, line[1:], strict=False):
        if word["x0"] - prev["x1"] > gap * (word["bottom"] - word["top"]):
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


def _slots(cells: list[tuple[float, float, str]], columns: list[tuple[float, float]]) -> list[str]:
    """The line's text in each column: a cell goes to the column it overlaps most."""
    slots = [""] * len(columns)
    for x0, x1, text in cells:
        j = max(range(len(columns)), key=lambda k: (min(x1, columns[k][1]) - max(x0, columns[k][0])))
        slots[j] = f"{slots[j]} {text}".strip()
    return slots
