"""The energy model: per-request inference (FLOPs, utilization, boundaries, batch, mixture-of-experts) and
training energy per model, with what the seed design got wrong pinned down."""

import json

import pytest
from floptrail.estimate.combine import estimate_model
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.grouping import group_by_model
from floptrail.estimate.inference import ModelProfile, decode_flops, gpus_to_hold, prefill_flops, request_energy
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import UNITS, Fact
from invoke import floptrail

from floptrail.energy import inference_wh

CONFIG = load_estimate_config()
SETTINGS = CONFIG.energy["inference"]
TINY = ModelProfile("tiny", active_params=1e9, total_params=1e9, layers=2, heads=4, head_dim=8)


def test_peaks_are_dense_per_gpu():
    assert CONFIG.chips["A100"].peak_flops_bf16 == 312e12  # not the sparse 624e12
    gb200 = CONFIG.chips["GB200"]
    assert (gb200.peak_flops_bf16, gb200.power_w) == (2.5e15, 1200)  # one GPU, not the two-GPU sparse 1e16


def test_flops_prefill_causal_and_decode_attending_to_input_plus_position():
    per_token = 4 * 4 * 8 * 2  # heads x head_dim x layers x 4
    assert prefill_flops(TINY, 3, "quadratic") == 2e9 * 3 + per_token * (1 + 2 + 3)
    assert decode_flops(TINY, 3, 2, "quadratic") == 2e9 * 2 + per_token * ((3 + 1) + (3 + 2))
    assert decode_flops(TINY, 3, 2, "linear") == 2e9 * 2


def test_boundaries_are_explicit_and_ordered():
    shape = dict(n_in=1000, n_out=500, settings=SETTINGS)
    gpu, server, facility = (request_energy(TINY, CONFIG.chips["H100"], boundary=b, **shape).wh
                             for b in ("gpu", "server", "facility"))
    assert gpu < server < facility
    assert facility == pytest.approx(server * SETTINGS["pue"])
    assert server / gpu == pytest.approx(1275 * 0.7 / (700 * 0.75))
    with pytest.raises(ValueError, match="boundary must be one of gpu, server, facility"):
        request_energy(TINY, CONFIG.chips["H100"], boundary="rack", **shape)


def test_decode_energy_falls_as_batches_grow():
    per_request = [request_energy(TINY, CONFIG.chips["H100"], 0, 500, SETTINGS, batch=b).decode_wh
                   for b in (1, 8, 64, 512)]
    assert per_request == sorted(per_request, reverse=True)
    assert per_request[1] / per_request[2] == pytest.approx((64 / 136) / (8 / 80))


def test_a_mixture_of_experts_model_needs_gpus_for_all_its_weights():
    v3 = ModelProfile("DeepSeek-V3", 37e9, 671e9, 61, 128, 128)
    assert gpus_to_hold(v3, CONFIG.chips["H100"], SETTINGS) == 32  # 671e9 x 2 B x 1.2 / 80 GB = 20.1 -> 32
    dense = ModelProfile("dense", 37e9, 37e9, 61, 128, 128)
    ratio = (request_energy(v3, CONFIG.chips["H100"], 0, 100, SETTINGS).wh
             / request_energy(dense, CONFIG.chips["H100"], 0, 100, SETTINGS).wh)
    assert ratio == pytest.approx(32 / 2)


def test_reasoning_tokens_multiply_output():
    base = inference_wh("Llama 3.1 70B", 100, 500)["decode_flops"]
    thinking = inference_wh("Llama 3.1 70B", 100, 500, overrides=["inference.reasoning_factor=3"])["decode_flops"]
    assert thinking == pytest.approx(decode_flops(ModelProfile("m", 70.6e9, 70.6e9, 80, 64, 128), 100, 1500,
                                                  "quadratic"))
    assert thinking > 2.9 * base


def test_cli_json_has_the_figures_and_assumptions():
    proc = floptrail("energy", "inference", "--model", "Llama 3.1 8B", "--input-tokens", "1000", "--output-tokens",
                     "500", "--gpu", "H100", "--batch", "64", "--boundary", "gpu", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert {"wh", "prefill_wh", "decode_wh", "flops", "boundary", "assumptions"} <= set(result)
    assert result["boundary"] == "gpu" and result["assumptions"]["gpu"] == "H100"
    assert result["wh"] == pytest.approx(result["prefill_wh"] + result["decode_wh"])


def test_decode_energy_matches_ml_energy_at_batch_64_within_30_percent():
    for model, measured in (("Llama 3.1 8B", 0.119), ("Llama 3.1 70B", 0.797)):  # J per output token, H100
        joules = inference_wh(model, 0, 1000, boundary="gpu", batch=64, attention="linear")["decode_wh"] * 3.6
        assert joules == pytest.approx(measured, rel=0.3)


def fact(kind, value, hardware=""):
    return Fact(fact_id=f"{kind}{value}", doc_id="d", source="d.txt", kind=kind, value=value, unit=UNITS[kind],
                model="Foo", model_mention="Foo", hardware=hardware, page=None, start=0, end=1, quote="", rule="t")


def energy_of(facts, config=CONFIG):
    group = group_by_model(facts, load_extract_config().naming)["Foo"]
    return estimate_model(group, config).energy


def test_training_energy_from_chip_hours_and_emissions_from_intensity():
    e = energy_of([fact("chip_hours", 30.84e6, "H100")])
    assert e.method == "chip-hours"
    assert e.mwh == pytest.approx(30.84e6 * 700 * 1.0 * 1.1 / 1e6)
    assert e.emissions_tco2e == pytest.approx(e.mwh * 0.4) and e.emissions_method == "grid intensity"
    assert "PUE 1.1" in e.reasoning and e.low < e.mwh < e.high


def test_disclosures_win_and_overrides_change_assumptions():
    e = energy_of([fact("energy_kwh", 433_196), fact("emissions_tco2e", 24.7)])
    assert (e.method, e.mwh, e.emissions_tco2e) == ("disclosed", pytest.approx(433.196), 24.7)
    warmer = load_estimate_config(overrides=["training.pue=1.5", "training.grid_tco2_per_mwh=0.1"])
    e = energy_of([fact("chip_hours", 1e6, "A100")], warmer)
    assert e.mwh == pytest.approx(1e6 * 400 * 1.5 / 1e6) and e.emissions_tco2e == pytest.approx(e.mwh * 0.1)
    with pytest.raises(ValueError, match="training.nope"):
        load_estimate_config(overrides=["training.nope=1"])


def test_energy_from_a_flop_estimate_when_no_hours_are_stated():
    e = energy_of([fact("flop", 3.8e25), fact("hardware", None, "H100")])
    hours = 3.8e25 / (989.4e12 * 0.38) / 3600
    assert e.method == "from FLOP" and e.mwh == pytest.approx(hours * 700 * 1.1 / 1e6)


def test_a_model_without_a_profile_takes_its_parameters_from_a_run(tmp_path):
    facts = tmp_path / "facts.csv"
    facts.write_text("model,kind,value,role\nFoo-70B,params,7.06e10,subject\nBar,params,1e9,cited\n", encoding="utf-8")
    got = inference_wh("Foo-70B", 0, 100, boundary="gpu", facts_csv=facts)
    assert got["assumptions"]["model_source"].startswith("parameters from")
    profile = ModelProfile("x", 7.06e10, 7.06e10, 84, 65, 128)  # d = (100 N / 12)^(1/3) = 8,380; L = 84
    assert got["decode_flops"] == pytest.approx(decode_flops(profile, 0, 100, "quadratic"))
    with pytest.raises(ValueError, match="no profile for 'Bar'"):
        inference_wh("Bar", 0, 100, facts_csv=facts)
