"""The Document record: a source's extracted text, the one coordinate system every span points into."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


class DocumentError(Exception):
    """A document could not be read; the message names the document and the reason."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True)
class Document:
    doc_id: str  # content hash of the raw bytes
    source: str  # path or URL as given
    kind: str  # pdf, html, markdown, text
    text: str
    title: str = ""
    date: str = ""  # ISO date when the document or its metadata states one
    page_starts: tuple[int, ...] = ()  # offset into `text` where each PDF page begins
    metadata: dict = field(default_factory=dict, compare=False)
    warnings: tuple[str, ...] = field(default=(), compare=False)  # read, but with a caveat (a guessed encoding)

    @property
    def name(self) -> str:
        """The file name without folders or extension, as people refer to the document."""
        tail = self.source.rstrip("/").split("/")[-1]
        return tail.rsplit(".", 1)[0] if "." in tail else tail

    def page_of(self, offset: int) -> int | None:
        """1-based page holding `offset`, for paged documents."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)
