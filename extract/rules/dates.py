"""When a model came out, as the text states it: "released in July 2024", "was published on December 26,
2024", "announced in March 2023". The value is the date as a fractional year; `unit` holds YYYY-MM(-DD)."""

from __future__ import annotations

from floptrail.extract.rules.base import MODEL, QTY, Reading
from spacy.tokens import Span

MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
VERBS = ["released", "published", "announced", "introduced", "launched", "unveiled", "open-sourced", "debuted"]
_HEAD = [{"LOWER": {"IN": VERBS}}, {**MODEL, "OP": "?"}, {"LOWER": {"IN": ["in", "on"]}, "OP": "?"},
         {"LOWER": {"IN": MONTHS}}]
PATTERNS = {"release_date": [[*_HEAD, QTY, {"TEXT": ",", "OP": "?"}, QTY], [*_HEAD, QTY]]}


def read(rule: str, span: Span, config) -> list[Reading]:
    month = next(t for t in span if t.lower_ in MONTHS)
    numbers = [t for t in span if t._.qty is not None and t.i > month.i]
    year_token = numbers[-1]
    year = year_token._.qty.value
    day = numbers[0]._.qty.value if len(numbers) == 2 else None
    if not 1990 <= year <= 2100 or year != int(year) or (day is not None and not 1 <= day <= 31):
        return []
    number = MONTHS.index(month.lower_) + 1
    text = f"{int(year)}-{number:02d}" + (f"-{int(day):02d}" if day else "")
    return [Reading("release_date", int(year) + (number - 1) / 12, year_token, unit=text)]
