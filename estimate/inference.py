"""Energy of one request to a served model, as a roofline.

A decode step computes the next token of every sequence in the batch and reads, once for the whole batch,
the weights those tokens touch (all experts of a mixture once the batch is large enough) plus each
sequence's KV cache. It lasts the longer of its compute time (FLOPs over peak x utilization) and its memory
time (bytes over bandwidth x efficiency). Energy per token is the serving replica's power times the step
time, divided by the batch. Prefill is compute-bound. The power depends on the boundary: the GPUs alone,
the server with its host, the facility with PUE, or the fleet with idle capacity.

FLOPs per token: 2 x active parameters, plus attention 4 x heads x head size x layers x context (prefill
attends causally, token j to j tokens; decode token i to n_in + i).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from floptrail.extract.canonical import same_model
from floptrail.extract.config import Chip, ModelNaming

BOUNDARIES = ("gpu", "server", "facility", "fleet")
BYTES_PER_VALUE = {"fp32": 4.0, "bf16": 2.0, "fp16": 2.0, "fp8": 1.0, "int8": 1.0, "int4": 0.5, "fp4": 0.5}
USABLE_MEMORY = 0.9  # share of HBM a server gives to weights and KV cache (vLLM's gpu_memory_utilization default)


@dataclass(frozen=True)
class ModelProfile:
    name: str
    active_params: float
    total_params: float
    layers: int
    heads: int
    head_dim: int
    kv_heads: int | None = None  # key/value heads the cache holds (grouped-query attention); None: as heads
    kv_dim: int | None = None  # values cached per token and layer when not 2 x kv_heads x head_dim (latent attention)
    experts: int = 1  # routed experts per layer; 1 for a dense model
    experts_per_token: int = 1
    reasoning_factor: float = 1.0  # tokens generated per visible output token
    source: str = ""

    @property
    def kv_values_per_token(self) -> int:
        per_layer = self.kv_dim or 2 * (self.kv_heads or self.heads) * self.head_dim
        return self.layers * per_layer

    def weights_touched(self, tokens: float) -> float:
        """Parameters a step over `tokens` tokens reads: the shared ones, and each routed expert that at least
        one token picks (expected share 1 - (1 - k/E)^tokens). A mixture whose experts are not stated counts
        all its weights, as a large batch touches them all."""
        if self.total_params <= self.active_params:
            return self.total_params
        if self.experts <= 1:
            return self.total_params
        pick = self.experts_per_token / self.experts
        routed = (self.total_params - self.active_params) / (1 - pick)
        return self.total_params - routed + routed * (1 - (1 - pick) ** tokens)


def model_profile(name: str, profiles: dict, naming: ModelNaming | None = None) -> ModelProfile:
    """The profile configs/model_profiles.toml gives `name` under any of its spellings."""
    for key, spec in profiles.items():
        if key == name or (naming is not None and same_model(key, name, naming)):
            return ModelProfile(name=key, **spec)
    raise ValueError(f"no profile for {name!r} in configs/model_profiles.toml (known: {', '.join(profiles)})")


@dataclass(frozen=True)
class ServingProfile:
    name: str
    chip: str
    gpus_per_replica: int
    batch: int
    weights: str
    kv_cache: str
    compute_utilization: float
    memory_efficiency: float
    gpu_power_share: float
    host_overhead: float
    idle_overhead: float
    pue: float
    description: str = ""
    source: str = ""

    def __post_init__(self):
        for fmt in (self.weights, self.kv_cache):
            if fmt not in BYTES_PER_VALUE:
                raise ValueError(f"serving profile {self.name!r}: unknown number format {fmt!r} "
                                 f"(known: {', '.join(BYTES_PER_VALUE)})")
        if self.batch < 1 or self.gpus_per_replica < 1:
            raise ValueError(f"serving profile {self.name!r}: batch and gpus_per_replica must be at least 1")

    def power_per_gpu(self, chip: Chip, boundary: str) -> float:
        """Watts per GPU at the boundary: its own draw, then host, PUE and idle capacity in turn."""
        if boundary not in BOUNDARIES:
            raise ValueError(f"boundary must be one of {', '.join(BOUNDARIES)}, not {boundary!r}")
        watts = chip.power_w * self.gpu_power_share
        for name, factor in (("server", 1 + self.host_overhead), ("facility", self.pue),
                             ("fleet", 1 + self.idle_overhead)):
            if BOUNDARIES.index(boundary) >= BOUNDARIES.index(name):
                watts *= factor
        return watts


def serving_profile(name: str, profiles: dict) -> ServingProfile:
    if name not in profiles:
        raise ValueError(f"unknown serving profile {name!r}: configs/serving.toml has {', '.join(profiles)}")
    spec = dict(profiles[name])
    for key in ("batch", "gpus_per_replica"):  # --set gives numbers as floats
        spec[key] = int(spec[key])
    return ServingProfile(name=name, **spec)


@dataclass(frozen=True)
class InferenceEnergy:
    wh: float
    prefill_wh: float
    decode_wh: float
    flops: float
    prefill_flops: float
    decode_flops: float
    boundary: str
    profile: str
    gpus: int
    batch: int
    generated_tokens: float
    step_ms: float  # mean decode step: the time between two tokens of one sequence
    memory_bound_share: float  # share of decode steps whose memory time exceeds their compute time
    assumptions: dict = field(default_factory=dict)

    @property
    def joules_per_output_token(self) -> float:
        return self.wh * 3600 / self.generated_tokens if self.generated_tokens else 0.0

    def as_dict(self) -> dict:
        return {k: getattr(self, k) for k in ("wh", "prefill_wh", "decode_wh", "flops", "prefill_flops",
                                              "decode_flops", "boundary", "profile", "gpus", "batch",
                                              "generated_tokens", "step_ms", "memory_bound_share", "assumptions")}


def attention_flops_per_token(model: ModelProfile, context: float | np.ndarray) -> float | np.ndarray:
    return 4 * model.heads * model.head_dim * model.layers * context


def prefill_flops(model: ModelProfile, n_in: int, attention: str, cached: int = 0) -> float:
    """The prompt's new tokens: token j (cached < j <= n_in) attends causally to j tokens. Cached tokens (a
    conversation's history kept in the prefix cache) cost nothing here but stay in the KV cache."""
    causal = (n_in * (n_in + 1) - cached * (cached + 1)) / 2 if attention == "quadratic" else 0.0
    return 2 * model.active_params * (n_in - cached) + attention_flops_per_token(model, causal)


def decode_flops(model: ModelProfile, n_in: int, n_out: float, attention: str) -> float:
    # token i (1..n_out) attends to n_in + i tokens: the sum is n_out x n_in + n_out (n_out + 1) / 2
    context = n_out * n_in + n_out * (n_out + 1) / 2 if attention == "quadratic" else 0.0
    return 2 * model.active_params * n_out + attention_flops_per_token(model, context)


def peak_flops(chip: Chip, weights: str) -> float:
    if weights == "fp8" and chip.peak_flops_fp8:
        return chip.peak_flops_fp8
    if not chip.peak_flops_bf16:
        raise ValueError(f"{chip.name}: configs/chips.toml gives no peak_flops_bf16")
    return chip.peak_flops_bf16


def gpus_for_replica(model: ModelProfile, chip: Chip, serving: ServingProfile, context: float) -> int:
    """The profile's GPUs, doubled until the weights and the batch's KV cache at `context` fit."""
    need = (model.total_params * BYTES_PER_VALUE[serving.weights]
            + serving.batch * model.kv_values_per_token * BYTES_PER_VALUE[serving.kv_cache] * context)
    fit = need / (chip.memory_gb * 1e9 * USABLE_MEMORY)
    gpus = serving.gpus_per_replica
    return gpus * 2 ** max(0, math.ceil(math.log2(max(fit / gpus, 1))))


def decode_step_seconds(model: ModelProfile, chip: Chip, serving: ServingProfile, gpus: int,
                        context: np.ndarray, attention: str) -> tuple[np.ndarray, np.ndarray]:
    """Compute and memory time of one decode step for a batch whose sequences stand at `context` tokens."""
    batch = serving.batch
    per_token = 2 * model.active_params + (attention_flops_per_token(model, context)
                                           if attention == "quadratic" else 0.0)
    compute = batch * per_token / (gpus * peak_flops(chip, serving.weights) * serving.compute_utilization)
    read = (model.weights_touched(batch) * BYTES_PER_VALUE[serving.weights]
            + batch * model.kv_values_per_token * BYTES_PER_VALUE[serving.kv_cache] * context)
    memory = read / (gpus * chip.memory_bandwidth * serving.memory_efficiency)
    return compute, memory


def request_energy(model: ModelProfile, chip: Chip, serving: ServingProfile, n_in: int, n_out: int,
                   boundary: str = "facility", attention: str = "quadratic",
                   reasoning_factor: float | None = None, cached: int = 0) -> InferenceEnergy:
    """One request of n_in prompt tokens (`cached` of them already in the prefix cache) and n_out visible
    output tokens, served as `serving` says."""
    if attention not in ("quadratic", "linear"):
        raise ValueError(f"attention must be quadratic or linear, not {attention!r}")
    if not 0 <= cached <= n_in:
        raise ValueError(f"cached tokens ({cached}) must be between 0 and the prompt's {n_in}")
    missing = [k for k in ("memory_gb", "memory_bandwidth", "power_w") if getattr(chip, k) is None]
    if missing:
        raise ValueError(f"{chip.name}: configs/chips.toml gives no {', '.join(missing)} for serving")
    watts = serving.power_per_gpu(chip, boundary)
    factor = model.reasoning_factor if reasoning_factor is None else reasoning_factor
    generated = n_out * factor
    steps = max(1, math.ceil(generated))
    gpus = gpus_for_replica(model, chip, serving, n_in + generated)
    f_pre, f_dec = prefill_flops(model, n_in, attention, cached), decode_flops(model, n_in, generated, attention)
    # prefill is compute-bound: the replica's GPU-seconds are FLOPs over one GPU's effective rate
    pre_j = f_pre / (peak_flops(chip, serving.weights) * serving.compute_utilization) * watts
    context = n_in + np.arange(1, steps + 1) * (generated / steps)
    compute, memory = decode_step_seconds(model, chip, serving, gpus, context, attention)
    step = np.maximum(compute, memory)
    dec_j = float(step.sum()) * gpus * watts / serving.batch * (generated / steps)
    assumptions = {"gpu": chip.name, "peak_flops": peak_flops(chip, serving.weights),
                   "memory_bandwidth": chip.memory_bandwidth, "gpu_power_w": chip.power_w,
                   "power_per_gpu_w": round(watts, 1), "weights": serving.weights, "kv_cache": serving.kv_cache,
                   "compute_utilization": serving.compute_utilization,
                   "memory_efficiency": serving.memory_efficiency, "attention": attention,
                   "reasoning_factor": factor, "cached_tokens": cached,
                   "weights_touched_per_step": model.weights_touched(serving.batch),
                   "kv_bytes_per_token": model.kv_values_per_token * BYTES_PER_VALUE[serving.kv_cache],
                   "model_source": model.source, "profile_source": serving.source}
    for name, value in (("host_overhead", serving.host_overhead), ("pue", serving.pue),
                        ("idle_overhead", serving.idle_overhead)):
        if BOUNDARIES.index(boundary) >= {"host_overhead": 1, "pue": 2, "idle_overhead": 3}[name]:
            assumptions[name] = value
    return InferenceEnergy(
        wh=(pre_j + dec_j) / 3600, prefill_wh=pre_j / 3600, decode_wh=dec_j / 3600, flops=f_pre + f_dec,
        prefill_flops=f_pre, decode_flops=f_dec, boundary=boundary, profile=serving.name, gpus=gpus,
        batch=serving.batch, generated_tokens=generated, step_ms=float(step.mean()) * 1000,
        memory_bound_share=float((memory > compute).mean()), assumptions=assumptions)
