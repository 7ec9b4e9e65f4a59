"""Energy of one request to a served model: prefill and decode FLOPs turned into GPU time by utilization,
then into energy at the chosen boundary (GPU only, the server with its host, or the facility with PUE).

FLOPs: 2 x active parameters per token, plus attention 4 x heads x head size x layers x context (prefill
attends causally, token j to j tokens; decode token i to n_in + i). Utilization: prefill is compute-bound;
decode rises with batch size (max x B / (B + half)); both fall as context grows. A mixture-of-experts model
needs enough GPUs to hold all its weights, and those GPUs draw power while only the active experts compute.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from floptrail.extract.config import Chip

BOUNDARIES = ("gpu", "server", "facility")


@dataclass(frozen=True)
class ModelProfile:
    name: str
    active_params: float
    total_params: float
    layers: int
    heads: int
    head_dim: int
    source: str = ""


@dataclass(frozen=True)
class InferenceEnergy:
    wh: float
    prefill_wh: float
    decode_wh: float
    flops: float
    prefill_flops: float
    decode_flops: float
    boundary: str
    gpus: int
    assumptions: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("wh", "prefill_wh", "decode_wh", "flops", "prefill_flops",
                                              "decode_flops", "boundary", "gpus", "assumptions")}


def attention_flops(model: ModelProfile, context: float) -> float:
    return 4 * model.heads * model.head_dim * model.layers * context


def prefill_flops(model: ModelProfile, n_in: int, attention: str) -> float:
    causal = n_in * (n_in + 1) / 2 if attention == "quadratic" else 0.0
    return 2 * model.active_params * n_in + 4 * model.heads * model.head_dim * model.layers * causal


def decode_flops(model: ModelProfile, n_in: int, n_out: float, attention: str) -> float:
    # token i (1..n_out) attends to n_in + i tokens: the sum is n_out x n_in + n_out (n_out + 1) / 2
    context = n_out * n_in + n_out * (n_out + 1) / 2 if attention == "quadratic" else 0.0
    return 2 * model.active_params * n_out + 4 * model.heads * model.head_dim * model.layers * context


def gpus_to_hold(model: ModelProfile, chip: Chip, settings: dict) -> int:
    """The smallest power of two of GPUs whose memory holds the weights with headroom."""
    need = model.total_params * settings["bytes_per_param"] * settings["memory_headroom"] / (chip.memory_gb * 1e9)
    return 2 ** max(0, math.ceil(math.log2(max(need, 1))))


def power_per_gpu(chip: Chip, boundary: str, settings: dict) -> float:
    if boundary == "gpu":
        return chip.power_w * settings["gpu_power_utilization"]
    server = (chip.server_power_w or chip.power_w) * settings["server_power_utilization"]
    return server * (settings["pue"] if boundary == "facility" else 1.0)


def request_energy(model: ModelProfile, chip: Chip, n_in: int, n_out: int, settings: dict,
                   attention: str = "quadratic", batch: int = 64, boundary: str = "facility") -> InferenceEnergy:
    if boundary not in BOUNDARIES:
        raise ValueError(f"boundary must be one of {', '.join(BOUNDARIES)}, not {boundary!r}")
    if attention not in ("quadratic", "linear"):
        raise ValueError(f"attention must be quadratic or linear, not {attention!r}")
    if chip.memory_gb is None or chip.power_w is None:
        raise ValueError(f"{chip.name}: configs/chips.toml gives no memory_gb or power_w for serving")
    hidden = n_out * settings["reasoning_factor"]
    f_pre, f_dec = prefill_flops(model, n_in, attention), decode_flops(model, n_in, hidden, attention)
    scale = settings["context_scale"]
    u_pre = settings["prefill_utilization"] / (1 + n_in / 2 / scale)
    size = (model.active_params / settings["decode_reference_params"]) ** settings["decode_size_exponent"]
    u_dec = (settings["decode_utilization_max"] * batch / (batch + settings["decode_half_batch"]) * size
             / (1 + (n_in + hidden / 2) / scale))
    gpus = gpus_to_hold(model, chip, settings)
    # GPUs holding inactive experts draw power without adding FLOPs: scale by the share of weights active
    idle = max(1.0, gpus / gpus_to_hold(replace(model, total_params=model.active_params), chip, settings))
    watts = power_per_gpu(chip, boundary, settings)
    peak = chip.peak_flops_bf16
    pre_wh = f_pre / (peak * u_pre) * watts * idle / 3600
    dec_wh = f_dec / (peak * u_dec) * watts * idle / 3600
    assumptions = {"gpu": chip.name, "peak_flops": peak, "gpu_power_w": chip.power_w,
                   "power_per_gpu_w": watts, "prefill_utilization": round(u_pre, 4),
                   "decode_utilization": round(u_dec, 4), "batch": batch, "attention": attention,
                   "reasoning_factor": settings["reasoning_factor"], "gpus_to_hold_weights": gpus,
                   "moe_idle_factor": idle, "model_source": model.source}
    if boundary == "facility":
        assumptions["pue"] = settings["pue"]
    return InferenceEnergy(pre_wh + dec_wh, pre_wh, dec_wh, f_pre + f_dec, f_pre, f_dec, boundary, gpus,
                           assumptions)
