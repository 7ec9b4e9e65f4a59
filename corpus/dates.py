"""A document's date, from what it carries about itself, and where that date came from: YAML front matter
(`date:`, `release_date:`, `published:`), page or PDF metadata, or an arXiv identifier (2407.21783 was
first submitted in July 2024) in the document's name or on its first page. Dates are kept as precise as
they are written: YYYY-MM-DD, YYYY-MM or YYYY."""

from __future__ import annotations

import re
from datetime import date

FRONT_MATTER_KEYS = ("release_date", "released", "date", "published", "publication_date", "created")
_FRONT_LINE = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*[\"']?(?P<value>[^\"'\n#]+)", re.M)
# new-style arXiv identifiers (April 2007 on): YYMM.NNNN or YYMM.NNNNN, with an optional version
ARXIV_ID = re.compile(r"(?<![\d.])(?P<yy>0[7-9]|[12]\d)(?P<mm>0[1-9]|1[0-2])\.\d{4,5}(?:v\d+)?(?![\d])")
ARXIV_STAMP = re.compile(r"arXiv:\s*(?P<id>\d{4}\.\d{4,5})")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_WRITTEN = re.compile(r"^(?:(?P<day1>\d{1,2})\s+)?(?P<month>[A-Za-z]{3,9})\.?\s+(?:(?P<day2>\d{1,2}),?\s+)?"
                      r"(?P<year>(?:19|20)\d\d)$")


def normal_date(text: str) -> str:
    """2024-03-17, 2024-03 or 2024 from the common written forms (ISO, 2024/03/17, March 17, 2024,
    17 March 2024, March 2024, 2024); "" when it is not a date."""
    text = str(text).strip().strip("\"'")
    m = re.match(r"^((?:19|20)\d\d)(?:[-/.](\d{1,2}))?(?:[-/.](\d{1,2}))?(?:[T ].*)?$", text)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
    else:
        m = _WRITTEN.match(text)
        stem = (m.group("month").lower()[:3] if m else "")
        number = next((i for i, name in enumerate(MONTHS, 1) if name.startswith(stem)), None) if stem else None
        if not m or number is None:
            return ""
        year, month, day = int(m.group("year")), number, int(m.group("day1") or m.group("day2") or 0) or None
    return _iso(year, month, day)


def _iso(year: int, month: int | None, day: int | None) -> str:
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return ""
    return f"{year}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")


def front_matter_date(front: str) -> tuple[str, str]:
    """(date, how) from a YAML front matter block, the first of the known keys that holds a date."""
    found = {m.group("key").lower(): m.group("value").strip() for m in _FRONT_LINE.finditer(front)}
    for key in FRONT_MATTER_KEYS:
        value = normal_date(found.get(key, ""))
        if value:
            return value, f"front matter ({key})"
    return "", ""


def arxiv_date(name: str, text: str = "") -> tuple[str, str]:
    """(YYYY-MM, how) from an arXiv identifier in the document's name, or stamped on its first page."""
    m = ARXIV_ID.search(name)
    where = "name"
    if m is None:
        stamp = ARXIV_STAMP.search(text[:5000])
        m = ARXIV_ID.search(stamp.group("id")) if stamp else None
        where = "first page"
    if m is None:
        return "", ""
    return f"20{m.group('yy')}-{m.group('mm')}", f"arXiv identifier {m.group(0).split('v')[0]} ({where})"
