"""Chip-hours (stated, or chips x duration) x dense peak FLOP/s x utilization."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci


def chip_hours(group: ModelFacts) -> tuple[float, str, tuple[str, ...]] | None:
    """Chip-hours with how they were found and the facts used."""
    stated = group.best("chip_hours")
    if stated is not None:
        return stated.value, f"{sci(stated.value)} chip-hours", (stated.fact_id,)
    count, duration = group.best("chip_count"), group.largest("duration_hours")
    if count is not None and duration is not None:
        hours = count.value * duration.value
        return hours, f"{count.value:.0f} chips x {duration.value:.0f} h", (count.fact_id, duration.fact_id)
    return None


def from_chip_hours(model: str, chip_name: str, config: EstimateConfig, hours: float, how: str,
                    evidence: tuple[str, ...], method: str = "hardware", extra_spread: float = 1.0,
                    confidence: str = "") -> Estimate | None:
    chip = config.chips.get(chip_name)
    if chip is None or not chip.peak_flops_bf16:
        return None
    settings = config.methods["hardware"]
    u, lo, hi = settings["utilization"], settings["utilization_low"], settings["utilization_high"]
    peak = chip.peak_flops_bf16
    value = hours * 3600 * peak * u
    return Estimate(
        model=model, method=method, value=value,
        low=hours * 3600 * peak * lo / extra_spread, high=hours * 3600 * peak * hi * extra_spread,
        confidence=confidence or settings["confidence"], evidence=evidence,
        reasoning=(f"{how} x 3600 s x {sci(peak)} FLOP/s ({chip_name} dense BF16) x utilization {u} "
                   f"= {sci(value)} (facts {', '.join(evidence)})"),
        assumptions=(f"chips.{chip_name}.peak_flops_bf16={sci(peak)}", f"hardware.utilization={u}"),
    )


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    found = chip_hours(group)
    if found is None:
        return None
    return from_chip_hours(group.model, group.chip(), config, *found)
