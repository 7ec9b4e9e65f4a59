"""PDF text, page by page, with pypdfium2 (fast, keeps word spacing); line-end hyphens and ligatures
repaired so numbers and names read whole."""

from __future__ import annotations

import re
import unicodedata

import pypdfium2 as pdfium
from floptrail.corpus.document import DocumentError

_HYPHEN_BREAK = re.compile(r"[\u0002\ufffe]\s*\r?\n?\s*")  # pdfium's marks for a hyphen at a line end
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})


def clean_page(text: str) -> str:
    text = _HYPHEN_BREAK.sub("", text).translate(_LIGATURES).replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    # a line that ends mid-sentence continues on the next: join it so phrases such as "39.3M / GPU hours"
    # split over two lines read whole; lines ending a sentence keep their break
    text = re.sub(r"(?<=[^.!?:\n|])[ \t]*\n(?=[^\n])", " ", text)
    return text


def read_pdf(data: bytes, source: str) -> tuple[list[str], dict]:
    """Each page's text and the PDF's metadata (title, creation date)."""
    if not data.startswith(b"%PDF"):
        raise DocumentError(source, "not a PDF (no %PDF header)")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = "encrypted PDF" if "password" in str(exc).lower() else f"unreadable PDF ({exc})"
        raise DocumentError(source, reason) from None
    try:
        pages = []
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            pages.append(clean_page(textpage.get_text_bounded()))
        meta = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    if not any(p.strip() for p in pages):
        raise DocumentError(source, "PDF has no extractable text (scanned or empty)")
    return pages, meta
