"""Parsers: real PDFs (made here with fpdf2), HTML through trafilatura, Markdown with tables and emphasis."""

from pathlib import Path

import pytest
from floptrail.corpus.document import DocumentError
from floptrail.corpus.load import parse_document, sniff_kind
from floptrail.corpus.markdown import markdown_to_text
from floptrail.extract.front_matter import emissions
from floptrail.extract.sections import code_ranges
from fpdf import FPDF


def make_pdf(pages: list[str]) -> bytes:
    pdf = FPDF()
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_pages_map_offsets_back_to_pages():
    doc = parse_document(make_pdf(["First page about Foo-7B.", "Second page: 2 trillion tokens."]), "x.pdf", "pdf")
    offset = doc.text.index("2 trillion")
    assert doc.page_of(offset) == 2
    assert doc.page_of(doc.text.index("Foo-7B")) == 1


def test_pdf_lines_broken_mid_phrase_are_joined():
    pdf = make_pdf(["The run used 39.3M GPU hours of compute on a large cluster of accelerators in the year " * 2])
    text = parse_document(pdf, "x.pdf", "pdf").text
    assert "39.3M GPU hours" in text


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.7\ngarbage", "unreadable PDF"),
    (b"hello", "not a PDF"),
])
def test_bad_pdfs_raise_with_the_reason(data, reason):
    with pytest.raises(DocumentError, match=reason) as info:
        parse_document(data, "bad.pdf", "pdf")
    assert info.value.source == "bad.pdf"


def test_html_keeps_the_article_and_superscripts():
    page = (b"<html><head><title>T</title></head><body><nav>Menu Home About</nav><article><h1>Foo</h1>"
            b"<p>Foo-7B used 1.2 &times; 10<sup>24</sup> FLOPs to train, which is a lot of compute for its size "
            b"and more than its predecessor needed.</p></article><footer>Subscribe now</footer></body></html>")
    doc = parse_document(page, "x.html", "html")
    assert "10^24" in doc.text and "1024" not in doc.text
    assert "Subscribe" not in doc.text


def test_html_drops_footnote_marks_and_writes_subscript_digits_in_line():
    page = (b"<html><body><article><h1>Foo</h1><p>The final model's training emitted an estimated 9.8 "
            b"tCO<sub>2</sub>e<sup><a href=\"#fn-1\" id=\"r1\">1</a></sup>, and the run drew 2.7 GWh"
            b"<sup id=\"r2\"><a href=\"#fn-2\">[2]</a></sup> in all, on 10<sup>4</sup> chips.</p></article>"
            b"</body></html>")
    doc = parse_document(page, "x.html", "html")
    assert "emitted an estimated 9.8 tCO2e, and the run drew 2.7 GWh in all, on 10^4 chips." in doc.text


@pytest.mark.parametrize("notes", [
    '<aside class="footnotes"><h3>Notes</h3><ol><li id="fn1">{}</li></ol></aside>',
    '<footer role="doc-endnotes"><ol><li>{}</li></ol></footer>',
    '<aside class="post notes"><aside>1.</aside><p>{}</p></aside>',  # an aside inside: the notes' own end counts
])
def test_html_keeps_the_notes_an_aside_or_a_footer_holds_and_drops_other_asides(notes):
    note = "Pike-3 was trained for twelve weeks on 8,192 TPU v5p chips."
    page = ("<html><body><article><h1>Pike-3</h1><p>Pike-3 is our new model, and it answers questions about code, "
            "mathematics and law better than any model we have released before.</p>"
            "<aside class=\"keynote-promo\"><p>Read also: our hiring page and 3 other posts.</p></aside>"
            f"{notes.format(note)}</article><footer>Subscribe now</footer></body></html>").encode()
    doc = parse_document(page, "x.html", "html")
    assert note in doc.text
    assert "hiring" not in doc.text and "Subscribe" not in doc.text


def test_html_footnotes_set_inside_a_sentence_stand_after_its_paragraph():
    # LaTeXML, which sets arXiv's HTML papers, puts a footnote's text in the sentence, right after its mark
    note = ('<span class="ltx_note ltx_role_footnote"><sup class="ltx_note_mark">2</sup><span class="ltx_note_outer">'
            '<span class="ltx_note_content"><sup class="ltx_note_mark">2</sup><span class="ltx_tag ltx_tag_note">2'
            '</span>These exclude the <span class="ltx_text">ablation</span> runs, 2×10<sup>21</sup> FLOP.</span>'
            '</span></span>')
    page = ("<html><body><article><h1>Pike-Code</h1><p>Pike-Code-1.3B was trained on 64 A100 GPUs over 8 days, for "
            f"a total of 12,288 GPU-hours{note}. We use AdamW.</p><p>Next we evaluate it.</p></article>"
            "</body></html>").encode()
    text = parse_document(page, "x.html", "html").text
    assert ("for a total of 12,288 GPU-hours. We use AdamW.\n\nThese exclude the ablation runs, 2×10^21 FLOP.\n\n"
            "Next we evaluate it.") in text


def test_plain_text_joins_a_word_broken_at_a_line_end_and_keeps_a_names_hyphen():
    text = b"Basalt-30B was trained on 5.5 tril-\nlion tokens for Northern lan-\nguages; its sibling is Petrel-\n9B.\n"
    assert parse_document(text, "x.txt", "text").text == ("Basalt-30B was trained on 5.5 trillion tokens for Northern "
                                                          "languages; its sibling is Petrel-\n9B.\n")


def test_html_without_article_text_is_an_error():
    with pytest.raises(DocumentError, match="no article text"):
        parse_document(b"<html><body><script>var a=1;</script></body></html>", "x.html", "html")


def test_markdown_unwraps_emphasis_inside_numbers_and_html_tables():
    text = markdown_to_text("We used **39.3**M GPU hours.\n\n<table><tr><th>Model</th><th>Tokens</th></tr>"
                            "<tr><td>Foo 7B</td><td>1T</td></tr></table>\n")
    assert "39.3M GPU hours" in text
    assert "| Model | Tokens |" in text and "| Foo 7B | 1T |" in text


def test_markdown_inline_math_reads_as_the_figures_it_writes_and_a_shells_dollars_stay():
    text = markdown_to_text("The 7B run used $3.9 \\times 10^{23}$ FLOPs and emitted $12.5 \\mathrm{tCO}_2 "
                            "\\mathrm{eq}$; loss moved under $0.25 \\%$. It cost $4.6 million, or $2 per GPU hour."
                            "\n\nRun `python $SQUAD_DIR/evaluate.py $OUT` with ${IMAGE} -c $CMD.")
    # math with an equation in it, and math set between digits
    written = "So $C = 6ND = 3.9 \\times 10^{23}$ FLOPs, or 3.9$\\times$10$^{23}$, on $\\sim$2T tokens."
    assert markdown_to_text(written) == "So C = 6ND = 3.9 × 10^23 FLOPs, or 3.9×10^23, on ~2T tokens."
    assert text == ("The 7B run used 3.9 × 10^23 FLOPs and emitted 12.5 tCO2 eq; loss moved under 0.25 %. It cost "
                    "$4.6 million, or $2 per GPU hour.\n\nRun python $SQUAD_DIR/evaluate.py $OUT with ${IMAGE} -c "
                    "$CMD.")


def test_markdown_html_table_cells_spanning_rows_or_columns_keep_later_cells_under_their_headers():
    """A cell spanning rows or columns fills the first (an empty label goes on with the group above)."""
    text = markdown_to_text("<table><tr><th>Model</th><th>Data</th><th>Params</th><th>Tokens</th></tr>"
                            "<tr><td>Wren Small</td><td rowspan=\"2\">Web text</td><td>17B</td><td>~40T</td></tr>"
                            "<tr><td>Wren Large</td><td>400B</td><td>~22T</td></tr>"
                            "<tr><td colspan='2'>Wren Tiny</td><td>1B</td><td>2T</td></tr></table>")
    assert text.split("\n")[3:6] == ["| Wren Small | Web text | 17B | ~40T |", "| Wren Large |  | 400B | ~22T |",
                                     "| Wren Tiny |  | 1B | 2T |"]


SPANNED_HEADER_PAGE = (
    "<html><body><article><h1>Wren: three models</h1><p>We trained three Wren models and list their runs below, "
    "with every figure we have.</p><table><thead><tr><th rowspan='2'>Kind</th><th rowspan='2'>Model</th>"
    "<th colspan='2'>Parameters</th><th colspan='2'>Compute</th></tr><tr><th>Total</th><th>Active</th>"
    "<th>H100 GPUs</th><th>Days</th></tr></thead><tbody><tr><td>Dense</td><td>Wren 4B</td>"
    "<td colspan='2'>4.1B</td><td>1,024</td><td>6.4</td></tr><tr><td rowspan='2'>Sparse</td><td>Wren 21B-A3B</td>"
    "<td>21.4B</td><td>3.1B</td><td>2,048</td><td>5.9</td></tr><tr><td>Wren 98B-A12B</td><td>97.6B</td>"
    "<td>12.4B</td><td>6,144</td><td>10.1</td></tr></tbody></table></article></body></html>")


def test_a_table_written_in_header_cells_alone_keeps_its_rows():
    text = markdown_to_text("<table><tr><th>Model</th><th>Params</th></tr><tr><th>Wren 4B</th><th>4.1B</th></tr>"
                            "<tr><th>Wren 9B</th><th>9.2B</th></tr></table>")
    assert text.split("\n")[1:5] == ["| Model | Params |", "|---|---|", "| Wren 4B | 4.1B |", "| Wren 9B | 9.2B |"]


def test_an_html_pages_header_rows_set_one_above_another_read_as_one_and_spanned_cells_stay_in_their_columns():
    rows = [line for line in parse_document(SPANNED_HEADER_PAGE.encode(), "wren.html", "html").text.split("\n")
            if line.startswith("|") and "---" not in line]
    assert [" ".join(row.split()) for row in rows] == [
        "| Kind | Model | Total (Parameters) | Active (Parameters) | H100 GPUs (Compute) | Days (Compute) |",
        "| Dense | Wren 4B | 4.1B | | 1,024 | 6.4 |", "| Sparse | Wren 21B-A3B | 21.4B | 3.1B | 2,048 | 5.9 |",
        "| | Wren 98B-A12B | 97.6B | 12.4B | 6,144 | 10.1 |"]


def test_kind_is_sniffed_from_type_name_and_bytes():
    assert sniff_kind(b"%PDF-1.4", "paper") == "pdf"
    assert sniff_kind(b"<!DOCTYPE html><html>", "") == "html"
    assert sniff_kind(b"# Card", "README.md") == "markdown"
    assert sniff_kind(b"x", "", "application/pdf") == "pdf"


GATE_REPORT = Path(__file__).resolve().parent.parent / "annotations" / "gold" / "docs" / "falcon_report.pdf"


def test_pdf_two_columns_read_in_column_order_and_tables_as_aligned_rows():
    doc = parse_document(GATE_REPORT.read_bytes(), "falcon_report.pdf", "pdf")
    left, right = doc.text.index("Falcon-40B has 40 billion"), doc.text.index("Falcon-40B was trained on 384")
    assert left < right and doc.page_of(right) == 1
    rows = ("|  | Falcon-7B | Falcon-40B | GPT-3 |\n| # Params | 7B | 40B | 175B |\n"
            "| Training tokens | 1.5T | 1T | 300B |")
    assert rows in doc.text
    assert doc.page_of(doc.text.index("| # Params")) == 2
    assert doc.text.index("| Layers") < doc.text.index("References")  # the table sits where it was


def test_pdf_table_without_rules_keeps_its_total_row_with_empty_cells():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 6, "Table 4: Pre-training stages of Grebe-8B.", new_x="LMARGIN", new_y="NEXT")
    for row in [("Stage", "Data", "Tokens", "Context"), ("1. General", "web, code", "9.5T", "4K"),
                ("2. Annealing", "curated", "0.8T", "4K"), ("Total", "", "10.3T", "")]:
        for width, cell in zip((40, 35, 25, 25), row, strict=True):
            pdf.cell(width, 6, cell)
        pdf.ln(6)
    text = parse_document(bytes(pdf.output()), "x.pdf", "pdf").text
    assert "| 2. Annealing | curated | 0.8T | 4K |\n| Total |  | 10.3T |  |" in text


def ruled_table(pdf: FPDF, rows: list[tuple[str, ...]]) -> None:
    with pdf.table(col_widths=(25,) * len(rows[0]), text_align="LEFT", first_row_as_headings=False) as table:
        for row in rows:
            cells = table.row()
            for text in row:
                cells.cell(text)


def test_a_heading_set_right_under_a_ruled_pdf_table_is_no_row_of_it():
    """"Appendix B: ..." right under a ruled table of ablation runs stays a line of text: it closes the part on those
    runs, so the next appendix's table of the release's stages is read as the release's."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "1 Introduction\nWe release Quarrel-70B.\nAppendix A: Scaling-law runs\nSmall models set the "
                         "learning rate.\nTable A1: Scaling runs (not released).")
    ruled_table(pdf, [("Run", "Params", "Tokens", "Loss"), ("S-1", "125M", "25B", "3.02"),
                      ("S-2", "350M", "70B", "2.71")])
    pdf.multi_cell(0, 5, "Appendix B: Per-stage compute of the larger variant\nTable B1: Stages of the run.")
    ruled_table(pdf, [("Stage", "Tokens", "Chip-hours"), ("Main", "14.2T", "6.33M"), ("Annealing", "0.8T", "0.37M")])
    document = parse_document(bytes(pdf.output()), "quarrel.pdf", "pdf")
    assert "| S-2 | 350M | 70B | 2.71 |\n\nAppendix B: Per-stage compute of the larger variant" in document.text
    from floptrail.extract.config import load_extract_config
    from floptrail.extract.facts import Extractor
    assert [(f.kind, f.value, f.model) for f in Extractor(load_extract_config(None)).extract(document)
            if f.kind == "tokens"] == [("tokens", 14.2e12, "Quarrel"), ("tokens", 0.8e12, "Quarrel")]


def test_a_ruled_pdf_tables_total_under_an_empty_label_stays_a_row():
    """A last row whose one filled cell is a figure (a total under an empty label) is a row, no note."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, "Quarrel-7B was trained in two stages.\nTable 2: GPU hours by stage.")
    ruled_table(pdf, [("Stage", "GPU hours"), ("Pre-training", "1,200,000"), ("Long context", "90,000"),
                      ("", "1,290,000")])
    text = parse_document(bytes(pdf.output()), "quarrel.pdf", "pdf").text
    assert "| Long context | 90,000 |\n|  | 1,290,000 |" in text


def test_pdf_table_search_is_skipped_on_pages_without_a_table():
    doc = parse_document(make_pdf(["Foo-7B was trained on 2T tokens.\nBar 1 2 3"]), "x.pdf", "pdf")
    assert "|" not in doc.text


def test_pdf_typed_hyphen_at_line_end_joins_the_name():
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.cell(0, 6, "a total of 512 A800-", new_x="LMARGIN", new_y="NEXT")
    pdf.cell(0, 6, "80G SXM GPUs were used.", new_x="LMARGIN", new_y="NEXT")
    assert "512 A800-80G SXM GPUs" in parse_document(bytes(pdf.output()), "x.pdf", "pdf").text


@pytest.mark.parametrize("front, span, tonnes, stage", [
    ("co2_eq_emissions: 149200\n", "149200", 0.1492, ""),  # grams by default
    ("co2_eq_emissions:\n  emissions: 539000000\n  training_type: pre-training\n", "539000000", 539.0,
     "pretraining"),
    ("co2_eq_emissions:\n  emissions: 12.5\n  unit: kg\n", "12.5", 0.0125, ""),
    ("co2_eq_emissions: 3 tCO2eq\n", "3", 3.0, ""),
])
def test_front_matter_co2_eq_emissions(front, span, tonnes, stage):
    raw = f"---\nlicense: mit\n{front}---\n# Foo-7B\n\nFoo-7B is a model.\n".encode()
    doc = parse_document(raw, "card.md", "markdown")
    (value,) = emissions(doc.text)
    assert value.tonnes == pytest.approx(tonnes) and value.stage == stage
    assert doc.text[value.start:value.end] == span
    assert doc.title == "Foo-7B"


def test_front_matter_with_an_unknown_unit_yields_nothing():
    raw = b"---\nco2_eq_emissions:\n  emissions: 5\n  unit: lbs\n---\ntext\n"
    assert emissions(parse_document(raw, "card.md", "markdown").text) == []


def test_pdf_table_whose_rules_run_off_the_page_is_still_read():
    # the table's rules are drawn past the right edge of the page, so the finder reports a box outside it
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.set_xy(10, 20)
    pdf.multi_cell(0, 6, "Table 1: parameters and tokens of the Foo models.")
    rows = [("Model", "Params", "Tokens"), ("Foo-1B", "1.1B", "2T"), ("Foo-7B", "6.9B", "3T")]
    top = 40
    for i, row in enumerate(rows):
        y = top + 8 * i
        for j, cell in enumerate(row):
            pdf.text(20 + 70 * j, y + 6, cell)
    for i in range(len(rows) + 1):
        pdf.line(10, top + 8 * i, 260, top + 8 * i)  # the page is 210 mm wide
    for x in (10, 80, 150, 260):
        pdf.line(x, top, x, top + 8 * len(rows))
    doc = parse_document(bytes(pdf.output()), "offpage.pdf", "pdf")
    assert "| Foo-7B | 6.9B | 3T" in doc.text


def test_a_bare_angle_bracket_in_markdown_prose_is_text():
    text = markdown_to_text("It needs <10MB of disk and pydantic<2.0. Foo-7B was trained on 2T tokens. <b>x</b>")
    assert text == "It needs <10MB of disk and pydantic<2.0. Foo-7B was trained on 2T tokens. x"


@pytest.mark.parametrize("raw, title", [
    (b'# <span id="intro">Wren-16B</span>\n\nText.\n', "Wren-16B"),
    (b"# Wren-16B\n\n<h1>Benchmarks</h1>\n", "Wren-16B"),
    (b'<div align="center">\n<h1>\n  Wren-16B\n</h1>\n</div>\n\nText.\n', "Wren-16B"),
])
def test_the_title_is_the_first_level_one_heading_without_its_tags(raw, title):
    assert parse_document(raw, "README.md", "markdown").title == title


def test_markdown_title_is_the_first_level_one_heading_html_or_markdown():
    raw = ('<div align="center">\n<h1>\n  Wren-16B\n</h1>\n</div>\n\n# 模型介绍\n\nWren-16B 是一个语言模型。\n'
           ).encode()
    assert parse_document(raw, "wren.md", "markdown").title == "Wren-16B"


def test_a_code_fence_closes_only_on_a_line_of_its_own():
    text = ('Intro.\n\n```python\nprint("""```""")\n"""```\n\n```python\nx = 1\n```\n\nWren was trained on 2T '
            'tokens.\n')
    ranges = code_ranges(text)
    assert ranges[-1][1] < text.index("Wren was trained")  # the last fence closes the code; the prose is prose


def test_markdown_keeps_a_power_of_ten_written_with_a_superscript():
    assert markdown_to_text("计算量约6.67x10<sup>22</sup>次浮点数运算") == "计算量约6.67x10^22次浮点数运算"


def test_a_superscript_after_a_word_is_a_footnote_mark_and_after_a_digit_a_power():
    assert markdown_to_text("about 5.7 × 10<sup>25</sup> floating-point operations.<sup>1</sup> Next, 2<sup>20</sup>") \
        == "about 5.7 × 10^25 floating-point operations. Next, 2^20"


def test_a_bold_figure_opening_a_block_keeps_the_space_after_it():
    page = ("<html><head><title>Gale</title></head><body><article><h1>Gale</h1><p>Gale is a mixture of experts "
            "trained on our own cluster over four weeks.</p><div class='stat'><b>2,304</b> NVIDIA B200 GPUs</div>"
            "<div class='stat'><strong>1.49M</strong> B200 GPU-hours</div></article></body></html>")
    text = parse_document(page.encode(), "gale.html", "html").text
    assert "2,304 NVIDIA B200 GPUs" in text and "1.49M B200 GPU-hours" in text


@pytest.mark.parametrize(("raw", "title"), [
    ("From: Dana Lee <dana@lab.example>\nTo: models@lists.example\nSubject: [ANN] Pintail-6B weights are up\n"
     "Date: Thu, 14 Aug 2025 22:41:07 +0100\n\nhi all,\n", "Pintail-6B weights are up"),
    ("Subject: Re: Pintail-6B\nFrom: Ana <ana@lab.example>\n\nthanks!\n", "Pintail-6B"),
    ("Pintail-6B release notes\n\nFrom: the team\n", "Pintail-6B release notes"),  # no message's headers
    ("Subject: Releasing Pintail-6B\nFrom: a@lab.example\n\nhi\n", "Releasing Pintail-6B"),  # "Re" opens a word
    ("From x@y Mon Jan 1 2025\nReturn-Path: <x@y>\nTo: a,\n  b\nSubject: Fwd: Pintail-6B\n\nbody\n", "Pintail-6B"),
])
def test_a_saved_e_mail_s_title_is_its_subject(raw, title):
    # its first line is the sender ("From: ..."), which a title's reading would take for a name
    assert parse_document(raw.encode(), "post.txt", "text").title == title


@pytest.mark.parametrize(("raw", "title"), [
    ("==========\n  Kestrel Users Board > Showcase\n==========\nThread: my tune of Pintail-6B\n\nhi\n",
     "my tune of Pintail-6B"),  # a forum's saved thread labels its title among its first lines
    ("----------------\nPintail-6B notes\n----------------\n\nbody\n", "Pintail-6B notes"),  # no rule of dashes
])
def test_a_plain_texts_title_is_its_labelled_or_first_worded_line(raw, title):
    assert parse_document(raw.encode(), "post.txt", "text").title == title


def test_a_row_naming_a_group_under_the_header_is_no_part_of_the_header_and_a_caption_stays():
    from floptrail.corpus.markdown import table_grid
    assert table_grid("<table><tr><th>Size</th><th>Params</th><th>Tokens</th></tr><tr><th colspan=3>Kite-2</th></tr>"
                      "<tr><td>4B</td><td>4.1B</td><td>3T</td></tr></table>") == [
        ["Size", "Params", "Tokens"], ["Kite-2", "", ""], ["4B", "4.1B", "3T"]]
    page = SPANNED_HEADER_PAGE.replace("<table>", "<table><caption>Table 2: training runs of the Wren models</caption>")
    assert "Table 2: training runs of the Wren models" in parse_document(page.encode(), "wren.html", "html").text


TABBED_SPEC_PAGE = (
    "<html><body><article><h1>Wren-2: two sizes</h1><p>We trained two Wren-2 models and list their figures in the "
    "spec sheets below, one tab for each.</p><div role='tablist'><button role='tab' id='t1'>Wren-2</button>"
    "<button role='tab' id='t2'>Wren-2 Lite</button></div>"
    "<section role='tabpanel' aria-labelledby='t1'><dl><div><dt>Pre-training tokens</dt><dd>14.2T</dd></div>"
    "<div><dt>Accelerators</dt><dd>2,048 × H800</dd></div></dl></section>"
    "<section role='tabpanel' aria-labelledby='t2' hidden><dl><dt>Pre-training tokens</dt><dd>8.0T</dd>"
    "<dt>Accelerators</dt><dd>512 × H800</dd></dl></section></article></body></html>")


def test_a_spec_sheets_definition_list_reads_as_a_table_under_its_tabs_label():
    text = parse_document(TABBED_SPEC_PAGE.encode(), "wren.html", "html").text
    rows = [" ".join(line.split()) for line in text.split("\n") if line.startswith(("|", "#")) and "---" not in line]
    assert rows == ["# Wren-2: two sizes", "### Wren-2", "| Property | Value |", "| Pre-training tokens | 14.2T |",
                    "| Accelerators | 2,048 × H800 |", "### Wren-2 Lite", "| Property | Value |",
                    "| Pre-training tokens | 8.0T |", "| Accelerators | 512 × H800 |"]


def test_each_tabs_spec_sheet_is_its_models():
    from floptrail.extract.config import load_extract_config
    from floptrail.extract.facts import Extractor
    document = parse_document(TABBED_SPEC_PAGE.encode(), "wren.html", "html")
    assert [(f.kind, f.value, f.model) for f in Extractor(load_extract_config(None)).extract(document)
            if f.kind != "hardware"] == [("tokens", 14.2e12, "Wren-2"), ("chip_count", 2048, "Wren-2"),
                                         ("tokens", 8e12, "Wren-2 Lite"), ("chip_count", 512, "Wren-2 Lite")]


@pytest.mark.parametrize("raw", [
    "Kite-3 launch notes\nKite-3 was trained on 12T tokens.\nReading list:\nTitle: Orca-2 technical report\n",
    "Kite-3 launch notes\n\nTopic: why Orca-2 still wins\n",
])
def test_a_labelled_line_in_a_texts_body_is_no_title(raw):
    # (review of 65027bd: only a saved page's header block labels its title)
    assert parse_document(raw.encode(), "notes.txt", "text").title == "Kite-3 launch notes"


def test_a_news_storys_box_of_figures_is_kept_and_a_value_two_models_share_is_each_ones():
    page = ("<html><body><article><h1>Ironclad ships Pell-4</h1><p>Ironclad released Pell-4 and Pell-4 Mini on "
            "Thursday, its largest models so far, trained on its own chips.</p><aside class='factbox'><h3>By the "
            "numbers</h3><table><tr><th></th><th>Pell-4</th><th>Pell-4 Mini</th></tr><tr><th>Training chips</th>"
            "<td>24,576</td><td>4,096</td></tr><tr><th>Accelerator</th><td colspan='2'>Trainium2</td></tr></table>"
            "</aside><p>The company said the run lasted about three months in all.</p></article></body></html>")
    text = parse_document(page.encode(), "pell.html", "html").text
    assert "| Training chips | 24,576 | 4,096 |" in text and "| Accelerator | Trainium2 | Trainium2 |" in text


def test_a_short_line_ending_on_a_full_stop_is_still_the_header_before_a_labelled_title():
    raw = "KITE LABS.\nTitle: Training Kite-7B on a budget\n\nWe trained the model on 8 GPUs.\n"
    assert parse_document(raw.encode(), "notes.txt", "text").title == "Training Kite-7B on a budget"
