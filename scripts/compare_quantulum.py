"""What our rules buy over an off-the-shelf quantity extractor: quantulum3 and floptrail side by side on
the same sentences (the gold quotes and labelled distractors of a devset).

For each gold fact's quote, a tool "finds the value" when it reports a quantity within 2% of the gold
value, and "finds the fact" when that quantity also has the gold kind (quantulum3's units are mapped to
kinds where a unit says it: dollars to cost, days and hours to duration, tonnes of CO2 to emissions;
a bare number has no kind). On the distractor sentences, every quantity a tool offers as a fact is noise.

Run: python scripts/compare_quantulum.py --devset ../shared/devset   (needs `pip install quantulum3`)
"""

from __future__ import annotations

import argparse
import json
import math
import warnings
from pathlib import Path

from floptrail.corpus.document import Document
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor

SCORED = {"flop", "tokens", "params", "active_params", "chip_count", "duration_hours", "chip_hours", "cost_usd",
          "emissions_tco2e"}
HOURS = {"hour": 1, "day": 24, "week": 168, "month": 730, "year": 8760}


def close(a: float, b: float) -> bool:
    return a > 0 and b > 0 and abs(math.log(a / b)) <= math.log1p(0.02)


def quantulum_readings(text: str) -> list[tuple[str, float]]:
    """(kind or "", value in our base units) for each quantity quantulum3 finds."""
    from quantulum3 import parser

    readings = []
    for q in parser.parse(text):
        unit, entity = q.unit.name.lower(), q.unit.entity.name.lower()
        if unit in ("dollar", "united states dollar"):
            readings.append(("cost_usd", q.value))
        elif unit in HOURS:
            readings.append(("duration_hours", q.value * HOURS[unit]))
        elif "tonne" in unit or unit == "ton":
            readings.append(("emissions_tco2e", q.value))
        else:
            readings.append(("" if entity in ("dimensionless", "unknown") else entity, q.value))
    return readings


def floptrail_readings(extractor: Extractor, text: str) -> list[tuple[str, float]]:
    facts = extractor.extract(Document("q", "quote.txt", "text", text))
    return [(f.kind, f.value) for f in facts if f.value is not None and f.role == "subject"]


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=Path("../shared/devset"))
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    gold = [g for g in load_jsonl(args.devset / "gold.jsonl")
            if g["kind"] in SCORED and g.get("value") and not g.get("optional")]
    distractors = load_jsonl(args.devset / "distractors.jsonl")
    extractor = Extractor(load_extract_config(None))
    tools = {"quantulum3": quantulum_readings, "floptrail": lambda t: floptrail_readings(extractor, t)}
    print(f"{len(gold)} gold facts (their quotes alone, without the rest of the document), "
          f"{len(distractors)} distractor sentences")
    print(f"{'tool':12} {'value found':>12} {'fact found':>11} {'noise on distractors':>21}")
    for name, read in tools.items():
        value_hits = fact_hits = 0
        for g in gold:
            found = read(g["quote"])
            value_hits += any(close(v, g["value"]) for _, v in found)
            fact_hits += any(k == g["kind"] and close(v, g["value"]) for k, v in found)
        noise = sum(len(read(d["quote"])) for d in distractors)
        print(f"{name:12} {value_hits / len(gold):12.3f} {fact_hits / len(gold):11.3f} {noise:21d}")


if __name__ == "__main__":
    main()
