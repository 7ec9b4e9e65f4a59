"""`floptrail calibrate methods`: how far each estimation method's figures fall from published ones, and
which way of choosing among them does better.

From one or more runs (estimates.csv and methods.csv) paired with a published table: per method the pairs,
median error, bias, the 5th and 95th percentiles of log10(ours / published), the standard deviation those
imply, and the coverage of the method's current intervals, overall and by era. Both policies of
`estimate.combine` are then replayed on the same runs with the measured errors, and the better one (lower
median error; coverage breaks a tie) becomes the default. The name heuristic's tokens per parameter is
fitted on Epoch AI's table of models (parameters, compute, date). Everything is written into
configs/methods.toml with how it was measured."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import tomlkit

from floptrail.estimate.combine import POLICIES, Z90, calibrated, choose, outside_reason
from floptrail.estimate.config import EstimateConfig, load_estimate_config
from floptrail.estimate.records import Estimate
from floptrail.extract.config import ModelNaming, load_extract_config
from floptrail.validate import ERAS, figures, leading_comments, read_reference, validate
from floptrail.workspace import write_atomic

EPOCH_COLUMNS = {"Model": "model", "Parameters": "parameters", "Training compute (FLOP)": "training_compute_flop",
                 "Publication date": "publication_date", "Domain": "domain"}


@dataclass
class MethodCalibration:
    measured: dict[str, dict]  # method -> pairs, median_factor, bias, p5, p95, sigma, coverage, by_era
    policies: dict[str, dict]  # policy -> figures over the paired models
    winner: str
    heuristic: dict = field(default_factory=dict)  # the tokens-per-parameter fit, when tables were given
    source: str = ""


def measure(pairs: pd.DataFrame) -> dict:
    """Error figures of one method's paired figures (ratio = ours / published)."""
    logs = np.log10(pairs["ratio"].astype(float))
    # Hyndman and Fan's type 8 (median-unbiased) sample quantiles: with tens of pairs, linear interpolation
    # pulls the 5th and 95th percentiles in from the tails, and intervals built on them cover too little
    p5, p95 = (float(v) for v in np.percentile(logs, [5, 95], method="median_unbiased"))
    return {"pairs": len(logs), "median_factor": round(float(10 ** np.median(np.abs(logs))), 3),
            "bias": round(float(np.median(logs)), 4), "p5": round(p5, 4), "p95": round(p95, 4),
            "sigma": round(max((p95 - p5) / (2 * Z90), 0.005), 4),
            "coverage": round(float(pairs["in_interval"].mean()), 3),
            "within_2x": round(float((np.abs(logs) <= math.log10(2)).mean()), 3)}


def calibrate_methods(results: list[Path], reference: Path, naming: ModelNaming, config: EstimateConfig,
                      tables: list[Path] = ()) -> MethodCalibration:
    published = read_reference(reference)
    runs = [_read_run(path) for path in results]
    by_method = pd.concat([validate(est, meth, published, naming, config.threshold).by_method for est, meth in runs])
    by_method = by_method.drop_duplicates(["model", "method"])  # a model in two runs counts once
    measured = {}
    for method, pairs in by_method.groupby("method"):
        entry = measure(pairs)
        entry["by_era"] = {label: measure(group)["median_factor"] for label, group in
                           pairs.groupby(pairs["year"].map(_era_label)) if len(group)}
        measured[str(method)] = entry
    tuned = with_measured(config, measured)
    policies = {name: figures(_replay(runs, published, naming, tuned, name)) for name in POLICIES}
    winner = min(policies, key=lambda p: (policies[p].get("median_factor", math.inf),
                                          abs(policies[p].get("coverage", 0) - 0.9)))
    heuristic = fit_tokens_per_param(tables) if tables else {}
    source = (f"runs {', '.join(Path(p).name for p in results)} against {Path(reference).name}, "
              f"{datetime.now(UTC).date()}")
    return MethodCalibration(measured, policies, winner, heuristic, source)


def with_measured(config: EstimateConfig, measured: dict[str, dict]) -> EstimateConfig:
    methods = {name: dict(settings) if isinstance(settings, dict) else settings
               for name, settings in config.methods.items()}
    for method, entry in measured.items():
        if method in methods:
            methods[method]["measured"] = entry
    return replace(config, methods=methods)


def _era_label(year) -> str:
    if year is None or pd.isna(year):
        return "undated"
    return next(label for end, label in ERAS if year < end)


def _read_run(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    missing = [name for name in ("estimates.csv", "methods.csv") if not (Path(path) / name).exists()]
    if missing:
        raise ValueError(f"{path}: not a run's output folder (no {' or '.join(missing)}; `floptrail run` writes both)")
    estimates = pd.read_csv(Path(path) / "estimates.csv", dtype={"variant_of": str})
    methods = pd.read_csv(Path(path) / "methods.csv", dtype={"evidence": str, "reasoning": str})
    return estimates, methods


def _replay(runs, published: pd.DataFrame, naming: ModelNaming, config: EstimateConfig,
            policy: str) -> pd.DataFrame:
    """The preferred estimates a policy gives from the methods' figures each run kept, paired."""
    pairs = []
    for estimates, methods in runs:
        rows = []
        for model, group in methods.groupby("model", sort=False):
            found = [Estimate(model, r.method, float(r.training_flop), float(r.flop_low), float(r.flop_high),
                              r.confidence, tuple(str(r.evidence).split(";")) if isinstance(r.evidence, str) else (),
                              "") for r in group.itertuples() if "+" not in r.method]
            found = [calibrated(e, config) for e in found]
            chosen = choose(outside_reason(found, config)[0], config, policy)
            if chosen is not None:
                rows.append({"model": model, "training_flop": chosen.value, "flop_low": chosen.low,
                             "flop_high": chosen.high, "method": chosen.method, "variant_of": ""})
        base = set(estimates.loc[estimates["variant_of"].fillna("").eq(""), "model"])
        replayed = pd.DataFrame([r for r in rows if r["model"] in base],
                                columns=["model", "training_flop", "flop_low", "flop_high", "method", "variant_of"])
        pairs.append(validate(replayed, None, published, naming, config.threshold).pairs)
    return pd.concat(pairs).drop_duplicates("model")


def read_epoch_models(paths: list[Path]) -> pd.DataFrame:
    """Epoch's tables (or the shipped snapshot, in our column names), one row per model, the first table's
    row winning."""
    frames = []
    for path in paths:
        frame = pd.read_csv(path, skiprows=leading_comments(path))
        frames.append(frame.rename(columns=EPOCH_COLUMNS))
    models = pd.concat(frames, ignore_index=True).drop_duplicates("model")
    missing = [c for c in ("model", "parameters", "training_compute_flop", "publication_date")
               if c not in models.columns]
    if missing:
        raise ValueError(f"{', '.join(map(str, paths))}: missing {', '.join(missing)}")
    return models


def fit_tokens_per_param(paths: list[Path], since: int = 2018, smallest: float = 1e8) -> dict:
    """log10(compute / (6 N^2)), the effective tokens per parameter, as a line in the year and log10 size,
    over language models since `since` with at least `smallest` parameters; the residuals' 5th and 95th
    percentiles give the 90% interval."""
    models = read_epoch_models(paths)
    if "domain" in models.columns:
        models = models[models["domain"].fillna("").str.contains("Language")]
    n = pd.to_numeric(models["parameters"], errors="coerce").astype(float)  # N^2 overflows int64
    c = pd.to_numeric(models["training_compute_flop"], errors="coerce").astype(float)
    dates = pd.to_datetime(models["publication_date"], errors="coerce")
    year = dates.dt.year + (dates.dt.month - 1) / 12
    keep = n.notna() & c.notna() & year.notna() & (n >= smallest) & (year >= since)
    n, c, year = n[keep], c[keep], year[keep]
    if keep.sum() < 10:
        raise ValueError("fewer than 10 language models with parameters, compute and a date to fit on")
    target = np.log10(c / (6 * n ** 2))
    design = np.column_stack([np.ones(len(n)), year - 2020, np.log10(n / 1e9)])
    coef, *_ = np.linalg.lstsq(design, target, rcond=None)
    residuals = target - design @ coef
    p5, p95 = np.percentile(residuals, [5, 95])
    return {"intercept": round(float(coef[0]), 3), "per_year": round(float(coef[1]), 3),
            "per_log10_size": round(float(coef[2]), 3), "residual_low": round(float(p5), 3),
            "residual_high": round(float(p95), 3), "models": int(keep.sum()),
            "fitted_on": ", ".join(Path(p).name for p in paths)}


def write_methods(calibration: MethodCalibration, path: Path, template: str) -> None:
    """configs/methods.toml with the measured tables replaced and its hand-written parts kept."""
    doc = tomlkit.parse(template)
    for method, entry in calibration.measured.items():
        if method not in doc:
            continue
        table = tomlkit.table()
        for key, value in entry.items():
            table[key] = tomlkit.inline_table() if isinstance(value, dict) else value
            if isinstance(value, dict):
                table[key].update(value)
        table.comment(f"`floptrail calibrate methods`: {calibration.source}")
        table.add(tomlkit.nl())
        doc[method]["measured"] = table
    if calibration.heuristic:
        for key, value in calibration.heuristic.items():
            if key != "fitted_on" and key != "models":
                doc["heuristic"][key] = value
        doc["heuristic"]["source"] = (f"Fitted on Epoch AI, Data on AI Models (CC-BY 4.0): "
                                      f"{calibration.heuristic['models']} language models with parameters, compute "
                                      f"and a date since 2018, from {calibration.heuristic['fitted_on']}")
    combine = doc["combine"]
    combine["policy"] = calibration.winner
    summary = "; ".join(f"{name}: median error {f.get('median_factor', float('nan')):.3f}x, within 2x "
                        f"{f.get('within_2x', float('nan')):.2f}, 90% coverage {f.get('coverage', float('nan')):.2f} "
                        f"over {f.get('paired', 0)} models" for name, f in calibration.policies.items())
    combine["measured"] = f"{summary} ({calibration.source})"
    write_atomic(path, tomlkit.dumps(doc).encode("utf-8"))


def calibrate_methods_to(results: list[Path], against: Path, out: Path, tables: list[Path] = (),
                         config_dir: Path | None = None) -> MethodCalibration:
    """Measure, then write methods.toml (the one in `config_dir`, else the shipped one, updated) to `out`."""
    config = load_estimate_config(config_dir, use_curated=False)
    calibration = calibrate_methods(results, against, load_extract_config(config_dir).naming, config, tables)
    own = Path(config_dir) / "methods.toml" if config_dir is not None else None
    template = (own.read_text(encoding="utf-8") if own is not None and own.exists()
                else resources.files("floptrail.configs").joinpath("methods.toml").read_text(encoding="utf-8"))
    write_methods(calibration, out, template)
    return calibration
