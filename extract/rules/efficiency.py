"""How efficiently a run used its chips: a stated utilization ("MFU of 38%", "43% model FLOPs utilization")
and the number format ("trained in FP8"), which the hardware estimate uses instead of its defaults."""

from __future__ import annotations

from floptrail.extract.pipeline import sent_text
from floptrail.extract.rules.base import QTY, Reading
from spacy.tokens import Span

UTILIZATION_WORDS = ["mfu", "utilization", "utilisation"]
FILLERS = ["of", "was", "is", "at", "around", "about", "approximately", "roughly", "(", ")", "mfu", "reached",
           "achieved", "an", "average"]
PATTERNS = {
    "utilization": [[{"LOWER": {"IN": UTILIZATION_WORDS}}, {"LOWER": {"IN": FILLERS}, "OP": "*"}, QTY,
                     {"TEXT": "%", "OP": "?"}],
                    [QTY, {"TEXT": "%", "OP": "?"}, {"LOWER": {"IN": ["mfu", "model"]}}]],
    "number_format": [[{"LOWER": {"IN": ["fp8", "bf16"]}}]],
}


def read(rule: str, span: Span, config) -> list[Reading]:
    if rule == "number_format":
        if "train" not in sent_text(span).lower():
            return []
        return [Reading("precision", None, span[0], hardware=span[0].text.upper())]
    qty_token = next(t for t in span if t._.qty is not None)
    percent = qty_token._.qty.value
    written_percent = qty_token.text.endswith("%") or "%" in [t.text for t in span]
    if not written_percent or not 0 < percent <= 100:
        return []
    return [Reading("utilization", percent / 100, qty_token, qualifier=qty_token._.qty.qualifier)]
