"""Each fact's model named canonically across documents, and the models documents introduce without a figure of
their own: the step from what each document says to one row per real model."""

from __future__ import annotations

import re
from dataclasses import replace

from floptrail.extract.canonical import Resolution, peel, resolve
from floptrail.extract.config import ExtractConfig, ModelNaming
from floptrail.extract.inventory import in_line, size_of
from floptrail.extract.lineage import Link, to_bases
from floptrail.extract.records import Fact


def canonicalise(facts: list[Fact], config: ExtractConfig, links: list[Link] = (),
                 inventories: dict[str, list[dict]] | None = None) -> list[Fact]:
    """Give every fact the canonical name of its model (or of its family, whose facts reach its members),
    merged across documents; a fact whose name names no model (a bare size, an organization) keeps none.
    Facts about a quantized or merged Hub repository (`links`) are its base model's. A family's name in a
    document whose inventory (`inventories`, doc_id -> rows) knows one size of it is that size's: "Mixtral" in
    a post about Mixtral-8x7B, though the reference knows more sizes of Mixtral."""
    facts = to_bases(facts, list(links), config.naming)
    written = [_as_written(f, config.naming) for f in facts]
    stated: dict[str, set[float]] = {}
    for fact, name in zip(facts, written, strict=True):
        if fact.kind == "params" and fact.role == "subject" and fact.value:
            stated.setdefault(name, set()).add(fact.value)
    members = _unnamed_sizes(facts, written, inventories or {})
    resolved = resolve([w for w in written if w] + members, config.naming, stated)
    sized = [_sole_member(f, w, resolved, (inventories or {}).get(f.doc_id, []), config)
             for f, w in zip(facts, written, strict=True)]
    if sized != written:
        written, resolved = sized, resolve([w for w in sized if w] + members, config.naming, stated)
    return [replace(f, model=_canonical(f, resolved[w]) if w in resolved else w)
            for f, w in zip(facts, written, strict=True)]


def _canonical(fact: Fact, resolution: Resolution) -> str:
    """The fact's model; a table's sum over several models is their family's, though only one of its sizes is known
    ("| Total |" under "Wren-3" and "Wren-3 Chat")."""
    return resolution.family if fact.qualifier == "sum" and resolution.family else resolution.canonical


def introduced_models(inventories: dict[str, list[dict]], facts: list[Fact], config: ExtractConfig,
                      derived: set[str] = frozenset()) -> dict[str, set[str]]:
    """The sized models each document introduces as its own (its inventory's main rows with a size), by
    canonical name, with the documents introducing them: each is a model the document reports, so it gets a
    row even where no figure is tied to it by name ("CPM-Bee comes in 1B, 2B, 5B and 10B" over a table of
    their layers), estimated from what its family's statements and its name give. A Hub repository derived
    from another model (`derived`: a quantization, a merge, a fine-tune) is that model's, or a variant's row."""
    members = {(row["model"], doc_id) for doc_id, rows in inventories.items() for row in rows
               if row.get("main") and row.get("size") and row["model"] not in derived}
    named: dict[str, set[str]] = {}  # doc_id -> the models its facts and its inventory name
    for f in facts:
        if f.model:
            named.setdefault(f.doc_id, set()).add(f.model)
    for name, doc_id in members:
        named.setdefault(doc_id, set()).add(name)
    read = resolve(sorted(set().union(*named.values())), config.naming) if named else {}
    has_row = {read[f.model].model for f in facts if f.model}  # read together, a spelling may display another way
    introduced: dict[str, set[str]] = {}
    for name, doc_id in members:
        model = read[name].model
        if read[name].kind == "model" and model not in has_row and not _cut_short(name, named[doc_id], read):
            introduced.setdefault(model, set()).add(doc_id)
    return introduced


def _cut_short(name: str, names: set[str], read: dict[str, Resolution]) -> bool:
    """`name` is another model's longer name cut short ("Qwen3-30B" where Qwen3-30B-A3B is named); a longer
    name that is the same model ("OLMoE-1B-7B-0924", a dated release) does not count."""
    longer = re.compile(rf"{re.escape(name)}[-_ ]\w")
    return any(longer.match(other) and read[other].model != read[name].model for other in names)


def _unnamed_sizes(facts: list[Fact], written: list[str], inventories: dict[str, list[dict]]) -> list[str]:
    """The sizes a document presents as its own that none of its figures names: read with the facts' names, they
    keep a family a family where the document presents two sizes and its figures name one ("Both were trained on
    7.5T tokens" in a post on X-3B and X-12B whose other figures are all the 12B's is no figure of the 12B alone)."""
    named: dict[str, set[str]] = {}
    for fact, name in zip(facts, written, strict=True):
        named.setdefault(fact.doc_id, set()).add(size_of(name))
    unnamed = []
    for doc_id, rows in inventories.items():
        sized = {row["size"]: row["model"] for row in rows if row.get("main") and row.get("size")}
        if len(sized) >= 2:
            unnamed += [model for size, model in sized.items() if size not in named.get(doc_id, set())]
    return unnamed


FAMILY_WORDS = re.compile(r"\b(?:family|families|series|as a whole|models|all|both|each)\b|系列", re.I)


def _sole_member(fact: Fact, name: str, resolved: dict[str, Resolution], rows: list[dict],
                 config: ExtractConfig) -> str:
    """The one size of a family its document's inventory knows, for a fact of the document's own naming the
    family; else the name."""
    if fact.role != "subject" or name not in resolved or resolved[name].kind != "family" or (
            FAMILY_WORDS.search(fact.quote)) or fact.qualifier == "sum":
        return name  # ("The Llama 3.1 family as a whole used 39.3M GPU hours": the family's, as it says, as a sum is)
    members = {row["size"]: row["model"] for row in rows if row.get("size") and in_line(row["model"], name, config)}
    return next(iter(members.values())) if len(members) == 1 else name


def _as_written(fact: Fact, naming: ModelNaming) -> str:
    """The fact's model with the release or context suffix its mention writes ("BTLM-3B-8K" for BTLM-3B):
    the same model, which a document that always writes it so names with it."""
    if fact.model and fact.model_mention:
        peeled = peel(fact.model_mention, naming)
        if peeled.release and peeled.core == fact.model:
            return peeled.shown
    return fact.model
