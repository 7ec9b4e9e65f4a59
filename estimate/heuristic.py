"""The last resort: the parameter count a model's name states ("Falcon-40B"; "Qwen3-30B-A3B" uses its 3B
active) through 6 x N x D, with the tokens the documents state, else a tokens-per-parameter assumption
(speculative)."""

from __future__ import annotations

import re

from floptrail.estimate.arithmetic import training_tokens
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci

SIZE = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}


def name_params(signature) -> float | None:
    """Active parameters from an `A3B` tier, else total parameters from the size ("8x7b" multiplies)."""
    active = next((t for t in signature.tiers if re.fullmatch(r"a\d+(?:\.\d+)?[bm]", t)), "")
    size = active[1:] if active else signature.size
    m = re.fullmatch(r"(?:(\d+)x)?(\d+(?:\.\d+)?)([kmbt])", size or "")
    if not m:
        return None
    return (int(m.group(1)) if m.group(1) else 1) * float(m.group(2)) * SIZE[m.group(3)]


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    if group.signature is None:
        return None
    params = name_params(group.signature)
    if params is None:
        return None
    settings = config.methods["heuristic"]
    tokens = training_tokens(group)
    if tokens is not None:
        # the documents state the tokens: only the parameter count is read off the name
        count, how, ids = tokens
        value = 6 * params * count
        spread = settings["named_size_spread"]
        return Estimate(
            model=group.model, method="heuristic", value=value, low=value / spread, high=value * spread,
            confidence="low", evidence=ids,
            reasoning=f"the name says {sci(params)} parameters; 6 x {sci(params)} x {how} = {sci(value)}",
            assumptions=(f"heuristic.named_size_spread={spread}",),
        )
    ratio = settings["tokens_per_param"]
    value = 6 * params * params * ratio
    return Estimate(
        model=group.model, method="heuristic", value=value, low=value / settings["spread_low"],
        high=value * settings["spread_high"], confidence=settings["confidence"], evidence=(),
        reasoning=(f"the name says {sci(params)} parameters; assuming {ratio} tokens per parameter, "
                   f"6 x {sci(params)} x {sci(params * ratio)} = {sci(value)} (speculative)"),
        assumptions=(f"heuristic.tokens_per_param={ratio}",),
    )
