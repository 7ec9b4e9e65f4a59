"""Fine-tunes and packagings of a base model (`Qwen2.5-72B-Instruct`, `Llama-2-7b-chat`): their facts merge
into the base, and each variant seen in the documents gets its own row that inherits the base's compute
plus the fine-tuning compute the documents state, marked as a variant so counts take the base once."""

from __future__ import annotations

from dataclasses import replace

from floptrail.estimate.grouping import POST_TRAINING, ModelFacts
from floptrail.estimate.records import Estimate, ModelEstimate, sci
from floptrail.extract.canonical import strip_name
from floptrail.extract.config import ModelNaming
from floptrail.extract.facts import Fact

NOT_VARIANTS = {"base"}  # "-Base" names the base model itself


def variant_names(facts: list[Fact], naming: ModelNaming, titles: list[str] = ()) -> dict[str, str]:
    """Variant name (as written, org prefix dropped) -> its base model's canonical name, from the names
    facts were attributed under and from document titles ("Qwen2.5-72B-Instruct")."""
    bases = {strip_name(f.model, naming): f.model for f in facts if f.model}
    found = {}
    for fact in facts:
        written = fact.model_mention.split("/")[-1].strip()
        if fact.model and _is_variant(written, naming):
            found.setdefault(written, fact.model)
    for word in (w.strip(":,;()") for title in titles for w in title.split()):
        written = word.split("/")[-1]
        if _is_variant(written, naming) and strip_name(written, naming) in bases:
            found.setdefault(written, bases[strip_name(written, naming)])
    return found


def _is_variant(name: str, naming: ModelNaming) -> bool:
    if not name or strip_name(name, naming) == name:
        return False
    words = name.replace("_", "-").replace(" ", "-").lower().split("-")[1:]
    suffixes = {s.lower() for s in naming.variant_suffixes} - NOT_VARIANTS
    return any(word in suffixes for word in words)


def variant_estimate(name: str, base: ModelEstimate, group: ModelFacts | None) -> ModelEstimate:
    """The base's preferred estimate plus stated post-training compute (FLOP facts of those stages)."""
    if base.preferred is None:
        return ModelEstimate(name, None, variant_of=base.model, date=base.date)
    extra = [f for f in (group.facts.get("flop", []) if group else []) if f.stage in POST_TRAINING]
    added = sum(f.value for f in extra)
    est: Estimate = base.preferred
    reasoning = f"inherits {base.model}'s {sci(est.value)} ({est.method})"
    if added and added < est.value:  # a figure larger than the base's total is the total itself
        reasoning += f" + {sci(added)} stated post-training compute"
        est = replace(est, value=est.value + added, low=est.low + added, high=est.high + added,
                      evidence=(*est.evidence, *(f.fact_id for f in extra)))
    return ModelEstimate(name, replace(est, model=name, reasoning=f"{reasoning}; base: {est.reasoning}"),
                         variant_of=base.model, date=base.date, energy=base.energy)


def count_over(estimates: list[ModelEstimate], threshold: float) -> int:
    """Models whose whole interval is above the threshold, each base model once (variants not counted)."""
    return sum(1 for e in estimates if not e.variant_of and e.preferred is not None and e.preferred.low >= threshold)
