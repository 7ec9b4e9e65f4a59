"""The output tables: facts.csv and estimates.csv, every number next to the facts it rests on."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pandas as pd

from floptrail.estimate.records import ModelEstimate, sci, threshold_class
from floptrail.extract.facts import Fact
from floptrail.workspace import write_atomic

FACT_COLUMNS = ["fact_id", "doc", "source", "kind", "value", "low", "high", "unit", "model", "model_mention",
                "hardware", "page", "start", "end", "quote", "rule", "qualifier", "stage", "role"]
ESTIMATE_COLUMNS = ["model", "variant_of", "publication_date", "training_flop", "flop_low", "flop_high", "method",
                    "confidence", "threshold_class", "class_1e25", "class_1e26", "disagreement", "methods",
                    "evidence", "sources", "reasoning"]
METHOD_COLUMNS = ["model", "method", "preferred", "training_flop", "flop_low", "flop_high", "confidence", "evidence",
                  "reasoning", "assumptions"]


def facts_frame(facts: list[Fact]) -> pd.DataFrame:
    rows = []
    for f in facts:
        row = asdict(f)
        row["doc"] = Path(f.source).stem if "://" not in f.source else f.source.rstrip("/").split("/")[-1]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    return frame


def class_column(threshold: float) -> str:
    return f"class_{threshold:.0e}".replace("e+", "e")


def estimates_frame(estimates: list[ModelEstimate], facts: list[Fact], thresholds: list[float]) -> pd.DataFrame:
    """One row per model: the preferred estimate, its class against each threshold, every method's figure."""
    source_of = {f.fact_id: f.source for f in facts}
    columns = ESTIMATE_COLUMNS[:9] + [class_column(t) for t in thresholds] + ESTIMATE_COLUMNS[11:]
    rows = []
    for me in estimates:
        est = me.preferred
        row = {"model": me.model, "variant_of": me.variant_of, "publication_date": me.date,
               "disagreement": me.disagreement,
               "methods": "; ".join(f"{e.method}={sci(e.value)}" for e in me.methods)}
        if est is None:
            rows.append({**row, "reasoning": "no method applies: the documents give too few facts"})
            continue
        sources = sorted({source_of[e] for e in est.evidence if e in source_of})
        row.update({
            "training_flop": sci(est.value), "flop_low": sci(est.low), "flop_high": sci(est.high),
            "method": est.method, "confidence": est.confidence,
            "threshold_class": threshold_class(est.low, est.high, thresholds[0]),
            **{class_column(t): threshold_class(est.low, est.high, t) for t in thresholds},
            "evidence": ";".join(est.evidence), "sources": ";".join(sources), "reasoning": est.reasoning,
        })
        rows.append(row)
    return pd.DataFrame(rows, columns=columns)


def methods_frame(estimates: list[ModelEstimate]) -> pd.DataFrame:
    """Every method's estimate for every model, so disagreements can be read side by side."""
    rows = [{"model": me.model, "method": e.method,
             "preferred": me.preferred is not None and e.method == me.preferred.method, "training_flop": sci(e.value),
             "flop_low": sci(e.low), "flop_high": sci(e.high), "confidence": e.confidence,
             "evidence": ";".join(e.evidence), "reasoning": e.reasoning, "assumptions": ";".join(e.assumptions)}
            for me in estimates for e in me.methods]
    return pd.DataFrame(rows, columns=METHOD_COLUMNS)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    write_atomic(Path(path), frame.to_csv(index=False).encode("utf-8"))
