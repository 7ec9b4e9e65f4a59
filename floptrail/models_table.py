"""The models table (models.csv, `floptrail export --table models`): one row per model, per variant and per
family the documents name, each with every spelling seen for it and the documents that wrote one. Models and
the variants with a row of their own in estimates.csv (instruct, chat, Hub fine-tunes) carry their estimate;
variants that are the same model (a quantization, a dated snapshot) and families ("Llama 3") are listed
without one, so an analyst sees every name that was merged, into what, and where it was written."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

import pandas as pd

from floptrail.extract.canonical import Resolution, resolve, written_name
from floptrail.extract.config import ModelNaming
from floptrail.extract.records import Fact

MODEL_COLUMNS = ["model", "kind", "family", "variant", "variant_of", "members", "organization", "aliases", "sources",
                 "publication_date", "documents", "facts", "reviewed_facts", "training_flop", "method"]


@dataclass
class _Seen:
    """The facts written under one row's name, the spellings they used, and the documents that wrote one of them
    (a fine-tune a document names with no figure of its own has no fact, but has its name and its document)."""

    facts: list[Fact] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)
    sources: set[str] = field(default_factory=set)

    def add(self, fact: Fact, spelled: bool) -> None:
        self.facts.append(fact)
        if fact.source:
            self.sources.add(fact.source)
        if spelled and fact.model_mention:
            self.spellings[fact.model_mention] += 1

    def add_name(self, spelling: str, sources: set[str]) -> None:
        self.spellings[spelling] += 1
        self.sources |= sources

    def most_used(self, default: str) -> str:
        return max(self.spellings, key=lambda s: (self.spellings[s], s)) if self.spellings else default


def models_frame(estimates: pd.DataFrame, facts: list[Fact], naming: ModelNaming,
                 named_variants: dict[str, set[str]] | None = None) -> pd.DataFrame:
    """`estimates` is every estimate row (estimates.csv's columns, estimated or not); `facts` carry canonical
    model names and the names as written; `named_variants` the fine-tunes documents name, each with the documents
    (sources) that name it."""
    facts = [f for f in facts if f.model]
    named_variants = named_variants or {}
    rows = {r["model"]: r for r in estimates.to_dict("records")}
    read = _read(facts, rows, naming, list(named_variants))
    named = _named(facts, read)
    for spelling, sources in named_variants.items():
        if read[spelling].variant:
            named[(read[spelling].model, read[spelling].variant)].add_name(spelling, sources)
    evidence: dict[str, list[Fact]] = defaultdict(list)  # what an estimate rests on: facts under its model
    for f in facts:
        evidence[f.model].append(f)
    out, own = [], set()
    for model, row in rows.items():
        # a variant row's spellings: the names under its base written with its variant ("-Instruct"); a Hub
        # fine-tune whose name shows no variant has facts under its own name
        key = (row["variant_of"], read[model].variant) if row["variant_of"] and read[model].variant else (model, "")
        own.add(key)
        out.append(_row(model, "variant" if row["variant_of"] else "model", read[model], named.get(key, _Seen()),
                        evidence[row["variant_of"] or model], naming, row))
    for (model, variant), seen in sorted(named.items()):
        if variant and model in rows and (model, variant) not in own:  # the same model: a quantization, a date
            name = written_name(seen.most_used(model), naming)
            out.append(_row(name, "variant", Resolution(name, model, read[model].family, variant, "model"), seen,
                            evidence[model], naming, {"variant_of": model}))
    out += _family_rows(rows, facts, read, named, evidence, naming)
    return pd.DataFrame(out, columns=MODEL_COLUMNS)


def _read(facts: list[Fact], rows: dict[str, dict], naming: ModelNaming,
          names: list[str] = ()) -> dict[str, Resolution]:
    """Every name (as written, canonical, of each row, and `names`) read together, each family spelled one way: as
    facts filed under the family spell it, else as most of its models do ("Llama 3.1", not "Llama-3.1")."""
    read = resolve(sorted({f.model_mention or f.model for f in facts} | {f.model for f in facts} | set(rows)
                          | set(names)), naming)
    display: dict[str, str] = {}
    used = Counter(read[m].family for m in rows if read[m].family)
    for family in [*sorted({f.model for f in facts if read[f.model].kind == "family"}),
                   *(f for f, _ in used.most_common())]:
        display.setdefault(_family_key(family), family)
    return {name: replace(r, family=display.get(_family_key(r.family), r.family)) for name, r in read.items()}


def _named(facts: list[Fact], read: dict[str, Resolution]) -> dict[tuple[str, str], _Seen]:
    """(model or family, variant) -> the facts written with a name of it. A family's name ("Llama 2 comes
    in 7B and 70B") is the family's alias even where the fact is its member's; a name of no model (a bare
    "7B" read as a model's size in context) or of another model spells nothing."""
    named: dict[tuple[str, str], _Seen] = defaultdict(_Seen)
    for f in facts:
        written = read[f.model_mention or f.model]
        key = (written.family, "") if written.kind == "family" else (f.model, written.variant)
        # a mention naming another model (a table's header over this model's column) spells none of this one
        named[key].add(f, spelled=written.kind == "family" or written.model == read[f.model].model)
    return named


def _family_rows(rows: dict[str, dict], facts: list[Fact], read: dict[str, Resolution],
                 named: dict[tuple[str, str], _Seen], evidence: dict[str, list[Fact]],
                 naming: ModelNaming) -> list[dict]:
    """A family is listed when documents name it as one, or when it has several models (a family of one
    size, "BLOOM", is that model); its evidence is the facts filed under it, which reach its members."""
    members: dict[str, list[str]] = defaultdict(list)
    for model, row in rows.items():
        if not row["variant_of"] and read[model].family not in ("", model):
            members[read[model].family].append(model)
    as_family = {read[f.model_mention or f.model].family for f in facts
                 if read[f.model_mention or f.model].kind == "family"}
    as_family |= {f.model for f in facts if read[f.model].kind == "family"}
    families = sorted(as_family | {f for f, m in members.items() if len(m) > 1})
    return [_row(family, "family", Resolution(family, "", family, "", "family"), named.get((family, ""), _Seen()),
                 evidence.get(family, []), naming, {"members": "; ".join(sorted(members.get(family, [])))})
            for family in families]


def _family_key(family: str) -> str:
    return re.sub(r"[^a-z0-9.]", "", family.lower())


def _row(name: str, kind: str, read: Resolution, seen: _Seen, evidence: list[Fact], naming: ModelNaming,
         estimate: dict) -> dict:
    """A row of the table: `seen` are the facts written with this row's name (aliases, sources), `evidence`
    the facts its estimate rests on (documents, facts, reviewed_facts)."""
    return {"model": name, "kind": kind, "family": read.family if read.family not in ("", name) else "",
            "variant": read.variant if kind == "variant" else "", "variant_of": estimate.get("variant_of") or "",
            "members": estimate.get("members", ""),
            "organization": estimate.get("organization") or naming.organization_of(name),
            "aliases": "; ".join(sorted(seen.spellings)),
            "sources": "; ".join(sorted(seen.sources)),
            "publication_date": estimate.get("publication_date") or "", "documents": len({f.doc_id for f in evidence}),
            "facts": len(evidence), "reviewed_facts": sum(f.status != "machine" for f in evidence),
            "training_flop": estimate.get("training_flop"), "method": estimate.get("method") or ""}
