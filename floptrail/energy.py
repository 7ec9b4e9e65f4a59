"""Inference energy per request, from Python: a model's profile (configured, or shaped from the parameters a
run's facts state), the chip and the boundary, through `estimate.inference`; and the published figures
floptrail's energy model is checked against."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.inference import ModelProfile, request_energy
from floptrail.extract.canonical import same_model
from floptrail.extract.config import load_extract_config

ASPECT_RATIO = 100  # d_model / layers, Kaplan et al. 2020's well-performing range; used without a profile


def find_profile(name: str, profiles: dict, naming, facts_csv: Path | None = None) -> ModelProfile:
    """The model's profile in configs/model_profiles.toml, else one built from the parameter counts a
    facts.csv states for it, with the shape of a standard transformer of that size (N = 12 L d^2, d = 100 L)."""
    for key, spec in profiles.items():
        if key == name or same_model(key, name, naming):
            return ModelProfile(name=key, **spec)
    if facts_csv is not None:
        facts = pd.read_csv(facts_csv)
        mine = facts[facts["model"].astype(str).map(lambda m: same_model(m, name, naming))
                     & facts["kind"].isin(["params", "active_params"]) & (facts["role"] == "subject")]
        total = mine[mine["kind"] == "params"]["value"].max()
        active = mine[mine["kind"] == "active_params"]["value"].max()
        if pd.notna(total) or pd.notna(active):
            total = total if pd.notna(total) else active
            active = active if pd.notna(active) else total
            d_model = (ASPECT_RATIO * active / 12) ** (1 / 3)
            heads = max(1, round(d_model / 128))
            return ModelProfile(name, float(active), float(total), max(1, round(d_model / ASPECT_RATIO)), heads, 128,
                                source=f"parameters from {facts_csv}; shape from N = 12 L d^2 with d = 100 L")
    raise ValueError(f"no profile for {name!r} in configs/model_profiles.toml (known: {', '.join(profiles)}); "
                     "give --results with a facts.csv that states its parameters")


def inference_wh(model: str, n_in: int, n_out: int, gpu: str = "H100", attention: str = "quadratic",
                 batch: int = 64, boundary: str = "facility", overrides: list[str] = (),
                 facts_csv: Path | None = None, as_dense: bool = False) -> dict:
    """One request's energy as a dict (wh, prefill_wh, decode_wh, flops, ...).
    `as_dense` serves a mixture-of-experts model on only the GPUs its active weights need."""
    config = load_estimate_config(overrides=list(overrides))
    profile = find_profile(model, config.profiles, load_extract_config().naming, facts_csv)
    if as_dense:
        profile = replace(profile, total_params=profile.active_params)
    if gpu not in config.chips:
        raise ValueError(f"unknown GPU {gpu!r}: configs/chips.toml lists {', '.join(config.chips)}")
    return request_energy(profile, config.chips[gpu], n_in, n_out, config.energy["inference"], attention, batch,
                          boundary).as_dict()


# published figures (the sources are named in each label); the shape and boundary each was measured at
INFERENCE_ANCHORS = [
    ("Epoch AI (2025), GPT-4o typical query", "GPT-4o", 0, 500, "facility", 64, "0.30 Wh"),
    ("OpenAI (2025), average ChatGPT query", "GPT-4o", 1000, 500, "facility", 64, "0.34 Wh"),
    ("Google (2025), median Gemini text prompt", "GPT-4o", 1000, 500, "facility", 64, "0.24 Wh"),
    ("EcoLogits 0.11.3, GPT-4o", "GPT-4o", 1000, 500, "facility", 64, "0.72-1.20 Wh"),
]
DECODE_ANCHORS = [("ML.ENERGY v3, Llama 3.1 8B, H100, batch 64", "Llama 3.1 8B", 0.119),
                  ("ML.ENERGY v3, Llama 3.1 70B, 4 x H100, batch 64", "Llama 3.1 70B", 0.797)]


def inference_anchors() -> list[dict]:
    """Each published per-request figure beside ours at its shape and boundary (and ours served as dense)."""
    rows = []
    for label, model, n_in, n_out, boundary, batch, published in INFERENCE_ANCHORS:
        ours = inference_wh(model, n_in, n_out, boundary=boundary, batch=batch)
        dense = inference_wh(model, n_in, n_out, boundary=boundary, batch=batch, as_dense=True)
        rows.append({"label": label, "published": published, "wh": ours["wh"], "dense_wh": dense["wh"],
                     "boundary": boundary, "input_tokens": n_in, "output_tokens": n_out})
    return rows


def decode_anchors() -> list[dict]:
    """Decode energy per output token (GPU only) beside published measurements."""
    rows = []
    for label, model, published in DECODE_ANCHORS:
        one = inference_wh(model, 0, 1000, boundary="gpu", batch=64, attention="linear")
        joules = one["decode_wh"] * 3600 / 1000
        rows.append({"label": label, "published_j": published, "j_per_token": joules, "ratio": joules / published})
    return rows


def training_anchors() -> list[dict]:
    """Training energy from the published hours or compute, through the same assumptions as the estimates."""
    config = load_estimate_config()
    t = config.energy["training"]
    cases = [("GPT-3 175B (Patterson et al. 2021): 1,287 MWh", "V100", 3.14e23 / (125e12 * t["utilization"]) / 3600,
              "3.14e23 FLOP at the default MFU"),
             ("BLOOM 176B (Luccioni et al. 2023): 433 MWh dynamic", "A100", 1_082_990, "1,082,990 A100-hours"),
             ("Llama 3.1 405B (model card): 30.84M H100-h x 700 W = 21,588 MWh", "H100", 30.84e6,
              "30.84M H100-hours")]
    rows = []
    for label, chip_name, hours, how in cases:
        chip = config.chips[chip_name]
        mwh = hours * chip.power_w * t["power_utilization"] * (1 + t["host_overhead"]) * t["pue"] / 1e6
        rows.append({"label": label, "mwh": mwh, "from": how, "power_w": chip.power_w, "pue": t["pue"]})
    return rows
