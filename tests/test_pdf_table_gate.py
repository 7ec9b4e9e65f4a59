"""PDF tables are looked for only where one can hold compute facts: a ruled region (horizontal rules of one
width, from pypdfium2's page objects) whose own text has a training-compute word. Real PDFs made here."""

import random
from operator import itemgetter
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from floptrail.corpus.load import parse_document
from floptrail.corpus.pdf_tables import (
    WORD_TOLERANCE,
    _baseline_lines,
    characters_to_words,
    fact_regions,
    joined_characters,
    page_tables,
    page_words,
    ruled_regions,
    unruled_tables_likely,
    worth_searching,
)
from fpdf import FPDF, FontFace


def ruled_table_pdf(caption: str, rows: list[tuple[str, ...]], prose: str, grid: bool = False) -> bytes:
    """One page: prose, then a caption and a table with a top, middle and bottom rule (as papers draw them),
    with `grid` a rule under every row and lines between the columns too."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 15)
    pdf.multi_cell(0, 6, prose)
    pdf.set_xy(10, 40)
    pdf.multi_cell(0, 6, caption)
    top = 55
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.text(25 + 50 * j, top + 8 * i + 6, cell)
    for y in range(top, top + 8 * len(rows) + 1, 8) if grid else (top, top + 8, top + 8 * len(rows)):
        pdf.line(20, y, 190, y)
    for x in (20, 70, 120, 190) if grid else ():
        pdf.line(x, top, x, top + 8 * len(rows))
    return bytes(pdf.output())


COMPUTE = [("Model", "Params", "Tokens"), ("Foo-1B", "1.1B", "2T"), ("Foo-7B", "6.9B", "3T")]
SCORES = [("Model", "MMLU", "GSM8K"), ("Foo-1B", "41.2", "20.5"), ("Foo-7B", "63.0", "51.8")]
PROSE = "We pretrain the Foo models on 3T tokens; Table 1 lists them."


def first_page(data: bytes):
    return pdfium.PdfDocument(data)[0]


def test_a_table_with_a_compute_word_is_a_ruled_region_that_may_hold_facts():
    page = first_page(ruled_table_pdf("Table 1: the Foo models.", COMPUTE, PROSE))
    regions = ruled_regions(page)
    assert len(regions) == 1
    left, bottom, right, top = regions[0]
    width, height = page.get_size()
    assert left < 0.2 * width and right > 0.8 * width and bottom < top < height
    assert fact_regions(page, page.get_textpage()) == regions


def test_a_table_of_benchmark_scores_is_not_searched_even_when_the_page_names_tokens():
    data = ruled_table_pdf("Table 1: scores of the Foo models.", SCORES, PROSE, grid=True)
    assert ruled_regions(first_page(data))  # it is drawn as a table
    page = first_page(data)
    assert fact_regions(page, page.get_textpage()) == []
    assert page_tables(page := first_page(data), page.get_textpage()) == []
    assert "|" not in parse_document(data, "scores.pdf", "pdf").text


def test_a_table_of_compute_facts_is_read_as_rows():
    data = ruled_table_pdf("Table 1: the Foo models.", COMPUTE, PROSE, grid=True)
    text = parse_document(data, "foo.pdf", "pdf").text
    assert "| Foo-7B | 6.9B | 3T |" in text


def test_only_the_ruled_region_holding_a_compute_word_is_read_as_a_table():
    """Words come from pypdfium2's character boxes; the table of scores below the compute table, ruled too,
    stays prose. (The two tables are of different widths: rules of one width are one region however far apart.)"""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 15)
    pdf.multi_cell(0, 6, PROSE)
    for top, rows, right in ((40, COMPUTE, 190), (90, SCORES, 150)):
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                pdf.text(25 + 40 * j, top + 8 * i + 6, cell)
        for y in (top, top + 8, top + 8 * len(rows)):
            pdf.line(20, y, right, y)
    page = first_page(bytes(pdf.output()))
    tables = page_tables(page, page.get_textpage())
    assert [t.rows for t in tables] == [["| Model | Params | Tokens |", "| Foo-1B | 1.1B | 2T |",
                                         "| Foo-7B | 6.9B | 3T |"]]


def test_a_page_without_rules_has_no_ruled_region():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(20, 20, "Table 1 would list parameters, but this page draws no table.")
    assert ruled_regions(first_page(bytes(pdf.output()))) == []


ENERGY_CAPTION = "Table 3 gives the energy of training the Foo models, which we trained on H100 GPUs."
# a header set on two lines, tight above the rows (baselines in mm)
ENERGY_ROWS = [("", "GPU", "Energy"), ("Model", "hours", "(MWh)"), ("Foo-1B", "71,171", "64.5"),
               ("Foo-7B", "832,102", "757.0")]


def unruled_table_pdf(caption: str = ENERGY_CAPTION, rows: list[tuple[str, ...]] = ENERGY_ROWS,
                      baselines: tuple[float, ...] = (45, 48.5, 54, 60)) -> bytes:
    """One page: a caption and rows aligned in columns at the given baselines (mm), with no rule drawn; the default
    is a table whose header is set on two lines."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 15)
    pdf.multi_cell(0, 6, caption)
    for y, row in zip(baselines, rows, strict=True):
        for j, cell in enumerate(row):
            pdf.text(25 + 50 * j, y, cell)
    pdf.set_xy(10, 75)
    pdf.multi_cell(0, 6, "The rest of this page is prose that lines up with nothing in particular.")
    return bytes(pdf.output())


def test_a_table_drawn_without_rules_is_read_with_its_header_on_two_lines_as_one_row():
    data = unruled_table_pdf()
    assert ruled_regions(first_page(data)) == []
    text = parse_document(data, "energy.pdf", "pdf").text
    assert "| Model | GPU hours | Energy (MWh) |" in text
    assert "| Foo-7B | 832,102 | 757.0 |" in text
    assert "lines up with nothing" in text and "| The rest" not in text


def test_a_table_of_sizes_down_its_first_column_is_read_though_no_header_names_a_compute_quantity():
    caption = "Table 1 lists the settings of each Foo size; all were trained on the same tokens."
    rows = [("Model", "Layers", "Peak LR"), ("125M", "12", "6.0e-4"), ("1.3B", "24", "2.0e-4"), ("13B", "40", "1.0e-4")]
    text = parse_document(unruled_table_pdf(caption, rows, (45, 51, 57, 63)), "sizes.pdf", "pdf").text
    assert "| Model | Layers | Peak LR |" in text and "| 1.3B | 24 | 2.0e-4 |" in text


def test_characters_beyond_the_basic_plane_are_joined_from_their_two_halves():
    """pdfium gives "𝑁" (U+1D441) as two UTF-16 units with a box each: one character over both boxes; a half
    without its partner is dropped, so the page's text can always be written out."""
    units = [(0x46, 0, 0, 5, 10), (0xD835, 5, 0, 8, 10), (0xDC41, 8, 0, 11, 10), (0xDC41, 11, 0, 13, 10),
             (0xD83D, 13, 0, 15, 10), (0x37, 15, 0, 20, 10)]
    assert joined_characters(units) == [("F", 0, 0, 5, 10), ("𝑁", 5, 0, 11, 10), ("7", 15, 0, 20, 10)]
    assert "".join(c for c, *_ in joined_characters(units)).encode("utf-8") == "F𝑁7".encode()


def words_one_character_at_a_time(chars: list[tuple]) -> list[dict]:
    """The page's words as they were read before characters_to_words: lines by `_baseline_lines` on the middles of
    the characters' boxes, each line's characters walked in turn, a word ending at a space or a gap wider than
    WORD_TOLERANCE either way."""
    out = []
    for line in _baseline_lines(chars, lambda c: (c[2] + c[4]) / 2, itemgetter(1)):
        words, last_x1 = [], None
        for char in line:
            if char[0].isspace():
                last_x1 = None
                continue
            if last_x1 is None or char[1] - last_x1 > WORD_TOLERANCE or char[1] < last_x1 - WORD_TOLERANCE:
                words.append([char])
            else:
                words[-1].append(char)
            last_x1 = char[3]
        out += [{"text": "".join(c[0] for c in w), "x0": w[0][1], "x1": max(c[3] for c in w),
                 "top": min(c[2] for c in w), "bottom": max(c[4] for c in w)} for w in words]
    return out


def test_characters_group_into_the_words_a_walk_over_them_finds():
    """Lines whose baselines drift by up to 2 points, characters out of order, overlapping or far apart, spaces
    (a line may open on one, "\u00a0" is one too) and ties on the same left edge."""
    rng = random.Random(7)
    for _ in range(200):
        chars = []
        for line in range(rng.randint(1, 6)):
            x, base = rng.uniform(0, 20), 12.0 * line + rng.choice([0, 0.4, 1.6, 2.2])
            for _ in range(rng.randint(0, 40)):
                text = rng.choice("ab7. |" + "\u00a0\n")
                width = rng.choice([0, 3.0, 4.5])
                x += rng.choice([0, width, width + 1.0, width + 1.6, width + 8, -2, -width])
                bottom = base + rng.choice([0, 0, 0, 0.5, 1.0, 2.0, 2.5, -1.0])
                chars.append((text, round(x, 1), bottom - 9, round(x + width, 1), bottom))
        rng.shuffle(chars)
        assert characters_to_words(chars) == words_one_character_at_a_time(chars)
    assert characters_to_words([]) == [] and characters_to_words([(" ", 0, 0, 1, 1)]) == []


def cell_ruled_table_pdf() -> bytes:
    """A browser's or word processor's page: a heading, then a narrow table (half the page wide, nothing beside it)
    whose rules are drawn as a segment under each cell, then prose."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(20, 20, "3 Pre-training")
    pdf.text(20, 28, "Table 2: Training setup of the Foo models.")
    rows = [("Model", "Tokens", "Chips", "Days"), ("Foo-2B", "4T", "512", "9"), ("Foo-9B", "10T", "2048", "16")]
    top, columns = 35, (20, 45, 65, 85, 100)
    for i, row in enumerate(rows):
        for j, cell in enumerate(row):
            pdf.text(columns[j] + 2, top + 8 * i + 6, cell)
    for y in (top, top + 8, top + 8 * len(rows)):
        for left, right in zip(columns, columns[1:], strict=False):
            pdf.line(left, y, right, y)
    pdf.text(20, top + 8 * len(rows) + 10, "The total emissions were 120 tCO2eq.")
    return bytes(pdf.output())


def test_rules_drawn_cell_by_cell_make_one_table_and_a_table_alone_on_its_lines_cuts_the_text():
    page = first_page(data := cell_ruled_table_pdf())
    assert len(ruled_regions(page)) == 1
    text = parse_document(data, "foo.pdf", "pdf").text
    assert text.splitlines() == [
        "3 Pre-training", "Table 2: Training setup of the Foo models.", "",
        "| Model | Tokens | Chips | Days |", "| Foo-2B | 4T | 512 | 9 |", "| Foo-9B | 10T | 2048 | 16 |", "",
        "The total emissions were 120 tCO2eq.", ""]


def test_chinese_lines_run_on_without_a_space_and_end_at_a_full_stop():
    from floptrail.corpus.pdf import clean_page

    page = "三个模型分别在 4 万亿 token 上完成预训练，使用了对\n话模型的数据。\n表 2 训练算力\n"
    assert clean_page(page) == "三个模型分别在 4 万亿 token 上完成预训练，使用了对话模型的数据。\n表 2 训练算力\n"


def appendix_tables_pdf() -> bytes:
    """An appendix page: two tables as wide as each other, one above the other, each ruled under its header and
    under every row (no rule above the header), the first captioned "Table A1" below it, then a heading and the
    second table."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(20, 20, "APPENDIX A. TRAINING SETTINGS")
    tables = (
        (30, [("Model", "Params", "Tokens", "A100 GPUs", "Days"), ("Foo-160M", "162M", "300B", "32", "1.5"),
              ("Foo-1B", "1.01B", "600B", "128", "4.0")]),
        (75, [("Model", "Energy (kWh)", "Emissions (kg)", "", ""), ("Foo-160M", "460", "128", "", ""),
              ("Foo-1B", "4,960", "1,380", "", "")]),
    )
    for top, rows in tables:
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                pdf.text(22 + 34 * j, top + 8 * i + 6, cell)
            pdf.line(20, top + 8 * i + 8, 190, top + 8 * i + 8)
    pdf.text(20, 60, "Table A1. Shapes and training settings of the Foo models.")
    pdf.text(20, 70, "APPENDIX B. ENERGY BY RUN")
    return bytes(pdf.output())


def test_two_tables_as_wide_as_each_other_are_read_apart_with_their_headers_and_the_text_between():
    text = parse_document(appendix_tables_pdf(), "appendix.pdf", "pdf").text
    assert text.split("\n") == [
        "APPENDIX A. TRAINING SETTINGS", "",
        "| Model | Params | Tokens | A100 GPUs | Days |", "| Foo-160M | 162M | 300B | 32 | 1.5 |",
        "| Foo-1B | 1.01B | 600B | 128 | 4.0 |", "",
        "Table A1. Shapes and training settings of the Foo models.", "APPENDIX B. ENERGY BY RUN", "",
        "| Model | Energy (kWh) | Emissions (kg) |", "| Foo-160M | 460 | 128 |", "| Foo-1B | 4,960 | 1,380 |",
        "", ""]


def tables_around_a_paragraph_pdf(columns: int) -> bytes:
    """A page: a table of runs and a table of scores drawn as wide as each other (a top, middle and bottom rule
    each, as papers draw them), with a paragraph between them set in `columns` columns."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", size=10)
    tables = ((20, [("Model", "Tokens", "GPUs", "GPU-hours"), ("Pim-1B", "300B", "32", "2,100"),
                    ("Pim-7B", "1.2T", "256", "48,000")]),
              (120, [("Model", "Data", "MMLU", "ARC"), ("Pim-1B", "ours", "31.0", "40.2"),
                     ("Pim-7B", "ours", "55.1", "61.9")]))
    for top, rows in tables:
        for i, row in enumerate(rows):
            for j, cell in enumerate(row):
                pdf.text(22 + 42 * j, top + 7 * i + 5, cell)
        for y in (top, top + 7, top + 7 * len(rows)):
            pdf.line(20, y, 190, y)
    left = ["We compare the two sizes on the usual zero-shot tasks,", "using one harness and the same prompts",
            "for every model, so that scores are comparable across", "the two runs and with the baselines."]
    right = ["The larger model gains most on knowledge tasks,", "while the smaller one keeps up on the easy",
             "reasoning sets; both improve steadily with more", "tokens, and neither shows signs of saturation."]
    for i in range(4):
        if columns == 1:
            pdf.text(20, 60 + 5 * i, f"{left[i]} {right[i]}")
        else:
            pdf.text(20, 60 + 5 * i, left[i])
            pdf.text(110, 60 + 5 * i, right[i])
    return bytes(pdf.output())


@pytest.mark.parametrize("columns", [1, 2])
def test_a_paragraph_between_two_tables_as_wide_as_each_other_is_no_part_of_either(columns):
    text = parse_document(tables_around_a_paragraph_pdf(columns), "runs.pdf", "pdf").text
    assert "| Model | Tokens | GPUs | GPU-hours |\n| Pim-1B | 300B | 32 | 2,100 |\n| Pim-7B | 1.2T | 256 | 48,000 |\n" \
        in text
    assert "We compare the two sizes" in text and "| We compare" not in text
    assert "| Pim-7B | ours | 55.1 | 61.9 |" in text


@pytest.mark.parametrize("caption", ["Table A1. Shapes.", "Table S2: settings", "Table B.1 Settings",
                                     "TABLE IV. Settings", "Tab. 3: settings", "表 2 训练设置"])
def test_a_page_is_searched_for_tables_by_any_caption_numbering(caption):
    assert unruled_tables_likely(f"{caption} The models saw 2T tokens.")
    assert not unruled_tables_likely("The table lists 2T tokens.")
    assert worth_searching("The table lists 2T tokens.")  # (its ruled tables are read all the same)
    assert not worth_searching("The table lists the scores.")


def test_a_page_without_a_caption_is_searched_where_a_line_reads_as_a_table_row():
    # a model card printed to PDF captions no table; its rows are short lines of figures
    rows = "Training\nModel Params GPUs Days GPU-hours\nFoo-1B 1.1B 32 6 4,608\n"
    assert unruled_tables_likely(rows + "Foo-7B 6.9B 64 14 21,504\n")
    assert not unruled_tables_likely(rows)  # one such line is as often a sentence
    assert not unruled_tables_likely("Training\nThe 1.1B model was trained on 32 GPUs for 6 days in 2024.\n")
    rows = [("Model", "Params", "GPUs", "GPU-hours"), ("Foo-1B", "1.1B", "32", "4,608"),
            ("Foo-7B", "6.9B", "64", "21,504")]
    data = ruled_table_pdf("Training set-up of the Foo models:", rows, "We pretrain the Foo models on our cluster.")
    text = parse_document(data, "foo.pdf", "pdf").text
    assert "| Foo-1B | 1.1B | 32 | 4,608 |" in text and "| Foo-7B | 6.9B | 64 | 21,504 |" in text


def test_a_table_ruled_between_its_rows_keeps_its_last_row_under_no_rule():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, "Table 3: the Foo runs. We pretrain the Foo models on 3T tokens.")
    rows = [("Model", "GPUs", "Days", "GPU-hours"), ("Foo-1B", "32", "6", "4,608"), ("Foo-3B", "48", "9", "10,368"),
            ("Foo-7B", "64", "14", "21,504")]
    # rules between the rows and a shaded header, none under the last row
    with pdf.table(col_widths=(30, 20, 20, 30), width=100, borders_layout="HORIZONTAL_LINES", line_height=4.6,
                   padding=0.8, headings_style=FontFace(emphasis="BOLD", fill_color=(232, 232, 232))) as table:
        for row in rows:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    text = parse_document(bytes(pdf.output()), "foo.pdf", "pdf").text
    assert "| Foo-1B | 32 | 6 | 4,608 |" in text and "| Foo-7B | 64 | 14 | 21,504 |" in text


def test_prose_between_two_rules_of_one_width_is_no_table():
    """A column's text between a table's rule and a footnote's rule as wide: cut at its wide spaces it would make
    rows, but no row has a figure alone in a cell, so it stays prose."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.line(20, 30, 110, 30)
    words = ["We", "are", "now", "preparing", "a", "larger", "Foo", "model,", "to", "train", "on", "tokens"]
    for row, y in enumerate((40, 46, 52)):
        for k, word in enumerate(words[row * 4:row * 4 + 4]):
            pdf.text(22 + 24 * k, y, word)  # justified: words far apart
    pdf.line(20, 60, 110, 60)
    pdf.text(22, 70, "Table 1 lists the tokens of each run.")
    data = bytes(pdf.output())
    page = first_page(data)
    assert ruled_regions(page) and page_tables(page, page.get_textpage()) == []
    assert "|" not in parse_document(data, "prose.pdf", "pdf").text


def test_a_line_end_hyphen_stays_in_a_name_and_goes_in_a_broken_word():
    """pdfium marks a hyphen at a line's end alike whether a word was broken to fit ("com-" / "putation") or a
    name's own hyphen fell there ("Petrel-" / "9B"): a capital or a digit going on keeps it."""
    from floptrail.corpus.pdf import clean_page

    page = "2.1B of Petrel\ufffe\r\n9B's 9.3B, and Sable\ufffe\r\nCode-3B; the com\ufffe\r\nputation took 9 days.\r\n"
    assert clean_page(page) == "2.1B of Petrel-9B's 9.3B, and Sable-Code-3B; the computation took 9 days.\n"


def test_a_footnote_mark_after_a_sentences_stop_is_dropped_and_a_version_stays():
    from floptrail.corpus.pdf import clean_page

    page = "It took a further 3.6K GPU hours.1 We then tuned v1.1 Kite on 8 GPUs.2 See Fig.1 The run ended.2\r\nNext"
    assert clean_page(page) == ("It took a further 3.6K GPU hours. We then tuned v1.1 Kite on 8 GPUs. See Fig.1 The "
                                "run ended.\nNext")


def test_a_line_of_prose_with_an_exponent_right_above_a_table_stays_prose():
    """A sentence whose power of ten is set raised, right above a table's top rule: the exponent has a baseline
    of its own, and the line without it would show a header's wide gap."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(20, 24, "By the usual estimate the run took about 2.0 x 10")
    pdf.set_font("Helvetica", size=7)
    pdf.text(97.2, 22.1, "24")
    pdf.set_font("Helvetica", size=10)
    pdf.text(101, 24, "FLOPs.")
    for i, row in enumerate([("Model", "Params", "Tokens"), ("Foo-9B", "9.1B", "6T"), ("Foo-27B", "27B", "9T")]):
        for j, cell in enumerate(row):
            pdf.text(22 + 50 * j, 28 + 8 * i + 6, cell)
    for y in (28, 36, 52):
        pdf.line(20, y, 190, y)
    pdf.text(20, 60, "Table 2: the Foo models.")
    text = parse_document(bytes(pdf.output()), "exponent.pdf", "pdf").text
    assert text.split("\n")[:5] == [
        "By the usual estimate the run took about 2.0 x 1024 FLOPs.", "",
        "| Model | Params | Tokens |", "| Foo-9B | 9.1B | 6T |", "| Foo-27B | 27B | 9T |"]


def test_a_ligature_stays_in_its_word_and_its_line():
    """A PDF printed by Chromium (tests/data/ligatures.pdf, from a page of my own) sets "fi", "ff" as ligatures
    whose boxes have their glyphs' own height: a line is grouped by the middles of its characters' boxes, so
    "first" keeps its "fi" and the line above the table stays one line of prose."""
    data = (Path(__file__).parent / "data" / "ligatures.pdf").read_bytes()
    page = first_page(data)
    words = [w["text"] for w in page_words(page, page.get_textpage())]
    assert words[:20] == ["Osprey-7B", "is", "our", "first", "efficient", "model.", "The", "table", "lists", "the",
                          "figures", "of", "the", "first", "fine-tuned", "run", "in", "the", "final", "row."]
    assert parse_document(data, "ligatures.pdf", "pdf").text.split("\n")[2:5] == [
        "| Stage | Tokens | GPUs |", "| Pre-training | 2T | 256 |", "| Fine-tuning | 4B | 32 |"]


def test_a_raised_exponent_after_ten_is_its_power():
    """A header "Compute (×10²¹ FLOP)" set with a raised exponent: the exponent is a word on a line of its own,
    joined to the "×10" before it as "×10^21", so the column keeps its scale."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.text(22, 34, "Model")
    pdf.text(72, 34, "Compute (x10")
    pdf.set_font("Helvetica", size=7)
    pdf.text(93.6, 32.6, "21")
    pdf.set_font("Helvetica", size=10)
    pdf.text(97.2, 34, "FLOP)")
    for i, row in enumerate([("Foo-1B", "29.0"), ("Foo-7B", "186")]):
        for j, cell in enumerate(row):
            pdf.text(22 + 50 * j, 42 + 8 * i, cell)
    for y in (28, 36, 52):
        pdf.line(20, y, 190, y)
    pdf.text(20, 60, "Table 3: Pre-training compute.")
    text = parse_document(bytes(pdf.output()), "exponent.pdf", "pdf").text
    assert [line for line in text.split("\n") if line.startswith("|")] == [
        "| Model | Compute (x10^21 FLOP) |", "| Foo-1B | 29.0 |", "| Foo-7B | 186 |"]


def test_a_header_centred_over_figures_set_flush_left_heads_their_column():
    """A PDF printed by Chromium (tests/data/centred_headers.pdf, a page of my own): a table's headers are centred
    and its figures flush left, so each header and its figures sit apart; columns no row fills both of are one, and
    "Accelerator count" counts chips."""
    data = (Path(__file__).parent / "data" / "centred_headers.pdf").read_bytes()
    text = parse_document(data, "centred_headers.pdf", "pdf").text
    assert "| Model | Org. | Parameters (B) | Tokens (T) |\n| Brenna-7B | Osk | 7.2 | 4.5 |\n" in text
    from floptrail.extract.config import load_extract_config
    from floptrail.extract.facts import Extractor
    document = parse_document(data, "centred_headers.pdf", "pdf")
    got = [(f.kind, f.value, f.model) for f in Extractor(load_extract_config()).extract(document)
           if f.kind in ("chip_count", "params") and f.model in ("Brenna-1B", "Tarn-8B")]
    assert got == [("params", 1e9, "Brenna-1B"), ("chip_count", 128, "Brenna-1B"), ("params", 8e9, "Tarn-8B")]


def test_a_table_with_a_column_of_descriptions_is_no_paragraph():
    """Rows whose description cell runs to many words keep their figures beside them: the table is read whole, its
    total row too."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Times", size=9)
    rows = [("Source", "Description", "Tokens"),
            ("Web", "filtered crawl of public pages from many snapshots", "1.2T"),
            ("Code", "permissively licensed source files from public repositories", "0.4T"),
            ("Books", "public domain books and long form writing of many kinds", "0.3T"),
            ("Papers", "open access scientific articles across all of the fields", "0.1T"),
            ("Total", "", "2.0T")]
    for i, row in enumerate(rows):
        for x, cell in zip((22, 50, 170), row, strict=True):
            pdf.text(x, 35 + 7 * i, cell)
    for y in (30, 37, 72):
        pdf.line(20, y, 190, y)
    pdf.text(20, 20, "Table 1: the tokens of our training data.")
    text = parse_document(bytes(pdf.output()), "data.pdf", "pdf").text
    assert "| Total |  | 2.0T |" in text
    assert "| Web | filtered crawl of public pages from many snapshots | 1.2T |" in text


def test_a_ruled_table_is_read_on_a_page_that_captions_none_though_its_text_runs_on_one_line():
    """Some writers emit a whole grid's text as one line: no line reads as a row, but its rules frame a table."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 6, "Our summary of the three runs follows.", new_x="LMARGIN", new_y="NEXT")
    with pdf.table() as table:
        for cells in [("Model", "Maker", "Parameters", "Tokens"), ("Dunlin-4", "Grey Owl AI", "410B", "21T"),
                      ("Avocet 2", "Stilt Labs", "n/a", "11T")]:
            row = table.row()
            for cell in cells:
                row.cell(cell)
    text = parse_document(bytes(pdf.output()), "runs.pdf", "pdf").text
    assert "| Model | Maker | Parameters | Tokens |\n| Dunlin-4 | Grey Owl AI | 410B | 21T |\n" \
           "| Avocet 2 | Stilt Labs | n/a | 11T |" in text


def wrapped_rows_pdf(rows: list[list[tuple[str, ...]]], gap: float = 6.0) -> bytes:
    """One page: a caption, a rule, then rows whose cells may wrap onto lines above and below the row's middle
    line (each row a list of lines, each line its cells), lines of a row 3 mm apart, `gap` mm between rows."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=7)
    pdf.text(20, 20, "Table 1. Notified training runs")
    pdf.line(15, 24, 195, 24)
    top = 30.0
    for lines in rows:
        for k, line in enumerate(lines):
            for j, cell in enumerate(line):
                if cell:
                    pdf.text(18 + 36 * j, top + 3 * k, cell)
        top += 3 * (len(lines) - 1) + gap
    pdf.line(15, top, 195, top)
    return bytes(pdf.output())


def test_a_row_whose_cells_wrap_onto_lines_above_and_below_is_one_row():
    """A register's row: the developer's name over two lines, the status over two, the figures on the middle line
    (each cell centred on its row), the header over three lines too."""
    rows = [[("", "", "", "Reported", ""), ("Ref.", "Developer", "Model", "compute", "GPUs"),
             ("", "", "", "(FLOP)", "")],
            [("", "Greyhen", "", "", ""), ("25-031", "", "Tessan-3", "1.1e26", "24,576"), ("", "Systems", "", "", "")],
            [("", "Brackwater", "", "", ""), ("25-034", "", "Quell-2", "1.6e26", "32,768"), ("", "AI", "", "", "")],
            [("", "Oldmoor", "", "", ""), ("25-040", "", "Ashvale-5", "2.3e26", "49,152"), ("", "Labs", "", "", "")]]
    text = parse_document(wrapped_rows_pdf(rows), "register.pdf", "pdf").text
    assert "| Ref. | Developer | Model | Reported compute (FLOP) | GPUs |" in text
    assert "| 25-031 | Greyhen Systems | Tessan-3 | 1.1e26 | 24,576 |" in text
    assert "| 25-040 | Oldmoor Labs | Ashvale-5 | 2.3e26 | 49,152 |" in text


def test_rows_of_figures_set_in_pairs_stay_a_row_each():
    """A guard: lines set in pairs, each with its own figures (a model's two stages, say), are rows of their own."""
    rows = [[("Model", "Stage", "Tokens", "GPU hours"), ("", "", "", "")],
            [("Tessan-3", "main", "9.1T", "410,000"), ("Tessan-3", "anneal", "0.4T", "21,000")],
            [("Quell-2", "main", "6.2T", "300,000"), ("Quell-2", "anneal", "0.3T", "15,000")]]
    text = parse_document(wrapped_rows_pdf(rows), "stages.pdf", "pdf").text
    assert "| Tessan-3 | main | 9.1T | 410,000 |" in text and "| Tessan-3 | anneal | 0.4T | 21,000 |" in text


def close_rows_pdf(rows: list[tuple[str, ...]], tops: list[float]) -> bytes:
    """One page: a caption, a rule, and one-line rows at the given heights (mm)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=7)
    pdf.text(20, 20, "Table 1. Runs of the Tessan models")
    pdf.line(15, 24, 195, 24)
    for row, top in zip(rows, tops, strict=True):
        for j, cell in enumerate(row):
            pdf.text(18 + 36 * j, top, cell)
    pdf.line(15, tops[-1] + 4, 195, tops[-1] + 4)
    return bytes(pdf.output())


@pytest.mark.parametrize("rows, tops", [
    # (review of cbf0064: a row set close under another among rows set apart, both with figures)
    ([("Model", "Lab", "Params", "Tokens", "GPU hours"), ("Tessan-3", "Greyhen", "70B", "9.1T", "410,000"),
      ("Quell-2", "Brackwater", "n/a", "11T", "n/a"), ("Ashvale-5", "Oldmoor", "180B", "n/a", "-"),
      ("Pennon-V", "Gorse", "80B", "1.9T", "60,000")], [30, 38, 46, 50, 58]),
])
def test_rows_set_close_among_rows_set_apart_stay_rows_of_their_own(rows, tops):
    text = parse_document(close_rows_pdf(rows, tops), "runs.pdf", "pdf").text
    assert "| Quell-2 Brackwater" not in text and "| Quell-2 |" in text and "| Tessan-3 |" in text


def test_a_label_wrapped_onto_lines_above_and_below_its_figures_is_one_row():
    """Review mend: a first column's label wrapped around its row's figures ("First attempt (kept up to" over
    "step 36,000)"), the figures centred between, is one row; a second label with cells beside it would not be."""
    rows = [[("Item", "GPU hours", "Tokens", "Days")],
            [("First attempt (kept", "", "", ""), ("", "98,000", "290B", "8"), ("up to step 36,000)", "", "", "")],
            [("First attempt (lost", "", "", ""), ("", "12,000", "20B", "1"), ("after step 36,000)", "", "", "")],
            [("Restarted run", "357,000", "1.51T", "29")],
            [("Tessan-3 total", "467,000", "1.8T", "38")]]
    text = parse_document(wrapped_rows_pdf(rows), "accounting.pdf", "pdf").text
    assert "| First attempt (kept up to step 36,000) | 98,000 | 290B | 8 |" in text
    assert "| Restarted run | 357,000 | 1.51T | 29 |" in text



def test_a_name_wrapped_onto_a_second_line_beside_its_figures_is_one_row():
    """Review of fc9e03b: "Tessan-3" over "Preview" and "Greyhen" over "Systems", the figures on the first line: one
    row (a line of text without figures set close under a row is its wrap)."""
    rows = [[("Model", "Lab", "Tokens", "GPU hours")],
            [("Tessan-3", "Greyhen", "9.1T", "410,000"), ("Preview", "Systems", "", "")],
            [("Quell-2", "Brackwater", "6.2T", "300,000"), ("Chat", "AI", "", "")],
            [("Ashvale-5", "Oldmoor", "11T", "520,000"), ("Base", "Labs", "", "")]]
    text = parse_document(wrapped_rows_pdf(rows), "runs.pdf", "pdf").text
    assert "| Tessan-3 Preview | Greyhen Systems | 9.1T | 410,000 |" in text
