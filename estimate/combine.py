"""Every applicable method runs; the preferred estimate follows the priority list; methods that disagree
by more than the configured factor are flagged."""

from __future__ import annotations

from dataclasses import replace

from floptrail.estimate import arithmetic, benchmark, cost, curated, direct, hardware, heuristic
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.energy import training_energy
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, ModelEstimate

# direct disclosure > hardware x time x utilization > 6ND > cost > benchmark > name heuristic > curated
PRIORITY = (("direct", direct), ("hardware", hardware), ("arithmetic", arithmetic), ("cost", cost),
            ("benchmark", benchmark), ("heuristic", heuristic), ("curated", curated))


def all_estimates(group: ModelFacts, config: EstimateConfig) -> list[Estimate]:
    return [e for _, method in PRIORITY if (e := method.estimate(group, config)) is not None]


def choose(found: list[Estimate]) -> Estimate | None:
    """The first by priority, with one exception: chip-hours can include work beyond the final run
    (restarts, ablations, evaluation) that 6ND cannot contain, so when 6ND from stated parameters and
    tokens falls outside the hardware estimate's interval, 6ND is preferred and says why."""
    if not found:
        return None
    first = found[0]
    arithmetic_estimate = next((e for e in found if e.method == "arithmetic"), None)
    if first.method == "hardware" and arithmetic_estimate and not first.low <= arithmetic_estimate.value <= first.high:
        why = (f"; preferred over hardware ({first.value:.3g}) because 6ND falls outside the hardware interval: "
               "the chip-hours likely include work beyond the final run")
        return replace(arithmetic_estimate, reasoning=arithmetic_estimate.reasoning + why)
    return first


def preferred(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    return choose(all_estimates(group, config))


def estimate_model(group: ModelFacts, config: EstimateConfig) -> ModelEstimate:
    found = all_estimates(group, config)
    best = choose(found)
    energy = training_energy(group, best, config, config.energy["training"]) if config.energy else None
    return ModelEstimate(group.model, best, tuple(found), disagreement(found, config), date=group.date,
                         energy=energy)


def disagreement(estimates: list[Estimate], config: EstimateConfig) -> str:
    """"hardware 3e24 vs arithmetic 2e23 (15x)": the two methods furthest apart, past the factor. The
    speculative name heuristic is left out: it is wrong by 10x for any model trained far past 20 tokens per
    parameter, so flagging it would bury the disagreements that point at a misread fact."""
    estimates = [e for e in estimates if e.confidence != "speculative"]
    if len(estimates) < 2:
        return ""
    low, high = min(estimates, key=lambda e: e.value), max(estimates, key=lambda e: e.value)
    factor = high.value / low.value
    if factor <= config.methods["disagreement"]["factor"]:
        return ""
    return f"{high.method} {high.value:.2g} vs {low.method} {low.value:.2g} ({factor:.0f}x)"
