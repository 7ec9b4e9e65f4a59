"""Per-request inference energy as a roofline: each decode step the longer of compute and memory time, energy
per token the replica's power x step time / batch, prefill compute-bound, serving profiles as data."""

from dataclasses import replace

import pytest
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.inference import (
    ModelProfile,
    ServingProfile,
    decode_flops,
    model_profile,
    prefill_flops,
    request_energy,
    serving_profile,
)
from floptrail.extract.config import Chip, load_extract_config

CONFIG = load_estimate_config()
NAMING = load_extract_config().naming
# a made-up chip and model with round numbers, so every figure below can be worked by hand
CHIP = Chip(name="T", aliases=(), peak_flops_bf16=1e15, peak_flops_fp8=2e15, power_w=1000, memory_gb=100,
            memory_bandwidth=1e12)
TINY = ModelProfile("tiny", active_params=1e9, total_params=1e9, layers=2, heads=4, head_dim=8, kv_heads=2)
SERVE = ServingProfile(name="t", chip="T", gpus_per_replica=1, batch=4, weights="bf16", kv_cache="bf16",
                       compute_utilization=0.5, memory_efficiency=0.5, gpu_power_share=0.5, host_overhead=0.25,
                       idle_overhead=0.1, pue=1.2)


def test_kv_cache_per_token_from_layers_kv_heads_and_head_size():
    assert TINY.kv_values_per_token == 2 * 2 * 2 * 8  # layers x (key + value) x kv heads x head size
    assert model_profile("Llama 3.1 70B", CONFIG.profiles).kv_values_per_token == 80 * 2 * 8 * 128
    assert model_profile("DeepSeek-V3", CONFIG.profiles).kv_values_per_token == 61 * 576  # latent attention


def test_a_batch_touches_more_experts_until_it_reads_them_all():
    moe = ModelProfile("moe", active_params=100, total_params=400, layers=1, heads=1, head_dim=1, experts=16,
                       experts_per_token=2)
    routed = 300 / (1 - 2 / 16)  # 342.86 in routed experts, 57.14 shared
    assert moe.weights_touched(1) == pytest.approx(100)
    assert moe.weights_touched(2) == pytest.approx(400 - routed + routed * (1 - (14 / 16) ** 2))
    assert moe.weights_touched(128) == pytest.approx(400, rel=1e-6)
    assert TINY.weights_touched(64) == 1e9
    unstated = replace(moe, experts=1)  # a mixture whose experts are not stated is read whole
    assert unstated.weights_touched(1) == 400


def test_decode_step_is_memory_bound_at_small_batch_and_compute_bound_at_large():
    one = request_energy(TINY, CHIP, SERVE, 0, 1, "gpu", attention="linear")
    compute = 4 * 2e9 / (1e15 * 0.5)  # batch x 2 x params over peak x utilization
    memory = (1e9 * 2 + 4 * 64 * 2 * 1) / (1e12 * 0.5)  # weights + each sequence's KV cache of 1 token
    assert one.step_ms == pytest.approx(max(compute, memory) * 1000)
    assert one.memory_bound_share == 1.0
    assert one.decode_wh * 3600 == pytest.approx(500 * memory / 4)  # power x step / batch
    big = request_energy(TINY, CHIP, replace(SERVE, batch=4096), 0, 1, "gpu", attention="linear")
    assert big.memory_bound_share == 0.0
    assert big.decode_wh * 3600 == pytest.approx(500 * 2e9 / (1e15 * 0.5))  # compute-bound: FLOPs over rate


def test_gpus_change_the_step_time_not_the_energy():
    model = model_profile("Llama 3.1 70B", CONFIG.profiles)
    h100, api = CONFIG.chips["H100"], serving_profile("api", CONFIG.serving)
    eight = request_energy(model, h100, api, 1000, 500)
    sixteen = request_energy(model, h100, replace(api, gpus_per_replica=16), 1000, 500)
    assert (eight.gpus, sixteen.gpus) == (8, 16)
    assert sixteen.wh == pytest.approx(eight.wh)
    assert sixteen.step_ms == pytest.approx(eight.step_ms / 2)


def test_a_replica_takes_more_gpus_when_weights_and_cache_do_not_fit():
    big = ModelProfile("big", active_params=150e9, total_params=150e9, layers=2, heads=4, head_dim=8)
    assert request_energy(big, CHIP, SERVE, 0, 10).gpus == 4  # 300 GB of bf16 over 90 usable GB a GPU -> 4


def test_prefill_is_compute_bound_and_skips_cached_tokens():
    e = request_energy(TINY, CHIP, SERVE, 100, 1, "gpu")
    assert e.prefill_wh * 3600 == pytest.approx(prefill_flops(TINY, 100, "quadratic") / (1e15 * 0.5) * 500)
    per_token = 4 * 4 * 8 * 2
    assert prefill_flops(TINY, 3, "quadratic", cached=1) == 2e9 * 2 + per_token * (2 + 3)
    cached = request_energy(TINY, CHIP, SERVE, 100, 1, "gpu", cached=80)
    assert cached.prefill_flops == pytest.approx(prefill_flops(TINY, 100, "quadratic", cached=80))
    assert cached.decode_wh == e.decode_wh  # the cached history is still read from the KV cache
    with pytest.raises(ValueError, match="cached tokens"):
        request_energy(TINY, CHIP, SERVE, 10, 1, cached=11)


def test_flops_prefill_causal_and_decode_attending_to_input_plus_position():
    per_token = 4 * 4 * 8 * 2  # heads x head_dim x layers x 4
    assert prefill_flops(TINY, 3, "quadratic") == 2e9 * 3 + per_token * (1 + 2 + 3)
    assert decode_flops(TINY, 3, 2, "quadratic") == 2e9 * 2 + per_token * ((3 + 1) + (3 + 2))
    assert decode_flops(TINY, 3, 2, "linear") == 2e9 * 2


def test_boundaries_add_host_pue_and_idle_capacity_in_turn():
    wh = {b: request_energy(TINY, CHIP, SERVE, 100, 50, b).wh for b in ("gpu", "server", "facility", "fleet")}
    assert wh["server"] == pytest.approx(wh["gpu"] * 1.25)
    assert wh["facility"] == pytest.approx(wh["server"] * 1.2)
    assert wh["fleet"] == pytest.approx(wh["facility"] * 1.1)
    with pytest.raises(ValueError, match="boundary must be one of gpu, server, facility, fleet"):
        request_energy(TINY, CHIP, SERVE, 100, 50, "rack")


def test_fp8_weights_halve_the_bytes_and_double_the_peak():
    bf16 = request_energy(TINY, CHIP, SERVE, 0, 1, "gpu", attention="linear")
    fp8 = request_energy(TINY, CHIP, replace(SERVE, weights="fp8"), 0, 1, "gpu", attention="linear")
    assert fp8.assumptions["peak_flops"] == 2e15
    assert fp8.step_ms == pytest.approx((1e9 * 1 + 4 * 64 * 2) / (1e12 * 0.5) * 1000)
    assert fp8.wh < bf16.wh / 1.99


def test_serving_profiles_are_data_with_sources():
    profiles = {name: serving_profile(name, CONFIG.serving) for name in ("api", "batch", "local")}
    assert (profiles["local"].batch, profiles["local"].gpus_per_replica) == (1, 1)
    assert profiles["batch"].batch > profiles["api"].batch > 1
    assert all(p.source and p.description for p in profiles.values())
    wider = load_estimate_config(overrides=["api.batch=256", "api.weights=bf16"])
    api = serving_profile("api", wider.serving)
    assert (api.batch, api.weights) == (256, "bf16")
    with pytest.raises(ValueError, match="unknown serving profile 'cloud'"):
        serving_profile("cloud", CONFIG.serving)
    with pytest.raises(ValueError, match="unknown number format 'fp6'"):
        replace(SERVE, weights="fp6")


def test_decode_energy_falls_as_batches_grow_and_one_user_pays_for_all_the_weights():
    model, h100 = model_profile("Llama 3.1 8B", CONFIG.profiles), CONFIG.chips["H100"]
    api = serving_profile("api", CONFIG.serving)
    per_request = [request_energy(model, h100, replace(api, batch=b), 0, 500).decode_wh for b in (1, 8, 64, 512)]
    assert per_request == sorted(per_request, reverse=True)
    assert per_request[0] / per_request[3] > 50


def test_a_mixture_of_experts_shares_its_weights_across_the_batch():
    v3, h100 = model_profile("DeepSeek-V3", CONFIG.profiles), CONFIG.chips["H100"]
    api = serving_profile("api", CONFIG.serving)
    served = request_energy(v3, h100, api, 1000, 500)
    assert served.gpus == 16  # 671 GB of fp8 weights need more than one 8-GPU server
    # the weights' cost is shared by the batch: ~5 GB read per token, not every GPU's power charged to one request
    per_token_bytes = v3.weights_touched(api.batch) / api.batch
    assert 5.0e9 < per_token_bytes < 5.3e9
    assert 0.2 < served.wh < 0.5


def test_reasoning_models_generate_hidden_tokens_from_their_profile():
    o1, h100 = model_profile("o1", CONFIG.profiles), CONFIG.chips["H100"]
    api = serving_profile("api", CONFIG.serving)
    e = request_energy(o1, h100, api, 100, 500)
    assert e.generated_tokens == 1500 and e.assumptions["reasoning_factor"] == 3
    assert e.decode_flops == pytest.approx(decode_flops(o1, 100, 1500, "quadratic"))
    assert request_energy(o1, h100, api, 100, 500, reasoning_factor=1).generated_tokens == 500
    assert model_profile("o3-mini", CONFIG.profiles).reasoning_factor == 2
    assert "seed design" in model_profile("GPT-4o", CONFIG.profiles).source


def test_profiles_are_found_under_other_spellings():
    assert model_profile("meta-llama/Llama-3.1-70B-Instruct", CONFIG.profiles, NAMING).name == "Llama 3.1 70B"
    with pytest.raises(ValueError, match="no profile for 'Bar'"):
        model_profile("Bar", CONFIG.profiles, NAMING)


def test_a_chip_without_bandwidth_cannot_serve():
    with pytest.raises(ValueError, match="gives no memory_bandwidth"):
        request_energy(TINY, replace(CHIP, memory_bandwidth=None), SERVE, 1, 1)
