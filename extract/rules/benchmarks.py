"""Benchmark scores stated in prose: "an MMLU score of 79.5", "MMLU: 86.1%", "scores 71.3 on MMLU". The
benchmark's name goes in the fact's `unit`; accuracy benchmarks are stored as fractions."""

from __future__ import annotations

from floptrail.extract.rules.base import QTY, Reading
from spacy.tokens import Span

FILLERS = ["score", "scores", "of", ":", "=", "accuracy", "(", ")", "5-shot", "0-shot", "is", "reaches", "at"]
BENCHMARK = {"LOWER": {"IN": ["mmlu", "eci"]}}  # one-word names; tables read any name configs/benchmarks.toml lists
PATTERNS = {
    "benchmark_score": [[BENCHMARK, {"LOWER": {"IN": FILLERS}, "OP": "*"}, QTY, {"TEXT": "%", "OP": "?"}],
                        [QTY, {"TEXT": "%", "OP": "?"}, {"LOWER": "on"}, BENCHMARK]],
}


def read(rule: str, span: Span, config) -> list[Reading]:
    name_token = next(t for t in span if t.lower_ in BENCHMARK["LOWER"]["IN"])
    qty_token = [t for t in span if t._.qty is not None][-1]
    known = config.benchmark_for(name_token.text)
    if known is None or qty_token._.qty.scaled or _shots(qty_token):
        return []
    name, percent = known
    value = qty_token._.qty.value
    if percent:
        value = value / 100 if value > 1 else value
        if not 0 < value <= 1:
            return []
    return [Reading("benchmark", value, qty_token, unit=name)]


def _shots(token) -> bool:
    """"MMLU (5-shot)": the number of examples in the prompt, not a score."""
    following = token.doc[token.i + 1:token.i + 2].text.lower()
    return token.lower_.endswith("shot") or following in ("shot", "-shot", "shots")
