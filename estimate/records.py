"""The Estimate record and the small helpers every method shares."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Estimate:
    model: str
    method: str
    value: float
    low: float
    high: float
    confidence: str  # high, medium, low, speculative
    evidence: tuple[str, ...]  # fact ids
    reasoning: str
    assumptions: tuple[str, ...] = ()  # named config values used


@dataclass(frozen=True)
class ModelEstimate:
    """Every method's estimate for one model, the preferred one, and what an analyst should know."""

    model: str
    preferred: Estimate | None
    methods: tuple[Estimate, ...] = ()
    disagreement: str = ""  # set when methods differ by more than the configured factor
    variant_of: str = ""  # the base model of a fine-tune or instruct variant
    date: str = ""  # the earliest date of a document reporting the model
    energy: object = None  # TrainingEnergy, when chip-hours or a FLOP estimate allow one


def sci(value: float) -> str:
    """3.79e25 rather than 3.79e+25: how analysts write compute."""
    mantissa, exponent = f"{value:.3g}".split("e") if "e" in f"{value:.3g}" else (f"{value:.3g}", "")
    return f"{mantissa}e{int(exponent)}" if exponent else mantissa


def threshold_class(low: float, high: float, threshold: float) -> str:
    """above or below only when the whole interval is on one side of the threshold."""
    if low >= threshold:
        return "above"
    if high < threshold:
        return "below"
    return "uncertain"
