"""How many models will cross each compute threshold, year by year: the allocation model of Kumar and
Manning (Epoch AI, 2025), run as a Monte Carlo simulation from a scenario file.

Each year's training compute is the base year's, grown by a sampled total-AI-compute growth rate (a
weighted choice of rates plus noise) and scaled by the year's training share. The largest model takes a
sampled share of it; the rest is spread over one-order-of-magnitude bins below it by the cumulative curve
share(m) = (m / m_max)^k; each bin is filled with models of log-uniform size until its compute is met.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from floptrail.export import write_csv
from floptrail.validate import leading_comments

SCENARIO_KEYS = {
    "name": str, "description": str, "growth_rates": list, "growth_weights": list, "growth_noise_sd": float,
    "training_share": dict, "k_range": list, "largest_share_range": list, "fit_years": list, "thresholds": list,
    "base_year": int, "base_largest_flop": float, "base_largest_share": float, "end_year": int,
    "frontier_ooms": list,
}


MIN_MODELS_TO_FIT = 5  # a year's allocation gradient k is fitted only from this many dated models


class ScenarioError(ValueError):
    """A scenario file that cannot be used, naming the file and the bad key."""


@dataclass(frozen=True)
class Scenario:
    name: str
    growth_rates: tuple[float, ...]
    growth_weights: tuple[float, ...]
    growth_noise_sd: float
    training_share: dict[int, float]
    k_range: tuple[float, float]
    largest_share_range: tuple[float, float]
    fit_years: tuple[int, int]
    thresholds: tuple[float, ...]
    base_year: int
    base_largest_flop: float
    base_largest_share: float
    end_year: int
    frontier_ooms: tuple[float, ...]
    description: str = ""

    @property
    def growth(self) -> float:
        """The weighted growth rate (4.1x a year in the published baseline)."""
        return float(np.average(self.growth_rates, weights=self.growth_weights))


def default_scenario() -> Path:
    """The published baseline scenario shipped in configs/scenarios/."""
    return Path(str(resources.files("floptrail.configs") / "scenarios" / "baseline.toml"))


def load_scenario(path: Path) -> Scenario:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{path}: not TOML ({exc})") from None
    for key, value in raw.items():
        if key not in SCENARIO_KEYS:
            raise ScenarioError(f"{path}: unknown key {key!r} (known: {', '.join(SCENARIO_KEYS)})")
        expected = SCENARIO_KEYS[key]
        if expected is float and isinstance(value, int):
            value = float(value)
        if not isinstance(value, expected):
            raise ScenarioError(f"{path}: {key!r} should be a {expected.__name__}, not {type(value).__name__}")
    missing = [k for k in SCENARIO_KEYS if k not in raw and k != "description"]
    if missing:
        raise ScenarioError(f"{path}: missing {', '.join(repr(k) for k in missing)}")
    for key in ("k_range", "largest_share_range", "fit_years"):
        if len(raw[key]) != 2 or raw[key][0] > raw[key][1]:
            raise ScenarioError(f"{path}: {key!r} should be [low, high]")
    if len(raw["growth_rates"]) != len(raw["growth_weights"]):
        raise ScenarioError(f"{path}: 'growth_rates' and 'growth_weights' differ in length")
    shares = {int(y): float(s) for y, s in raw["training_share"].items()}
    years = range(raw["base_year"], raw["end_year"] + 1)
    if any(y not in shares for y in years):
        raise ScenarioError(f"{path}: 'training_share' needs every year from {years.start} to {years.stop - 1}")
    return Scenario(raw["name"], tuple(raw["growth_rates"]), tuple(raw["growth_weights"]), raw["growth_noise_sd"],
                    shares, tuple(raw["k_range"]), tuple(raw["largest_share_range"]), tuple(raw["fit_years"]),
                    tuple(float(t) for t in raw["thresholds"]), raw["base_year"], raw["base_largest_flop"],
                    raw["base_largest_share"], raw["end_year"], tuple(raw["frontier_ooms"]),
                    raw.get("description", ""))


def read_models(path: Path) -> pd.DataFrame:
    """(date, flop) per model from Epoch's table, a reference snapshot of it, or floptrail's estimates.csv (base
    models only)."""
    frame = pd.read_csv(path, skiprows=leading_comments(path))
    if "Training compute (FLOP)" in frame.columns:
        out = pd.DataFrame({"model": frame["Model"], "date": frame["Publication date"],
                            "flop": frame["Training compute (FLOP)"]})
    elif "training_compute_flop" in frame.columns:  # a reference snapshot (floptrail reference update)
        out = pd.DataFrame({"model": frame["model"], "date": frame["publication_date"],
                            "flop": frame["training_compute_flop"]})
    elif "training_flop" in frame.columns:
        base = frame[frame.get("variant_of", pd.Series("", index=frame.index)).fillna("") == ""]
        out = pd.DataFrame({"model": base["model"], "date": base["publication_date"], "flop": base["training_flop"]})
    else:
        raise ValueError(f"{path}: needs Epoch's columns or floptrail's estimates.csv")
    out["date"] = pd.to_datetime(out["date"], errors="coerce")
    out["flop"] = pd.to_numeric(out["flop"], errors="coerce")
    out = out.dropna(subset=["date", "flop"])
    out = out[out["flop"] > 0]
    out["year"] = out["date"].dt.year
    return out


def fit_k(flops: np.ndarray, ooms: float = 5.0) -> float:
    """The gradient k of log(cumulative share of compute in models of size <= m) against log(m / m_max),
    through (1, 1), over the models within `ooms` orders of magnitude of the year's largest."""
    flops = np.sort(np.asarray(flops, dtype=float))
    total, largest = flops.sum(), flops[-1]
    keep = flops >= largest / 10 ** ooms
    x = np.log10(flops[keep][:-1] / largest)
    y = np.log10(np.cumsum(flops)[keep][:-1] / total)
    if len(x) == 0:
        return float("nan")
    return float((x @ y) / (x @ x))  # least squares through the origin (the point (1, 1) in log space)


def fill_bin(rng: np.random.Generator, budget: float, low: float, high: float) -> list[float]:
    """Models of log-uniform size in [low, high) until their compute meets or passes the budget."""
    drawn, spent = [], 0.0
    while spent < budget:
        size = 10 ** rng.uniform(math.log10(low), math.log10(high))
        drawn.append(size)
        spent += size
    return drawn


def simulate_year(rng: np.random.Generator, total: float, largest_share: float, k: float, floor: float) -> list[float]:
    """One year's models: the largest, then each OOM bin below it down to `floor`, filled to its compute."""
    largest = largest_share * total
    models = [largest]
    i = 0
    while largest / 10 ** i > floor:
        high, low = largest / 10 ** i, largest / 10 ** (i + 1)
        budget = total * ((10.0 ** -i) ** k - (10.0 ** -(i + 1)) ** k)
        if i == 0:
            budget -= largest  # the largest model is the first in the top bin
        if budget > 0:
            models += fill_bin(rng, budget, low, high)
        i += 1
    return models


@dataclass
class Forecast:
    counts: pd.DataFrame  # threshold, year, p5, p50, p95
    frontier: pd.DataFrame  # within_oom, year, p5, p50, p95
    fitted_k: dict[int, float]
    one_run: pd.DataFrame  # year, flop of one run's sampled models
    scenario: Scenario
    seed: int


def forecast(models: pd.DataFrame, scenario: Scenario, runs: int = 1000, seed: int = 0) -> Forecast:
    rng = np.random.default_rng(seed)
    first, last = scenario.fit_years
    fitted_k = {int(y): fit_k(g["flop"].to_numpy()) for y, g in models.groupby("year") if first <= y <= last
                and len(g) >= MIN_MODELS_TO_FIT}
    before = models[models["year"] < scenario.base_year]
    years = list(range(scenario.base_year, scenario.end_year + 1))
    floor = min(scenario.thresholds) / 10
    cumulative = np.zeros((runs, len(years), len(scenario.thresholds)))
    frontier = np.zeros((runs, len(years), len(scenario.frontier_ooms)))
    one_run = []
    for run in range(runs):
        seen_max = before["flop"].max() if len(before) else 0.0
        counts = np.array([(before["flop"] > t).sum() for t in scenario.thresholds], dtype=float)
        total = scenario.base_largest_flop / scenario.base_largest_share
        for j, year in enumerate(years):
            if j:
                growth = max(1.0, scenario.growth + rng.normal(0, scenario.growth_noise_sd))
                total *= growth * scenario.training_share[year] / scenario.training_share[years[j - 1]]
                share = rng.uniform(*scenario.largest_share_range)
            else:
                share = scenario.base_largest_share
            sizes = np.array(simulate_year(rng, total, share, rng.uniform(*scenario.k_range), floor))
            counts += [(sizes > t).sum() for t in scenario.thresholds]
            cumulative[run, j] = counts
            seen_max = max(seen_max, sizes.max())
            frontier[run, j] = [(sizes >= seen_max / 10 ** oom).sum() for oom in scenario.frontier_ooms]
            if run == 0:
                one_run += [(year, s) for s in sizes]
    return Forecast(_percentiles(cumulative, years, scenario.thresholds, "threshold"),
                    _percentiles(frontier, years, scenario.frontier_ooms, "within_oom"), fitted_k,
                    pd.DataFrame(one_run, columns=["year", "flop"]), scenario, seed)


@dataclass
class ForecastFiles:
    """A forecast and the files it was written to."""

    result: Forecast
    written: list[Path] = field(default_factory=list)


def forecast_to(out: Path, source: Path, scenario: Path | None = None, runs: int = 1000,
                seed: int = 0) -> ForecastFiles:
    """Forecast from a table of models (Epoch's or an estimates.csv) fitted on the scenario's fit years;
    write counts.csv (with `observed`: the table's own cumulative counts), frontier.csv and the plots in
    `out`. The projection itself comes from the scenario's base year; the table gives the models before
    it and the fitted allocation gradients."""
    chosen = load_scenario(scenario or default_scenario())
    models = read_models(source)
    fitted = models[models["year"] <= chosen.fit_years[1]]
    result = forecast(fitted, chosen, runs=runs, seed=seed)
    result.counts["observed"] = observed_counts(models, result.counts)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(result.counts, out / "counts.csv")
    write_csv(result.frontier, out / "frontier.csv")
    plots = write_plots(result, fitted, out)
    return ForecastFiles(result, [out / "counts.csv", out / "frontier.csv", *plots])


def observed_counts(models: pd.DataFrame, counts: pd.DataFrame) -> list[int]:
    """For each (threshold, year) row of `counts`, how many models of the input table are over the threshold
    by that year's end: what the table itself shows, beside what the scenario projects."""
    return [int(((models["year"] <= row.year) & (models["flop"] > float(row.threshold))).sum())
            for row in counts.itertuples()]


def _percentiles(samples: np.ndarray, years: list[int], keys, name: str) -> pd.DataFrame:
    rows = []
    for k, key in enumerate(keys):
        for j, year in enumerate(years):
            p5, p50, p95 = np.percentile(samples[:, j, k], [5, 50, 95])
            rows.append({name: f"{key:.0e}".replace("e+", "e") if name == "threshold" else key, "year": year,
                         "p5": int(round(p5)), "p50": int(round(p50)), "p95": int(round(p95))})
    return pd.DataFrame(rows)


def backtest(models: pd.DataFrame, scenario: Scenario, fit_until: int, thresholds: tuple[float, ...],
             runs: int = 500, seed: int = 0) -> pd.DataFrame:
    """Fit on years up to `fit_until`, project the years after it that the table covers, and say whether the
    observed cumulative counts fall inside the 90% intervals."""
    observed_until = int(models["year"].max())
    base = models[models["year"] == fit_until]
    end = min(observed_until, scenario.end_year, fit_until + 4)
    shares = {y: 1.0 for y in range(fit_until, end + 1)}
    largest = base["flop"].max()
    past = Scenario(**{**scenario.__dict__, "training_share": shares, "thresholds": thresholds,
                       "base_year": fit_until, "end_year": end, "base_largest_flop": largest,
                       "base_largest_share": largest / base["flop"].sum()})
    result = forecast(models[models["year"] < fit_until], past, runs, seed).counts
    rows = []
    for r in result.itertuples():
        threshold = float(r.threshold)
        observed = int((models[(models["year"] <= r.year)]["flop"] > threshold).sum())
        rows.append({"threshold": r.threshold, "year": r.year, "p5": r.p5, "p50": r.p50, "p95": r.p95,
                     "observed": observed, "inside": r.p5 <= observed <= r.p95})
    return pd.DataFrame(rows)


# Kumar and Manning (Epoch AI, 2025), baseline medians and 90% intervals: cumulative models by year end
PUBLISHED = {
    ("1e25", 2024): (13, 16, 19), ("1e25", 2025): (24, 33, 57), ("1e25", 2026): (39, 58, 117),
    ("1e25", 2027): (60, 88, 192), ("1e25", 2028): (81, 127, 287),
    ("1e26", 2024): (0, 0, 0), ("1e26", 2025): (2, 6, 10), ("1e26", 2026): (10, 19, 36),
    ("1e26", 2027): (22, 37, 74), ("1e26", 2028): (37, 63, 134),
}


def write_plots(result: Forecast, models: pd.DataFrame, out: Path) -> list[Path]:
    """The allocation fits per year, the projected count trajectories with their bands, and one run's models."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    paths = []
    fig, ax = plt.subplots(figsize=(7, 5))
    for year, k in sorted(result.fitted_k.items()):
        flops = np.sort(models[models["year"] == year]["flop"].to_numpy())
        ax.plot(flops / flops[-1], np.cumsum(flops) / flops.sum(), ".", markersize=3, label=f"{year} (k={k:.2f})")
    ax.set(xscale="log", yscale="log", xlabel="model compute / largest that year",
           ylabel="cumulative share of the year's compute", title="Allocation across model sizes")
    if result.fitted_k:
        ax.legend(fontsize=7)
    else:
        ax.text(0.5, 0.5, f"no year in {result.scenario.fit_years[0]}-{result.scenario.fit_years[1]} has\n"
                f"{MIN_MODELS_TO_FIT} models with a date and compute", ha="center", va="center",
                transform=ax.transAxes)
    paths.append(_save(fig, out / "allocation.png", plt))
    fig, ax = plt.subplots(figsize=(7, 5))
    for threshold, rows in result.counts.groupby("threshold", sort=False):
        if rows["p95"].max() == 0:
            continue
        ax.plot(rows["year"], rows["p50"], marker="o", label=f"> {threshold} FLOP")
        ax.fill_between(rows["year"], rows["p5"], rows["p95"], alpha=0.2)
    ax.set(yscale="symlog", xlabel="end of year", ylabel="models above threshold (cumulative)",
           title=f"Projected counts ({result.scenario.name}, seed {result.seed})")
    ax.legend(fontsize=8)
    paths.append(_save(fig, out / "counts.png", plt))
    fig, ax = plt.subplots(figsize=(7, 5))
    jitter = np.random.default_rng(result.seed).uniform(-0.35, 0.35, len(result.one_run))
    ax.scatter(result.one_run["year"] + jitter, result.one_run["flop"], s=4, alpha=0.5)
    for t in result.scenario.thresholds[:2]:
        ax.axhline(t, linestyle="--", color="#b00", linewidth=1)
    ax.set(yscale="log", xlabel="year", ylabel="training compute (FLOP)", title="One run's sampled models")
    paths.append(_save(fig, out / "one_run.png", plt))
    return paths


def _save(fig, path: Path, plt) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return path
