"""6 x parameters x tokens, with active parameters for mixture-of-experts models; tokens are the run's
total (stages summed when given apart), or a dataset's size times the epochs stated."""

from __future__ import annotations

from collections import Counter

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts, described_total
from floptrail.estimate.named_size import name_params
from floptrail.estimate.records import Estimate, sci
from floptrail.extract.records import Fact


def training_tokens(group: ModelFacts) -> tuple[float, str, tuple[str, ...]] | None:
    stated = described_total(group, "tokens", "tokens")
    if stated is not None:
        return stated
    dataset, epochs = group.best("dataset_tokens"), group.best("epochs")
    if dataset is not None and epochs is not None:
        value = dataset.value * epochs.value
        return value, f"{sci(dataset.value)} dataset tokens x {epochs.value:g} epochs", (dataset.fact_id,
                                                                                          epochs.fact_id)
    return None


def parameters(group: ModelFacts, agree: float) -> Fact | None:
    """Active parameters, else the stated count. Where the name states a size, counts within `agree`x of it
    are preferred: a count far from the name is usually a neighbour's cell in a flattened table row."""
    active = group.best("active_params")
    if active is not None:
        return active
    return agreeing_count(group, name_params(group.signature), agree) or group.best("params")


def agreeing_count(group: ModelFacts, named: float | None, agree: float) -> Fact | None:
    """The stated parameter count within `agree`x of the size the name states, the most often stated."""
    agreeing = [f for f in group.facts.get("params", []) if f.value and named and 1 / agree <= f.value / named <= agree]
    if not agreeing:
        return None
    counts = Counter(f.value for f in agreeing)
    return max(agreeing, key=lambda f: (counts[f.value], f.value))


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    params = parameters(group, config.methods["arithmetic"]["name_agreement"])
    tokens = training_tokens(group)
    if params is None or tokens is None:
        return None
    count, how, token_ids = tokens
    settings = config.methods["arithmetic"]
    spread = settings["spread"]
    value = 6 * params.value * count
    label = "active params" if params.kind == "active_params" else "params"
    inherited = f"; tokens stated for {group.inherited_from}" if group.inherited_from else ""
    evidence = (params.fact_id, *token_ids)
    return Estimate(
        model=group.model, method="arithmetic", value=value, low=value / spread, high=value * spread,
        confidence=settings["confidence"], evidence=evidence,
        reasoning=f"6 x {sci(params.value)} {label} x {how} = {sci(value)} (facts {', '.join(evidence)}{inherited})",
        assumptions=(f"arithmetic.spread={spread}",),
    )
