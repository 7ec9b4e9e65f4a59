"""`floptrail validate`: our estimates against a published table of training compute (Epoch AI's column
names or ours), paired by canonical model name. Per model: both figures, the ratio and both classes; then
the median error, the share within 2x and 3x, class agreement, how often each method's 90% interval holds
the published value, and the models only one side has."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.records import threshold_class
from floptrail.extract.canonical import same_model
from floptrail.extract.config import ModelNaming, load_extract_config

NAME_COLUMNS = ("model", "Model", "System")
FLOP_COLUMNS = ("training_compute_flop", "Training compute (FLOP)")
FROM_FACTS = ("direct", "hardware", "arithmetic", "cost")  # methods that rest on stated training facts


@dataclass
class Validation:
    pairs: pd.DataFrame  # model, reference_model, ours, theirs, ratio, method, our_class, their_class, in_interval
    coverage: dict[str, tuple[int, int]] = field(default_factory=dict)  # method -> (inside, paired)
    only_theirs: list[str] = field(default_factory=list)
    only_ours: list[str] = field(default_factory=list)

    def summary(self, methods: tuple[str, ...] | None = None) -> dict[str, float]:
        """Error and agreement over the paired models, or over those whose preferred method is in `methods`."""
        pairs = self.pairs if methods is None else self.pairs[self.pairs["method"].isin(methods)]
        logs = [abs(math.log10(r)) for r in pairs["ratio"]]
        if not logs:
            return {"paired": 0}
        agree = (pairs["our_class"] == pairs["their_class"]).sum()
        return {"paired": len(logs), "median_factor": 10 ** float(pd.Series(logs).median()),
                "within_2x": sum(v <= math.log10(2) for v in logs) / len(logs),
                "within_3x": sum(v <= math.log10(3) for v in logs) / len(logs),
                "class_agreement": agree / len(logs)}


def read_reference(path: Path) -> pd.DataFrame:
    """`model` and `flop` columns from a CSV with Epoch's or floptrail's column names."""
    frame = pd.read_csv(path)
    name = next((c for c in NAME_COLUMNS if c in frame.columns), None)
    flop = next((c for c in FLOP_COLUMNS if c in frame.columns), None)
    if name is None or flop is None:
        raise ValueError(f"{path}: needs a model column ({' or '.join(NAME_COLUMNS)}) and a compute column "
                         f"({' or '.join(FLOP_COLUMNS)})")
    frame = frame[[name, flop]].rename(columns={name: "model", flop: "flop"})
    frame["flop"] = pd.to_numeric(frame["flop"], errors="coerce")
    return frame.dropna()


def validate_results(against: Path, results: Path, config_dir: Path | None = None) -> Validation:
    """A run's output folder (estimates.csv, and methods.csv when there) against a published table."""
    estimates = pd.read_csv(Path(results) / "estimates.csv", dtype={"variant_of": str})
    methods_path = Path(results) / "methods.csv"
    methods = pd.read_csv(methods_path) if methods_path.exists() else None
    return validate(estimates, methods, read_reference(against), load_extract_config(config_dir).naming,
                    load_estimate_config(config_dir).threshold)


def _spellings(name: str) -> list[str]:
    """Epoch writes some names with a note in brackets, a size ("PaLM (540B)") or not ("DeepSeek-V2
    (MoE-236B)"): try the name without it and with its contents as part of the name."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", str(name))
    return [str(name)] if not m else [f"{m.group(1)} {m.group(2)}", m.group(1)]


def validate(estimates: pd.DataFrame, methods: pd.DataFrame | None, reference: pd.DataFrame, naming: ModelNaming,
             threshold: float = 1e25) -> Validation:
    """`estimates` and `methods` as `floptrail run` writes them (estimates.csv, methods.csv)."""
    ours = estimates[estimates["training_flop"].notna() & estimates["variant_of"].fillna("").eq("")]
    rows, matched_theirs = [], set()
    for est in ours.sort_values("model").itertuples():
        match = next((r for r in reference.itertuples()
                      if any(same_model(est.model, spelling, naming) for spelling in _spellings(r.model))), None)
        if match is None:
            continue
        matched_theirs.add(match.model)
        value, low, high = float(est.training_flop), float(est.flop_low), float(est.flop_high)
        rows.append({"model": est.model, "reference_model": match.model, "ours": value, "theirs": match.flop,
                     "ratio": value / match.flop, "method": est.method,
                     "our_class": threshold_class(low, high, threshold),
                     "their_class": "above" if match.flop >= threshold else "below",
                     "in_interval": low <= match.flop <= high})
    pairs = pd.DataFrame(rows, columns=["model", "reference_model", "ours", "theirs", "ratio", "method", "our_class",
                                        "their_class", "in_interval"])
    coverage: dict[str, tuple[int, int]] = {}
    truth = dict(zip(pairs["model"], pairs["theirs"], strict=True))
    for row in (methods.itertuples() if methods is not None else []):
        if row.model in truth:
            inside, total = coverage.get(row.method, (0, 0))
            hit = float(row.flop_low) <= truth[row.model] <= float(row.flop_high)
            coverage[row.method] = (inside + hit, total + 1)
    return Validation(pairs, coverage, only_theirs=sorted(set(reference["model"]) - matched_theirs),
                      only_ours=sorted(set(ours["model"]) - set(pairs["model"])))
