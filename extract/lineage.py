"""Lineage from Hugging Face model cards: a repository whose card names a `base_model` is a variant of that
model. A quantized or merged repository is its base under another name: its facts are the base's and it adds
no row. A fine-tune or an adapter is a variant: its own row, marked with the base whose compute it inherits.
Many repositories of one model so collapse into it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from floptrail.extract.canonical import signature, strip_name
from floptrail.extract.config import ModelNaming
from floptrail.extract.records import Fact

SAME_MODEL = ("quantized", "merge")  # relations whose repository is its base model, packaged or combined


@dataclass(frozen=True)
class Link:
    name: str  # the repository, as the Hub names it ("quantco/Compact-8B")
    base: str  # the (first) base repository it names
    relation: str  # finetune, quantized, merge or adapter


def links_from(metadata: Iterable[dict]) -> list[Link]:
    """The lineage links that documents' metadata records (`hf_repo`, `base_model`, `base_model_relation`,
    as `floptrail fetch hf` keeps them)."""
    links = []
    for meta in metadata:
        bases, repo = meta.get("base_model") or [], meta.get("hf_repo", "")
        if repo and bases and bases[0] != repo:
            links.append(Link(repo, bases[0], meta.get("base_model_relation") or "finetune"))
    return links


def to_bases(facts: list[Fact], links: list[Link], naming: ModelNaming) -> list[Fact]:
    """Facts about a quantized or merged repository (attributed to its name, with or without its owner) are
    facts about its base model."""
    base_of = {signature(strip_name(link.name, naming), naming).key: link.base
               for link in links if link.relation in SAME_MODEL}
    if not base_of:
        return facts
    out = []
    for fact in facts:
        base = base_of.get(signature(fact.model, naming).key) if fact.model else None
        out.append(replace(fact, model=base) if base else fact)
    return out
