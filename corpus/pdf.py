"""PDF text, page by page, with pypdfium2 (fast, keeps word spacing); line-end hyphens and ligatures
repaired so numbers and names read whole."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from floptrail.corpus.document import DocumentError
from floptrail.corpus.pdf_tables import PdfTable, page_tables, unruled_tables_likely, worth_searching

if TYPE_CHECKING:
    import pypdfium2 as pdfium

_HYPHEN_BREAK = re.compile(r"[\u0002\ufffe]\s*\r?\n?\s*")  # pdfium's marks for a hyphen at a line end
# ... where a capital or a digit goes on after it, the hyphen is a name's ("Petrel-" / "9B", "Sable-" / "Code-3B"): a
# word broken to fit a line goes on in lower case ("com-" / "putation")
_NAME_HYPHEN_BREAK = re.compile(r"(?<=[A-Za-z0-9])[\u0002\ufffe]\s*(?=[A-Z0-9])")
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def _without_ligatures(text: str) -> str:
    # a replace per ligature, not str.translate: translate looks every character of the page up in a dict, and
    # costs fifteen times as much (no ligature's letters form another ligature, so the order is free)
    for ligature, letters in _LIGATURES.items():
        text = text.replace(ligature, letters)
    return text


# a footnote's mark set after a sentence's stop ("took 3.6K GPU hours.1 We then"): no figure, and read as one it
# makes "hours.1" a word of its own that no unit matches
_FOOTNOTE_AFTER_STOP = re.compile(r"(?<=[A-Za-z]{2}[.,;])(?<!Fig\.)(?<!Eq\.)(?<!Sec\.)(?<!Tab\.)\d{1,2}"
                                  r"(?=[ \t]+[A-Z]|[ \t]*$)", re.M)  # (not a figure's or a section's number)


def clean_page(text: str) -> str:
    text = _HYPHEN_BREAK.sub("", _NAME_HYPHEN_BREAK.sub("-", text))
    text = _without_ligatures(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _FOOTNOTE_AFTER_STOP.sub("", text)
    text = unicodedata.normalize("NFC", text)
    # a hyphen the author typed ("A800-" / "80G") stays, and the name it splits is joined back
    text = re.sub(r"(?<=[A-Za-z0-9])-[ \t]*\n(?=[A-Za-z0-9])", "-", text)
    return _joined_lines(text)


SHORT_LINE = 0.7  # of the page's typical line: a shorter line that ends without a full stop is a title or heading


def _joined_lines(text: str) -> str:
    """A line that ends mid-sentence continues on the next: joined, so phrases such as "39.3M / GPU hours" split
    over two lines read whole. Lines ending a sentence keep their break, and so does a short line (a title, an
    author line, a heading, a table row) unless the next goes on in lower case."""
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if len(line.strip()) >= 20)
    typical = lengths[len(lengths) // 2] if lengths else 0
    out: list[str] = []
    for line in lines:
        last = out[-1].rstrip(" \t") if out else ""
        if last and line.strip() and last[-1] not in ".!?:|。！？：" and (
                len(last) >= SHORT_LINE * typical or line.lstrip()[:1].islower()):
            # (Chinese runs on without a space: "对\n话模型" is one word)
            space = "" if CJK.match(last[-1]) and CJK.match(line.lstrip()[:1]) else " "
            out[-1] = f"{last}{space}{line.lstrip() if not space else line}"
        else:
            out.append(line)
    return "\n".join(out)


CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


MAX_PAGES = 3000  # a longer PDF is refused before its text is read (reading 2,000 pages takes minutes)


def read_pdf(data: bytes, source: str, max_pages: int = MAX_PAGES) -> tuple[list[str], dict]:
    """Each page's text and the PDF's metadata (title, creation date). A PDF of more than `max_pages`
    pages is refused, naming its length."""
    import pypdfium2 as pdfium  # here, so importing the corpus package costs no PDF library

    if not data.startswith(b"%PDF"):
        raise DocumentError(source, "not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = "encrypted PDF" if "password" in str(exc).lower() else f"unreadable PDF ({exc})"
        raise DocumentError(source, reason) from None
    if (pages := len(pdf)) > max_pages:
        pdf.close()
        raise DocumentError(source, f"{pages:,} pages, more than the {max_pages:,} allowed (--max-pages)")
    try:
        pages = [clean_page(_page_text(pdf, i)) for i in range(len(pdf))]
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise DocumentError(source, "PDF has no extractable text (scanned or empty)")
    return pages, meta


def _page_text(pdf: pdfium.PdfDocument, i: int) -> str:
    """Page `i`'s text, with the tables of a page that may hold them read as pipe rows in their place. The page is
    opened once for both: opening one costs more than reading its text."""
    page = pdf[i]
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
        tables = _tables(page, textpage, ruled_only=not unruled_tables_likely(text)) if worth_searching(text) else []
        return _text_around_tables(page, textpage, tables) if tables else text
    finally:  # closed at once, not when the garbage collector gets to them: a long PDF holds thousands
        textpage.close()
        page.close()


def _tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, ruled_only: bool) -> list[PdfTable]:
    """The page's tables; none where reading them fails, so that an odd page keeps its plain text instead of
    costing the document."""
    try:
        return page_tables(page, textpage, ruled_only)
    except Exception:  # pdfium and the table reader on a malformed page: the page's text still stands
        return []


def _text_around_tables(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, tables: list[PdfTable]) -> str:
    """The page's text with each table read as pipe rows in its place. A table as wide as the page, or with no
    text beside it, cuts the text above from the text below; a narrow one beside other text (in one column of
    two) is added after the page's text."""
    width, height = page.get_size()
    wide = [t for t in tables if t.x1 - t.x0 >= 0.6 * width or not _text_beside(textpage, t, width, height)]
    parts, top = [], 0.0
    for table in wide:
        parts.append(textpage.get_text_bounded(0, height - table.top, width, height - top))
        parts.append("\n" + "\n".join(table.rows) + "\n")
        top = table.bottom
    parts.append(textpage.get_text_bounded(0, 0, width, height - top))
    parts += ["\n" + "\n".join(t.rows) + "\n" for t in tables if t not in wide]
    return "\n".join(parts)


def _text_beside(textpage: pdfium.PdfTextPage, table: PdfTable, width: float, height: float) -> bool:
    """Whether text stands left or right of the table, level with it (the other column of a two-column page)."""
    top, bottom = height - table.bottom, height - table.top
    return bool(textpage.get_text_bounded(0, top, table.x0, bottom).strip()
                or textpage.get_text_bounded(table.x1, top, width, bottom).strip())
