"""Benchmark score -> training compute curves: fitting, leave-one-out error, prediction.

A curve predicts log10 training FLOP from a score. Bounded scores (accuracy between a chance floor and a
ceiling) follow a sigmoid in log compute, as Epoch AI models them; fitting it in log-compute space means
regressing log10 FLOP on logit((score - floor) / (ceiling - floor)), which stays stable near the floor and
ceiling where a fit in score space breaks down. Unbounded scores (Elo, ECI) are linear in log compute.
Both are ordinary least squares on a transformed score, so leave-one-out error is exact and cheap. Where it
helps (Arena Elo, GPQA: newer small models score higher at equal compute), the release year is a second
regressor; such a curve is kept beside the plain one and used when the model's date is known.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EDGE = 0.01  # scores within 1% of the floor or ceiling are held there: the logit is unbounded at the edges
YEAR_REF = 2023.0


@dataclass(frozen=True)
class Curve:
    benchmark: str
    form: str  # "sigmoid" or "linear"
    floor: float
    ceiling: float
    intercept: float
    slope: float
    n: int
    loo_median_factor: float  # 10^median |log10 error| when each model is left out of its own fit
    loo_p90_factor: float
    residual_low: float  # 5th and 95th percentiles of the leave-one-out log10 errors: the 90% interval
    residual_high: float
    year_coef: float = 0.0  # log10 FLOP per year after YEAR_REF at equal score; 0 for a plain curve

    @property
    def dated(self) -> bool:
        return self.year_coef != 0.0

    def predict_log10(self, score: float, year: float | None = None) -> float:
        base = self.intercept + self.slope * transform(score, self.form, self.floor, self.ceiling)
        return base + (self.year_coef * (year - YEAR_REF) if self.dated and year is not None else 0.0)

    def to_toml(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "benchmark"}


def transform(score: float, form: str, floor: float, ceiling: float) -> float:
    if form == "linear":
        return score
    span = ceiling - floor
    share = min(max((score - floor) / span, EDGE), 1 - EDGE)
    return math.log(share / (1 - share))


def _design(x: np.ndarray, years: np.ndarray | None) -> np.ndarray:
    columns = [np.ones(len(x)), x] + ([years - YEAR_REF] if years is not None else [])
    return np.column_stack(columns)


def _ols(design: np.ndarray, y: np.ndarray) -> np.ndarray:
    return np.linalg.lstsq(design, y, rcond=None)[0]


def loo_errors(design: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Prediction minus truth for each point predicted by a fit on all the others."""
    errors = np.empty(len(y))
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        errors[i] = design[i] @ _ols(design[keep], y[keep]) - y[i]
    return errors


def fit(benchmark: str, scores: list[float], log10_flop: list[float], form: str, floor: float = 0.0,
        ceiling: float = 1.0, years: list[float] | None = None) -> tuple[Curve, np.ndarray]:
    """The curve and its leave-one-out errors (one per score, in order)."""
    x = np.array([transform(s, form, floor, ceiling) for s in scores])
    design = _design(x, None if years is None else np.array(years))
    y = np.array(log10_flop)
    beta = _ols(design, y)
    errors = loo_errors(design, y)
    absolute = np.abs(errors)
    curve = Curve(
        benchmark=benchmark, form=form, floor=floor, ceiling=ceiling, intercept=float(beta[0]),
        slope=float(beta[1]), n=len(y), loo_median_factor=float(10 ** np.median(absolute)),
        loo_p90_factor=float(10 ** np.percentile(absolute, 90)), residual_low=float(np.percentile(errors, 5)),
        residual_high=float(np.percentile(errors, 95)), year_coef=float(beta[2]) if years is not None else 0.0,
    )
    return curve, errors


def combine_log10(predictions: list[float]) -> float:
    """Several benchmarks of one model: the median of their log10 predictions. Measured on the calibration
    data, the median beats the best single curve and precision-weighted means (their errors are correlated
    and a weak curve's outliers pull a mean)."""
    return float(np.median(predictions))
