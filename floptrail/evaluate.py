"""Score extracted facts against hand-labelled gold facts.

Matching: same document (file name without extension), same kind, value within a relative tolerance
(chip name for `hardware`), and with `with_model` the same model after normalising names. Each
(document, kind, value[, model]) counts once on either side; `cited` facts and kinds that are not
totals (rates) are not scored; optional gold facts (plans, ablations, earlier own models) are neither
missed nor held against a fact that matches them.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from floptrail.export import read_table

SCORED_KINDS = ("flop", "tokens", "params", "active_params", "hardware", "chip_count", "duration_hours",
                "chip_hours", "cost_usd", "energy_kwh", "emissions_tco2e")


@dataclass(frozen=True)
class Item:
    """A gold or predicted fact, reduced to what matching needs plus its quote for the report."""

    doc: str
    kind: str
    value: float | None
    hardware: str
    model: str
    quote: str
    optional: bool = False
    confidence: float | None = None  # the extractor's confidence in a predicted fact


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[Item] = field(default_factory=list)
    extras: list[Item] = field(default_factory=list)
    calibration: list[dict] = field(default_factory=list)  # share right per confidence band (see calibration)

    def kind_prf(self, kind: str) -> tuple[float, float, float]:
        return prf(self.tp[kind], self.fp[kind], self.fn[kind])

    def overall(self) -> tuple[float, float, float]:
        return prf(sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values()))

    def frame(self) -> pd.DataFrame:
        rows = []
        for kind in [*SCORED_KINDS, "overall"]:
            tp, fp, fn = ((sum(d.values()) for d in (self.tp, self.fp, self.fn)) if kind == "overall"
                          else (self.tp[kind], self.fp[kind], self.fn[kind]))
            if tp + fp + fn:
                p, r, f = prf(tp, fp, fn)
                rows.append({"kind": kind, "gold": tp + fn, "predicted": tp + fp, "precision": round(p, 3),
                             "recall": round(r, 3), "f1": round(f, 3)})
        return pd.DataFrame(rows)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def doc_name(source: str) -> str:
    """A document's id for matching: its file name (or last URL segment) without extension."""
    return Path(str(source).rstrip("/").split("/")[-1]).stem


def model_key(name: str) -> str:
    """`meta-llama/Llama-2-7B` and `llama 2 7b` alike: lower case, no org prefix, no separators."""
    return re.sub(r"[^a-z0-9.]+", "", (name or "").lower().split("/")[-1].replace("_", "-"))


def chip_key(name: str) -> str:
    """`NVIDIA A100-80GB GPUs` and `A100` alike: the chip family without vendor, memory or form factor."""
    key = re.sub(r"[^a-z0-9]+", "", (name or "").lower())
    key = re.sub(r"^(nvidia|google|amd)", "", key)
    for suffix in (r"(gpus?|chips?)$", r"(80gb|40gb|sxm\d?|pcie)$", r"(80gb|40gb|sxm\d?|pcie)$"):
        key = re.sub(suffix, "", key) or key
    return key


def same_model(a: str, b: str) -> bool:
    a, b = model_key(a), model_key(b)
    return bool(a and b) and (a == b or a in b or b in a)


def same_value(gold: Item, pred: Item, tol: float) -> bool:
    if gold.kind == "hardware":
        return chip_key(gold.hardware) != "" and chip_key(gold.hardware) == chip_key(pred.hardware)
    if gold.value is None or pred.value is None:
        return False
    if gold.value == 0 or pred.value == 0:
        return gold.value == pred.value
    return abs(math.log(pred.value / gold.value)) <= math.log1p(tol)


def _number(value) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def load_gold(path: Path) -> list[Item]:
    items = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}, line {n}: not JSON ({exc.msg})") from None
        items.append(Item(doc_name(row["doc"]), row["kind"], _number(row.get("value")), row.get("hardware") or "",
                          row.get("model") or "", row.get("quote") or "", bool(row.get("optional"))))
    return items


def load_annotations(folder: Path) -> list[Item]:
    """Gold from reviewed annotation files (`floptrail review export`, then edited): every span a reviewer
    accepted, corrected or added. Spans not yet answered, rejected or ignored are not gold."""
    items = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if not lines or "doc_id" not in lines[0]:
            continue
        doc = doc_name(lines[0].get("source", ""))
        for span in lines[1:]:
            if (span.get("answer") or "").lower() == "accept":
                items.append(Item(doc, span.get("kind") or span.get("label", ""), _number(span.get("value")),
                                  span.get("hardware") or "", span.get("model") or "", span.get("text") or ""))
    return items


def load_predictions(path: Path) -> list[Item]:
    """Rows of a facts.csv, leaving out facts quoted about other models (role `cited`) and spans a reviewer
    added (the machine did not find them). Score a run made before decisions were imported: corrected
    values in a reviewed run would be scored against themselves."""
    frame = read_table(path)
    return [Item(doc_name(r.get("source") or r.get("doc", "")), r["kind"], _number(r.get("value")),
                 r.get("hardware", ""), r.get("model", ""), r.get("quote", ""), confidence=_number(r.get("confidence")))
            for r in frame.to_dict("records")
            if r.get("role", "").lower() != "cited" and r.get("status", "machine") != "added"]


def _key(item: Item, with_model: bool) -> tuple:
    if item.kind == "hardware":
        key = (item.doc, item.kind, chip_key(item.hardware))
    else:
        value = item.value or 0.0
        key = (item.doc, item.kind, round(math.log10(value), 3) if value > 0 else value)
    return (*key, model_key(item.model)) if with_model else key


def _once(items: list[Item], with_model: bool) -> list[Item]:
    """Each (document, kind, value[, model]) once; a required gold fact wins over an optional twin."""
    seen, out = set(), []
    for item in sorted(items, key=lambda i: i.optional):
        if item.kind not in SCORED_KINDS or (item.kind != "hardware" and item.value is None):
            continue
        key = _key(item, with_model)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def score(gold: list[Item], predicted: list[Item], with_model: bool = False, tol: float = 0.02) -> Score:
    gold, predicted = _once(gold, with_model), _once(predicted, with_model)
    candidates: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(predicted):
        candidates[(p.doc, p.kind)].append(i)
    used: set[int] = set()
    result = Score()
    # optional facts first, on value alone: matching one is neither right nor wrong
    for g in [g for g in gold if g.optional] + [g for g in gold if not g.optional]:
        hit = next((i for i in candidates[(g.doc, g.kind)] if i not in used and same_value(g, predicted[i], tol)
                    and (g.optional or not with_model or same_model(g.model, predicted[i].model))), None)
        if hit is not None:
            used.add(hit)
        if g.optional:
            continue
        if hit is None:
            result.fn[g.kind] += 1
            result.misses.append(g)
        else:
            result.tp[g.kind] += 1
    gold_docs = {g.doc for g in gold}
    for i, p in enumerate(predicted):
        if i not in used and p.doc in gold_docs:
            result.fp[p.kind] += 1
            result.extras.append(p)
    return result


def evaluate(facts: Path, gold: Path | None = None, annotations: Path | None = None, with_model: bool = False,
             tol: float = 0.02) -> Score:
    """A facts.csv scored against gold facts: a JSONL file (`gold`) or a folder of reviewed annotation files."""
    if (gold is None) == (annotations is None):
        raise ValueError("give either gold (a JSONL file) or annotations (a folder), not both")
    truth = load_gold(gold) if gold is not None else load_annotations(annotations)
    predicted = load_predictions(facts)
    result = score(truth, predicted, with_model, tol)
    result.calibration = calibration(truth, predicted, tol)
    return result


CONFIDENCE_BANDS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.0001)


def calibration(gold: list[Item], predicted: list[Item], tol: float = 0.02) -> list[dict]:
    """How often the predicted facts of each confidence band are right (a gold fact of their document has
    their kind and value, optional ones included), and the same for every fact at 0.9 or above: a
    confidence means what it says when the share right is at least the band's floor."""
    gold_docs = {g.doc for g in gold}
    by_doc_kind: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for g in gold:
        by_doc_kind[(g.doc, g.kind)].append(g)
    judged = [(p.confidence, any(same_value(g, p, tol) for g in by_doc_kind[(p.doc, p.kind)]))
              for p in predicted if p.doc in gold_docs and p.kind in SCORED_KINDS and p.confidence is not None]
    bands = [(f"{low:.1f}-{min(high, 1.0):.1f}", low, high) for low, high in
             zip(CONFIDENCE_BANDS, CONFIDENCE_BANDS[1:], strict=False)] + [(">=0.9", 0.9, 1.0001)]
    rows = []
    for label, low, high in bands:
        band = [right for c, right in judged if low <= c < high]
        share = round(sum(band) / len(band), 3) if band else None
        rows.append({"confidence": label, "facts": len(band), "right": share})
    return rows
