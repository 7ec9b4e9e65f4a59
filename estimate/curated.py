"""Published figures kept in configs/curated.toml, each with its citation, which `evidence` names: a disclosure
of that source, above every derived method (off with --no-curated)."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    if not config.use_curated or group.model not in config.curated:
        return None
    entry = config.curated[group.model]
    value, spread = float(entry["training_flop"]), float(entry["spread"])
    return Estimate(
        model=group.model, method="curated", value=value, low=value / spread, high=value * spread,
        confidence=entry["confidence"], evidence=(f"curated: {entry['source']}",),
        reasoning=f"reference figure {sci(value)} FLOP from {entry['source']}",
        assumptions=(f"curated.{group.model}",),
    )
