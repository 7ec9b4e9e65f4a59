"""Long documents read in pieces. spaCy keeps a whole Doc in memory (and refuses a text past its
`max_length`), so a document longer than PIECE_CHARS is cut, at page starts where it has pages and at blank
lines otherwise, into pieces each read as a Document of its own. Every piece after the first is read with
the document's opening in front of it (its title, abstract and "we introduce X" sentences say which models
the document is about); facts found in that opening are left to the first piece, and the others are moved
back to the document's offsets, pages and fact ids. Memory is bounded by the piece size and time grows
linearly with the document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from floptrail.corpus.document import Document

# under spaCy's max_length (1,000,000); reading 500,000 characters of a report whole peaked at 160 MB and took
# as long per character as 100,000 (scripts/bench_long_pdf.py has the whole run), so documents of usual length
# are read whole, as before
PIECE_CHARS = 500_000
OPENING_CHARS = 5_000  # how much of the document's start each later piece is read with
_SEPARATOR = "\n\n"
_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"\s"))  # best first


@dataclass(frozen=True)
class Piece:
    document: Document  # what is read: the document's opening, then the piece
    offset: int  # where the piece starts in the whole document
    skip: int  # characters of `document.text` before the piece (the opening and its separator)

    def place(self, start: int, end: int, whole: Document) -> dict | None:
        """Where a span of this piece is in the whole document (start, end, page); None for a span in the
        opening, which the first piece reads."""
        if start < self.skip:
            return None
        start, end = start - self.skip + self.offset, end - self.skip + self.offset
        return {"start": start, "end": end, "page": whole.page_of(start)}


def piece_bounds(text: str, page_starts: tuple[int, ...] = (), limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces covering `text`, none longer than `limit`: each ends at the last page
    start that fits, else at the last blank line, line end or space, else at the limit."""
    bounds, start = [], 0
    while len(text) - start > limit:
        end = _last_cut(text, page_starts, start, start + limit)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _last_cut(text: str, page_starts: tuple[int, ...], start: int, most: int) -> int:
    i = bisect.bisect_right(page_starts, most) - 1
    if i >= 0 and page_starts[i] > start:
        return page_starts[i]
    window = text[start:most]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]  # keep pieces at least half full
        if ends:
            return start + ends[-1]
    return most


def pieces(document: Document, limit: int = PIECE_CHARS) -> Iterator[Piece]:
    """The document's pieces, each as a Document with its pages counted from its own start."""
    bounds = piece_bounds(document.text, document.page_starts, limit)
    opening_end = bounds[0][1] if len(bounds) == 1 else _last_cut(document.text, document.page_starts, 0,
                                                                    min(OPENING_CHARS, bounds[0][1]))
    opening = document.text[:opening_end] + _SEPARATOR
    for n, (start, end) in enumerate(bounds):
        prefix = "" if n == 0 else opening
        starts = [p for p in document.page_starts if start <= p < end]
        if document.page_starts and (not starts or starts[0] != start):
            starts.insert(0, start)  # the piece begins inside a page
        page_starts = tuple(len(prefix) + p - start for p in starts)
        if prefix and document.page_starts:
            page_starts = (0, *page_starts)
        yield Piece(replace(document, text=prefix + document.text[start:end], page_starts=page_starts),
                    start, len(prefix))
