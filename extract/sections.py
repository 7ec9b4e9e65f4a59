"""Parts of a document that hold no facts about its own models: the reference list and table headers."""

from __future__ import annotations

import re

from floptrail.extract.tables import Table

# "References" opening a line, followed by the first entry
REFERENCES_START = re.compile(r"(?m)^\s*(?:\d+\.?\s+)?(?:References|Bibliography)\b(?:\s*$|\s+(?=[A-Z]))")
# the list ends at an appendix: "Appendix A", "Appendices", or a lettered heading such as "A Details on ..."
# (a reference opening with an initial, "A. Vaswani, N. Shazeer", has a comma early on)
APPENDIX_START = re.compile(r"(?m)^(?:Appendi(?:x|ces)\b|[A-H](?:\.\d+)*\.?\s+[A-Z][a-z]+\s(?![^\n]{0,24},))")


def reference_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of reference lists."""
    ranges = []
    for start in REFERENCES_START.finditer(text):
        end = APPENDIX_START.search(text, start.end())
        ranges.append((start.start(), end.start() if end else len(text)))
    return ranges


def table_header_ranges(tables: list[Table]) -> list[tuple[int, int]]:
    """Character ranges of pipe tables' header rows: "GPU hours on 300B tokens" there names a unit."""
    return [(table[0][1][0].start, table[0][1][-1].end) for table in tables if table[0][1]]


CODE_FENCE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?(?:^[ \t]*\1|\Z)")


def code_ranges(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks: commands, configs and their comments ("# 375M tokens") are not statements."""
    return [(m.start(), m.end()) for m in CODE_FENCE.finditer(text)]


def inside(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= position < end for start, end in ranges)
