"""Build the reference snapshot shipped in `configs/epoch_models.csv` from Epoch AI's published tables.

    python scripts/make_reference.py NOTABLE.csv LARGE_SCALE.csv [--out configs/epoch_models.csv]

Keeps, for every model either table lists, the fields name resolution and the study commands use: name,
organization, publication date, parameters, training compute, base model and domain. Where both tables
list a model the first file given wins field by field and the second fills its blanks (give the newer
first). Epoch AI's data is CC-BY 4.0: the written file credits Epoch AI in its header.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from floptrail.extract.reference import merge_tables, read_rows, snapshot_text

from floptrail.workspace import write_atomic


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tables", nargs="+", type=Path, help="Epoch AI CSV downloads, newest first")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "configs" /
                        "epoch_models.csv")
    args = parser.parse_args()
    tables = [(p.stem, read_rows(p.read_text(encoding="utf-8"))) for p in args.tables]
    rows = merge_tables(tables)
    write_atomic(args.out, snapshot_text(rows, [p.name for p in args.tables]).encode("utf-8"))
    with_compute = sum(1 for r in rows if r["training_compute_flop"])
    print(f"wrote {args.out}: {len(rows)} models, {with_compute} with a training compute figure")


if __name__ == "__main__":
    main()
