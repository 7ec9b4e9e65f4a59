"""A disclosed training FLOP figure, or the stages a document gives apart, summed. A figure another model's
document quotes is a disclosure too (of that document), marked so the combiner ranks it after the model's own."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci

QUOTED = "quoted in another model's document"


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    found = group.total("flop")
    if found is None:
        return None
    value, facts, stages = found
    settings = config.methods["direct"]
    spread = settings["spread"]
    cited = any(f.role == "cited" for f in facts)
    ids = ", ".join(f.fact_id for f in facts)
    how = (f"stages {stages} summed: " + " + ".join(sci(f.value) for f in facts) if len(facts) > 1
           else f"disclosed training compute {sci(value)} FLOP")
    return Estimate(
        model=group.model, method="direct", value=value, low=value / spread, high=value * spread,
        confidence="medium" if cited else settings["confidence"], evidence=tuple(f.fact_id for f in facts),
        reasoning=f"{how}{f' ({QUOTED})' if cited else ''} (facts {ids})",
        assumptions=(f"direct.spread={spread}", *((QUOTED,) if cited else ())),
    )


def quoted(est: Estimate) -> bool:
    """Whether a disclosed figure comes from another model's document rather than the model's own."""
    return est.method == "direct" and QUOTED in est.assumptions
