"""6 x parameters x tokens, with active parameters for mixture-of-experts models."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    params = group.best("active_params") or group.best("params")
    tokens = group.largest("tokens")
    if params is None or tokens is None:
        return None
    settings = config.methods["arithmetic"]
    spread = settings["spread"]
    value = 6 * params.value * tokens.value
    label = "active params" if params.kind == "active_params" else "params"
    inherited = f"; tokens stated for {group.inherited_from}" if tokens.model != group.model else ""
    return Estimate(
        model=group.model, method="arithmetic", value=value, low=value / spread, high=value * spread,
        confidence=settings["confidence"], evidence=(params.fact_id, tokens.fact_id),
        reasoning=(f"6 x {sci(params.value)} {label} x {sci(tokens.value)} tokens = {sci(value)} "
                   f"(facts {params.fact_id}, {tokens.fact_id}{inherited})"),
        assumptions=(f"arithmetic.spread={spread}",),
    )
