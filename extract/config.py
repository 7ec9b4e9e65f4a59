"""Loading the TOML tables in `configs/` that extraction reads (chips, model families)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


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
    source: str = ""


@dataclass(frozen=True)
class ModelNaming:
    families: tuple[str, ...]
    tiers: tuple[str, ...]
    variant_suffixes: tuple[str, ...]
    org_prefixes: tuple[str, ...]
    not_names: frozenset[str] = frozenset()  # lower-case words shaped like names that name no model
    aliases: dict[str, str] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)  # family stem -> developer

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

    def benchmark_for(self, text: str) -> tuple[str, bool] | None:
        """The benchmark a table label or name denotes ("MMLU (5-shot)"), with whether it is in percent."""
        return self.benchmarks.get(" ".join(text.lower().strip("*_ ").split()))

    def chip_for(self, text: str) -> str | None:
        """Canonical chip name for a token or phrase such as `H100-80GB`, `A100-40G`, `TPU v4`."""
        key = re.sub(r"[\s_]+", "", text.lower())
        key = re.sub(r"^(nvidia|google|amd)[-]?", "", key)
        key = re.sub(r"^(hgx|dgx)[-]?", "", key)
        for name, chip in self.chips.items():
            for alias in chip.aliases:
                pattern = re.sub(r"\s+", "", alias.lower())
                if re.fullmatch(rf"{re.escape(pattern)}(?:[-]?(?:sxm\d?|pcie|nvl|\d+g(?:b)?|hbm\d?e?))*s?", key):
                    return name
        return None


def load_extract_config(config_dir: Path | None = None) -> ExtractConfig:
    chips = {
        name: Chip(name=name, aliases=tuple(spec.pop("aliases")), **spec)
        for name, spec in read_toml("chips.toml", config_dir).items()
    }
    models = read_toml("models.toml", config_dir)
    naming = ModelNaming(
        families=tuple(models["families"]),
        tiers=tuple(models["tiers"]),
        variant_suffixes=tuple(models["variant_suffixes"]),
        org_prefixes=tuple(models["org_prefixes"]),
        not_names=frozenset(models.get("not_names", [])),
        aliases=dict(models.get("aliases", {})),
        organizations={k: v for k, v in models.get("organizations", {}).items() if k != "source"},
    )
    benchmarks = {alias.lower(): (name, bool(spec.get("percent")))
                  for name, spec in read_toml("benchmarks.toml", config_dir).items() for alias in spec["aliases"]}
    bounds = {kind: (spec.get("low"), spec.get("high"))
              for kind, spec in read_toml("extraction.toml", config_dir).get("bounds", {}).items()}
    return ExtractConfig(chips=chips, naming=naming, benchmarks=benchmarks, bounds=bounds)
