"""`floptrail validate`: our estimates against a published table of training compute (Epoch AI's column
names or ours), paired by canonical model name. Per model: both figures, the ratio and both classes; then
the median error, the share within 2x and 3x, class agreement, and per method (every method's figure, not
only the preferred one) the median error, the share within 2x and how often its 90% interval holds the
published value, overall and by era; and the models only one side has."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.records import threshold_class
from floptrail.extract.canonical import same_model, signature
from floptrail.extract.config import ModelNaming, load_extract_config

NAME_COLUMNS = ("model", "Model", "System")
FLOP_COLUMNS = ("training_compute_flop", "Training compute (FLOP)")
DATE_COLUMNS = ("publication_date", "Publication date")
FROM_FACTS = ("direct", "hardware", "arithmetic", "cost")  # methods that rest on stated training facts
ERAS = ((2020, "before 2020"), (2023, "2020-2022"), (2025, "2023-2024"), (10_000, "2025 on"))
_SIZE = re.compile(r"\d+(?:\.\d+)?\s*[BMT]\b", re.IGNORECASE)
PAIR_COLUMNS = ["model", "reference_model", "ours", "low", "high", "theirs", "ratio", "method", "our_class",
                "their_class", "in_interval", "year"]


def from_facts(method: str) -> bool:
    """Whether an estimate rests on stated training facts alone ("arithmetic+hardware" when combined)."""
    return all(part in FROM_FACTS for part in str(method).split("+"))


def era(year: float | None) -> str:
    if year is None or pd.isna(year):
        return "undated"
    return next(label for end, label in ERAS if year < end)


def figures(pairs: pd.DataFrame) -> dict[str, float]:
    """Median error factor, shares within 2x and 3x, and interval coverage of paired figures."""
    logs = [abs(math.log10(r)) for r in pairs["ratio"]]
    if not logs:
        return {"paired": 0}
    return {"paired": len(logs), "median_factor": 10 ** float(pd.Series(logs).median()),
            "within_2x": sum(v <= math.log10(2) for v in logs) / len(logs),
            "within_3x": sum(v <= math.log10(3) for v in logs) / len(logs),
            "coverage": float(pairs["in_interval"].mean())}


@dataclass
class Validation:
    pairs: pd.DataFrame  # the preferred estimates: PAIR_COLUMNS
    by_method: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PAIR_COLUMNS))  # every method
    only_theirs: list[str] = field(default_factory=list)
    only_ours: list[str] = field(default_factory=list)
    threshold: float = 1e25

    @property
    def coverage(self) -> dict[str, tuple[int, int]]:
        """method -> (intervals holding the published value, paired figures)."""
        return {m: (int(g["in_interval"].sum()), len(g)) for m, g in self.by_method.groupby("method")}

    def summary(self, stated_only: bool = False) -> dict[str, float]:
        """Error and agreement over the paired models, or over those estimated from stated facts alone.
        `clear_agreement` counts only models whose published value is more than 2x from the threshold."""
        pairs = self.pairs[self.pairs["method"].map(from_facts)] if stated_only else self.pairs
        out = figures(pairs)
        if not out["paired"]:
            return out
        agree = pairs["our_class"] == pairs["their_class"]
        clear = self._clear(pairs)
        out |= {"class_agreement": float(agree.mean()), "clear_pairs": int(clear.sum()),
                "clear_agreement": float(agree[clear].mean()) if clear.any() else float("nan"),
                "clear_uncertain": int((clear & pairs["our_class"].eq("uncertain")).sum()),
                "clear_opposite": int((clear & ~agree & pairs["our_class"].ne("uncertain")).sum())}
        return out

    def clear_misses(self) -> pd.DataFrame:
        """The clear cases whose class we do not give: `uncertain` (our interval spans the threshold) or the
        opposite side, with the method that decided it."""
        pairs = self.pairs[self._clear(self.pairs) & self.pairs["our_class"].ne(self.pairs["their_class"])]
        return pairs[["model", "method", "ours", "low", "high", "theirs", "our_class", "their_class"]]

    def _clear(self, pairs: pd.DataFrame) -> pd.Series:
        """Pairs whose published value is more than 2x from the threshold."""
        return (pairs["theirs"] / self.threshold).map(lambda r: abs(math.log10(r)) > math.log10(2))

    def method_summary(self, by_era: bool = False) -> pd.DataFrame:
        """Per method (and era): paired figures, median error, within 2x and 3x, interval coverage."""
        frame = self.by_method.assign(era=self.by_method["year"].map(era))
        keys = ["method", "era"] if by_era else ["method"]
        rows = [{**dict(zip(keys, key if isinstance(key, tuple) else (key,), strict=True)), **figures(group)}
                for key, group in frame.groupby(keys)]
        return pd.DataFrame(rows)


def read_reference(path: Path) -> pd.DataFrame:
    """`model`, `flop` and `year` columns from a CSV with Epoch's or floptrail's column names."""
    frame = pd.read_csv(path, skiprows=leading_comments(path))
    name = next((c for c in NAME_COLUMNS if c in frame.columns), None)
    flop = next((c for c in FLOP_COLUMNS if c in frame.columns), None)
    if name is None or flop is None:
        raise ValueError(f"{path}: needs a model column ({' or '.join(NAME_COLUMNS)}) and a compute column "
                         f"({' or '.join(FLOP_COLUMNS)})")
    date = next((c for c in DATE_COLUMNS if c in frame.columns), None)
    out = pd.DataFrame({"model": frame[name], "flop": pd.to_numeric(frame[flop], errors="coerce"),
                        "year": pd.to_datetime(frame[date], errors="coerce").dt.year if date else float("nan")})
    return out.dropna(subset=["model", "flop"])


def validate_results(against: Path, results: Path, config_dir: Path | None = None) -> Validation:
    """A run's output folder (estimates.csv, and methods.csv when there) against a published table."""
    estimates = pd.read_csv(Path(results) / "estimates.csv", dtype={"variant_of": str})
    methods_path = Path(results) / "methods.csv"
    methods = pd.read_csv(methods_path) if methods_path.exists() else None
    return validate(estimates, methods, read_reference(against), load_extract_config(config_dir).naming,
                    load_estimate_config(config_dir).threshold)


def leading_comments(path: Path) -> int:
    """How many '#' lines open the file (a snapshot names its source and licence there)."""
    count = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            count += 1
    return count


def _spellings(name: str) -> list[tuple[str, bool]]:
    """Epoch writes some names with a note in brackets, a size ("PaLM (540B)") or not ("DeepSeek-V2
    (MoE-236B)"): the name with the note as part of it, then the name without it. Each spelling comes with
    whether it names a size the bare name does not."""
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", str(name))
    if not m:
        return [(str(name), False)]
    return [(f"{m.group(1)} {m.group(2)}", False), (m.group(1), bool(_SIZE.search(m.group(2))))]


def _family_rows(names: list[str], naming: ModelNaming) -> set[str]:
    """Our unsized names that have sized members in the same table ("Qwen2.5" beside "Qwen2.5-72B"): a
    family, which a published figure for one size does not describe."""
    sigs = {n: signature(n, naming) for n in names}
    sized = {(s.family, s.version) for s in sigs.values() if s.size}
    return {n for n, s in sigs.items() if not s.size and (s.family, s.version) in sized}


def _match(model: str, reference: pd.DataFrame, naming: ModelNaming, family: bool):
    for row in reference.itertuples():
        for spelling, drops_size in _spellings(row.model):
            if (not family or not drops_size) and same_model(model, spelling, naming):
                return row
    return None


def validate(estimates: pd.DataFrame, methods: pd.DataFrame | None, reference: pd.DataFrame, naming: ModelNaming,
             threshold: float = 1e25) -> Validation:
    """`estimates` and `methods` as `floptrail run` writes them (estimates.csv, methods.csv)."""
    ours = estimates[estimates["training_flop"].notna() & estimates["variant_of"].fillna("").eq("")]
    families = _family_rows(list(ours["model"]), naming)
    rows, matched = [], {}
    for est in ours.sort_values("model").itertuples():
        match = _match(est.model, reference, naming, est.model in families)
        if match is None:
            continue
        matched[est.model] = match
        value, low, high = float(est.training_flop), float(est.flop_low), float(est.flop_high)
        rows.append(_pair(est.model, match, value, low, high, est.method, threshold))
    method_rows = [_pair(r.model, matched[r.model], float(r.training_flop), float(r.flop_low), float(r.flop_high),
                         r.method, threshold)
                   for r in (methods.itertuples() if methods is not None else []) if r.model in matched]
    return Validation(pd.DataFrame(rows, columns=PAIR_COLUMNS), pd.DataFrame(method_rows, columns=PAIR_COLUMNS),
                      only_theirs=sorted(set(reference["model"]) - {m.model for m in matched.values()}),
                      only_ours=sorted(set(ours["model"]) - set(matched)), threshold=threshold)


def _pair(model: str, match, value: float, low: float, high: float, method: str, threshold: float) -> dict:
    return {"model": model, "reference_model": match.model, "ours": value, "low": low, "high": high,
            "theirs": match.flop, "ratio": value / match.flop, "method": method,
            "our_class": threshold_class(low, high, threshold),
            "their_class": "above" if match.flop >= threshold else "below",
            "in_interval": low <= match.flop <= high, "year": match.year}
