"""The output tables: facts.csv and estimates.csv, every number next to the facts it rests on."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from floptrail.estimate.records import Estimate, sci, threshold_class
from floptrail.extract.facts import Fact
from floptrail.workspace import write_atomic

FACT_COLUMNS = ["fact_id", "doc", "source", "kind", "value", "low", "high", "unit", "model", "model_mention",
                "hardware", "page", "start", "end", "quote", "rule", "qualifier", "stage", "role"]
ESTIMATE_COLUMNS = ["model", "training_flop", "flop_low", "flop_high", "method", "confidence", "threshold_class",
                    "evidence", "sources", "reasoning"]


def facts_frame(facts: list[Fact]) -> pd.DataFrame:
    rows = []
    for f in facts:
        row = asdict(f)
        row["doc"] = Path(f.source).stem if "://" not in f.source else f.source.rstrip("/").split("/")[-1]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    return frame


def estimates_frame(estimates: list[tuple[str, Estimate | None]], facts: list[Fact], threshold: float) -> pd.DataFrame:
    source_of = {f.fact_id: f.source for f in facts}
    rows = []
    for model, est in estimates:
        if est is None:
            rows.append({"model": model, "reasoning": "no method applies: the documents give too few facts"})
            continue
        sources = sorted({source_of[e] for e in est.evidence if e in source_of})
        rows.append({
            "model": model, "training_flop": sci(est.value), "flop_low": sci(est.low), "flop_high": sci(est.high),
            "method": est.method, "confidence": est.confidence,
            "threshold_class": threshold_class(est.low, est.high, threshold),
            "evidence": ";".join(est.evidence), "sources": ";".join(sources), "reasoning": est.reasoning,
        })
    return pd.DataFrame(rows, columns=ESTIMATE_COLUMNS)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(Path(path), frame.to_csv(index=False).encode("utf-8"))
