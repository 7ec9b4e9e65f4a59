"""Inference energy per request, from Python: a model's profile (configured, or shaped from the parameters a
run's facts state), a serving profile (configs/serving.toml) and the boundary, through `estimate.inference`;
and the published figures floptrail's energy model is checked against (`estimate.energy_anchors`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.energy_anchors import AnchorRow, energy_anchors
from floptrail.estimate.inference import ModelProfile, ServingProfile, model_profile, request_energy, serving_profile
from floptrail.extract.canonical import same_model
from floptrail.extract.config import load_extract_config

__all__ = ["AnchorRow", "energy_anchors", "find_profile", "inference_wh", "serving_profiles"]

ASPECT_RATIO = 100  # d_model / layers, Kaplan et al. 2020's well-performing range; used without a profile
DEFAULT_PROFILE = "api"


def find_profile(name: str, profiles: dict, naming, facts_csv: Path | None = None) -> ModelProfile:
    """The model's profile in configs/model_profiles.toml, else one built from the parameter counts a
    facts.csv states for it, with the shape of a standard transformer of that size (N = 12 L d^2, d = 100 L)
    and a key/value head per query head (the largest KV cache that shape could have)."""
    try:
        return model_profile(name, profiles, naming)
    except ValueError:
        if facts_csv is None:
            raise ValueError(f"no profile for {name!r} in configs/model_profiles.toml (known: "
                             f"{', '.join(profiles)}); give --results with a facts.csv that states its parameters"
                             ) from None
    facts = pd.read_csv(facts_csv)
    mine = facts[facts["model"].astype(str).map(lambda m: same_model(m, name, naming))
                 & facts["kind"].isin(["params", "active_params"]) & (facts["role"] == "subject")]
    total = mine[mine["kind"] == "params"]["value"].max()
    active = mine[mine["kind"] == "active_params"]["value"].max()
    if pd.isna(total) and pd.isna(active):
        raise ValueError(f"no profile for {name!r} in configs/model_profiles.toml, and {facts_csv} states no "
                         "parameter count for it")
    total = total if pd.notna(total) else active
    active = active if pd.notna(active) else total
    d_model = (ASPECT_RATIO * active / 12) ** (1 / 3)
    heads = max(1, round(d_model / 128))
    return ModelProfile(name, float(active), float(total), max(1, round(d_model / ASPECT_RATIO)), heads, 128,
                        source=f"parameters from {facts_csv}; shape from N = 12 L d^2 with d = 100 L")


def serving_profiles(overrides: list[str] = ()) -> dict[str, ServingProfile]:
    """The serving profiles of configs/serving.toml, with `--set NAME.key=value` overrides applied."""
    config = load_estimate_config(overrides=list(overrides))
    return {name: serving_profile(name, config.serving) for name in config.serving}


def inference_wh(model: str, n_in: int, n_out: int, profile: str = DEFAULT_PROFILE, gpu: str | None = None,
                 batch: int | None = None, boundary: str = "facility", attention: str = "quadratic",
                 cached: int = 0, reasoning_factor: float | None = None, overrides: list[str] = (),
                 facts_csv: Path | None = None) -> dict:
    """One request's energy as a dict (wh, prefill_wh, decode_wh, flops, step_ms, gpus, assumptions, ...),
    served as the profile says; `gpu` and `batch` replace the profile's chip and batch."""
    config = load_estimate_config(overrides=list(overrides))
    serving = serving_profile(profile, config.serving)
    serving = replace(serving, chip=gpu or serving.chip, batch=batch or serving.batch)
    if serving.chip not in config.chips:
        raise ValueError(f"unknown GPU {serving.chip!r}: configs/chips.toml lists {', '.join(config.chips)}")
    shape = find_profile(model, config.profiles, load_extract_config().naming, facts_csv)
    energy = request_energy(shape, config.chips[serving.chip], serving, n_in, n_out, boundary, attention,
                            reasoning_factor, cached)
    return {**energy.as_dict(), "model": shape.name, "joules_per_output_token": energy.joules_per_output_token}
