"""`floptrail calibrate`: fit the benchmark curves from a table of models with known compute and scores,
report leave-one-out error per benchmark and for benchmarks combined, and write the curves with the
data's provenance to a TOML file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from floptrail.estimate.curves import Curve, combine_log10, fit
from floptrail.workspace import write_atomic

REQUIRED = ("model", "training_compute_flop", "benchmark", "score")


@dataclass
class Calibration:
    curves: dict[str, Curve]
    combined: dict  # models with 2+ benchmarks: count, LOO median and p90 factors, 5th and 95th error percentiles
    source: str
    sha256: str
    rows: int


def read_table(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path)
    missing = [c for c in REQUIRED if c not in frame.columns]
    if missing:
        raise ValueError(f"{path}: missing columns {', '.join(missing)}")
    frame = frame.dropna(subset=list(REQUIRED))
    return frame[frame["training_compute_flop"] > 0]


def calibrate(path: Path, settings: dict) -> Calibration:
    """Per benchmark named in `settings` (configs/benchmarks.toml): the plain curve of the better form by
    leave-one-out error, and a dated curve (with release year) where the year lowers that error."""
    frame = read_table(path)
    frame["year"] = _years(frame)
    curves, by_model = {}, {}
    for benchmark, rows in frame.groupby("benchmark"):
        spec = settings.get(benchmark)
        if spec is None or len(rows) < 5:
            continue
        rows = rows.groupby("model", as_index=False).agg(
            {"score": "median", "training_compute_flop": "median", "year": "median"})
        forms = ["sigmoid", "linear"] if "floor" in spec else ["linear"]
        bounds = (spec.get("floor", 0.0), spec.get("ceiling", 1.0))
        plain = min((_fit(benchmark, rows, form, bounds) for form in forms), key=lambda f: f[0].loo_median_factor)
        curves[benchmark] = plain[0]
        best = plain
        dated_rows = rows.dropna(subset=["year"])
        if len(dated_rows) >= 5:
            dated = _fit(benchmark, dated_rows, plain[0].form, bounds, with_year=True)
            if dated[0].loo_median_factor < plain[0].loo_median_factor:
                curves[f"{benchmark}+year"] = dated[0]
                best = dated
        for model, error, truth in best[1]:
            by_model.setdefault(model, []).append((truth + error, best[0], truth))
    combined = _combined_error(by_model)
    data = Path(path).read_bytes()
    return Calibration(curves, combined, str(path), hashlib.sha256(data).hexdigest()[:16], len(frame))


def _years(frame: pd.DataFrame) -> pd.Series:
    if "date" not in frame.columns:
        return pd.Series(np.nan, index=frame.index)
    dates = pd.to_datetime(frame["date"], errors="coerce")
    return dates.dt.year + (dates.dt.day_of_year - 1) / 365.25


def _fit(benchmark: str, rows: pd.DataFrame, form: str, bounds: tuple[float, float], with_year: bool = False):
    """The curve and, per model, (model, leave-one-out error, true log10 FLOP)."""
    log_flop = np.log10(rows["training_compute_flop"]).tolist()
    curve, errors = fit(benchmark, rows["score"].tolist(), log_flop, form, *bounds,
                        years=rows["year"].tolist() if with_year else None)
    return curve, list(zip(rows["model"], errors, log_flop, strict=True))


def _combined_error(by_model: dict) -> dict:
    errors = np.array([combine_log10([p for p, _, _ in preds]) - preds[0][2]
                       for preds in by_model.values() if len(preds) >= 2])
    if not len(errors):
        return {"models": 0}
    return {"models": len(errors), "loo_median_factor": float(10 ** np.median(np.abs(errors))),
            "loo_p90_factor": float(10 ** np.percentile(np.abs(errors), 90)),
            "residual_low": float(np.percentile(errors, 5)), "residual_high": float(np.percentile(errors, 95))}


def write_curves(calibration: Calibration, path: Path) -> None:
    lines = [
        "# Benchmark -> training compute curves, written by `floptrail calibrate`; do not edit by hand.",
        f"# Fitted on {Path(calibration.source).name} (sha256 {calibration.sha256}, {calibration.rows} rows) "
        f"on {datetime.now(UTC).date()}.",
        "# Data: Epoch AI benchmark and compute tables (CC-BY 4.0, credit Epoch AI), LMArena leaderboards,",
        "# the Open LLM Leaderboard v1 final snapshot. Errors are leave-one-model-out factors (10^|log10 error|).",
        "",
        "[provenance]",
        f'source = "{Path(calibration.source).name}"',
        f'sha256 = "{calibration.sha256}"',
        f"rows = {calibration.rows}",
        "",
        "[combined]  # the median of a model's benchmark predictions, left out of every curve",
        *(f"{key} = {value!r}" for key, value in calibration.combined.items()),
    ]
    for name, curve in sorted(calibration.curves.items()):
        lines += ["", f'["{name}"]' if not name.isidentifier() else f"[{name}]"]
        for key, value in curve.to_toml().items():
            lines.append(f'{key} = "{value}"' if isinstance(value, str) else f"{key} = {value!r}")
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))
