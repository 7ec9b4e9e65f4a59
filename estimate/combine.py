"""Every applicable method runs; the preferred estimate is chosen by measured accuracy.

1. A published figure with its source is a disclosure and wins: a total the model's own documents state,
   then a curated figure with its citation, then a figure another document quotes for the model.
2. Otherwise the derived methods are grouped by the evidence they rest on (chip-hours; parameters and
   tokens; benchmark scores; the name alone), so a method that reuses another's evidence counts once (cost
   priced from chip-hours is not a second opinion). One figure per group, the first in PRIORITY, then:
   - policy `combine`: the groups' figures averaged in log space, weighted by 1 / measured variance;
   - policy `best`: the figure of the group whose method validated best (smallest measured error).
   configs/methods.toml says which policy won when both were measured, and by how much.
3. A figure outside reason (over the ceiling, or further than `stated_total_factor` from a stated total)
   is never shown as the estimate; `disagreement` names it and its evidence.
The fixed order only breaks ties."""

from __future__ import annotations

import math
from dataclasses import replace

from floptrail.estimate import (
    arithmetic,
    benchmark,
    cost,
    curated,
    direct,
    hardware,
    heuristic,
    size_times_tokens,
)
from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.energy import training_energy
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, ModelEstimate, sci

PRIORITY = (("direct", direct), ("curated", curated), ("arithmetic", arithmetic), ("hardware", hardware),
            ("size_times_tokens", size_times_tokens), ("cost", cost), ("benchmark", benchmark),
            ("heuristic", heuristic))
# which evidence each derived method rests on: methods sharing evidence count once
EVIDENCE = {"arithmetic": "parameters and tokens", "size_times_tokens": "parameters and tokens",
            "hardware": "chip-hours", "cost": "chip-hours", "benchmark": "benchmark scores",
            "heuristic": "the name alone"}
Z90 = 1.6449  # a 90% interval spans +-1.645 standard deviations of a normal error in log space


def all_estimates(group: ModelFacts, config: EstimateConfig) -> list[Estimate]:
    return [calibrated(e, config) for _, method in PRIORITY if (e := method.estimate(group, config)) is not None]


def measured(method: str, config: EstimateConfig) -> dict:
    """A method's errors as `floptrail calibrate methods` measured them, when they rest on enough pairs."""
    entry = config.methods.get(method, {}).get("measured", {})
    return entry if entry.get("pairs", 0) >= config.methods["combine"]["min_pairs"] else {}


def calibrated(est: Estimate, config: EstimateConfig) -> Estimate:
    """The estimate with the 90% interval its method's measured errors give (the 5th to 95th percentile of
    log10(ours / published)), where they were measured; else the method's own interval."""
    errors = measured(est.method, config)
    if not errors:
        return est
    low, high = est.value / 10 ** errors["p95"], est.value / 10 ** errors["p5"]
    return replace(est, low=min(low, est.value), high=max(high, est.value),
                   assumptions=(*est.assumptions, f"{est.method}.measured (interval from {errors['pairs']} "
                                                  "published figures)"))


def sigma(method: str, est: Estimate, config: EstimateConfig) -> float:
    """The log10 standard deviation of a method's error: measured where enough pairs were found, else read
    off the method's own 90% interval."""
    errors = measured(method, config)
    if errors:
        return errors["sigma"]
    return max(math.log10(est.high / est.low) / (2 * Z90), 1e-3)


def disclosure(found: list[Estimate]) -> Estimate | None:
    """A stated total of the model's own documents, else a curated figure, else one quoted elsewhere."""
    own = [e for e in found if e.method == "direct" and not direct.quoted(e)]
    return next(iter(own + [e for e in found if e.method == "curated"] + [e for e in found if direct.quoted(e)]),
                None)


def outside_reason(found: list[Estimate], config: EstimateConfig) -> tuple[list[Estimate], list[str]]:
    """The figures fit to show, and a note for each one that is not."""
    limits = config.methods["reason"]
    stated = next((e for e in found if e.method == "direct"), None)
    kept, notes = [], []
    for e in found:
        facts = f" (facts {', '.join(e.evidence)})" if e.evidence else ""
        if e.value > limits["ceiling"]:
            notes.append(f"{e.method} {sci(e.value)}{facts} is over {sci(limits['ceiling'])} FLOP: not used")
        elif stated is not None and e is not stated and _factor(e.value, stated.value) > limits["stated_total_factor"]:
            notes.append(f"{e.method} {sci(e.value)}{facts} is {_factor(e.value, stated.value):.0f}x from the "
                         f"stated total {sci(stated.value)} (facts {', '.join(stated.evidence)}): not used")
        else:
            kept.append(e)
    return kept, notes


def representatives(found: list[Estimate]) -> list[Estimate]:
    """One figure per kind of evidence, the first in PRIORITY, and none resting on a fact another already
    used. The speculative name heuristic only speaks
    when nothing else does: a guess about the tokens adds its bias, not evidence, to a figure from facts."""
    evidence = [e for e in found if e.confidence != "speculative"] or found
    seen, used, out = set(), set(), []
    for e in evidence:
        # chip-hours from a rate per token x the tokens rest partly on 6ND's tokens: shared facts count once
        if EVIDENCE.get(e.method) and EVIDENCE[e.method] not in seen and not used & set(e.evidence):
            seen.add(EVIDENCE[e.method])
            used |= set(e.evidence)
            out.append(e)
    return out


def combine(parts: list[Estimate], config: EstimateConfig) -> Estimate:
    """Inverse-variance weighted mean in log10, with the combined 90% interval."""
    if len(parts) == 1:
        return parts[0]
    sigmas = [sigma(e.method, e, config) for e in parts]
    weights = [1 / s ** 2 for s in sigmas]
    total = sum(weights)
    centre = sum(w * math.log10(e.value) for w, e in zip(weights, parts, strict=True)) / total
    half = Z90 / math.sqrt(total)
    value = 10 ** centre
    shares = ", ".join(f"{e.method} {sci(e.value)} weight {w / total:.2f}"
                       for w, e in sorted(zip(weights, parts, strict=True), key=lambda p: -p[0]))
    heaviest = parts[max(range(len(parts)), key=lambda i: weights[i])]
    return Estimate(
        model=parts[0].model, method="+".join(e.method for e in parts), value=value,
        low=10 ** (centre - half), high=10 ** (centre + half), confidence=heaviest.confidence,
        evidence=tuple(dict.fromkeys(i for e in parts for i in e.evidence)),
        reasoning=(f"independent evidence combined in log space, weighted by 1/measured variance: {shares} "
                   f"= {sci(value)}; " + "; ".join(f"{e.method}: {e.reasoning}" for e in parts)),
        assumptions=tuple(dict.fromkeys(a for e in parts for a in e.assumptions)),
    )


def best(parts: list[Estimate], config: EstimateConfig) -> Estimate:
    """The figure of the method with the smallest measured error; PRIORITY breaks ties."""
    chosen = min(parts, key=lambda e: sigma(e.method, e, config))
    if len(parts) == 1:
        return chosen
    others = ", ".join(f"{e.method} {sci(e.value)}" for e in parts if e is not chosen)
    return replace(chosen, reasoning=f"{chosen.reasoning}; preferred over {others}: {chosen.method} has the "
                                     "smallest measured error (configs/methods.toml)")


POLICIES = {"combine": combine, "best": best}


def choose(found: list[Estimate], config: EstimateConfig, policy: str | None = None) -> Estimate | None:
    """The estimate to show from figures already judged fit to show."""
    stated = disclosure(found)
    if stated is not None:
        return stated
    parts = representatives(found)
    if not parts:
        return None
    return POLICIES[policy or config.methods["combine"]["policy"]](parts, config)


def preferred(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    return choose(outside_reason(all_estimates(group, config), config)[0], config)


def estimate_model(group: ModelFacts, config: EstimateConfig) -> ModelEstimate:
    found = all_estimates(group, config)
    kept, notes = outside_reason(found, config)
    best_estimate = choose(kept, config)
    energy = training_energy(group, best_estimate, config, config.energy["training"]) if config.energy else None
    flags = "; ".join([*notes, disagreement(kept, config)]).strip("; ")
    return ModelEstimate(group.model, best_estimate, tuple(found), flags, date=group.date, energy=energy)


def _factor(a: float, b: float) -> float:
    return max(a, b) / min(a, b)


def disagreement(estimates: list[Estimate], config: EstimateConfig) -> str:
    """"hardware 3e24 vs arithmetic 2e23 (15x)": the two methods furthest apart, past the factor. The
    speculative name heuristic is left out: a guess about the tokens is not evidence of a misread fact."""
    estimates = [e for e in estimates if e.confidence != "speculative"]
    if len(estimates) < 2:
        return ""
    low, high = min(estimates, key=lambda e: e.value), max(estimates, key=lambda e: e.value)
    factor = high.value / low.value
    if factor <= config.methods["disagreement"]["factor"]:
        return ""
    return f"{high.method} {high.value:.2g} vs {low.method} {low.value:.2g} ({factor:.0f}x)"
