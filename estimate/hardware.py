"""Chip-hours (stated and summed over stages, chips x duration, or a per-token rate x tokens) x dense peak
FLOP/s x utilization. A utilization (MFU) the document states wins over the one measured for the chip's
hardware generation (configs/utilization.toml), and FP8 training uses the chip's FP8 peak."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig, utilization_for
from floptrail.estimate.grouping import ModelFacts, described_total
from floptrail.estimate.records import Estimate, sci


def chip_hours(group: ModelFacts) -> tuple[float, str, tuple[str, ...]] | None:
    """Chip-hours with how they were found and the facts used."""
    stated = described_total(group, "chip_hours", "chip-hours")
    if stated is not None:
        return stated
    count, duration = group.best("chip_count"), group.largest("duration_hours")
    if count is not None and duration is not None:
        hours = count.value * duration.value
        return hours, f"{count.value:.0f} chips x {duration.value:.0f} h", (count.fact_id, duration.fact_id)
    rate, tokens = group.best("chip_hours_rate"), group.total("tokens")
    if rate is not None and tokens is not None:
        hours = rate.value * tokens[0] / 1e12
        return (hours, f"{sci(rate.value)} chip-hours per 1e12 tokens x {sci(tokens[0])} tokens",
                (rate.fact_id, *(f.fact_id for f in tokens[1])))
    return None


def from_chip_hours(group: ModelFacts, chip_name: str, config: EstimateConfig, hours: float, how: str,
                    evidence: tuple[str, ...], method: str = "hardware", extra_spread: float = 1.0,
                    confidence: str = "") -> Estimate | None:
    chip = config.chips.get(chip_name)
    if chip is None or not chip.peak_flops_bf16:
        return None
    settings = config.methods["hardware"]
    fp8 = any(f.hardware == "FP8" for f in group.facts.get("precision", [])) and bool(chip.peak_flops_fp8)
    peak, fmt = (chip.peak_flops_fp8, "FP8") if fp8 else (chip.peak_flops_bf16, "BF16")
    stated = group.best("utilization")
    if stated is not None:
        u = stated.value
        lo, hi = u / settings["stated_utilization_spread"], u * settings["stated_utilization_spread"]
        evidence = (*evidence, stated.fact_id)
        u_how, u_note, u_name = f"stated utilization {u:g}", "", f"stated utilization {u}"
    else:
        assumed = utilization_for(config, chip_name)
        u, lo, hi = assumed.median, assumed.low, assumed.high
        u_how, u_name = f"utilization {u}", f"utilization.{assumed.generation}.median={u}"
        u_note = f"; utilization {u} (90% {lo}-{hi}) is the {assumed.source}"
    value = hours * 3600 * peak * u
    return Estimate(
        model=group.model, method=method, value=value,
        low=hours * 3600 * peak * lo / extra_spread, high=hours * 3600 * peak * hi * extra_spread,
        confidence=confidence or settings["confidence"], evidence=evidence,
        reasoning=(f"{how} x 3600 s x {sci(peak)} FLOP/s ({chip_name} dense {fmt}) x {u_how} "
                   f"= {sci(value)} (facts {', '.join(evidence)}){u_note}"),
        assumptions=(f"chips.{chip_name}.peak_flops_{fmt.lower()}={sci(peak)}", u_name),
    )


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    found = chip_hours(group)
    if found is None:
        return None
    return from_chip_hours(group, group.chip(), config, *found)
