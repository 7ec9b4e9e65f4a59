"""`floptrail calibrate utilization`: the model FLOP utilization (MFU) of training runs by hardware
generation, measured from the MFUs stated in Epoch AI's model tables, written to `configs/utilization.toml`
for the hardware method and the energy estimates.

Each generation's figure is the median of its stated MFUs. Its 90% interval is that median times the 5th and
95th percentiles of every stated MFU's ratio to its own generation's median, pooled over the generations:
a generation with four runs cannot give a 5th percentile of its own, and the spread around a generation's
median (cluster size, parallelism, how carefully a run was tuned) is much the same in each."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from floptrail.extract.config import load_extract_config, read_toml
from floptrail.extract.reference import read_rows
from floptrail.workspace import write_atomic

NAME, DATE, HARDWARE, MFU = "Model", "Publication date", "Training hardware", "Hardware utilization (MFU)"
CREDIT = "Epoch AI, Data on AI Models (CC-BY 4.0, credit Epoch AI): column 'Hardware utilization (MFU)'"


@dataclass(frozen=True)
class StatedMFU:
    model: str
    date: str
    chip: str
    mfu: float


@dataclass
class UtilizationFit:
    generations: dict[str, dict]  # name -> chips, first_year, median, low, high, runs, stated
    default: dict  # every stated MFU: median, low, high (5th-95th percentile), runs
    spread: tuple[float, float]  # pooled 5th and 95th percentile of MFU / its generation's median
    runs: list[StatedMFU]
    unplaced: list[str]  # stated MFUs on chips no generation lists ("AlexNet: NVIDIA GeForce GTX 580")
    tables: list[tuple[str, str]]  # file name, sha256 prefix


def chip_of(hardware: str, chip_for) -> str | None:
    """The one chip an Epoch hardware string names ("NVIDIA A100 SXM4 40 GB", "Google TPU v4"), by the
    chips' aliases applied to each word and each pair of words; None for none or for several."""
    words = str(hardware).replace(",", " ").split()
    found = set()
    for i, word in enumerate(words):
        pair = f"{word} {words[i + 1]}" if i + 1 < len(words) else ""
        chip = (chip_for(pair) if pair else None) or chip_for(word)
        if chip:
            found.add(chip)
    return found.pop() if len(found) == 1 else None


def stated_mfus(paths: list[Path], chip_for) -> tuple[list[StatedMFU], list[str]]:
    """Every stated MFU once: a model in several tables counts once (the first table wins), and versions of
    one run that repeat its figure on the same chip ("DeepSeek-V3", "DeepSeek-V3 (Mar 2025)") count once.
    A table is one of Epoch's CSV downloads or a reference snapshot (ours, `floptrail reference update`)."""
    frames = []
    for path in paths:
        try:
            frame = pd.DataFrame(read_rows(Path(path).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise ValueError(f"{path}: not an Epoch AI model table ({exc})") from None
        missing = [epoch for epoch, ours in ((NAME, "model"), (HARDWARE, "training_hardware"),
                                             (MFU, "hardware_utilization_mfu")) if ours not in frame.columns]
        if missing:
            raise ValueError(f"{path}: not an Epoch AI model table (missing {', '.join(missing)})")
        frame = frame.rename(columns={"model": NAME, "publication_date": DATE, "training_hardware": HARDWARE,
                                      "hardware_utilization_mfu": MFU})
        frames.append(frame.assign(**{DATE: frame.get(DATE, "")}).reindex(columns=[NAME, DATE, HARDWARE, MFU]))
    rows = pd.concat(frames, ignore_index=True)
    rows[MFU] = pd.to_numeric(rows[MFU], errors="coerce")
    rows[DATE] = rows[DATE].fillna("").astype(str).str[:10]
    rows = rows[rows[MFU].between(0, 1, inclusive="neither")].drop_duplicates(NAME)
    runs, unplaced, seen = [], [], set()
    for row in rows.sort_values(DATE, kind="stable").to_dict("records"):  # a run's first name is kept
        chip = chip_of(row[HARDWARE], chip_for)
        if chip is None:
            unplaced.append(f"{row[NAME]}: {row[HARDWARE]}")
        elif (chip, round(row[MFU], 4)) not in seen:
            seen.add((chip, round(row[MFU], 4)))
            runs.append(StatedMFU(str(row[NAME]), row[DATE], chip, float(row[MFU])))
    return runs, unplaced


def measure_utilization(paths: list[Path], chip_for, generations: dict[str, dict]) -> UtilizationFit:
    """`generations` as configs/utilization.toml lists them (name -> chips, first_year)."""
    runs, unplaced = stated_mfus(paths, chip_for)
    member = {chip: name for name, spec in generations.items() for chip in spec["chips"]}
    unplaced += [f"{r.model}: {r.chip} (no generation lists it)" for r in runs if r.chip not in member]
    placed = [r for r in runs if r.chip in member]
    if not placed:
        raise ValueError("no stated MFU on a chip any generation lists")
    medians = {name: float(np.median([r.mfu for r in placed if member[r.chip] == name])) for name in generations
               if any(member[r.chip] == name for r in placed)}
    ratios = np.log([r.mfu / medians[member[r.chip]] for r in placed])
    spread = (float(np.exp(np.percentile(ratios, 5))), float(np.exp(np.percentile(ratios, 95))))
    fitted = {}
    for name, spec in generations.items():
        own = sorted((r for r in placed if member[r.chip] == name), key=lambda r: r.date)
        entry = {"chips": list(spec["chips"]), "first_year": spec["first_year"]}
        if own:
            median = medians[name]
            entry |= {"median": round(median, 3), "low": round(median * spread[0], 3),
                      "high": round(median * spread[1], 3), "runs": len(own),
                      "stated": "; ".join(f"{r.model} {r.mfu:.3f} ({r.chip})" for r in own)}
        fitted[name] = entry
    values = [r.mfu for r in placed]
    default = {"median": round(float(np.median(values)), 3), "low": round(float(np.percentile(values, 5)), 3),
               "high": round(float(np.percentile(values, 95)), 3), "runs": len(values)}
    tables = [(Path(p).name, hashlib.sha256(Path(p).read_bytes()).hexdigest()[:16]) for p in paths]
    return UtilizationFit(fitted, default, spread, placed, unplaced, tables)


def write_utilization(fit: UtilizationFit, path: Path) -> None:
    lines = [
        "# Model FLOP utilization (MFU) of training runs by hardware generation: what the hardware method assumes",
        "# when a document states none, and what training energy divides FLOP by. Written by",
        "# `floptrail calibrate utilization`; edit a generation's chips or first_year, then re-run it.",
        "# GPUs and TPUs of one era are separate generations: their stated MFUs differ. A chip no generation lists",
        "# takes the latest generation whose first_year is not after the chip's year (configs/chips.toml), one of",
        "# its own vendor's where there is one; a chip of unknown year takes [default].",
        "",
        "[provenance]",
        f'source = "{CREDIT}"',
        f'tables = "{", ".join(f"{name} (sha256 {sha})" for name, sha in fit.tables)}"',
        f'measured = "{datetime.now(UTC).date()}"',
        'how = "median of the stated MFUs per generation; 90% interval = median x the pooled 5th-95th percentile '
        'of MFU / its generation median; a model in both tables, or one run repeated under two names, counts once"',
        f"runs = {len(fit.runs)}",
        f"spread_low = {fit.spread[0]:.3f}",
        f"spread_high = {fit.spread[1]:.3f}",
        f'not_placed = "{"; ".join(fit.unplaced)}"',
        "",
        "[default]  # every stated MFU: median and 5th-95th percentile",
        *(f"{key} = {value!r}" for key, value in fit.default.items()),
    ]
    for name, entry in fit.generations.items():
        lines += ["", f"[generations.{name}]"]
        for key, value in entry.items():
            lines.append(f'{key} = "{value}"' if isinstance(value, str) else
                         f"{key} = {_toml_list(value)}" if isinstance(value, list) else f"{key} = {value!r}")
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _toml_list(values: list[str]) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def measure_utilization_to(tables: list[Path], out: Path, config_dir: Path | None = None) -> UtilizationFit:
    """Measure with the generations of the current configs/utilization.toml, and write `out`."""
    generations = read_toml("utilization.toml", config_dir)["generations"]
    fit = measure_utilization(tables, load_extract_config(config_dir).chip_for, generations)
    write_utilization(fit, out)
    return fit
