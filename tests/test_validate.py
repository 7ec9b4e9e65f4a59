"""Pairing our estimates with a published table, and the figures validate reports, on small tables."""

import pandas as pd
import pytest
from floptrail.estimate.config import load_estimate_config
from floptrail.extract.config import load_extract_config

from floptrail.calibrate_methods import calibrate_methods
from floptrail.validate import from_facts, validate

NAMING = load_extract_config().naming
ESTIMATE_COLUMNS = ["model", "variant_of", "training_flop", "flop_low", "flop_high", "method"]
METHOD_COLUMNS = ["model", "method", "training_flop", "flop_low", "flop_high", "confidence", "evidence"]


def frame(rows, columns):
    return pd.DataFrame(rows, columns=columns)


PUBLISHED = pd.DataFrame({"model": ["Qwen2.5 Instruct (72B)", "DeepSeek-V2 (MoE-236B)", "Foo-7B", "Bar 30B"],
                          "flop": [7.8e24, 1.02e24, 4e23, 2e25], "year": [2024, 2024, 2021, 2023]})


def test_a_family_row_does_not_pair_with_one_size_but_a_single_model_does():
    ours = frame([["Qwen2.5", "", 3.2e23, 2e23, 5e23, "arithmetic"],
                  ["Qwen2.5-7B", "", 8e23, 7e23, 9e23, "arithmetic"],
                  ["DeepSeek-V2", "", 1.02e24, 9e23, 1.1e24, "arithmetic"]], ESTIMATE_COLUMNS)
    v = validate(ours, None, PUBLISHED, NAMING)
    assert list(v.pairs["model"]) == ["DeepSeek-V2"]
    assert "Qwen2.5" in v.only_ours


def test_figures_per_method_by_era_and_class_agreement_where_the_published_value_is_clear():
    ours = frame([["Foo-7B", "", 4.4e23, 3e23, 6e23, "arithmetic"],
                  ["Bar-30B", "", 6e24, 2e24, 1.8e25, "benchmark"]], ESTIMATE_COLUMNS)
    methods = frame([["Foo-7B", "arithmetic", 4.4e23, 3e23, 6e23, "high", "f1;f2"],
                     ["Foo-7B", "heuristic", 4e22, 4e21, 4e23, "speculative", ""],
                     ["Bar-30B", "benchmark", 6e24, 2e24, 1.8e25, "low", "f3"]], METHOD_COLUMNS)
    v = validate(ours, methods, PUBLISHED, NAMING)
    summary = v.summary()
    assert (summary["paired"], summary["class_agreement"], summary["clear_pairs"]) == (2, 0.5, 1)
    assert summary["clear_agreement"] == 1.0  # Bar's 2e25 is within 2x of 1e25: not a clear case
    assert summary["median_factor"] == pytest.approx(10 ** ((0.0414 + 0.5229) / 2), rel=1e-3)
    by_method = v.method_summary().set_index("method")
    assert by_method.loc["heuristic", "coverage"] == 1.0 and by_method.loc["heuristic", "within_2x"] == 0.0
    assert set(v.method_summary(by_era=True)["era"]) == {"2020-2022", "2023-2024"}
    assert v.summary(stated_only=True)["paired"] == 1
    assert from_facts("arithmetic+hardware") and not from_facts("arithmetic+benchmark")


def test_clear_cases_without_the_published_class_are_told_apart_as_uncertain_or_on_the_other_side():
    ours = frame([["Foo-7B", "", 2e24, 1e24, 4e24, "arithmetic"],  # published 4e23: clear, and below
                  ["Qwen2.5-72B", "", 5e24, 2.5e24, 1.5e25, "benchmark"],  # published 7.8e24: not clear
                  ["DeepSeek-V2", "", 4e24, 2e24, 1.6e25, "benchmark"]], ESTIMATE_COLUMNS)  # published 1.02e24
    v = validate(ours, None, PUBLISHED, NAMING)
    summary = v.summary()
    assert (summary["clear_pairs"], summary["clear_uncertain"], summary["clear_opposite"]) == (2, 1, 0)
    assert v.clear_misses().to_dict("records") == [
        {"model": "DeepSeek-V2", "method": "benchmark", "ours": 4e24, "low": 2e24, "high": 1.6e25,
         "theirs": 1.02e24, "our_class": "uncertain", "their_class": "below"}]
    above = validate(frame([["Foo-7B", "", 3e25, 2e25, 4e25, "hardware"]], ESTIMATE_COLUMNS), None, PUBLISHED, NAMING)
    assert (above.summary()["clear_opposite"], list(above.clear_misses()["our_class"])) == (1, ["above"])


def test_calibrate_methods_names_a_folder_that_is_not_a_run(tmp_path):
    reference = tmp_path / "ref.csv"
    reference.write_text("model,training_compute_flop\nFoo-7B,4e23\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a run's output folder"):
        calibrate_methods([tmp_path], reference, NAMING, load_estimate_config())
