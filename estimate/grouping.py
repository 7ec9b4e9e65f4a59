"""The facts about one model, chosen for estimation: which of several figures of a kind to use, and
what a sized model takes from its family ("Llama 2 was trained on 2T tokens" holds for Llama 2 70B)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from floptrail.estimate.records import sci
from floptrail.extract.canonical import Signature, signature
from floptrail.extract.config import ModelNaming
from floptrail.extract.records import POST_TRAINING_STAGES, Fact

INHERITED_KINDS = ("tokens", "hardware")  # what a family statement says of each of its sizes
USABLE_QUALIFIERS = ("", "approximate", "lower_bound", "upper_bound", "range")


@dataclass
class ModelFacts:
    model: str
    facts: dict[str, list[Fact]] = field(default_factory=dict)
    inherited_from: str = ""
    signature: Signature | None = None
    date: str = ""  # the earliest date of a document reporting this model (YYYY-MM-DD or YYYY)
    documents: set[str] = field(default_factory=set)  # the documents introducing it, beside those of its facts

    @property
    def year(self) -> float | None:
        """The date as a fractional year (2024-07-01 is 2024.5), for curves that use release year."""
        m = re.match(r"(\d{4})(?:-(\d{2}))?", self.date)
        return int(m.group(1)) + (int(m.group(2) or 7) - 1) / 12 if m else None

    def total(self, kind: str) -> tuple[float, list[Fact], str] | None:
        """The base model's run: a total the documents state, else the stages they give apart summed (the
        largest figure per stage). Fine-tuning and RL belong to the variants built on it, not to the base.
        Returns the value, the facts used and which stages."""
        facts = [f for f in self.facts.get(kind, []) if f.value is not None and f.stage not in POST_TRAINING_STAGES]
        if not facts:
            return None
        per_stage: dict[str, Fact] = {}
        for f in facts:
            if f.stage and (f.stage not in per_stage or f.value > per_stage[f.stage].value):
                per_stage[f.stage] = f
        summed = sum(f.value for f in per_stage.values())
        unstaged = max((f for f in facts if not f.stage), key=lambda f: f.value, default=None)
        if len(per_stage) < 2 or (unstaged is not None and unstaged.value >= summed):
            best = unstaged or max(facts, key=lambda f: f.value)
            return best.value, [best], best.stage
        stages = sorted(per_stage)
        return summed, [per_stage[s] for s in stages], " + ".join(stages)

    def best(self, kind: str) -> Fact | None:
        """The figure to use for `kind`: the most often stated value, the larger on a tie
        (totals are larger than stages and per-size rows)."""
        facts = self.facts.get(kind, [])
        if not facts:
            return None
        counts = Counter(f.value for f in facts)
        return max(facts, key=lambda f: (counts[f.value], f.value or 0))

    def largest(self, kind: str) -> Fact | None:
        facts = [f for f in self.facts.get(kind, []) if f.value is not None]
        return max(facts, key=lambda f: f.value) if facts else None

    def chip(self) -> str:
        for kind in ("chip_hours", "chip_count", "hardware"):
            for f in self.facts.get(kind, []):
                if f.hardware:
                    return f.hardware
        return ""


def described_total(group: ModelFacts, kind: str, unit: str) -> tuple[float, str, tuple[str, ...]] | None:
    """The run's total of `kind` (see ModelFacts.total) with how it was found, in words, and its facts."""
    found = group.total(kind)
    if found is None:
        return None
    value, facts, stages = found
    how = f"{sci(value)} {unit}" + (f" ({stages} summed)" if len(facts) > 1 else "")
    return value, how, tuple(f.fact_id for f in facts)


def usable(fact: Fact) -> bool:
    return fact.qualifier in USABLE_QUALIFIERS


def group_by_model(facts: list[Fact], naming: ModelNaming, dates: dict[str, str] | None = None,
                   introduced: dict[str, set[str]] | None = None) -> dict[str, ModelFacts]:
    """Facts per canonical model; subject facts win over cited ones of the same kind. `dates` maps a
    document to its date; a model's date is the earliest of the documents reporting it. `introduced` are
    models documents introduce without a figure of their own (name -> those documents): each a group too."""
    groups: dict[str, ModelFacts] = {}
    dates = dates or {}
    for name, docs in (introduced or {}).items():
        groups[name] = ModelFacts(name, signature=signature(name, naming), documents=set(docs),
                                  date=min((dates[d] for d in docs if dates.get(d)), default=""))
    for fact in facts:
        if not fact.model or not usable(fact) or fact.status == "rejected":
            continue
        group = groups.setdefault(fact.model, ModelFacts(fact.model, signature=signature(fact.model, naming)))
        group.facts.setdefault(fact.kind, []).append(fact)
        date = fact.unit if fact.kind == "release_date" else dates.get(fact.doc_id, "")
        if date and fact.role == "subject" and (not group.date or date < group.date):
            group.date = date  # the earliest: a date the text states, or a reporting document's date
    for group in groups.values():
        for kind, items in group.facts.items():
            own = [f for f in items if f.role == "subject"]
            group.facts[kind] = own or items
    _inherit_family_facts(groups, naming)
    return groups


def _family_key(sig: Signature) -> tuple:
    return (sig.family, sig.version, sig.tiers, sig.extra)


def _inherit_family_facts(groups: dict[str, ModelFacts], naming: ModelNaming) -> None:
    families = {}
    for name in groups:
        sig = signature(name, naming)
        if not sig.size:
            families[_family_key(sig)] = name
    for name, group in groups.items():
        sig = signature(name, naming)
        parent = families.get(_family_key(Signature(sig.family, sig.version, "", tuple(
            t for t in sig.tiers if not t.startswith("a") or not t[1:2].isdigit()), sig.extra)))
        if not sig.size or parent is None or parent == name:
            continue
        group.date = group.date or groups[parent].date  # "Llama 2 was released in July 2023" dates its sizes
        # only a statement in one of the model's own documents speaks for it
        docs = {f.doc_id for facts in group.facts.values() for f in facts} | group.documents
        for kind in INHERITED_KINDS:
            shared = [f for f in groups[parent].facts.get(kind, []) if f.doc_id in docs]
            if kind not in group.facts and shared:
                group.facts[kind] = shared
                group.inherited_from = parent
