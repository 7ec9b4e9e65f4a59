"""Parts of a document: headings, and the parts that hold no facts about its own models (the reference list,
table headers, code)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from floptrail.extract.tables import Table

# "References" opening a line, followed by the first entry
REFERENCES_START = re.compile(r"(?m)^\s*(?:\d+\.?\s+)?(?:References|Bibliography)\b(?:\s*$|\s+(?=[A-Z]))")
# the list ends at an appendix: "Appendix A", "Appendices", or a lettered heading such as "A Details on ..."
# (a reference opening with an initial, "A. Vaswani, N. Shazeer", has a comma early on)
APPENDIX_START = re.compile(r"(?m)^(?:Appendi(?:x|ces)\b|[A-H](?:\.\d+)*\.?\s+[A-Z][a-z]+\s(?![^\n]{0,24},))")


# a heading: Markdown "## Title", or a line underlined with "=" (level 1) or "-" (level 2), as Markdown and plain
# text write one; a YAML key ("name: x") above a front matter's closing "---" is not a heading
MD_HEADING = re.compile(r"(?m)^(#{1,6})\s+(.+)$")
# (found from the underline up: a pattern starting at every line's start backtracks through long lines)
UNDERLINE = re.compile(r"(?m)^[ \t]*(=+|-+)[ \t]*$")
NOT_A_TITLE = re.compile(r"[ \t]*[|>*+-]|[\w-]+:(?:\s|$)")  # a table row, quote or list item, or a YAML key
TITLE_END = re.compile(r"\w[^\n]{0,78}$")  # a title's last word ends near its line's end
# a line of rule characters only: a heading's underline or a horizontal rule
RULE_LINE = re.compile(r"^[ \t]*([-=_*~+])\1{2,}[ \t]*$")


@dataclass(frozen=True)
class Heading:
    start: int  # where the heading's line starts
    title_start: int
    title_end: int
    level: int


def headings(text: str) -> list[Heading]:
    """Markdown and underlined headings, in text order."""
    found = [Heading(m.start(), m.start(2), m.end(2), len(m.group(1))) for m in MD_HEADING.finditer(text)]
    found += _underlined(text)
    return sorted(found, key=lambda h: h.start)


def _underlined(text: str) -> list[Heading]:
    found = []
    for rule in UNDERLINE.finditer(text):
        if len(rule.group(1)) < 3 or rule.start() == 0:
            continue
        end = rule.start() - 1
        start = text.rfind("\n", 0, end) + 1
        title = text[start:end]
        if not NOT_A_TITLE.match(title) and TITLE_END.search(title):
            found.append(Heading(start, start, end, 1 if rule.group(1)[0] == "=" else 2))
    return found


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
