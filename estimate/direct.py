"""A disclosed training FLOP figure."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    fact = group.largest("flop")
    if fact is None:
        return None
    settings = config.methods["direct"]
    spread = settings["spread"]
    cited = " (quoted in another model's document)" if fact.role == "cited" else ""
    return Estimate(
        model=group.model, method="direct", value=fact.value, low=fact.value / spread, high=fact.value * spread,
        confidence=settings["confidence"] if not cited else "medium", evidence=(fact.fact_id,),
        reasoning=f"disclosed training compute {sci(fact.value)} FLOP{cited} (fact {fact.fact_id})",
        assumptions=(f"direct.spread={spread}",),
    )
