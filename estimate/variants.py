"""Fine-tunes and packagings of a base model (`Qwen2.5-72B-Instruct`, `Llama-2-7b-chat`): their facts merge
into the base, and each variant seen in the documents gets its own row that inherits the base's compute
plus the fine-tuning compute the documents state, marked as a variant so counts take the base once."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from floptrail.estimate.grouping import ModelFacts
from floptrail.estimate.records import Estimate, ModelEstimate, sci
from floptrail.extract.canonical import Peeled, peel, same_models, signature, size_word, written_name
from floptrail.extract.config import ModelNaming
from floptrail.extract.records import POST_TRAINING_STAGES, Fact


def _trained_parts(peeled: Peeled, naming: ModelNaming) -> str:
    """The parts of a variant's name that say how it was trained further: its fine-tuning words and its longer
    context ("instruct", "128k context"), so that "-128K" and "-32K" of one model are two variants."""
    return " ".join(sorted(w for w in peeled.variant if w in naming.tuned_suffixes or w.endswith(" context")))


def variant_names(facts: list[Fact], naming: ModelNaming, titles: list[str] = (),
                  named: list[str] = (), models: list[str] = ()) -> dict[str, str]:
    """Fine-tuned variant (as written, organization dropped) -> its base model's canonical name, from the
    names facts were attributed under, from document titles ("Qwen2.5-72B-Instruct") and from the fine-tunes
    of their own models that documents name (`named`, from their inventories), each a variant of a model facts
    were attributed to or of one of `models` (rows of models documents introduce without a figure of their own:
    "Foo-13B-Chat" of a Foo-13B that inherits its family's figures). Spellings of one
    variant ("Llama-3-70B-Instruct", "Llama 3 70B Instruct") give one row, under the most common spelling;
    a quantized or dated release is its model and no variant."""
    bases = {signature(name, naming).key: name for name in models}
    bases.update({signature(f.model, naming).key: f.model for f in facts if f.model})
    # a tuned name is a variant of the model its core spells; where that is no sized model, of the one sized model
    # its facts were attributed to ("Wren-3 Chat", made from the document's one Wren-3, the 72B); not where documents
    # file it under several ("Llama-2-Chat" beside the 7B in one, the 70B in another)
    attributed: dict[str, set[str]] = {}
    for f in facts:
        if f.model and f.model_mention and signature(f.model, naming).size:
            attributed.setdefault(written_name(f.model_mention, naming), set()).add(f.model)
    written = [f.model_mention for f in facts if f.model and f.model_mention]
    written += _flavours_at_sizes(facts, naming)
    written += [w for title in titles for w in (w.strip(":,;()") for w in title.split())]
    written += named
    seen: dict[tuple[str, str], Counter] = {}
    for mention in written:
        peeled = peel(mention, naming)
        if not peeled.tuned:
            continue
        base = bases.get(signature(peeled.core, naming).key)
        sized = attributed.get(written_name(mention, naming), set())
        if (base is None or not signature(base, naming).size) and len(sized) == 1:
            base = next(iter(sized))
        if base is None:
            continue
        tuned = _trained_parts(peeled, naming)
        seen.setdefault((base, tuned), Counter())[written_name(mention, naming)] += 1
    return {max(spellings, key=lambda s: (spellings[s], " " in s, s)): base for (base, _), spellings in seen.items()}


def _flavours_at_sizes(facts: list[Fact], naming: ModelNaming) -> list[str]:
    """A fine-tune named without a size whose facts one document files under several sized members ("| X-Instruct
    | 7B, 13B |"): that fine-tune at each of those sizes ("X-Instruct 7B", "X-Instruct 13B"). Under one size it is
    that size's fine-tune by its own name already ("X-Chat starts from the 72B")."""
    sizes: dict[tuple[str, str], set[str]] = {}
    for f in facts:
        if f.model and f.model_mention and not signature(f.model_mention, naming).size and peel(
                f.model_mention, naming).tuned and (size := signature(f.model, naming).size):
            sizes.setdefault((f.doc_id, f.model_mention), set()).add(size.upper())
    return [f"{mention} {size}" for (_, mention), found in sizes.items() if len(found) > 1 for size in sorted(found)]


def sized_base(variant: str, family: str, facts: list[Fact], rows: list[str], naming: ModelNaming) -> str | None:
    """The member of `family` that a fine-tune named without a size is made from: the row of the one parameter
    count the fine-tune's own facts state ("| DeepSeek-Coder-V2-Instruct | 236B |" is made from DeepSeek-Coder-V2
    236B); None where they state none, or several."""
    counts = {f.value for f in facts if f.kind == "params" and f.model == family and f.model_mention
              and written_name(f.model_mention, naming) == variant}
    if len(counts) != 1:
        return None
    member = f"{family} {size_word(counts.pop()).upper()}"
    return same_models([member], rows, naming).get(member)


def variant_row_of(facts: list[Fact], variants: dict[str, str], naming: ModelNaming) -> dict[str, str]:
    """Fact id -> the variant row (of `variants`, name -> base) its fact is about: a fact written under a
    fine-tune's name ("| Ling-Lite-Chat | 16.8B |") is merged into the base for estimation, and shown under
    the variant's own row."""
    def key(name: str) -> tuple:
        peeled = peel(name, naming)
        tuned = _trained_parts(peeled, naming)
        return (signature(peeled.core, naming).key, tuned) if peeled.tuned else ()

    def made_from(base: str, model: str) -> bool:
        """The fact's model is the variant's base, or the line of that sized base ("DeepSeek-Coder-V2" for the
        Instruct made from DeepSeek-Coder-V2 236B)."""
        a, b = signature(model, naming), signature(base, naming)
        return base == model or (not a.size and (a.family, a.version, a.tiers) == (b.family, b.version, b.tiers))

    rows = {key(name): name for name, base in variants.items() if base}
    # pretraining is the base's, in a document that names the base apart from its fine-tune (a fine-tune's card telling
    # of its base's run); where only the fine-tune's name is written, the document's model goes by it
    named_bases = {(f.doc_id, f.model) for f in facts if f.model_mention and not peel(f.model_mention, naming).tuned}
    return {f.fact_id: rows[k] for f in facts if f.model and f.model_mention
            and not (f.stage == "pretraining" and (f.doc_id, f.model) in named_bases)
            and (k := key(f.model_mention)) and k in rows and made_from(variants[rows[k]], f.model)}


BASE_RELEASE = re.compile(r"[-_. ]base$", re.I)


def base_release_of(facts: list[Fact], naming: ModelNaming) -> dict[str, str]:
    """Fact id -> the base release's name, for a fact written under it ("| DeepSeek-V3-Base | 671B |") in a
    document that also names the model without it ("| DeepSeek-V3 | 671B |"): there the bare name is the tuned
    release, and the document tells apart two releases that estimation counts as one model (the base's)."""
    written = {f.fact_id: written_name(f.model_mention, naming) for f in facts if f.model and f.model_mention}
    bare = {(f.doc_id, f.model) for f in facts if f.fact_id in written and not BASE_RELEASE.search(written[f.fact_id])}
    return {f.fact_id: written[f.fact_id] for f in facts if f.fact_id in written
            and BASE_RELEASE.search(written[f.fact_id]) and (f.doc_id, f.model) in bare}


def variant_estimate(name: str, base: ModelEstimate, group: ModelFacts | None) -> ModelEstimate:
    """The base's preferred estimate plus stated post-training compute (FLOP facts of those stages)."""
    if base.preferred is None:
        return ModelEstimate(name, None, variant_of=base.model, date=base.date)
    extra = [f for f in (group.facts.get("flop", []) if group else []) if f.stage in POST_TRAINING_STAGES]
    added = sum(f.value for f in extra)
    est: Estimate = base.preferred
    reasoning = f"inherits {base.model}'s {sci(est.value)} ({est.method})"
    if added and added < est.value:  # a figure larger than the base's total is the total itself
        reasoning += f" + {sci(added)} stated post-training compute"
        est = replace(est, value=est.value + added, low=est.low + added, high=est.high + added,
                      evidence=(*est.evidence, *(f.fact_id for f in extra)))
    return ModelEstimate(name, replace(est, model=name, reasoning=f"{reasoning}; base: {est.reasoning}"),
                         variant_of=base.model, date=base.date, energy=base.energy)


def fine_tune_rows(rows: dict[str, ModelEstimate], groups: dict[str, ModelFacts], tuned: dict[str, str],
                   naming: ModelNaming) -> dict[str, ModelEstimate]:
    """The rows with one for each fine-tune or adapter a Hub card names (repository -> its base repository):
    it inherits its base's compute, plus the post-training compute its own facts state, under its own name
    and marked with the base, whatever its own facts would estimate (a fine-tune's card states the
    fine-tune's work, not the model's). Without a base row, its own row (if any) is only marked."""
    found = same_models([name for pair in tuned.items() for name in pair], list(rows), naming)
    out = dict(rows)
    for repo, base_repo in tuned.items():
        base, name = found.get(base_repo), found.get(repo) or written_name(repo, naming)
        if name == base:
            continue
        if base is not None:
            out[name] = variant_estimate(name, rows[base], groups.get(name))
        elif name in rows:
            out[name] = replace(rows[name], variant_of=written_name(base_repo, naming))
    return out


def count_over(estimates: list[ModelEstimate], threshold: float) -> int:
    """Models whose whole interval is above the threshold, each base model once (variants not counted)."""
    return sum(1 for e in estimates if not e.variant_of and e.preferred is not None and e.preferred.low >= threshold)
