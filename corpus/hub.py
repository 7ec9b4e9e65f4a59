"""Hugging Face Hub as a source, through the `huggingface_hub` library: the repositories of an author, each
repository's model card (README.md) address, and what the card's metadata says about the model: the base it
derives from and how (fine-tune, quantized, merge, adapter), its license and its emissions. The card itself
is fetched as any document is (corpus/fetch.py), so it is kept, guarded and cited like the others."""

from __future__ import annotations

import re
from dataclasses import dataclass

from floptrail.corpus.document import DocumentError
from huggingface_hub import HfApi, ModelCard, hf_hub_url
from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError

RELATIONS = ("finetune", "quantized", "merge", "adapter")
# how a repository that states no relation is packaged, read from its tags (the Hub's own tag words)
_QUANTIZED_TAGS = {"gguf", "gptq", "awq", "exl2", "4-bit", "8-bit", "bitsandbytes", "mlx", "quantized"}
_ADAPTER_TAGS = {"lora", "peft", "adapter"}
_RELATION_TAG = re.compile(r"^base_model:(finetune|quantized|merge|adapter):(.+)$")
_REPO = re.compile(r"^[A-Za-z0-9][\w.-]*/[\w.-]+$")


@dataclass(frozen=True)
class HubRepo:
    """A model repository as the Hub's API describes it: its id, the commit its files are read at, its tags,
    and the address of its model card."""

    repo_id: str
    sha: str
    tags: tuple[str, ...]
    card_url: str


@dataclass(frozen=True)
class Lineage:
    """What a card says the model derives from: its base repositories and the relation (one of RELATIONS,
    or "" for a model of its own)."""

    bases: tuple[str, ...] = ()
    relation: str = ""


def source_of(repo_id: str) -> str:
    """How a repository's card is named in the workspace and the outputs."""
    return f"hf:{repo_id}"


def valid_repo(repo_id: str) -> bool:
    return bool(_REPO.match(repo_id))


def _reason(exc: Exception) -> str:
    if isinstance(exc, RepositoryNotFoundError):
        return "no such model repository on the Hub (or it is private)"
    if isinstance(exc, HfHubHTTPError) and exc.response is not None:
        return f"Hub API: HTTP {exc.response.status_code}"
    return f"Hub API: {type(exc).__name__}: {exc}"[:300]


def repo_info(api: HfApi, repo_id: str, timeout: float) -> HubRepo:
    """The repository's commit, tags and card address; DocumentError naming the repository otherwise."""
    try:
        info = api.model_info(repo_id, timeout=timeout)
    except Exception as exc:  # the library raises its own HTTP errors, httpx's and JSON errors
        raise DocumentError(source_of(repo_id), _reason(exc)) from None
    sha = info.sha or "main"
    return HubRepo(info.id, sha, tuple(info.tags or ()),
                   hf_hub_url(info.id, "README.md", revision=sha, endpoint=api.endpoint))


def author_repos(api: HfApi, author: str, limit: int) -> list[str]:
    """The ids of an author's (a user's or an organization's) model repositories, most downloaded first."""
    try:
        return [m.id for m in api.list_models(author=author, sort="downloads", limit=limit)]
    except Exception as exc:
        raise DocumentError(f"hf:{author}", _reason(exc)) from None


def card_metadata(text: str, tags: tuple[str, ...] = ()) -> dict:
    """What a card's YAML metadata states that floptrail uses: license, the base model(s) and the relation
    to them (the card's `base_model_relation`, else the Hub's `base_model:RELATION:REPO` tags, else read off
    the tags and the number of bases), and whether it states emissions (read as a fact by extraction)."""
    try:
        data = ModelCard(text, ignore_metadata_errors=True).data
    except Exception:  # a card whose metadata is not YAML still is a document; it just states no lineage
        return {}
    lineage = lineage_of(data.get("base_model"), data.get("base_model_relation"), tags)
    meta = {"license": str(data.get("license") or ""), "base_model": list(lineage.bases),
            "base_model_relation": lineage.relation}
    if data.get("co2_eq_emissions") is not None:
        meta["co2_eq_emissions"] = data.get("co2_eq_emissions")
    return meta


def lineage_of(base_model, relation, tags: tuple[str, ...] = ()) -> Lineage:
    bases = tuple(b.strip() for b in ([base_model] if isinstance(base_model, str) else base_model or [])
                  if isinstance(b, str) and b.strip())
    tagged = {m.group(1): m.group(2) for t in tags if (m := _RELATION_TAG.match(t))}
    if not bases and tagged:
        bases = tuple(dict.fromkeys(tagged.values()))
    if not bases:
        return Lineage()
    stated = str(relation or "").strip().lower().replace("-", "").replace("_", "")
    stated = {"finetuned": "finetune", "quantization": "quantized", "merged": "merge"}.get(stated, stated)
    if stated in RELATIONS:
        return Lineage(bases, stated)
    if tagged:
        return Lineage(bases, next(iter(tagged)))
    words = {t.lower() for t in tags}
    if len(bases) > 1:
        return Lineage(bases, "merge")
    if words & _QUANTIZED_TAGS:
        return Lineage(bases, "quantized")
    return Lineage(bases, "adapter" if words & _ADAPTER_TAGS else "finetune")
