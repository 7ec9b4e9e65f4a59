"""6 x the parameter count a model's name states ("OLMo 2 13B") x the training tokens its documents state:
for models whose documents give the tokens but no parameter count. Names round the size (7B for 6.7B),
so the interval is wider than 6ND's."""

from __future__ import annotations

from floptrail.estimate.arithmetic import training_tokens
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.named_size import name_params
from floptrail.estimate.records import Estimate, sci


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    params = name_params(group.signature)
    tokens = training_tokens(group)
    if params is None or tokens is None:
        return None
    count, how, ids = tokens
    settings = config.methods["size_times_tokens"]
    spread = settings["spread"]
    value = 6 * params * count
    return Estimate(
        model=group.model, method="size_times_tokens", value=value, low=value / spread, high=value * spread,
        confidence=settings["confidence"], evidence=ids,
        reasoning=f"the name says {sci(params)} parameters; 6 x {sci(params)} x {how} = {sci(value)} "
                  f"(facts {', '.join(ids)})",
        assumptions=(f"size_times_tokens.spread={spread}",),
    )
