"""Training energy and emissions per model. A disclosed energy or emissions figure wins; otherwise
chip-hours (stated, or the FLOP estimate over peak x utilization) x chip power x power utilization x
(1 + host overhead) x PUE, and emissions from the grid's carbon intensity. Every assumption is named in
configs/energy.toml, can be overridden, and is listed in the reasoning."""

from __future__ import annotations

from dataclasses import dataclass

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.hardware import chip_hours
from floptrail.estimate.records import Estimate, sci

DEFAULT_CHIP = "H100"


@dataclass(frozen=True)
class TrainingEnergy:
    mwh: float
    low: float
    high: float
    method: str  # disclosed, chip-hours, from FLOP
    emissions_tco2e: float | None
    emissions_method: str  # disclosed, grid intensity
    reasoning: str
    evidence: tuple[str, ...] = ()


def training_energy(group: ModelFacts, flop: Estimate | None, config: EstimateConfig,
                    settings: dict) -> TrainingEnergy | None:
    found = _energy(group, flop, config, settings)
    if found is None:
        return None
    mwh, low, high, method, reasoning, evidence = found
    stated = group.best("emissions_tco2e")
    if stated is not None:
        emissions, how = stated.value, "disclosed"
        reasoning += f"; emissions {sci(stated.value)} tCO2e disclosed (fact {stated.fact_id})"
        evidence = (*evidence, stated.fact_id)
    else:
        emissions, how = mwh * settings["grid_tco2_per_mwh"], "grid intensity"
        reasoning += f"; emissions at {settings['grid_tco2_per_mwh']} tCO2e/MWh"
    return TrainingEnergy(mwh, low, high, method, emissions, how, reasoning, evidence)


def _energy(group: ModelFacts, flop: Estimate | None, config: EstimateConfig, settings: dict):
    disclosed = group.best("energy_kwh")
    if disclosed is not None:
        mwh = disclosed.value / 1000
        return mwh, mwh / 1.1, mwh * 1.1, "disclosed", f"disclosed {sci(mwh)} MWh (fact {disclosed.fact_id})", (
            disclosed.fact_id,)
    chip = config.chips.get(group.chip()) or config.chips[DEFAULT_CHIP]
    hours_found = chip_hours(group)
    if hours_found is not None:
        hours, how, evidence = hours_found
        method = "chip-hours"
        spread_hours = (1.0, 1.0)
    elif flop is not None and chip.peak_flops_bf16:
        u = settings["utilization"]
        hours = flop.value / (chip.peak_flops_bf16 * u) / 3600
        how = f"{sci(flop.value)} FLOP / ({sci(chip.peak_flops_bf16)} FLOP/s x MFU {u}) = {sci(hours)} chip-hours"
        evidence, method = flop.evidence, "from FLOP"
        spread_hours = (flop.low / flop.value, flop.high / flop.value)
    else:
        return None
    if not chip.power_w:
        return None
    factor = (1 + settings["host_overhead"]) * settings["pue"]
    mwh = hours * chip.power_w * settings["power_utilization"] * factor / 1e6
    low = (hours * spread_hours[0] * chip.power_w * settings["power_utilization_low"] * settings["pue_low"]
           * (1 + settings["host_overhead"]) / 1e6)
    high = (hours * spread_hours[1] * chip.power_w * settings["power_utilization_high"] * settings["pue_high"]
            * (1 + settings["host_overhead"]) / 1e6)
    reasoning = (f"{how} x {chip.power_w:g} W ({chip.name}) x power utilization {settings['power_utilization']}"
                 f" x (1 + host {settings['host_overhead']}) x PUE {settings['pue']} = {sci(mwh)} MWh")
    return mwh, min(low, mwh), max(high, mwh), method, reasoning, tuple(evidence)
