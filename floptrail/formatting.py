"""Numbers as people read them: `3.8e25 FLOP`, `15.6T tokens`, `30.8M GPU-hours`, `$4.9M`, `54 days`.
One place for it, so the HTML report, the review pages and the terminal agree."""

from __future__ import annotations

import math
import re

from floptrail.estimate.records import sci

# short scales as the field writes them (405B parameters, 15.6T tokens); 3 significant digits
SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))
QUALIFIER_PREFIX = {"approximate": "~", "lower_bound": "over ", "upper_bound": "up to "}
DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


KIND_LABELS = {
    "flop": "training compute", "tokens": "training tokens", "dataset_tokens": "dataset tokens",
    "params": "parameters", "active_params": "active parameters", "hardware": "chip", "chip_count": "chip count",
    "duration_hours": "duration", "chip_hours": "chip-hours", "chip_hours_rate": "chip-hours per 1T tokens",
    "cost_usd": "cost", "energy_kwh": "energy", "emissions_tco2e": "emissions", "epochs": "epochs",
    "utilization": "utilization", "precision": "number format", "benchmark": "benchmark score",
    "release_date": "release date",
}
STATUS_LABELS = {"machine": "unreviewed", "accepted": "accepted", "corrected": "corrected", "added": "added",
                 "rejected": "rejected"}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind.replace("_", " "))


def is_missing(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def three(value: float) -> str:
    """3 significant digits without an exponent: 15.6, 405, 2,048 (thousands separated)."""
    if value >= 1000:
        return f"{round(value, -int(math.floor(math.log10(value))) + 2):,.0f}"
    return f"{value:.3g}"


def short(value: float) -> str:
    """15.6T, 405B, 2.79M, 512: a count with its scale letter."""
    size = abs(value)
    for scale, letter in SCALES:
        if size >= scale * 0.9995:  # 999.6B rounds to 1T, not 1e+03B
            return f"{'-' if value < 0 else ''}{three(size / scale)}{letter}"
    return three(value) if value >= 0 else f"-{three(-value)}"


def chip_hours_unit(hardware: str) -> str:
    return "TPU-hours" if "tpu" in (hardware or "").lower() else "GPU-hours"


def amount(kind: str, value: float, unit: str = "", hardware: str = "") -> str:
    """One figure of a fact's kind with its unit: flop 3.8e25 -> '3.8e25 FLOP'."""
    if kind == "flop":
        return f"{sci(value)} FLOP"
    if kind in ("tokens", "dataset_tokens"):
        return f"{short(value)} tokens"
    if kind == "params":
        return f"{short(value)} parameters"
    if kind == "active_params":
        return f"{short(value)} active parameters"
    if kind == "chip_count":
        return f"{value:,.0f} {hardware or 'chips'}"
    if kind == "duration_hours":
        return f"{three(value / 24)} days" if value >= 48 else f"{three(value)} hours"
    if kind == "chip_hours":
        return f"{short(value)} {chip_hours_unit(hardware)}"
    if kind == "chip_hours_rate":
        return f"{short(value)} {chip_hours_unit(hardware)} per 1T tokens"
    if kind == "cost_usd":
        return f"${short(value)}"
    if kind == "energy_kwh":
        return f"{three(value / 1000)} MWh" if value >= 1000 else f"{three(value)} kWh"
    if kind == "emissions_tco2e":
        return f"{three(value)} tCO2e"
    if kind == "epochs":
        return f"{value:g} epochs"
    if kind == "utilization":
        return f"{value * 100:.3g}% of peak"
    if kind == "benchmark":
        return f"{unit} {value:g}".strip()
    return f"{three(value)} {unit}".strip()


def fact_value(kind: str, value, unit: str = "", hardware: str = "", qualifier: str = "", low=None,
               high=None) -> str:
    """What a fact says, for a person: '~15.6T tokens', '18.6B-31.3B parameters', 'H100', 'July 2024'."""
    if kind == "release_date":
        return unit or ""
    if kind in ("hardware", "precision") or is_missing(value):
        return hardware or unit or ""
    if qualifier == "range" and not is_missing(low) and not is_missing(high):
        low_text, high_text = amount(kind, float(low), unit, hardware), amount(kind, float(high), unit, hardware)
        first = low_text.split(" ")[0]
        return f"{first}-{high_text}"
    return QUALIFIER_PREFIX.get(qualifier, "") + amount(kind, float(value), unit, hardware)


def flop(value) -> str:
    return "" if is_missing(value) else f"{sci(float(value))} FLOP"


def flop_interval(low, high) -> str:
    return "" if is_missing(low) or is_missing(high) else f"{sci(float(low))}-{sci(float(high))}"


def energy_mwh(value) -> str:
    return "" if is_missing(value) else f"{three(float(value))} MWh"


def date_parts(text: str) -> tuple[int, int | None, int | None] | None:
    """(year, month or None, day or None) from 2024, 2024-07 or 2024-07-23."""
    m = DATE.match(str(text or ""))
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        return None
    return year, month, day if day is None or 1 <= day <= 31 else None
