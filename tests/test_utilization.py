"""Utilization (MFU) by hardware generation: measured from stated MFUs in tables with Epoch AI's columns,
and looked up for a chip by its generation, its year, or not at all."""

import math

import pytest
from floptrail.estimate.combine import preferred
from floptrail.estimate.config import load_estimate_config, utilization_for
from floptrail.estimate.grouping import group_by_model
from floptrail.extract.config import load_extract_config, read_toml
from floptrail.extract.records import UNITS, Fact
from invoke import floptrail

from floptrail.utilization import chip_of, measure_utilization, write_utilization

EXTRACT = load_extract_config()
GENERATIONS = {"old": {"chips": ["V100"], "first_year": 2017},
               "mid": {"chips": ["A100", "TPU v4"], "first_year": 2020},
               "new": {"chips": ["H100"], "first_year": 2022}}
HEADER = "Model,Publication date,Training hardware,Hardware utilization (MFU)\n"


def write_config(folder, text):
    folder.mkdir(exist_ok=True)
    (folder / "utilization.toml").write_text(text, encoding="utf-8")
    return load_estimate_config(folder)


@pytest.mark.parametrize(("hardware", "chip"), [("NVIDIA A100 SXM4 40 GB", "A100"), ("Google TPU v4", "TPU v4"),
                                                ("NVIDIA Tesla V100 DGXS 32 GB", "V100"),
                                                ("NVIDIA A100,NVIDIA H100 SXM5 80GB", None),
                                                ("Graphcore Colossus MK2 IPU", None)])
def test_chip_of_reads_one_chip_from_a_hardware_field(hardware, chip):
    assert chip_of(hardware, EXTRACT.chip_for) == chip


def test_measure_counts_each_run_once_and_pools_the_spread(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text(HEADER + "Run B,2023-05-01,NVIDIA A100,0.40\n"
                     "Run B (v2),2023-09-01,NVIDIA A100,0.40\n"  # the same run's figure under a second name
                     "Run C,2022-04-01,Google TPU v4,0.20\n"
                     "Run D,2024-01-01,NVIDIA H100 SXM5 80GB,0.30\n"
                     "Run E,2012-01-01,Some Old GPU,0.31\n"
                     "Run F,2020-05-01,NVIDIA V100,\n", encoding="utf-8")
    second.write_text(HEADER + "Run B,2023-05-01,NVIDIA A100,0.45\n"  # in both tables: the first table wins
                      "Run G,2023-01-01,NVIDIA A100,0.30\n", encoding="utf-8")
    fit = measure_utilization([first, second], EXTRACT.chip_for, GENERATIONS)
    assert [(r.model, r.chip, r.mfu) for r in fit.runs] == [
        ("Run C", "TPU v4", 0.20), ("Run G", "A100", 0.30), ("Run B", "A100", 0.40), ("Run D", "H100", 0.30)]
    assert fit.unplaced == ["Run E: Some Old GPU"]
    mid = fit.generations["mid"]
    assert (mid["median"], mid["runs"]) == (0.3, 3)
    assert "median" not in fit.generations["old"]  # no stated figure: nothing measured
    ratios = sorted(math.log(r) for r in (0.2 / 0.3, 1.0, 0.4 / 0.3, 1.0))
    assert fit.spread[0] == pytest.approx(math.exp(ratios[0] + 0.15 * (ratios[1] - ratios[0])))
    assert mid["low"] == round(0.3 * fit.spread[0], 3)

    write_utilization(fit, tmp_path / "utilization.toml")
    written = read_toml("utilization.toml", tmp_path)
    assert written["generations"]["mid"]["median"] == 0.3
    assert written["generations"]["old"] == {"chips": ["V100"], "first_year": 2017}
    assert "CC-BY 4.0" in written["provenance"]["source"]


def test_measure_refuses_a_table_without_epochs_columns(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("model,flop\nA,1e20\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an Epoch AI model table"):
        measure_utilization([table], EXTRACT.chip_for, GENERATIONS)


TABLE = """
[default]
median = 0.35
low = 0.2
high = 0.5
runs = 9

[generations.old]
chips = ["V100"]
first_year = 2017
median = 0.25
low = 0.13
high = 0.36
runs = 3

[generations.mid]
chips = ["A100"]
first_year = 2020
median = 0.4
low = 0.2
high = 0.58
runs = 5

[generations.next]
chips = ["B200"]
first_year = 2024
"""


def test_a_chip_takes_its_generation_then_its_year_then_the_default(tmp_path):
    config = write_config(tmp_path / "configs", TABLE)
    v100, a100 = utilization_for(config, "V100"), utilization_for(config, "A100")
    assert (v100.median, v100.low, v100.high, v100.generation) == (0.25, 0.13, 0.36, "old")
    assert a100.generation == "mid" and "median of 5 MFUs stated for mid-generation chips" in a100.source
    h100 = utilization_for(config, "H100")  # listed nowhere; its year (2022) places it after mid
    assert (h100.median, h100.generation) == (0.4, "mid") and "by H100's year 2022" in h100.source
    b200 = utilization_for(config, "B200")  # its generation has no stated figure yet
    assert b200.generation == "mid"
    unknown = utilization_for(config, "Abacus-9")
    assert (unknown.median, unknown.generation) == (0.35, "default")


TPU_TABLE = TABLE + """
[generations.tpu]
chips = ["TPU v4"]
first_year = 2021
median = 0.45
low = 0.23
high = 0.64
runs = 1
"""


def test_a_new_chip_takes_its_own_vendors_latest_generation_not_a_later_tpus(tmp_path):
    config = write_config(tmp_path / "configs", TPU_TABLE)
    h100 = utilization_for(config, "H100")  # NVIDIA, 2022: the TPU generation (2021) is later than mid (2020)
    assert (h100.median, h100.generation) == (0.4, "mid")
    v5e = utilization_for(config, "TPU v5e")  # Google, 2023: the TPU generation, not the GPUs'
    assert (v5e.median, v5e.generation) == (0.45, "tpu")
    assert v5e.source.startswith("one MFU stated for tpu-generation chips")
    ascend = utilization_for(config, "Ascend NPU")  # no Huawei generation: the latest by its year (2019)
    assert ascend.generation == "old"


def test_the_shipped_table_keeps_gpus_and_tpus_of_one_era_apart():
    config = load_estimate_config()
    for name, generation in config.utilization["generations"].items():
        vendors = {config.chips[chip].vendor for chip in generation["chips"]}
        assert "Google" not in vendors or vendors == {"Google"}, name
    v100, tpu_v3 = utilization_for(config, "V100"), utilization_for(config, "TPU v3")
    assert (v100.generation, v100.median) == ("volta", 0.197)  # GPT-3, the one V100 run Epoch AI states
    assert (tpu_v3.generation, tpu_v3.median) == ("tpu_v2_v3", 0.321)
    assert utilization_for(config, "B200").generation == "hopper"  # an NVIDIA GPU no generation lists yet


def test_hardware_method_assumes_the_generations_utilization(tmp_path):
    config = write_config(tmp_path / "configs", TABLE)
    fact = Fact(fact_id="f1", doc_id="d1", source="d.txt", kind="chip_hours", value=1e6, unit=UNITS["chip_hours"],
                model="Foo", model_mention="Foo", hardware="V100", page=None, start=0, end=1, quote="", rule="test")
    est = preferred(group_by_model([fact], EXTRACT.naming)["Foo"], config)
    assert (est.method, est.value) == ("hardware", pytest.approx(1e6 * 3600 * 125e12 * 0.25))
    assert (est.low, est.high) == (pytest.approx(1e6 * 3600 * 125e12 * 0.13), pytest.approx(1e6 * 3600 * 125e12 * 0.36))
    assert "utilization.old.median=0.25" in est.assumptions
    assert "median of 3 MFUs stated for old-generation chips in Epoch AI's tables" in est.reasoning


def test_calibrate_utilization_command_writes_the_table(tmp_path):
    table = tmp_path / "epoch.csv"
    table.write_text(HEADER + "Run A,2020-05-01,NVIDIA V100,0.25\nRun B,2023-05-01,NVIDIA A100 SXM4 40 GB,0.40\n"
                     "Run C,2024-05-01,Graphcore Colossus MK2 IPU,0.5\n", encoding="utf-8")
    proc = floptrail("calibrate", "utilization", "--table", table, "--out", tmp_path / "utilization.toml")
    assert proc.returncode == 0, proc.stderr
    assert "not placed: Run C: Graphcore Colossus MK2 IPU" in proc.stdout
    written = read_toml("utilization.toml", tmp_path)
    assert (written["generations"]["volta"]["median"], written["generations"]["ampere"]["median"]) == (0.25, 0.4)
