"""Reading a local file into a Document: its kind from the extension or the bytes, its text from the
right parser, decoded as its byte-order mark or declared charset says (a guess is reported as a warning),
with control characters removed. A file that cannot be read raises DocumentError naming it and the reason."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from floptrail.corpus.dates import arxiv_date, front_matter_date, normal_date
from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.encoding import decode, html_charset, without_controls
from floptrail.corpus.html import read_html
from floptrail.corpus.markdown import markdown_to_text, opening_repos, split_front_matter, title_of
from floptrail.corpus.pdf import MAX_PAGES, read_pdf

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


def parse_document(data: bytes, source: str, kind: str, fallback_date: str = "", charset: str = "",
                   max_pages: int = MAX_PAGES) -> Document:
    """Parse raw bytes of a known kind into a Document. `charset` is one declared outside the bytes (an
    HTTP header); for HTML it wins over the page's own meta tag, and a byte-order mark wins over both."""
    return dated(_parse(data, source, kind, charset, max_pages), fallback_date)


def dated(document: Document, fallback: str = "") -> Document:
    """The document with its date and, in its metadata, where the date came from: front matter first (the
    author's own), then an arXiv identifier (the first version's month), then PDF or page metadata."""
    metadata_how = {"pdf": "PDF metadata (creation date)", "html": "page metadata"}.get(document.kind, "")
    candidates = [front_matter_date(document.metadata.get("front_matter", "")),
                  arxiv_date(document.source.rstrip("/").split("/")[-1], document.text),
                  (normal_date(document.date), metadata_how), (normal_date(fallback), "given with the source")]
    when, how = next(((d, h) for d, h in candidates if d), ("", ""))
    return replace(document, date=when, metadata={**document.metadata, **({"date_source": how} if how else {})})


# what a PDF's metadata holds where nobody set a title: a tool's placeholder or the source file's name
PLACEHOLDER_TITLE = re.compile(r"^\W*(?:anonymous|untitled|unknown|none|title)\W*$|^microsoft word\b|"
                               r"\.(?:docx?|tex|dvi|pdf|html?|md|txt|odt|rtf)\s*$", re.I)


def _parse(data: bytes, source: str, kind: str, charset: str = "", max_pages: int = MAX_PAGES) -> Document:
    doc_id = content_hash(data)
    if kind == "pdf":
        pages, meta = read_pdf(data, source, max_pages)
        starts, text = [], ""
        for page in pages:
            starts.append(len(text))
            text += without_controls(page).rstrip() + "\n\n"
        title = meta.get("Title", "")
        title = _first_line(pages[0]) if not title or PLACEHOLDER_TITLE.search(title) else title
        return Document(doc_id, source, "pdf", text, title=title, date=_pdf_date(meta),
                        page_starts=tuple(starts), metadata=meta)
    decoded = decode(data, charset or (html_charset(data) if kind == "html" else ""))
    raw = without_controls(decoded.text)
    encoding = {"encoding": f"{decoded.encoding} ({decoded.how})"} if decoded.how != "utf-8" else {}
    warnings = (decoded.warning,) if decoded.warning else ()
    if kind == "html":
        text, meta = read_html(raw, source)
        return Document(doc_id, source, "html", text, title=meta.get("title", ""),
                        date=meta.get("date", ""), metadata={**meta, **encoding}, warnings=warnings)
    raw = raw.replace("\r\n", "\n")
    if kind == "markdown":
        front, body = split_front_matter(raw)
        text = front + markdown_to_text(body)
        meta = {"front_matter": front} if front else {}
        if repos := opening_repos(body):
            meta["repos"] = repos
        return Document(doc_id, source, "markdown", text, title=title_of(body, front),
                        metadata={**meta, **encoding}, warnings=warnings)
    text = WORD_BROKEN_AT_LINE_END.sub("", raw)
    return Document(doc_id, source, "text", text, title=_text_title(text), metadata=encoding,
                    warnings=warnings)


# a word a plain text broke to fit its line, as text taken out of a PDF is ("5.5 tril-" / "lion tokens"): it goes on in
# lower case (a name's hyphen before a capital or a digit stays, "Petrel-" / "9B")
WORD_BROKEN_AT_LINE_END = re.compile(r"(?<=[a-z])-\n(?=[a-z])")


def load_file(path: Path) -> tuple[bytes, Document]:
    """Raw bytes and the parsed Document of a local file."""
    source = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(source, f"cannot read file ({exc.strerror})") from None
    return data, document_from_bytes(data, source, path.name)


def document_from_bytes(data: bytes, source: str, name: str = "", content_type: str = "",
                        charset: str = "", max_pages: int = MAX_PAGES) -> Document:
    """A Document from raw bytes whose kind is sniffed; empty input is an error naming the source."""
    if not data.strip():
        raise DocumentError(source, "empty file")
    return parse_document(data, source, sniff_kind(data, name, content_type), charset=charset, max_pages=max_pages)


def _first_line(text: str) -> str:
    """The first line that holds a word (not a rule of "=" or "-" drawn under a banner)."""
    return next((line.strip() for line in text.splitlines() if re.search(r"\w", line)), "")[:200]


# a title a forum's or a list's saved page labels among its first lines: "Thread: ...", "Topic: ...", "Title: ..."
LABELLED_TITLE = re.compile(r"(?im)^[ \t]*(?:thread|topic|title)[ \t]*:[ \t]*(\S.*)$")


# a message's header lines ("From: ...", "Subject: ..."; any header, a folded line, an mbox "From " line) before its
# body, as a mailing list's post is saved
MAIL_HEADERS = re.compile(r"\A(?:[ \t]*\n)*(?:From [^\n]*\n)?(?:[A-Za-z][\w-]*[ \t]*:[^\n]*(?:\n|\Z)"
                          r"(?:[ \t]+\S[^\n]*(?:\n|\Z))*)+")
# (its subject without a reply's or a list's marks: "Re:", "Fwd:", "[ANN]")
SUBJECT = re.compile(r"(?im)^Subject[ \t]*:[ \t]*(?:(?:re|fwd?|fw|aw)[ \t]*:[ \t]*|\[[^\]\n]{1,30}\][ \t]*)*(.*)$")


def _text_title(text: str) -> str:
    """A plain text's title: its first line, or a saved e-mail's subject (its first line is "From: ...")."""
    headers = MAIL_HEADERS.match(text)
    subject = SUBJECT.search(headers.group(0)) if headers else None
    if subject and subject.group(1).strip():
        return subject.group(1).strip()[:200]
    labelled = LABELLED_TITLE.search("\n".join(_header_lines(text)))
    return labelled.group(1).strip()[:200] if labelled else _first_line(text)


def _header_lines(text: str) -> list[str]:
    """A saved page's lines over its body: up to the first blank line after a worded one, or the first sentence
    (a line ending on its full stop that has eight words or more, or a figure), within ten lines."""
    out = []
    for line in text.splitlines()[:10]:
        if not line.strip() and any(re.search(r"\w", kept) for kept in out) or (
                re.search(r"[.!?]\s*$", line) and (len(line.split()) >= 8 or re.search(r"\d", line))):
            break
        out.append(line)
    return out


def _pdf_date(meta: dict) -> str:
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get("CreationDate", ""))
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else ""
