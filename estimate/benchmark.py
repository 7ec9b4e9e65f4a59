"""Benchmark scores to training compute through the fitted curves: each benchmark a model has gives a
log10 FLOP prediction (with the release year where a dated curve exists and the date is known); several
are combined by their median. The 90% interval is the 5th-95th percentile of the leave-one-out errors of
the curve used, or of the combination, measured by `floptrail calibrate`."""

from __future__ import annotations

from floptrail.estimate.config import EstimateConfig
from floptrail.estimate.curves import Curve, combine_log10
from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, sci


def _curve(benchmark: str, year: float | None, config: EstimateConfig) -> Curve | None:
    dated = config.curves.get(f"{benchmark}+year")
    return dated if dated is not None and year is not None else config.curves.get(benchmark)


def estimate(group: ModelFacts, config: EstimateConfig) -> Estimate | None:
    scores = {}
    for fact in group.facts.get("benchmark", []):
        scores.setdefault(fact.unit, fact)  # the first stated score of each benchmark
    year = group.year
    used = [(f, c) for f in scores.values() if (c := _curve(f.unit, year, config)) is not None]
    if not used:
        return None
    predictions = [c.predict_log10(f.value, year) for f, c in used]
    centre = combine_log10(predictions)
    if len(used) == 1:
        low_error, high_error = used[0][1].residual_low, used[0][1].residual_high
    else:
        low_error, high_error = config.combined_curve["residual_low"], config.combined_curve["residual_high"]
    value = 10 ** centre
    # truth = prediction - error, so the interval's low end takes the largest (positive) error
    low, high = 10 ** (centre - high_error), 10 ** (centre - low_error)
    parts = [f"{f.unit} {f.value:g} -> {sci(10 ** p)}{' (dated curve)' if c.dated and year else ''}"
             for (f, c), p in zip(used, predictions, strict=True)]
    return Estimate(
        model=group.model, method="benchmark", value=value, low=min(low, value), high=max(high, value),
        confidence=config.methods["benchmark"]["confidence"], evidence=tuple(f.fact_id for f, _ in used),
        reasoning=(f"benchmark curves: {'; '.join(parts)}"
                   + (f"; median of {len(used)} = {sci(value)}" if len(used) > 1 else "")
                   + "; interval from leave-one-out errors (configs/benchmark_curves.toml)"),
        assumptions=tuple(f"benchmark_curves.{c.benchmark}" for _, c in used),
    )
