"""Training energy per model: disclosed, from chip-hours, or from a FLOP estimate at the hardware era's MFU;
boundaries named; energy per FLOP and the hardware assumed in estimates.csv."""

import pytest
from floptrail.estimate.combine import estimate_model
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.energy import picojoules_per_flop, power_factor, training_mwh
from floptrail.estimate.grouping import group_by_model
from floptrail.extract.config import load_extract_config
from floptrail.extract.records import UNITS, Fact

from floptrail.export import estimates_frame

CONFIG = load_estimate_config()
TRAINING = CONFIG.energy["training"]


def fact(kind, value, hardware=""):
    return Fact(fact_id=f"{kind}{value}", doc_id="d", source="d.txt", kind=kind, value=value, unit=UNITS[kind],
                model="Foo", model_mention="Foo", hardware=hardware, page=None, start=0, end=1, quote="", rule="t")


def estimate_of(facts, config=CONFIG):
    group = group_by_model(facts, load_extract_config().naming)["Foo"]
    return estimate_model(group, config)


def energy_of(facts, config=CONFIG):
    return estimate_of(facts, config).energy


def test_peaks_are_dense_per_gpu():
    assert CONFIG.chips["A100"].peak_flops_bf16 == 312e12  # not the sparse 624e12
    gb200 = CONFIG.chips["GB200"]
    assert (gb200.peak_flops_bf16, gb200.power_w) == (2.5e15, 1200)  # one GPU, not the two-GPU sparse 1e16


def test_every_serving_chip_states_memory_and_bandwidth():
    for name in ("H100", "H200", "A100", "V100", "B200", "GB200", "MI300X", "TPU v5e"):
        chip = CONFIG.chips[name]
        assert chip.memory_gb and chip.memory_bandwidth, name
    assert CONFIG.chips["H100"].memory_bandwidth == 3.35e12


def test_training_boundaries_add_host_then_pue():
    hours, a100 = 1e6, CONFIG.chips["A100"]
    assert training_mwh(hours, a100, TRAINING, "gpu") == pytest.approx(400)  # TDP x hours, as BLOOM counts
    assert training_mwh(hours, a100, TRAINING, "server") == pytest.approx(400 * 1.1)
    assert training_mwh(hours, a100, TRAINING, "facility") == pytest.approx(400 * 1.1 * 1.1)
    assert power_factor(TRAINING, "facility", "_high") == pytest.approx(1.1 * 1.1 * 1.4)
    with pytest.raises(ValueError, match="boundary must be one of gpu, server, facility"):
        power_factor(TRAINING, "fleet")


def test_training_energy_from_chip_hours_and_emissions_from_intensity():
    e = energy_of([fact("chip_hours", 30.84e6, "H100")])
    assert (e.method, e.chip, e.boundary) == ("chip-hours", "H100", "facility")
    assert e.mwh == pytest.approx(30.84e6 * 700 * 1.0 * 1.1 * 1.1 / 1e6)
    assert e.emissions_tco2e == pytest.approx(e.mwh * 0.4) and e.emissions_method == "grid intensity"
    assert "PUE 1.1" in e.reasoning and "facility boundary" in e.reasoning and e.low < e.mwh < e.high


def test_disclosures_win_and_overrides_change_assumptions():
    e = energy_of([fact("energy_kwh", 433_196), fact("emissions_tco2e", 24.7)])
    assert (e.method, e.mwh, e.emissions_tco2e) == ("disclosed", pytest.approx(433.196), 24.7)
    warmer = load_estimate_config(overrides=["training.pue=1.5", "training.grid_tco2_per_mwh=0.1"])
    e = energy_of([fact("chip_hours", 1e6, "A100")], warmer)
    assert e.mwh == pytest.approx(1e6 * 400 * 1.1 * 1.5 / 1e6) and e.emissions_tco2e == pytest.approx(e.mwh * 0.1)
    with pytest.raises(ValueError, match="training.nope"):
        load_estimate_config(overrides=["training.nope=1"])


def test_energy_from_a_flop_estimate_uses_a_stated_mfu_first():
    e = energy_of([fact("flop", 3.8e25), fact("hardware", None, "H100"), fact("utilization", 0.4)])
    hours = 3.8e25 / (989.4e12 * 0.4) / 3600
    assert e.method == "from FLOP" and e.mwh == pytest.approx(hours * 700 * 1.21 / 1e6)
    assert "MFU 0.4, stated" in e.reasoning


def test_estimates_carry_energy_per_flop_and_the_hardware_assumed():
    me = estimate_of([fact("chip_hours", 1e6, "A100"), fact("flop", 1e24)])
    row = estimates_frame([me], [], CONFIG.thresholds).iloc[0]
    assert row["energy_pj_per_flop"] == pytest.approx(1.7424)  # 1e6 h x 400 W x 1.21 x 3600 s / 1e24 FLOP, in pJ
    assert row["energy_hardware"] == "A100"
    assert picojoules_per_flop(1287, 3.14e23) == pytest.approx(14.76, rel=1e-3)  # GPT-3


def test_energy_from_a_flop_estimate_uses_the_hardware_generation_s_mfu():
    e = energy_of([fact("flop", 3.14e23), fact("hardware", None, "V100")])  # GPT-3: FLOP and chip, no hours
    hours = 3.14e23 / (125e12 * 0.197) / 3600  # configs/utilization.toml: the V100 generation's median 0.197
    assert e.mwh == pytest.approx(hours * 300 * 1.21 / 1e6) and e.chip == "V100"
    assert "MFU 0.197, volta generation" in e.reasoning
    assert "300 W (V100) x power utilization 1.0 x (1 + host 0.1) x PUE 1.1 = 363 W a chip" in e.reasoning
    assert e.mwh == pytest.approx(1287, rel=0.2) and e.low < 1287 < e.high  # Patterson et al.'s 1,287 MWh
