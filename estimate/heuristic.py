"""The last resort: a model's parameter count trained on the tokens per parameter typical of its year and
size, fitted on Epoch AI's data by `floptrail calibrate methods` (speculative). In a given year models of
every size were trained on similar token counts, so tokens per parameter falls with size as well as rising
with the year.

The count is the one the fit was made on: Epoch's tables give a mixture of experts its total parameters
(DeepSeek-V3 671B, not its 37B active), so the fit is applied to the total too: a stated count that agrees
with the name's size ("Mixtral-8x7B ... 47B"), else the name's size ("Qwen3-30B-A3B" 30B), else a stated
count ("Grok-1 ... 314B parameters"). Only where no total is known does the active count stand in, and the
estimate says so: applied to an active count, the fit reads a large model as a small one and guesses low."""

from __future__ import annotations

import math

from floptrail.estimate.arithmetic import agreeing_count, training_tokens
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.named_size import name_total_params
from floptrail.estimate.records import Estimate, sci
from floptrail.extract.records import Fact


def tokens_per_param(params: float, year: float, settings: dict) -> float:
    """10^(intercept + per_year x (year - 2020) + per_log10_size x log10(params / 1e9))."""
    return 10 ** (settings["intercept"] + settings["per_year"] * (year - 2020)
                  + settings["per_log10_size"] * math.log10(params / 1e9))


def fitted_size(group: ModelFacts, agree: float) -> tuple[float, Fact | None] | None:
    """The total parameter count (see the module's note) and the fact stating it, None when the name gave it."""
    named = name_total_params(group.signature)
    stated = agreeing_count(group, named, agree)
    if stated is not None:
        return stated.value, stated
    if named is not None:
        return named, None
    stated = group.best("params") or group.best("active_params")
    return (stated.value, stated) if stated is not None else None


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    if group.signature is None or training_tokens(group) is not None:  # stated tokens: size_times_tokens
        return None
    size = fitted_size(group, config.methods["arithmetic"]["name_agreement"])
    if size is None:
        return None
    params, stated = size
    settings = config.methods["heuristic"]
    year, widen = group.year, 0.0
    if year is None:  # undated: the year most models named in documents come from, and a wider interval
        year, widen = settings["undated_year"], settings["undated_widen"]
    ratio = tokens_per_param(params, year, settings)
    value = 6 * params * params * ratio
    low = value * 10 ** (settings["residual_low"] - widen)
    high = value * 10 ** (settings["residual_high"] + widen)
    when = f"{int(year)}" + (" (undated: assumed)" if widen else "")
    return Estimate(
        model=group.model, method="heuristic", value=value, low=low, high=high,
        confidence=settings["confidence"], evidence=(stated.fact_id,) if stated else (),
        reasoning=(f"{'the name says' if stated is None else f'fact {stated.fact_id} states'} {sci(params)} "
                   + ("active parameters (no total stated: the fit is on totals, so this guesses low); "
                      if stated is not None and stated.kind == "active_params" else "parameters; ") +
                   f"a model of that size from {when} was typically "
                   f"trained on {ratio:.0f} tokens per parameter (fitted on Epoch AI's data), "
                   f"6 x {sci(params)} x {sci(params * ratio)} = {sci(value)} (speculative)"),
        assumptions=(f"heuristic.intercept={settings['intercept']}", f"heuristic.per_year={settings['per_year']}",
                     f"heuristic.per_log10_size={settings['per_log10_size']}"),
    )
