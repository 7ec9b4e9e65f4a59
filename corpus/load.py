"""Reading a local file into a Document: its kind from the extension or the bytes, its text from the
right parser. A file that cannot be read raises DocumentError naming it and the reason."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.html import read_html
from floptrail.corpus.markdown import markdown_to_text, split_front_matter, title_of
from floptrail.corpus.pdf import read_pdf

EXTENSIONS = {".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown",
              ".txt": "text", ".text": "text"}


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sniff_kind(data: bytes, name: str = "", content_type: str = "") -> str:
    """pdf, html, markdown or text, from the content type, the file name, then the bytes."""
    ct = content_type.split(";")[0].strip().lower()
    by_type = {"application/pdf": "pdf", "text/html": "html", "application/xhtml+xml": "html",
               "text/markdown": "markdown", "text/x-markdown": "markdown", "text/plain": "text"}
    if ct in by_type and not (by_type[ct] == "text" and Path(name).suffix.lower() in (".md", ".markdown")):
        return by_type[ct]
    suffix = Path(name).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    head = data[:1024].lstrip().lower()
    if head.startswith(b"%pdf"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "text"


def parse_document(data: bytes, source: str, kind: str, fallback_date: str = "") -> Document:
    """Parse raw bytes of a known kind into a Document."""
    doc_id = content_hash(data)
    if kind == "pdf":
        pages, meta = read_pdf(data, source)
        starts, text = [], ""
        for page in pages:
            starts.append(len(text))
            text += page.rstrip() + "\n\n"
        title = meta.get("Title", "") or _first_line(pages[0])
        return Document(doc_id, source, "pdf", text, title=title, date=_pdf_date(meta) or fallback_date,
                        page_starts=tuple(starts), metadata=meta)
    if kind == "html":
        text, meta = read_html(data, source)
        return Document(doc_id, source, "html", text, title=meta.get("title", ""),
                        date=meta.get("date", "") or fallback_date, metadata=meta)
    raw = _decode(data, source)
    if kind == "markdown":
        front, body = split_front_matter(raw.replace("\r\n", "\n"))
        text = front + markdown_to_text(body)
        meta = {"front_matter": front} if front else {}
        return Document(doc_id, source, "markdown", text, title=title_of(body), date=fallback_date, metadata=meta)
    return Document(doc_id, source, "text", raw.replace("\r\n", "\n"), title=_first_line(raw), date=fallback_date)


def load_file(path: Path) -> tuple[bytes, Document]:
    """Raw bytes and the parsed Document of a local file."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(source, f"cannot read file ({exc.strerror})") from None
    return data, document_from_bytes(data, source, path.name)


def document_from_bytes(data: bytes, source: str, name: str = "", content_type: str = "") -> Document:
    """A Document from raw bytes whose kind is sniffed; empty input is an error naming the source."""
    if not data.strip():
        raise DocumentError(source, "empty file")
    return parse_document(data, source, sniff_kind(data, name, content_type))


def _decode(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(source, "text is not UTF-8") from None


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def _pdf_date(meta: dict) -> str:
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get("CreationDate", ""))
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""
