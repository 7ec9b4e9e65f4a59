"""Disclosed training compute: "3.8 × 10^25 FLOPs", "3.14e23 FLOP", "3640 petaflop/s-days", "4 zettaFLOPs".
Per-token FLOPs and throughput (TFLOP/s per GPU) are not totals."""

from __future__ import annotations

import re
from decimal import Decimal

from floptrail.extract.numbers import SI_FLOP
from floptrail.extract.pipeline import doc_text, sent_text
from floptrail.extract.rules.base import (
    LISTED_FOR_MEMBER,
    MODEL,
    QTY,
    Reading,
    ends_elided_figure,
    word_after,
    words_before,
)
from spacy.tokens import Span

PF_DAY = 1e15 * 86400
SPENT_ON = ["training", "total", "pretraining", "pre-training", "train", "compute"]
PATTERNS = {
    # "6.7x10^22 次浮点数运算" (floating-point operations); "1.2 × 10^24 training FLOPs", "3e23 total pre-training
    # FLOP": what the compute was spent on, between the figure and its unit
    "flop": [[QTY, {"LOWER": {"IN": SPENT_ON}, "OP": "*"}, {"LOWER": {"IN": ["flop", "flops", "flop.", "flops."]}}],
             # "10^24 floating point operations", "3e23 floating-point operations"
             [QTY, {"LOWER": {"IN": ["floating", "floating-point"]}}, {"TEXT": "-", "OP": "?"},
              {"LOWER": "point", "OP": "?"}, {"LOWER": {"IN": ["operations", "ops"]}}],
             [QTY, {"TEXT": "次", "OP": "?"}, {"TEXT": "浮"}, {"TEXT": "点"}, {"TEXT": "数", "OP": "?"}, {"TEXT": "运"},
              {"TEXT": "算"}]],
    # a card's key: "Total FLOPS: 2.1 × 10^21", "Training compute (FLOP) = 3e23"
    "flop_label": [[{"LOWER": {"IN": ["total", "training", "train", "pretraining", "pre-training", "compute"]},
                     "OP": "*"}, {"TEXT": "(", "OP": "?"}, {"LOWER": {"IN": ["flops", "flop"]}},
                    {"TEXT": ")", "OP": "?"}, {"TEXT": {"IN": [":", "=", "："]}}, QTY]],
    # "about 4 zettaFLOPs of compute", "1,170 ZFLOP": an SI prefix on the unit, or its letter ("exaFLOPS" is a
    # cluster's rate as often as not, so only the singular "exaFLOP" is an amount, and the plural written with a
    # small "s", "3.2 million exaFLOPs")
    "flop_si": [[QTY, {"LOWER": {"REGEX": r"^(?:exa|zetta|yotta)-?flop$|^(?:zetta|yotta)-?flops$|^[zy]flop$|^eflop$"}}],
                [QTY, {"ORTH": {"REGEX": r"^(?:[Ee]xa-?FLOPs|[EZY]FLOPs|[zy]flops)$"}}]],
    # "budgeted 8.5 × 10^23 FLOPs and ended up using about 8.2 × 10^23": a power of ten whose unit the sentence gave
    # once, earlier
    # (or right after the next model's name: "X used 8.3 × 10^23 FLOP and Y around 2 × 10^23")
    "flop_elided": [[{"LOWER": {"IN": ["using", "used", "use", "at", "only", "just", "needed", "took", "required",
                                        "consumed"]}}, QTY],
                    [MODEL, {"LOWER": {"IN": ["around", "about", "roughly", "approximately", "nearly", "some"]},
                             "OP": "?"}, QTY]],
    "flop_listed": [LISTED_FOR_MEMBER],
    "pf_days": [[QTY, {"LOWER": {"REGEX": r"^(?:pf|petaflops?(?:/s)?)-?days?$"}}],
                [QTY, {"LOWER": {"IN": ["pf", "petaflop", "petaflops", "petaflop/s"]}}, {"TEXT": "-", "OP": "?"},
                 {"LOWER": {"IN": ["days", "day"]}}],
                # "3640 petaflop/s-days", which the tokenizer splits at the slash
                [QTY, {"LOWER": {"IN": ["pf", "petaflop", "petaflops"]}}, {"TEXT": "/"},
                 {"LOWER": {"REGEX": r"^s-?days?$"}}]],
}
# (a petaflop/s-day is an amount of compute, not a rate)
NOT_TOTAL = re.compile(r"\bper[- ](?:token|second|sample|step|gpu|chip)|flops?/s(?![- ]?days?)|flops? per\b", re.I)


# a machine's speed, which an SI unit of compute states as often as a run's total: its performance, throughput or peak,
# a number format's compute, a machine rated or delivering it
MACHINE_SPEED = re.compile(r"\b(?:performance|throughput|peak|rated|delivers?|provides?|capable|supercomputers?|"
                           r"(?:fp|bf|int)\d+)\b", re.I)
POWER_WRITTEN = re.compile(r"10\s*\^|[×x*]\s*10|\d[eE][+]?\d")  # "8.2 × 10^23", "8.2e23"
FLOP_BEFORE = re.compile(r"\d[^.;]*?\b(?:FLOPs?|floating[- ]point\s+operations)\b", re.I)


def _figure(rule: str, span: Span):
    if rule == "flop_listed":
        return span[1]
    return span[-1] if rule in ("flop_label", "flop_elided") else span[0]


def read(rule: str, span: Span, config) -> list[Reading]:
    qty_token = _figure(rule, span)
    q = qty_token._.qty
    # (an item with its member after it ends no clause)
    if rule in ("flop_elided", "flop_listed") and not (
            POWER_WRITTEN.search(q.text) and (rule == "flop_listed" or ends_elided_figure(qty_token))
            and FLOP_BEFORE.search(doc_text(span.doc)[span.sent.start_char:span.start_char])):
        return []
    value = q.value * PF_DAY if rule == "pf_days" else q.value
    if rule == "flop_si":
        power = next(p for prefix, p in SI_FLOP.items() if span[-1].lower_.startswith(prefix))
        value = float(Decimal(repr(q.value)).scaleb(power))  # in decimal: 0.3 yottaFLOP is exactly 3e23
    # (below configs/extraction.toml's floor a figure is a count per token or step, not a run's compute)
    if value < (config.bounds.get("flop", (None, None))[0] or 0) or word_after(span.end, span.doc) in ("per", "/") or (
            words_before(qty_token, 1) in (["per"], ["every"], ["each"])):
        return []  # (a rate's unit: "1.4 MWh per 10^21 FLOP" is no run's compute)
    if rule == "flop_si" and MACHINE_SPEED.search(sent_text(span)):
        return []  # "a cluster that delivers 4.5 EFLOPs of FP8 performance", "a 10 EFLOP AI supercomputer"
    if NOT_TOTAL.search(sent_text(span)[span.start_char - span.sent.start_char:]):
        return []
    return [Reading("flop", value, qty_token, qualifier=q.qualifier)]
