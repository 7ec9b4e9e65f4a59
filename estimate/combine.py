"""Every applicable method runs; the preferred estimate follows the priority list."""

from __future__ import annotations

from floptrail.estimate import arithmetic, cost, curated, direct, hardware
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate

# direct disclosure > hardware x time x utilization > 6ND > cost > curated reference
PRIORITY = (("direct", direct), ("hardware", hardware), ("arithmetic", arithmetic), ("cost", cost),
            ("curated", curated))


def all_estimates(group: ModelFacts, config: EstimateConfig) -> list[Estimate]:
    return [e for _, method in PRIORITY if (e := method.estimate(group, config)) is not None]


def preferred(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    found = all_estimates(group, config)
    return found[0] if found else None
