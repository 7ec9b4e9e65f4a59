"""The last resort: the parameter count a model's name states ("Falcon-40B"; "Qwen3-30B-A3B" uses its 3B
active) trained on the tokens per parameter typical of its year and size, fitted on Epoch AI's data by
`floptrail calibrate methods` (speculative). In a given year models of every size were trained on similar
token counts, so tokens per parameter falls with size as well as rising with the year."""

from __future__ import annotations

import math

from floptrail.estimate.arithmetic import training_tokens
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.named_size import name_params
from floptrail.estimate.records import Estimate, sci


def tokens_per_param(params: float, year: float, settings: dict) -> float:
    """10^(intercept + per_year x (year - 2020) + per_log10_size x log10(params / 1e9))."""
    return 10 ** (settings["intercept"] + settings["per_year"] * (year - 2020)
                  + settings["per_log10_size"] * math.log10(params / 1e9))


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    if group.signature is None or training_tokens(group) is not None:  # stated tokens: size_times_tokens
        return None
    params = name_params(group.signature)
    if params is None:
        return None
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
        confidence=settings["confidence"], evidence=(),
        reasoning=(f"the name says {sci(params)} parameters; a model of that size from {when} was typically "
                   f"trained on {ratio:.0f} tokens per parameter (fitted on Epoch AI's data), "
                   f"6 x {sci(params)} x {sci(params * ratio)} = {sci(value)} (speculative)"),
        assumptions=(f"heuristic.intercept={settings['intercept']}", f"heuristic.per_year={settings['per_year']}",
                     f"heuristic.per_log10_size={settings['per_log10_size']}"),
    )
