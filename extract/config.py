"""Loading the TOML tables in `configs/` that extraction reads (chips, model families)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

from floptrail.extract.confidence import ConfidenceModel, load_confidence_model
from floptrail.extract.reference import Reference, family_stems, load_reference


def read_toml(name: str, config_dir: Path | None = None) -> dict:
    """One TOML file from `config_dir` where it has one (a folder of overrides), else the shipped one."""
    if config_dir is not None and (Path(config_dir) / name).exists():
        return tomllib.loads((Path(config_dir) / name).read_text(encoding="utf-8"))
    return tomllib.loads(resources.files("floptrail.configs").joinpath(name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Chip:
    name: str
    aliases: tuple[str, ...]
    vendor: str = ""
    peak_flops_bf16: float | None = None
    peak_flops_fp8: float | None = None
    power_w: float | None = None
    year: int | None = None
    memory_gb: float | None = None
    memory_bandwidth: float | None = None  # peak HBM bandwidth in bytes/s: decode reads weights and KV cache
    server_power_w: float | None = None  # the GPU's share of its server's maximum power, host included
    # named for running a model as often as for training one (consumer cards): a bare mention is no training fact
    named_for_use: bool = False
    source: str = ""


@dataclass(frozen=True)
class ModelNaming:
    """How model names are read (`configs/models.toml`), the alias table (`configs/aliases.toml`) and the
    reference vocabulary (Epoch AI's models). Lookups derived from them are built once per instance."""
    families: tuple[str, ...]
    tiers: tuple[str, ...]
    tuned_suffixes: tuple[str, ...]  # fine-tuning words: a variant with its own row ("-Instruct")
    packaging_suffixes: tuple[str, ...]  # the same model packaged or released otherwise ("-AWQ", "-hf")
    org_prefixes: tuple[str, ...]
    not_names: frozenset[str] = frozenset()  # lower-case words shaped like names that name no model
    aliases: dict[str, str] = field(default_factory=dict)  # normalised name -> the model it names
    organizations: dict[str, str] = field(default_factory=dict)  # family stem -> developer
    implied_versions: dict[str, str] = field(default_factory=dict)  # family -> version a bare name means
    not_models: tuple[str, ...] = ()  # words that name a tool, a data set or a method, never a model
    word_sized: tuple[str, ...] = ()  # families sized in words ("BERT-Base", "BERT-Large"): "-Base" is a size
    size_words: frozenset[str] = frozenset()  # tiers that are sizes in words ("mini", "large"): a line's members
    size_letters: frozenset[str] = frozenset()  # a name's last letter that sizes a member ("CLIP-L")
    reference: Reference | None = None
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def variant_suffixes(self) -> tuple[str, ...]:
        return self.tuned_suffixes + self.packaging_suffixes

    def memo(self, key: str, build):
        """A lookup derived from this naming, built on first use and kept with it (not globally)."""
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def memo_kept(self, *keys: str) -> dict:
        """The lookups under `keys` built so far, for a changed naming they stay true of."""
        return {key: self._memo[key] for key in keys if key in self._memo}

    def tagged_stems(self) -> frozenset[str]:
        """Family stems the pipeline tags model names by in any text: the configured families and the reference's
        stems shaped only as names are ("LaMDA", "GLaM", "XVERSE": a capital inside the word, or four capitals or
        more), not a plain word ("Step", "Seed") nor a technical term the configuration lists as no name."""
        def name_shaped(stem: str) -> bool:
            inner_capital = len(stem) >= 4 and stem[0].isupper() and any(c.isupper() for c in stem[1:]) and (
                any(c.islower() for c in stem))
            capitals = len(stem) >= 4 and stem.isupper() and stem.isalpha()
            return (inner_capital or capitals) and stem.lower() not in self.not_names
        return self.memo("tagged", lambda: frozenset(self.families) | frozenset(
            s for s in self.known_stems() if name_shaped(s)))

    def known_stems(self) -> frozenset[str]:
        """Family stems to recognise model names by: the configured families and the stems of the
        reference's language models ("MiniCPM", "SmolLM"), as written. Built once per naming."""
        return self.memo("stems", lambda: frozenset(self.families) | (
            family_stems(self.reference, exclude=(*self.tiers, *self.org_prefixes))
            if self.reference else frozenset()))

    def organization_of(self, model: str) -> str:
        """The developer of a model, by the longest family stem its name starts with."""
        stems = sorted((s for s in self.organizations if model.lower().startswith(s.lower())), key=len)
        return self.organizations[stems[-1]] if stems else ""


@dataclass(frozen=True)
class ExtractConfig:
    chips: dict[str, Chip]
    naming: ModelNaming
    benchmarks: dict[str, tuple[str, bool]] = field(default_factory=dict)  # lower-case alias -> (name, percent)
    bounds: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)  # kind -> (low, high)
    confidence: ConfidenceModel | None = None  # judges each fact (configs/confidence.json), None: not judged

    def benchmark_for(self, text: str) -> tuple[str, bool] | None:
        """The benchmark a table label or name denotes ("MMLU (5-shot)"), with whether it is in percent."""
        return self.benchmarks.get(" ".join(text.lower().strip("*_ ").split()))

    def chip_for(self, text: str) -> str | None:
        """Canonical chip name for a token or phrase such as `H100-80GB`, `A100-40G`, `TPU v4`."""
        key = re.sub(r"[\s_]+", "", text.lower())
        key = re.sub(r"^(nvidia|google|amd)[-]?", "", key)
        key = re.sub(r"^(hgx|dgx)[-]?", "", key)
        return next((name for name, pattern in self._chip_keys if pattern.fullmatch(key)), None)

    @cached_property
    def _chip_keys(self) -> list[tuple[str, re.Pattern]]:
        """Each chip with one pattern for its aliases, spaces removed, and the memory and form-factor words that
        may follow them; compiled once, as `chip_for` runs on every word a name could be."""
        suffix = r"(?:[-]?(?:sxm\d?|pcie|nvl|\d+g(?:b)?|hbm\d?e?))*s?"
        keys = []
        for name, chip in self.chips.items():
            aliases = "|".join(re.escape(re.sub(r"\s+", "", a.lower())) for a in chip.aliases)
            keys += [(name, re.compile(rf"(?:{aliases}){suffix}"))] if aliases else []
        return keys


def load_naming(config_dir: Path | None = None) -> ModelNaming:
    """Model naming from `models.toml` and `aliases.toml`, with the reference snapshot: the one in
    `config_dir` where it has one, else the one shipped."""
    models = read_toml("models.toml", config_dir)
    aliases = {}
    for entry in read_toml("aliases.toml", config_dir).get("alias", []):
        for name in entry["names"]:
            aliases[normal_name(name)] = entry["model"]
    snapshot = Path(config_dir) / "epoch_models.csv" if config_dir is not None else None
    return ModelNaming(
        families=tuple(models["families"]),
        tiers=tuple(models["tiers"]),
        tuned_suffixes=tuple(models["tuned_suffixes"]),
        packaging_suffixes=tuple(models["packaging_suffixes"]),
        org_prefixes=tuple(models["org_prefixes"]),
        not_names=frozenset(models.get("not_names", [])),
        aliases=aliases,
        organizations={k: v for k, v in models.get("organizations", {}).items() if k != "source"},
        implied_versions={k: v for k, v in models.get("implied_versions", {}).items() if k != "source"},
        not_models=tuple(models.get("not_models", ())),
        word_sized=tuple(models.get("word_sized_families", ())),
        size_words=frozenset(w.lower() for w in models.get("size_words", ())),
        size_letters=frozenset(w.lower() for w in models.get("size_letters", ())),
        reference=load_reference(snapshot if snapshot is not None and snapshot.exists() else None),
    )


def normal_name(name: str) -> str:
    """A model name for exact lookups: lower case, parentheses opened, separators unified ("claude-3-opus")."""
    return re.sub(r"[\s_\-]+", "-", name.lower().replace("(", " ").replace(")", " ")).strip("-")


def load_extract_config(config_dir: Path | None = None) -> ExtractConfig:
    chips = {
        name: Chip(name=name, aliases=tuple(spec.pop("aliases")), **spec)
        for name, spec in read_toml("chips.toml", config_dir).items()
    }
    naming = load_naming(config_dir)
    benchmarks = {alias.lower(): (name, bool(spec.get("percent")))
                  for name, spec in read_toml("benchmarks.toml", config_dir).items() for alias in spec["aliases"]}
    bounds = {kind: (spec.get("low"), spec.get("high"))
              for kind, spec in read_toml("extraction.toml", config_dir).get("bounds", {}).items()}
    return ExtractConfig(chips=chips, naming=naming, benchmarks=benchmarks, bounds=bounds,
                         confidence=load_confidence_model(config_dir))
