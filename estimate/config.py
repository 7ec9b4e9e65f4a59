"""Estimation settings from `configs/`: method widths, utilization, chip prices, curated references."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from floptrail.extract.config import Chip, load_extract_config, read_toml


@dataclass(frozen=True)
class EstimateConfig:
    methods: dict
    prices: dict
    curated: dict
    chips: dict[str, Chip]
    use_curated: bool = True

    @property
    def threshold(self) -> float:
        return float(self.methods["threshold"]["flop"])


def load_estimate_config(config_dir: Path | None = None, use_curated: bool = True) -> EstimateConfig:
    return EstimateConfig(
        methods=read_toml("methods.toml", config_dir),
        prices=read_toml("prices.toml", config_dir),
        curated=read_toml("curated.toml", config_dir),
        chips=load_extract_config(config_dir).chips,
        use_curated=use_curated,
    )
