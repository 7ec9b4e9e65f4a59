"""Training energy and emissions per model. A disclosed energy figure wins; otherwise chip-hours (stated, or
the FLOP estimate over dense peak x utilization) x the chip's power at a boundary, and emissions from the
grid's carbon intensity (disclosed emissions win). Every assumption is named in configs/energy.toml, can be
overridden, and is listed in the reasoning.

Boundaries, as for inference: `gpu` is the accelerators' draw (TDP x power utilization, how the BLOOM and
Llama cards count); `server` adds host CPUs, memory and network; `facility` adds cooling and power
conversion (PUE), as Patterson et al. count GPT-3. estimates.csv gives the facility figure."""

from __future__ import annotations

from dataclasses import dataclass

from floptrail.estimate.config import EstimateConfig, Utilization, utilization_for
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.hardware import chip_hours
from floptrail.estimate.records import Estimate, sci
from floptrail.extract.config import Chip

DEFAULT_CHIP = "H100"
TRAINING_BOUNDARIES = ("gpu", "server", "facility")


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
    chip: str = ""  # the hardware the figure assumes
    boundary: str = "facility"


def power_factor(settings: dict, boundary: str, bound: str = "") -> float:
    """Average watts drawn per watt of TDP at the boundary; `bound` is "", "_low" or "_high"."""
    if boundary not in TRAINING_BOUNDARIES:
        raise ValueError(f"boundary must be one of {', '.join(TRAINING_BOUNDARIES)}, not {boundary!r}")
    factor = settings[f"power_utilization{bound}"]
    if boundary in ("server", "facility"):
        factor *= 1 + settings["host_overhead"]
    if boundary == "facility":
        factor *= settings[f"pue{bound}"]
    return factor


def training_mwh(hours: float, chip: Chip, settings: dict, boundary: str = "facility", bound: str = "") -> float:
    return hours * chip.power_w * power_factor(settings, boundary, bound) / 1e6


def power_terms(chip: Chip, settings: dict, boundary: str) -> str:
    """A chip's average draw at the boundary, term by term, for reasoning and anchors:
    '300 W (V100) x power utilization 1.0 x (1 + host 0.1) x PUE 1.1 = 363 W a chip'."""
    terms = [f"{chip.power_w:g} W ({chip.name})", f"power utilization {settings['power_utilization']}"]
    if boundary in ("server", "facility"):
        terms.append(f"(1 + host {settings['host_overhead']})")
    if boundary == "facility":
        terms.append(f"PUE {settings['pue']}")
    return f"{' x '.join(terms)} = {chip.power_w * power_factor(settings, boundary):.3g} W a chip"


def picojoules_per_flop(mwh: float, flop: float) -> float:
    return mwh * 3.6e9 / flop * 1e12


def hours_from_flop(flop: float, chip: Chip, utilization: float) -> float:
    return flop / (chip.peak_flops_bf16 * utilization) / 3600


def training_energy(group: ModelFacts, flop: Estimate | None, config: EstimateConfig,
                    settings: dict) -> TrainingEnergy | None:
    found = _energy(group, flop, config, settings)
    if found is None:
        return None
    stated = group.best("emissions_tco2e")
    if stated is not None:
        emissions, how = stated.value, "disclosed"
        reasoning = f"{found.reasoning}; emissions {sci(stated.value)} tCO2e disclosed (fact {stated.fact_id})"
        evidence = (*found.evidence, stated.fact_id)
    else:
        emissions, how = found.mwh * settings["grid_tco2_per_mwh"], "grid intensity"
        reasoning = f"{found.reasoning}; emissions at {settings['grid_tco2_per_mwh']} tCO2e/MWh"
        evidence = found.evidence
    return TrainingEnergy(found.mwh, found.low, found.high, found.method, emissions, how, reasoning, evidence,
                          found.chip, found.boundary)


def _energy(group: ModelFacts, flop: Estimate | None, config: EstimateConfig, settings: dict):
    disclosed = group.best("energy_kwh")
    chip = config.chips.get(group.chip()) or config.chips[DEFAULT_CHIP]
    if disclosed is not None:
        mwh = disclosed.value / 1000
        return TrainingEnergy(mwh, mwh / 1.1, mwh * 1.1, "disclosed", None, "",
                              f"disclosed {sci(mwh)} MWh (fact {disclosed.fact_id})", (disclosed.fact_id,),
                              group.chip(), "as disclosed")
    hours_found = chip_hours(group)
    if hours_found is not None:
        hours, how, evidence = hours_found
        method, spread = "chip-hours", (1.0, 1.0)
    elif flop is not None and chip.peak_flops_bf16:
        u, u_how, u_evidence = training_utilization(group, chip, config)
        hours = hours_from_flop(flop.value, chip, u.median)
        how = f"{sci(flop.value)} FLOP / ({sci(chip.peak_flops_bf16)} FLOP/s x MFU {u.median:.3g}, {u_how}) = " \
              f"{sci(hours)} chip-hours"
        evidence, method = (*flop.evidence, *u_evidence), "from FLOP"
        # fewer hours with the FLOP's low end at the generation's best MFU; more at its high end and worst MFU
        spread = (flop.low / flop.value * u.median / u.high, flop.high / flop.value * u.median / u.low)
    else:
        return None
    if not chip.power_w:
        return None
    mwh = training_mwh(hours, chip, settings)
    low = training_mwh(hours * spread[0], chip, settings, bound="_low")
    high = training_mwh(hours * spread[1], chip, settings, bound="_high")
    reasoning = f"{how} x {power_terms(chip, settings, 'facility')}: {sci(mwh)} MWh (facility boundary)"
    return TrainingEnergy(mwh, min(low, mwh), max(high, mwh), method, None, "", reasoning, tuple(evidence),
                          chip.name, "facility")


def training_utilization(group: ModelFacts, chip: Chip, config: EstimateConfig) -> tuple[Utilization, str, tuple]:
    """The MFU a run reached: stated in its documents, else its hardware generation's (configs/utilization.toml,
    the table the hardware method reads)."""
    stated = group.best("utilization")
    if stated is not None:
        u = stated.value
        return Utilization(u, u, u, "stated", "stated"), "stated", (stated.fact_id,)
    era = utilization_for(config, chip.name)
    return era, f"{era.generation} generation", ()
