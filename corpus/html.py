"""HTML pages: the article only, through trafilatura, as Markdown so tables and superscripts survive
(`10<sup>25</sup>` would otherwise read 1025)."""

from __future__ import annotations

import re

import trafilatura
from floptrail.corpus.document import DocumentError
from floptrail.corpus.markdown import markdown_to_text, plain_tables, superscripts, tag_free

MIN_ARTICLE_WORDS = 5  # a menu or a cookie notice is not an article
_SUB = re.compile(r"<sub>\s*(\d+)\s*</sub>", re.I)  # "CO<sub>2</sub>" is CO2
# a footnote's mark: a link in a superscript ("910 tonnes of CO2e<sup><a href="#f1">1</a></sup>"), which would
# otherwise run into the unit before it ("tCO2e1") or read as a power
_FOOTNOTE_MARK = re.compile(r"<sup\b[^>]*>\s*<a\b[^>]*>[^<]{0,8}</a>\s*</sup>", re.I)
# trafilatura (2.3) drops the space after a bold figure that opens a block ("<div><b>2,304</b> NVIDIA B200 GPUs</div>"
# reads "**2,304**NVIDIA"): a word glued to the end of bold type gets its space back
_GLUED_AFTER_BOLD = re.compile(r"(\*\*[^*\n]+\*\*)(?=\w)")


def read_html(page: str, source: str) -> tuple[str, dict]:
    """The article text (pipe tables kept) and its metadata: title, date, author, site, from a decoded page."""
    if not page.strip():
        raise DocumentError(source, "empty HTML file")
    for rewrite in PAGE_REWRITES:
        page = rewrite(page)
    extracted = trafilatura.extract(page, output_format="markdown", include_tables=True, include_comments=False,
                                    include_links=False, include_images=False, favor_recall=True,
                                    with_metadata=False)
    if not extracted or len(extracted.split()) < MIN_ARTICLE_WORDS:
        raise DocumentError(source, "HTML has no article text")
    meta = trafilatura.extract_metadata(page)
    info = {}
    if meta is not None:
        info = {k: v for k, v in (("title", meta.title), ("date", meta.date), ("author", meta.author),
                                   ("site", meta.sitename)) if v}
    return markdown_to_text(_GLUED_AFTER_BOLD.sub(r"\1 ", extracted)), info


# an aside or a footer that holds the article's notes ("<aside class="footnotes">", "<footer role="doc-endnotes">"),
# which trafilatura drops as it drops a sidebar; a post's footnote is where its compute is often stated
_NOTES_CONTAINER = re.compile(r"<(aside|footer)\b(?=[^>]*(?<![\w-])(?:class|id|role)=[\"'](?:[^\"']*\s)?"
                              r"(?:doc-)?(?:(?:foot|end)notes?|notes)(?=[\s\"'])[^>]*>)([^>]*)>", re.I)


_ASIDE_OR_FOOTER = re.compile(r"<(aside|footer)\b([^>]*)>", re.I)


def footnote_sections(page: str) -> str:
    """A page whose asides and footers of notes, and whose asides holding a table (a news story's "By the numbers"
    box), are sections, which trafilatura keeps."""
    parts, at = [], 0
    for match in _ASIDE_OR_FOOTER.finditer(page):
        if match.start() < at:  # inside a container already made a section
            continue
        close_start, close_end = _element_end(page, match.end(), match.group(1))
        notes = _NOTES_CONTAINER.match(page, match.start())
        if not notes and not (match.group(1).lower() == "aside" and "<table" in page[match.end():close_start].lower()):
            continue
        attributes = notes.group(2) if notes else match.group(2)
        parts += [page[at:match.start()], f"<section{attributes}>", page[match.end():close_start], "</section>"]
        at = close_end
    return "".join(parts) + page[at:]


def _element_end(page: str, start: int, tag: str) -> tuple[int, int]:
    """Where the element `tag` opened just before `start` closes (its closing tag's span), the same elements inside
    it counted; the page's end when it never closes."""
    depth = 1
    for found in re.finditer(rf"<(/?){tag}\b[^>]*>", page[start:], re.I):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return start + found.start(), start + found.end()
    return len(page), len(page)


# a footnote set inside its sentence, as LaTeXML (arXiv's HTML papers) sets one: "12,288 GPU-hours<span class="ltx_note
# ltx_role_footnote"><sup class="ltx_note_mark">2</sup>...<span class="ltx_note_content">GPU-hours for ...</span>..."
_INLINE_NOTE = re.compile(r"<span\b[^>]*\bclass=[\"'][^\"']*\bltx_role_footnote\b[^>]*>", re.I)
_NOTE_MARK = re.compile(r"<(sup|span)\b[^>]*\bclass=[\"'][^\"']*\bltx_(?:note_mark|tag_note)\b[^>]*>.*?</\1>",
                        re.I | re.S)
_PARAGRAPH_END = re.compile(r"</p\s*>", re.I)


def inline_notes_after(page: str) -> str:
    """A page whose footnotes set inside a sentence stand after its paragraph, each a paragraph of its own, their
    marks dropped: read in place, a note's words ran into the sentence ("12,288 GPU-hours2GPU-hours for the final
    model exclude ...") and cut it in two."""
    parts, notes, at = [], [], 0
    for match in _INLINE_NOTE.finditer(page):
        if match.start() < at:
            continue
        inside, end = _element_end(page, match.end(), "span")
        parts.append(page[at:match.start()])
        # (its markup kept: a power or a subscript inside it is read as the text's are, "10<sup>25</sup>")
        note = _NOTE_MARK.sub(" ", page[match.end():inside])
        notes.append(note if tag_free(note) else "")
        at = end
        paragraph = _PARAGRAPH_END.search(page, at)
        next_note = _INLINE_NOTE.search(page, at)
        if paragraph is None or next_note is None or next_note.start() > paragraph.start():
            close = paragraph.end() if paragraph else len(page)
            parts += [page[at:close], *(f"<p>{note}</p>" for note in notes if note)]
            notes, at = [], close
    return "".join(parts) + page[at:]


def _without_footnote_marks(page: str) -> str:
    return _FOOTNOTE_MARK.sub("", page)


def _subscript_digits_in_line(page: str) -> str:
    return _SUB.sub(r"\1", page)


_DEFINITION_LIST = re.compile(r"<dl\b.*?</dl>", re.S | re.I)
_TERM_OR_DEFINITION = re.compile(r"<(dt|dd)\b[^>]*>(.*?)(?=<dt\b|<dd\b|</dl>)", re.S | re.I)


def definition_tables(page: str) -> str:
    """A page with each definition list (a spec sheet's "<dt>Pre-training tokens</dt><dd>14.2T</dd>") made a table of
    properties and values, as a card's table of figures is; read as a list, each term and its value were two items."""
    def table(match: re.Match) -> str:
        rows: list[list[str]] = []
        for kind, content in _TERM_OR_DEFINITION.findall(match.group(0)):
            text = tag_free(content)
            if kind.lower() == "dt":
                rows.append([text, ""])
            elif rows:
                rows[-1][1] = f"{rows[-1][1]}; {text}" if rows[-1][1] else text
        if not rows:
            return match.group(0)
        return ("<table><tr><th>Property</th><th>Value</th></tr>"
                + "".join(f"<tr><td>{term}</td><td>{value}</td></tr>" for term, value in rows) + "</table>")
    return _DEFINITION_LIST.sub(table, page)


_PANEL = re.compile(r"<(?:section|div)\b[^>]*\brole=[\"']tabpanel[\"'][^>]*>", re.I)
_LABELLED_BY = re.compile(r"\baria-labelledby=[\"']([^\"']+)[\"']", re.I)


def labelled_panels(page: str) -> str:
    """A page whose tab panels say which tab labels them ("<section role="tabpanel" aria-labelledby="tab-lite">" under
    a tab "Shoal-2 Lite") with the label as the panel's heading: the model a panel's figures are of."""
    def headed(match: re.Match) -> str:
        label_id = _LABELLED_BY.search(match.group(0))
        label = label_id and re.search(rf"<(\w+)\b[^>]*\bid=[\"']{re.escape(label_id.group(1))}[\"'][^>]*>(.*?)</\1>",
                                       page, re.S | re.I)
        text = tag_free(label.group(2)) if label else ""
        return f"{match.group(0)}<h3>{text}</h3>" if text else match.group(0)
    return _PANEL.sub(headed, page)


# what is done to a page before trafilatura reads it, in this order: notes moved out of their sentences before their
# marks go, powers and subscripts written in line, then the page's parts trafilatura would drop or misread made plain
PAGE_REWRITES = (inline_notes_after, _without_footnote_marks, superscripts, _subscript_digits_in_line,
                 footnote_sections, labelled_panels, definition_tables, plain_tables)
