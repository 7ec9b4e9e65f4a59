"""HTML pages: the article only, through trafilatura, as Markdown so tables and superscripts survive
(`10<sup>25</sup>` would otherwise read 1025)."""

from __future__ import annotations

import re

import trafilatura
from floptrail.corpus.document import DocumentError
from floptrail.corpus.markdown import markdown_to_text, plain_tables, superscripts

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
    page = plain_tables(_SUB.sub(r"\1", superscripts(_FOOTNOTE_MARK.sub("", page))))
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
