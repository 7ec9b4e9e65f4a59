"""The full hierarchy: stage sums, rates, epochs, stated utilization and FP8, benchmark curves, the name
heuristic, disagreement flags, variants and thresholds, on facts written inline."""

import itertools
import math

import numpy as np
import pytest
from floptrail.estimate import benchmark, heuristic, size_times_tokens
from floptrail.estimate.combine import estimate_model
from floptrail.estimate.config import load_estimate_config, unmeasured, utilization_for
from floptrail.estimate.curves import Curve, combine_log10, fit
from floptrail.estimate.grouping import group_by_model
from floptrail.estimate.records import ModelEstimate
from floptrail.estimate.variants import base_release_of, count_over, variant_estimate, variant_names, variant_row_of
from floptrail.extract.config import load_extract_config
from floptrail.extract.records import UNITS, Fact

from floptrail.export import estimates_frame

NAMING = load_extract_config().naming
CONFIG = unmeasured(load_estimate_config())
A100, H100 = utilization_for(CONFIG, "A100"), utilization_for(CONFIG, "H100")  # measured MFU by generation
_ids = itertools.count(1)


def fact(kind, value, model="Foo", hardware="", stage="", unit="", mention="", doc="d1"):
    n = next(_ids)
    return Fact(fact_id=f"f{n}", doc_id=doc, source="d.txt", kind=kind, value=value, unit=unit or UNITS[kind],
                model=model, model_mention=mention or model, hardware=hardware, page=None, start=n, end=n + 1,
                quote="", rule="test", stage=stage)


def group(facts, model="Foo", dates=None):
    return group_by_model(facts, NAMING, dates)[model]


def test_direct_sums_stages_given_apart_and_says_which():
    facts = [fact("flop", 3e24, stage="pretraining"), fact("flop", 2e23, stage="context_extension"),
             fact("flop", 1e23, stage="fine_tuning")]  # fine-tuning belongs to the variants, not the base
    me = estimate_model(group(facts), CONFIG)
    assert me.preferred.value == pytest.approx(3.2e24)
    assert me.preferred.reasoning.startswith("stages context_extension + pretraining summed: 2e23 + 3e24")


def test_a_stated_total_wins_over_its_stages():
    facts = [fact("chip_hours", 2.664e6, hardware="H800", stage="pretraining"),
             fact("chip_hours", 1.19e5, hardware="H800", stage="context_extension"),
             fact("chip_hours", 2.788e6, hardware="H800")]
    value = estimate_model(group(facts), CONFIG).preferred.value
    assert value == pytest.approx(2.788e6 * 3600 * 989.4e12 * H100.median)


def test_rate_per_trillion_tokens_times_tokens():
    facts = [fact("chip_hours_rate", 172.8e3, hardware="H800"), fact("tokens", 8.1e12), fact("hardware", None,
                                                                                            hardware="H800")]
    est = estimate_model(group(facts), CONFIG).preferred
    assert est.method == "hardware"
    assert est.value == pytest.approx(172.8e3 * 8.1 * 3600 * 989.4e12 * H100.median)
    assert "per 1e12 tokens x 8.1e12 tokens" in est.reasoning


def test_dataset_times_epochs_when_no_training_tokens():
    est = estimate_model(group([fact("params", 2.7e9), fact("dataset_tokens", 250e9), fact("epochs", 5.6)]),
                         CONFIG).preferred
    assert est.value == pytest.approx(6 * 2.7e9 * 250e9 * 5.6)
    assert "250 dataset tokens" not in est.reasoning and "x 5.6 epochs" in est.reasoning


def test_stated_utilization_and_fp8_replace_the_defaults():
    facts = [fact("chip_hours", 1e6, hardware="H100"), fact("utilization", 0.5), fact("precision", None,
                                                                                       hardware="FP8")]
    est = estimate_model(group(facts), CONFIG).preferred
    assert est.value == pytest.approx(1e6 * 3600 * 1978.9e12 * 0.5)
    assert est.low == pytest.approx(1e6 * 3600 * 1978.9e12 * 0.5 / 1.2)
    assert "dense FP8" in est.reasoning and "stated utilization 0.5" in est.reasoning


@pytest.mark.parametrize(("name", "params"), [("Falcon-40B", 40e9), ("Qwen3-30B-A3B", 30e9),
                                              ("Mixtral-8x7B", 56e9), ("Grok-1", None)])
def test_heuristic_reads_the_name_and_assumes_the_years_tokens_per_parameter(name, params):
    dated = group([fact("hardware", None, model=name, hardware="A100")], model=name, dates={"d1": "2023-07-01"})
    est = heuristic.estimate(dated, CONFIG)
    if params is None:
        assert est is None
        return
    h = CONFIG.methods["heuristic"]
    ratio = 10 ** (h["intercept"] + h["per_year"] * 3.5 + h["per_log10_size"] * math.log10(params / 1e9))
    assert est.value == pytest.approx(6 * params * params * ratio)
    assert (est.low, est.high) == (pytest.approx(est.value * 10 ** h["residual_low"]),
                                   pytest.approx(est.value * 10 ** h["residual_high"]))
    assert est.confidence == "speculative" and "from 2023 was typically trained on" in est.reasoning


def test_heuristic_applies_its_fit_to_a_mixture_of_experts_total_as_the_fit_was_made():
    # a model named without a size, its table row giving 236B total and 21B activated
    facts = [fact("params", 236e9, model="Baz-MoE"), fact("active_params", 21e9, model="Baz-MoE")]
    est = heuristic.estimate(group(facts, model="Baz-MoE", dates={"d1": "2024-07-01"}), CONFIG)
    h = CONFIG.methods["heuristic"]
    ratio = 10 ** (h["intercept"] + h["per_year"] * 4.5 + h["per_log10_size"] * math.log10(236))
    assert est.value == pytest.approx(6 * 236e9 * 236e9 * ratio)
    assert est.evidence == (facts[0].fact_id,)
    assert est.reasoning.startswith(f"fact {facts[0].fact_id} states 2.36e11 parameters; ")


def test_heuristic_prefers_a_stated_count_that_agrees_with_the_names_size():
    facts = [fact("params", 46.7e9, model="Baz-8x7B"), fact("params", 180e9, model="Baz-8x7B")]  # a neighbour's cell
    est = heuristic.estimate(group(facts, model="Baz-8x7B", dates={"d1": "2024-07-01"}), CONFIG)
    assert est.evidence == (facts[0].fact_id,) and "states 4.67e10 parameters" in est.reasoning


def test_heuristic_falls_back_to_an_active_count_and_says_it_guesses_low():
    facts = [fact("active_params", 37e9, model="Baz-MoE")]
    est = heuristic.estimate(group(facts, model="Baz-MoE", dates={"d1": "2024-07-01"}), CONFIG)
    assert est.evidence == (facts[0].fact_id,)
    assert "3.7e10 active parameters (no total stated: the fit is on totals, so this guesses low)" in est.reasoning


def test_heuristic_for_an_undated_model_assumes_a_recent_year_and_widens():
    est = heuristic.estimate(group([fact("hardware", None, model="Bar-8B", hardware="A100")], model="Bar-8B"),
                             CONFIG)
    h = CONFIG.methods["heuristic"]
    ratio = 10 ** (h["intercept"] + h["per_year"] * (h["undated_year"] - 2020) + h["per_log10_size"] * math.log10(8))
    assert est.value == pytest.approx(6 * 8e9 * 8e9 * ratio)
    assert est.high == pytest.approx(est.value * 10 ** (h["residual_high"] + h["undated_widen"]))
    assert f"from {h['undated_year']} (undated: assumed)" in est.reasoning


def test_benchmark_curve_prediction_and_leave_one_out_interval():
    mmlu = CONFIG.curves["MMLU"]
    est = benchmark.estimate(group([fact("benchmark", 0.7, unit="MMLU")]), CONFIG)
    centre = mmlu.predict_log10(0.7)
    assert est.value == pytest.approx(10 ** centre)
    assert (est.low, est.high) == (pytest.approx(10 ** (centre - mmlu.residual_high)),
                                   pytest.approx(10 ** (centre - mmlu.residual_low)))


def test_several_benchmarks_take_the_median_and_the_dated_curve_when_the_year_is_known():
    facts = [fact("benchmark", 0.7, unit="MMLU"), fact("benchmark", 1200, unit="Arena_Elo_text_raw"),
             fact("benchmark", 0.4, unit="GPQA_Diamond_epoch")]
    est = benchmark.estimate(group(facts, dates={"d1": "2024-07-01"}), CONFIG)
    year = 2024.5
    expected = np.median([CONFIG.curves["MMLU+year"].predict_log10(0.7, year),
                          CONFIG.curves["Arena_Elo_text_raw+year"].predict_log10(1200, year),
                          CONFIG.curves["GPQA_Diamond_epoch+year"].predict_log10(0.4, year)])
    assert est.value == pytest.approx(10 ** expected)
    assert "median of 3" in est.reasoning and "(dated curve)" in est.reasoning


def test_curve_fit_recovers_a_line_and_its_leave_one_out_error():
    rng = np.random.default_rng(0)
    scores = np.linspace(0.3, 0.9, 40)
    log_flop = 20 + 6 * scores + rng.normal(0, 0.1, 40)
    curve, errors = fit("X", list(scores), list(log_flop), "linear")
    assert (curve.intercept, curve.slope) == (pytest.approx(20, abs=0.1), pytest.approx(6, abs=0.2))
    assert len(errors) == 40 and 1.05 < curve.loo_median_factor < 1.2
    assert combine_log10([23.0, 24.0, 26.0]) == 24.0


def test_sigmoid_curve_is_linear_in_the_logit():
    curve = Curve("Y", "sigmoid", 0.25, 1.0, intercept=24.0, slope=1.0, n=10, loo_median_factor=2.0,
                  loo_p90_factor=5.0, residual_low=-0.5, residual_high=0.5)
    assert curve.predict_log10(0.625) == pytest.approx(24.0)  # halfway between floor and ceiling: logit 0
    assert curve.predict_log10(0.1) == curve.predict_log10(0.25)  # below chance is held at the floor edge


def test_disagreement_is_flagged_but_not_for_the_name_heuristic():
    flagged = estimate_model(group([fact("hardware", None, model="Foo-7B", hardware="H100"),
                                    fact("chip_hours", 1e7, model="Foo-7B"), fact("params", 7e9, model="Foo-7B"),
                                    fact("tokens", 1e12, model="Foo-7B")], model="Foo-7B"), CONFIG)
    assert flagged.disagreement == "hardware 1.1e+25 vs arithmetic 4.2e+22 (270x)"
    calm = estimate_model(group([fact("params", 7e9, model="Foo-7B"), fact("tokens", 15e12, model="Foo-7B")],
                                model="Foo-7B"), CONFIG)
    assert calm.disagreement == ""


def test_variants_inherit_base_compute_plus_post_training_and_count_once():
    facts = [fact("flop", 3e24, model="Foo-70B", stage="pretraining", mention="Foo-70B-Instruct"),
             fact("flop", 2e23, model="Foo-70B", stage="fine_tuning", mention="Foo-70B-Instruct"),
             fact("params", 70e9, model="Foo-70B", mention="org/Foo-70B-Base")]
    assert variant_names(facts, NAMING, ["Foo-70B-Chat: a card"]) == {"Foo-70B-Instruct": "Foo-70B",
                                                                      "Foo-70B-Chat": "Foo-70B"}
    # a fine-tune a document's inventory names has a row though no fact was written under its name
    assert variant_names(facts, NAMING, (), ["Foo-70B-SFT"]) == {"Foo-70B-Instruct": "Foo-70B",
                                                                 "Foo-70B-SFT": "Foo-70B"}
    g = group(facts, model="Foo-70B")
    base = ModelEstimate("Foo-70B", estimate_model(g, CONFIG).preferred)
    assert base.preferred.value == pytest.approx(3e24)  # pretraining only
    variant = variant_estimate("Foo-70B-Instruct", base, g)
    assert variant.variant_of == "Foo-70B" and variant.preferred.model == "Foo-70B-Instruct"
    assert variant.preferred.value == pytest.approx(3.2e24)
    assert variant.preferred.reasoning.startswith("inherits Foo-70B's 3e24 (direct) + 2e23 stated post-training")

    assert count_over([base, variant], 1e24) == 1


def test_a_fine_tune_named_without_a_size_is_a_variant_of_the_sized_model_its_facts_were_attributed_to():
    # "Bar-3 Chat starts from the 72B base": its facts were filed under Bar-3 72B, while another figure of the
    # document names the line "Bar-3" alone (a family fact); the fine-tune's row is the 72B's variant
    facts = [fact("tokens", 22e9, model="Bar-3 72B", mention="Bar-3 Chat", stage="fine_tuning"),
             fact("chip_count", 1024, model="Bar-3 72B", mention="Bar-3 Chat"),
             fact("tokens", 15e12, model="Bar-3", mention="Bar-3")]
    assert variant_names(facts, NAMING, ["Bar-3 Chat"]) == {"Bar-3 Chat": "Bar-3 72B"}
    rows = {"Bar-3 72B": "", "Bar-3 Chat": "Bar-3 72B"}  # and its facts are shown under its row
    assert variant_row_of(facts, rows, NAMING) == {facts[0].fact_id: "Bar-3 Chat", facts[1].fact_id: "Bar-3 Chat"}
    # a name whose size is written keeps the model it spells, wherever its facts were filed
    facts = [fact("tokens", 2e9, model="Bar-30B", mention="Bar-30B-Instruct"),
             fact("chip_count", 128, model="Bar", mention="Bar-30B-Instruct"),
             fact("duration_hours", 120, model="Bar", mention="Bar-30B-Instruct")]
    assert variant_names(facts, NAMING) == {"Bar-30B-Instruct": "Bar-30B"}
    # a fine-tune's name filed under different sizes in different documents names no one size
    facts = [fact("params", 7e9, model="Bar-2-7B", mention="Bar-2-Chat", doc="b"),
             fact("params", 70e9, model="Bar-2-70B", mention="Bar-2-Chat", doc="c"),
             fact("tokens", 2e12, model="Bar-2", mention="Bar-2")]
    assert variant_names(facts, NAMING) == {"Bar-2-Chat": "Bar-2"}


def test_a_fine_tune_one_document_files_under_several_sizes_is_that_fine_tune_at_each_size():
    # "| Foo - Instruct | 7B, 13B | ... |": the flavour's row gives each size, so each size has its fine-tune
    facts = [fact("params", 7e9, model="Foo 7B", mention="Foo - Instruct"),
             fact("params", 13e9, model="Foo 13B", mention="Foo - Instruct"),
             fact("tokens", 2e12, model="Foo 7B", mention="Foo 7B"), fact("tokens", 2e12, model="Foo 13B")]
    assert variant_names(facts, NAMING) == {"Foo - Instruct 7B": "Foo 7B", "Foo - Instruct 13B": "Foo 13B"}


def test_a_fact_written_under_a_fine_tunes_name_is_shown_under_its_row():
    facts = [fact("params", 70e9, model="Foo-70B", mention="Foo-70B-Instruct"),
             fact("params", 70e9, model="Foo-70B", mention="foo-70b-instruct-AWQ"),
             fact("params", 70e9, model="Foo-70B", mention="org/Foo-70B-Base"),
             fact("params", 8e9, model="Bar-8B", mention="Bar-8B-Chat")]
    rows = {"Foo-70B": "", "Foo-70B-Instruct": "Foo-70B"}
    assert variant_row_of(facts, rows, NAMING) == {facts[0].fact_id: "Foo-70B-Instruct",
                                                   facts[1].fact_id: "Foo-70B-Instruct"}
    # a fine-tune named without a size, made from a sized member, shows its facts filed under the line's name
    facts = [fact("params", 236e9, model="Foo-Coder", mention="Foo-Coder-Instruct")]
    assert variant_row_of(facts, {"Foo-Coder 236B": "", "Foo-Coder-Instruct": "Foo-Coder 236B"}, NAMING) == {
        facts[0].fact_id: "Foo-Coder-Instruct"}


def test_a_fine_tunes_card_tells_of_its_base_pretraining_where_it_names_the_base():
    # the card of Foo-A3B-Instruct names its base Foo-A3B: the pretraining run it tells of is the base's, its
    # instruction tuning the fine-tune's; a card naming only the fine-tune keeps every fact under that name
    facts = [fact("params", 30e9, model="Foo-A3B", mention="Foo-A3B"),
             fact("tokens", 18e12, model="Foo-A3B", mention="Foo-A3B-Instruct", stage="pretraining"),
             fact("tokens", 5e9, model="Foo-A3B", mention="Foo-A3B-Instruct", stage="fine_tuning"),
             fact("tokens", 2e12, model="Bar-1B", mention="Bar-1B-Chat", stage="pretraining", doc="d2")]
    rows = {"Foo-A3B": "", "Foo-A3B-Instruct": "Foo-A3B", "Bar-1B": "", "Bar-1B-Chat": "Bar-1B"}
    assert variant_row_of(facts, rows, NAMING) == {facts[2].fact_id: "Foo-A3B-Instruct",
                                                   facts[3].fact_id: "Bar-1B-Chat"}


def test_a_fact_written_under_a_base_release_is_shown_so_where_its_document_names_the_bare_model_too():
    # "| Foo-V3-Base | 671B |" over "| Foo-V3 | 671B |": two releases, one model to estimate
    facts = [fact("params", 671e9, model="Foo-V3", mention="Foo-V3-Base", doc="d1"),
             fact("params", 671e9, model="Foo-V3", mention="Foo-V3", doc="d1"),
             fact("params", 7e9, model="Bar-7B", mention="Bar-7B-Base", doc="d2"),  # no bare "Bar-7B" in d2
             fact("params", 142e9, model="baz.lm1", mention="baz.lm1.base", doc="d3"),
             fact("params", 142e9, model="baz.lm1", mention="baz.lm1", doc="d3")]
    assert base_release_of(facts, NAMING) == {facts[0].fact_id: "Foo-V3-Base", facts[3].fact_id: "baz.lm1.base"}


def test_estimates_table_has_a_class_column_per_threshold():
    me = estimate_model(group([fact("flop", 3e25)]), CONFIG)
    frame = estimates_frame([me], [], CONFIG.thresholds)
    row = frame.to_dict("records")[0]
    assert (row["class_1e25"], row["class_1e26"], row["threshold_class"]) == ("above", "below", "above")
    assert row["methods"] == "direct=3e25"


@pytest.mark.parametrize(("date", "price"), [("2022-08-01", 4.1), ("2024-03-01", 1.5), ("", 1.5)])
def test_cost_uses_the_price_of_the_models_year(date, price):
    facts = [fact("cost_usd", 4.9e6), fact("hardware", None, hardware="A100")]
    est = estimate_model(group(facts, dates={"d1": date} if date else None), CONFIG).methods
    cost = next(e for e in est if e.method == "cost")
    assert cost.value == pytest.approx(4.9e6 / price * 3600 * 312e12 * A100.median)
    assert f"prices.A100.usd_per_hour={price}" in cost.assumptions


def test_size_from_the_name_times_stated_tokens_is_its_own_method():
    g = group([fact("tokens", 1e12, model="Bar-13B")], model="Bar-13B")
    assert heuristic.estimate(g, CONFIG) is None  # stated tokens: not a guess about them
    est = size_times_tokens.estimate(g, CONFIG)
    assert (est.method, est.value, est.low, est.confidence) == ("size_times_tokens", pytest.approx(7.8e22),
                                                                pytest.approx(3.9e22), "low")


