"""The records extraction yields: a Fact (one figure tied to its span, page, document and model), why a reading
was rejected, and a document's Extraction. Apart from the Extractor so that the stages and tools that only read
facts (estimation, export, review) do not import the parsing pipeline."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from floptrail.extract.inventory import Inventory

UNITS = {
    "flop": "FLOP", "tokens": "tokens", "dataset_tokens": "tokens", "params": "parameters",
    "active_params": "parameters", "hardware": "",
    "chip_count": "chips", "duration_hours": "hours", "chip_hours": "chip-hours",
    "chip_hours_rate": "chip-hours per 1e12 tokens", "cost_usd": "USD", "energy_kwh": "kWh",
    "emissions_tco2e": "tCO2e", "epochs": "epochs", "utilization": "fraction of peak", "precision": "",
    "benchmark": "",  # the benchmark's name goes in `unit` ("MMLU")
    "release_date": "",  # the date as written goes in `unit` ("2024-07"); the value is a fractional year
}
KINDS = tuple(UNITS)


@dataclass(frozen=True)
class Fact:
    fact_id: str
    doc_id: str
    source: str
    kind: str
    value: float | None
    unit: str
    model: str  # the model as written after stripping variants; canonicalised across documents later
    model_mention: str
    hardware: str
    page: int | None
    start: int
    end: int
    quote: str
    rule: str
    qualifier: str = ""  # approximate, lower_bound, upper_bound, range, planned, sum
    stage: str = ""  # pretraining, context_extension, fine_tuning, rl, or "" when not said
    role: str = "subject"  # subject: this document's own model; cited: a figure quoted about another model
    low: float | None = None  # the ends a range states ("18.6B∼31.3B"), in the same unit as value
    high: float | None = None
    status: str = "machine"  # machine, accepted, rejected, corrected, added (by a reviewer)
    reviewer: str = ""
    reviewed_at: str = ""
    confidence: float | None = None  # the probability that the fact is right (extract/confidence.py)

    def as_row(self) -> dict:
        """The fields by name, in their order: `dataclasses.asdict` without its deep copy (every field is a plain
        value), which a run's thousands of facts spent a third of a second on."""
        return dict(vars(self))


POST_TRAINING_STAGES = frozenset({"fine_tuning", "rl"})  # a Fact's stages that make a variant, not the base model


def fact_id(doc_id: str, start: int, end: int, kind: str) -> str:
    """Stable across runs: the same span and kind in the same document get the same id."""
    return "f" + hashlib.sha1(f"{doc_id}:{start}:{end}:{kind}".encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Rejection:
    """A figure the rules read that is not kept as a fact, and why."""

    fact: Fact
    reason: str


@dataclass(frozen=True)
class Extraction:
    """What one document yields: its facts, its model inventory, and the readings rejected with a reason."""

    facts: list[Fact]
    inventory: Inventory
    rejected: list[Rejection] = field(default_factory=list)
    features: dict[str, dict[str, float]] = field(default_factory=dict)  # fact_id -> the cues it was judged on
