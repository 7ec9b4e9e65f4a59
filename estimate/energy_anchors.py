"""Published energy figures beside floptrail's, each at the boundary it was measured at
(configs/energy_anchors.toml): per-request inference through a serving profile, training through the same
assumptions estimates.csv uses."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path

from floptrail.estimate.config import EstimateConfig, load_estimate_config, utilization_for
from floptrail.estimate.energy import hours_from_flop, power_terms, training_mwh
from floptrail.estimate.inference import model_profile, request_energy, serving_profile
from floptrail.extract.config import load_extract_config, read_toml


@dataclass(frozen=True)
class AnchorRow:
    kind: str  # inference, training
    label: str
    published: float
    unit: str
    boundary: str
    ours: float
    setup: str  # how ours was computed: profile, request shape, or route and hours
    differs: str
    source: str
    check: bool = False  # floptrail must land within `tolerance`
    tolerance: float = 0.0
    low: float | None = None  # a published range
    high: float | None = None
    gap: str = ""  # why a checked anchor is not met

    @property
    def ratio(self) -> float:
        return self.ours / self.published

    @property
    def within(self) -> bool:
        return abs(self.ratio - 1) <= self.tolerance

    def as_dict(self) -> dict:
        return {**asdict(self), "ratio": self.ratio, "within": self.within if self.check else None}


def energy_anchors(config_dir: Path | None = None, overrides: list[str] = ()) -> list[AnchorRow]:
    """Every anchor in configs/energy_anchors.toml with floptrail's figure at its boundary."""
    config = load_estimate_config(config_dir, overrides=list(overrides))
    anchors = read_toml("energy_anchors.toml", config_dir)
    naming = load_extract_config(config_dir).naming
    return ([inference_row(a, config, naming) for a in anchors.get("inference", [])]
            + [training_row(a, config) for a in anchors.get("training", [])])


def _common(anchor: dict) -> dict:
    return {k: anchor[k] for k in ("label", "published", "unit", "boundary", "differs", "source")} | {
        "check": anchor.get("check", False), "tolerance": anchor.get("tolerance", 0.0),
        "low": anchor.get("low"), "high": anchor.get("high"), "gap": anchor.get("gap", "")}


def inference_row(anchor: dict, config: EstimateConfig, naming) -> AnchorRow:
    serving = replace(serving_profile(anchor["profile"], config.serving), **anchor.get("setup", {}))
    model = model_profile(anchor["model"], config.profiles, naming)
    n_in, cached, n_out = anchor["input_tokens"], anchor.get("cached_tokens", 0), anchor["output_tokens"]
    energy = request_energy(model, config.chips[serving.chip], serving, n_in, n_out, anchor["boundary"],
                            cached=cached)
    ours = energy.joules_per_output_token if anchor["unit"] == "J/token" else energy.wh
    prompt = f"{n_in} in ({cached} cached)" if cached else f"{n_in} in"
    setup = (f"{model.name}, {prompt} / {n_out} out; {serving.name} profile: batch {serving.batch}, "
             f"{serving.weights} weights, {energy.gpus} x {serving.chip}, {energy.step_ms:.1f} ms a step"
             + (f", PUE {serving.pue}" if anchor["boundary"] in ("facility", "fleet") else ""))
    return AnchorRow(kind="inference", ours=ours, setup=setup, **_common(anchor))


def training_row(anchor: dict, config: EstimateConfig) -> AnchorRow:
    settings = config.energy["training"]
    chip = config.chips[anchor["chip"]]
    if "chip_hours" in anchor:
        hours, route = anchor["chip_hours"], "stated chip-hours"
    else:
        u = utilization_for(config, chip.name)
        hours = hours_from_flop(anchor["flop"], chip, u.median)
        route = f"{anchor['flop']:.3g} FLOP at the {u.generation} generation's MFU {u.median:.3g}"
    mwh = training_mwh(hours, chip, settings, anchor["boundary"])
    setup = f"{route}: {hours / 1e6:.3g}M {chip.name}-hours x {power_terms(chip, settings, anchor['boundary'])}"
    return AnchorRow(kind="training", ours=mwh, setup=setup, **_common(anchor))
