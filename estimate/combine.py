"""Every applicable method runs; the preferred estimate follows the priority list; methods that disagree
by more than the configured factor are flagged."""

from __future__ import annotations

from floptrail.estimate import arithmetic, benchmark, cost, curated, direct, hardware, heuristic
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, ModelEstimate

# direct disclosure > hardware x time x utilization > 6ND > cost > benchmark > name heuristic > curated
PRIORITY = (("direct", direct), ("hardware", hardware), ("arithmetic", arithmetic), ("cost", cost),
            ("benchmark", benchmark), ("heuristic", heuristic), ("curated", curated))


def all_estimates(group: ModelFacts, config: EstimateConfig) -> list[Estimate]:
    return [e for _, method in PRIORITY if (e := method.estimate(group, config)) is not None]


def preferred(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    found = all_estimates(group, config)
    return found[0] if found else None


def estimate_model(group: ModelFacts, config: EstimateConfig) -> ModelEstimate:
    found = all_estimates(group, config)
    return ModelEstimate(group.model, found[0] if found else None, tuple(found), disagreement(found, config),
                         date=group.date)


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
