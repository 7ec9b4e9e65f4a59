"""When a model came out, as the text states it, in the forms people write dates: "released in July 2024",
"was published on December 26, 2024", "released on 26 March 2024", "came out in Mar. 2024", "released on
2024-03-17", "xAI released Grok-1 with open weights in March 2024" (a few words between the verb and the
date), and a year alone: "released in 2023", "described in a 2020 paper". The value is
the date as a fractional year; `unit` holds the date as YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

from floptrail.extract.rules.base import QTY, Reading
from spacy.tokens import Span

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
# month names as written in prose: capitalised, in full or abbreviated ("Sept.", "Mar"); never the verb "may"
MONTH_WORD = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December|"
                        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$")
# a release's date and number as release notes head an entry with them ("2025-03-10", "March 10, 2025", "10 Mar.
# 2025", "October 2024"; "v2.1", "2.0", "[2.0.1]"; a bare "2" numbers rows as often)
_MONTH = MONTH_WORD.pattern.removeprefix("^").removesuffix(r"\.?$")
RELEASE_DATE = (rf"\d{{4}}[-/.]\d{{1,2}}(?:[-/.]\d{{1,2}})?|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
                rf"|\d{{1,2}}\s+{_MONTH}\.?\s+\d{{4}}|{_MONTH}\.?\s+\d{{4}}")
RELEASE_NUMBER = r"v\d+(?:\.\d+)*|\d+(?:\.\d+)+"
ISO_DATE = re.compile(r"^((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?$")
VERBS = ["released", "published", "announced", "introduced", "launched", "unveiled", "open-sourced", "debuted",
         "out"]  # "came out in March 2024"
PUBLICATIONS = ["paper", "report", "preprint", "publication", "release", "announcement", "article", "post"]

_VERB = {"LOWER": {"IN": VERBS}}
_GAP = {"IS_PUNCT": False, "OP": "{,4}"}  # "released Grok-1 with open weights in ..."
_PREP = {"LOWER": {"IN": ["in", "on", "during"]}, "OP": "?"}
_MONTH = {"TEXT": {"REGEX": MONTH_WORD.pattern}}
_ISO = {"TEXT": {"REGEX": ISO_DATE.pattern}}
_YEAR = {"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}
PATTERNS = {"release_date": [
    [_VERB, _GAP, _PREP, _MONTH, QTY, {"TEXT": ",", "OP": "?"}, QTY],  # December 26, 2024
    [_VERB, _GAP, _PREP, _MONTH, QTY],  # July 2024, and 26 March 2024 (the day read before the month)
    [_VERB, _GAP, _PREP, _ISO],  # 2024-03-17
    [_VERB, _GAP, {"LOWER": "in"}, _YEAR],  # released in 2023
    [{"LOWER": "in"}, {"LOWER": {"IN": ["a", "an", "its", "their", "the"]}}, _YEAR, {"LOWER": "technical", "OP": "?"},
     {"LOWER": {"IN": PUBLICATIONS}}],  # described in a 2020 paper
]}


def read(rule: str, span: Span, config) -> list[Reading]:
    month_token = next((t for t in span if MONTH_WORD.match(t.text)), None)
    if month_token is None:
        return _numeric(span)
    numbers = [t for t in span if t._.qty is not None and t.i > month_token.i]
    year_token = numbers[-1]
    year = year_token._.qty.value
    day = numbers[0]._.qty.value if len(numbers) == 2 else None
    before = span.doc[month_token.i - 1] if month_token.i > span.start else None
    if day is None and before is not None and before._.qty is not None:
        day = before._.qty.value  # 26 March 2024
    month = _month_number(month_token.text)
    return _reading(year_token, year, month, day)


def _numeric(span: Span) -> list[Reading]:
    """A date written as digits: ISO (2024-03-17, 2024-03) or a year naming a publication (a 2020 paper)."""
    for token in span:
        iso = ISO_DATE.match(token.text)
        if iso:
            year, month, day = (int(g) if g else None for g in iso.groups())
            return _reading(token, year, month, day)
    year_token = next(t for t in span if re.match(r"^(?:19|20)\d\d$", t.text))
    return _reading(year_token, int(year_token.text), None, None)


def _month_number(word: str) -> int:
    stem = word.rstrip(".").lower()[:3]
    return next(i for i, name in enumerate(MONTHS, 1) if name.startswith(stem))


def _reading(token, year: float, month: int | None, day: float | None) -> list[Reading]:
    if not 1990 <= year <= 2100 or year != int(year) or (day is not None and day != int(day)):
        return []
    try:
        date(int(year), month or 1, int(day or 1))  # a real day of a real month
    except ValueError:
        return []
    text = f"{int(year)}" + (f"-{month:02d}" if month else "") + (f"-{int(day):02d}" if month and day else "")
    return [Reading("release_date", int(year) + ((month or 1) - 1) / 12, token, unit=text)]
