"""Estimation settings from `configs/`: method widths, utilization by hardware generation, chip prices,
curated references."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from floptrail.estimate.curves import Curve
from floptrail.extract.config import Chip, load_extract_config, read_toml


@dataclass(frozen=True)
class EstimateConfig:
    methods: dict
    prices: dict
    curated: dict
    chips: dict[str, Chip]
    benchmarks: dict  # configs/benchmarks.toml: names, aliases, score scales
    curves: dict[str, Curve]  # configs/benchmark_curves.toml, fitted by `floptrail calibrate`
    combined_curve: dict  # leave-one-out error of the median over a model's benchmarks
    energy: dict = field(default_factory=dict)  # configs/energy.toml with command-line overrides applied
    profiles: dict = field(default_factory=dict)  # configs/model_profiles.toml
    utilization: dict = field(default_factory=dict)  # configs/utilization.toml: MFU by hardware generation
    serving: dict = field(default_factory=dict)  # configs/serving.toml with command-line overrides applied
    use_curated: bool = True

    @property
    def thresholds(self) -> list[float]:
        return [float(t) for t in self.methods["thresholds"]["flop"]]

    @property
    def threshold(self) -> float:
        """The first threshold: the one the summary and `threshold_class` speak of."""
        return self.thresholds[0]


@dataclass(frozen=True)
class Utilization:
    """The model FLOP utilization to assume for a chip: the median of the stated MFUs of its hardware
    generation and their 90% interval, with where that comes from."""

    median: float
    low: float
    high: float
    generation: str  # "ampere", or "default" when neither the chip nor its year places it
    source: str  # in words, for reasoning columns


def utilization_for(config: EstimateConfig, chip: str) -> Utilization:
    """The chip's generation by name (configs/utilization.toml), else the latest measured generation whose
    first year is not after the chip's year (configs/chips.toml), one of its own vendor's if there is one,
    else every stated MFU together."""
    table = config.utilization
    measured = {name: g for name, g in table.get("generations", {}).items() if "median" in g}
    name = next((n for n, g in measured.items() if chip in g["chips"]), None)
    how = ""
    spec = config.chips.get(chip)
    if name is None and spec is not None and spec.year is not None:
        earlier = [n for n, g in measured.items() if g["first_year"] <= spec.year]
        # GPUs and TPUs of one era reach different MFUs: a new GPU takes the last GPU generation's
        own = [n for n in earlier if spec.vendor in {config.chips[c].vendor for c in measured[n]["chips"]
                                                      if c in config.chips}]
        name = max(own or earlier, key=lambda n: measured[n]["first_year"], default=None)
        how = f", the latest generation measured by {chip}'s year {spec.year}"
    entry = measured[name] if name else table["default"]
    stated = "one MFU" if entry["runs"] == 1 else f"median of {entry['runs']} MFUs"
    source = (f"{stated} stated for {name}-generation chips" if name
              else f"median of all {entry['runs']} stated MFUs")
    return Utilization(entry["median"], entry["low"], entry["high"], name or "default",
                       f"{source} in Epoch AI's tables{how} (configs/utilization.toml)")


def unmeasured(config: EstimateConfig) -> EstimateConfig:
    """The configuration without the errors `floptrail calibrate methods` measured: every method keeps the
    interval of its own model (for studying a method apart from the data it was calibrated on)."""
    methods = {name: {k: v for k, v in s.items() if k != "measured"} if isinstance(s, dict) else s
               for name, s in config.methods.items()}
    return replace(config, methods=methods)


def apply_overrides(tables: dict, overrides: list[str]) -> dict:
    """`section.name=value` settings over the TOML tables (numbers where they parse)."""
    out = {k: dict(v) if isinstance(v, dict) else v for k, v in tables.items()}
    for item in overrides:
        key, _, raw = item.partition("=")
        section, _, name = key.strip().partition(".")
        if not raw or section not in out or name not in out[section]:
            raise ValueError(f"--set {item}: expected section.name=value with a name configs/energy.toml or "
                             "configs/serving.toml has")
        try:
            out[section][name] = float(raw)
        except ValueError:
            out[section][name] = raw
    return out


def load_estimate_config(config_dir: Path | None = None, use_curated: bool = True,
                         overrides: list[str] = ()) -> EstimateConfig:
    fitted = read_toml("benchmark_curves.toml", config_dir)
    energy, serving = read_toml("energy.toml", config_dir), read_toml("serving.toml", config_dir)
    # one namespace for --set: training.pue=1.2 and api.batch=256 alike
    overridden = apply_overrides({**energy, **serving}, list(overrides))
    curves = {name: Curve(benchmark=name, **values) for name, values in fitted.items()
              if name not in ("provenance", "combined")}
    return EstimateConfig(
        methods=read_toml("methods.toml", config_dir),
        prices=read_toml("prices.toml", config_dir),
        curated=read_toml("curated.toml", config_dir),
        chips=load_extract_config(config_dir).chips,
        benchmarks=read_toml("benchmarks.toml", config_dir),
        curves=curves,
        combined_curve=fitted.get("combined", {}),
        energy={k: overridden[k] for k in energy},
        profiles=read_toml("model_profiles.toml", config_dir),
        utilization=read_toml("utilization.toml", config_dir),
        serving={k: overridden[k] for k in serving},
        use_curated=use_curated,
    )
