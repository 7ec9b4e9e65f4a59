"""How well names resolve: labelled spellings (a CSV of `model,spelling`, one row per way a model is written)
resolved together and scored by pairs (`floptrail models score FILE`). Every pair of spellings counts once:
merged and of one model is right, merged and of two models is a false merge, apart and of one model is missed."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from floptrail.extract.canonical import PairScore, score_pairs
from floptrail.extract.config import load_extract_config


@dataclass(frozen=True)
class SpellingScore:
    spellings: int
    models: int
    score: PairScore


def load_spellings(path: Path) -> list[tuple[str, str]]:
    """(spelling, true model) rows of a CSV with `model` and `spelling` columns (others, such as `source`,
    are ignored); a ValueError naming the file and what is wrong otherwise."""
    try:
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = {"model", "spelling"} - set(reader.fieldnames or ())
            if missing:
                raise ValueError(f"{path}: no {' or '.join(sorted(missing))} column (need model,spelling)")
            rows = [(r["spelling"].strip(), r["model"].strip()) for r in reader]
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    rows = [(s, m) for s, m in rows if s and m]
    if not rows:
        raise ValueError(f"{path}: no spellings")
    return rows


def score_spellings(path: Path, config_dir: Path | None = None) -> SpellingScore:
    """The labelled spellings in `path` resolved together with the configured naming, scored by pairs."""
    rows = load_spellings(path)
    return SpellingScore(len(rows), len({m for _, m in rows}),
                         score_pairs(rows, load_extract_config(config_dir).naming))
