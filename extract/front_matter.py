"""Facts a model card states in its YAML front matter. Hugging Face's `co2_eq_emissions` is either a
number or a mapping with `emissions`; both are in grams unless a unit is given."""

from __future__ import annotations

import re
from dataclasses import dataclass

FRONT_MATTER = re.compile(r"\A---[ \t]*\n.*?\n---[ \t]*(?:\n|\Z)", re.S)
_NUMBER = r"(?P<value>\d[\d_,]*(?:\.\d+)?(?:[eE][+-]?\d+)?)"
_UNIT = r"(?:[ \t]*(?P<unit>[A-Za-z]+[A-Za-z0-9]*))?"
SCALAR = re.compile(rf"^co2_eq_emissions:[ \t]*['\"]?{_NUMBER}{_UNIT}['\"]?[ \t]*$", re.M)
MAPPING = re.compile(r"^co2_eq_emissions:[ \t]*\n(?P<body>(?:[ \t]+\S.*(?:\n|\Z))+)", re.M)
EMISSIONS = re.compile(rf"^[ \t]+emissions:[ \t]*['\"]?{_NUMBER}{_UNIT}", re.M)
UNIT_KEY = re.compile(r"^[ \t]+units?:[ \t]*['\"]?(?P<unit>[A-Za-z]+)", re.M)
TRAINING_TYPE = re.compile(r"^[ \t]+training_type:[ \t]*['\"]?(?P<type>[\w -]+)", re.M)
TONNES_PER_UNIT = {"g": 1e-6, "gram": 1e-6, "grams": 1e-6, "gco2": 1e-6, "gco2e": 1e-6, "gco2eq": 1e-6,
                   "kg": 1e-3, "kgco2": 1e-3, "kgco2e": 1e-3, "kgco2eq": 1e-3,
                   "t": 1.0, "tons": 1.0, "tonnes": 1.0, "tco2": 1.0, "tco2e": 1.0, "tco2eq": 1.0}


@dataclass(frozen=True)
class FrontMatterValue:
    start: int  # the number's span in the document text
    end: int
    tonnes: float
    stage: str
    quote: str


def front_matter_range(text: str) -> tuple[int, int] | None:
    m = FRONT_MATTER.match(text)
    return (0, m.end()) if m else None


def emissions(text: str) -> list[FrontMatterValue]:
    """`co2_eq_emissions` in tonnes CO2e, tied to the number's span; an unknown unit yields nothing."""
    front = FRONT_MATTER.match(text)
    if not front:
        return []
    block = front.group(0)
    scalar = SCALAR.search(block)
    if scalar:
        return _value(scalar, scalar.group("unit"), "", scalar.group(0))
    mapping = MAPPING.search(block)
    if not mapping:
        return []
    body_start = mapping.start("body")
    number = EMISSIONS.search(mapping.group("body"))
    if not number:
        return []
    unit_key = UNIT_KEY.search(mapping.group("body"))
    unit = number.group("unit") or (unit_key.group("unit") if unit_key else None)
    kind = TRAINING_TYPE.search(mapping.group("body"))
    stage = _stage(kind.group("type")) if kind else ""
    return _value(number, unit, stage, mapping.group(0), offset=body_start)


def _value(m: re.Match, unit: str | None, stage: str, quote: str, offset: int = 0) -> list[FrontMatterValue]:
    factor = TONNES_PER_UNIT.get((unit or "g").lower().replace("-", ""))
    if factor is None:
        return []
    number = float(m.group("value").replace("_", "").replace(",", ""))
    start, end = offset + m.start("value"), offset + m.end("value")
    return [FrontMatterValue(start, end, number * factor, stage, " ".join(quote.split()))]


def _stage(training_type: str) -> str:
    kind = training_type.lower()
    if "fine" in kind:
        return "fine_tuning"
    return "pretraining" if "pre" in kind else ""
