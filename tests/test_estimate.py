"""Estimation methods, priority, intervals and the threshold class, on facts written inline."""

import itertools

import pytest
from floptrail.estimate.combine import all_estimates, preferred
from floptrail.estimate.config import load_estimate_config, unmeasured, utilization_for
from floptrail.estimate.grouping import group_by_model
from floptrail.estimate.records import threshold_class
from floptrail.extract.config import load_extract_config
from floptrail.extract.records import UNITS, Fact

NAMING = load_extract_config().naming
CONFIG = unmeasured(load_estimate_config())
A100, H100 = utilization_for(CONFIG, "A100"), utilization_for(CONFIG, "H100")  # measured MFU by generation


_ids = itertools.count(1)


def fact(kind, value, model="Foo-70B", doc="d1", hardware="", qualifier="", role="subject"):
    n = next(_ids)
    return Fact(fact_id=f"f{n}", doc_id=doc, source=f"{doc}.txt", kind=kind, value=value, unit=UNITS[kind],
                model=model, model_mention=model, hardware=hardware, page=None, start=n, end=n + 1, quote="",
                rule="test", qualifier=qualifier, role=role)


def estimate_for(facts, model="Foo-70B", config=CONFIG):
    return preferred(group_by_model(facts, NAMING)[model], config)


def test_direct_beats_every_other_method():
    facts = [fact("flop", 3.8e25), fact("params", 405e9), fact("tokens", 15.6e12)]
    est = estimate_for(facts)
    assert (est.method, est.value, est.confidence) == ("direct", 3.8e25, "high")
    assert est.low == pytest.approx(3.8e25 / 1.3) and est.high == pytest.approx(3.8e25 * 1.3)


def test_hardware_from_chip_hours_uses_dense_peak_and_utilization():
    est = estimate_for([fact("chip_hours", 1e6, hardware="A100")])
    assert est.method == "hardware"
    assert est.value == pytest.approx(1e6 * 3600 * 312e12 * A100.median)
    assert est.low == pytest.approx(1e6 * 3600 * 312e12 * A100.low)


def test_hardware_from_chips_times_duration():
    est = estimate_for([fact("chip_count", 1000, hardware="H100"), fact("duration_hours", 720)])
    assert est.value == pytest.approx(1000 * 720 * 3600 * 989.4e12 * H100.median)
    assert "1000 chips x 720 h" in est.reasoning


def test_arithmetic_prefers_active_parameters():
    est = estimate_for([fact("params", 671e9), fact("active_params", 37e9), fact("tokens", 14.8e12)])
    assert est.method == "arithmetic"
    assert est.value == pytest.approx(6 * 37e9 * 14.8e12)
    assert "active params" in est.reasoning


def test_cost_over_price_per_chip_hour():
    est = estimate_for([fact("cost_usd", 5.576e6, hardware=""), fact("hardware", None, hardware="H800")])
    assert est.method == "cost"
    assert est.value == pytest.approx(5.576e6 / 2.0 * 3600 * 989.4e12 * H100.median)
    assert est.confidence == "low"


def test_planned_figures_do_not_feed_estimates():
    facts = [fact("params", 1.1e9), fact("tokens", 3e12, qualifier="planned")]
    assert estimate_for(facts).method == "heuristic"  # only the name is left to go on


def test_all_methods_are_kept_for_comparison():
    facts = [fact("flop", 4e25), fact("params", 405e9), fact("tokens", 15.6e12)]
    methods = [e.method for e in all_estimates(group_by_model(facts, NAMING)["Foo-70B"], CONFIG)]
    assert methods == ["direct", "arithmetic", "size_times_tokens"]


def test_family_statement_covers_sizes_of_the_same_document_only():
    facts = [fact("tokens", 2e12, model="Foo", doc="d1"), fact("params", 70e9, model="Foo 70B", doc="d1"),
             fact("params", 7e9, model="Foo 7B", doc="d2")]
    groups = group_by_model(facts, NAMING)
    assert preferred(groups["Foo 70B"], CONFIG).value == pytest.approx(6 * 70e9 * 2e12)
    assert preferred(groups["Foo 7B"], CONFIG).method == "heuristic"


def test_curated_figures_only_when_allowed():
    facts = [fact("params", 314e9, model="Grok-1")]
    assert estimate_for(facts, "Grok-1").method == "curated"
    # without the curated figure, the stated size at the tokens per parameter typical of its year
    guess = estimate_for(facts, "Grok-1", load_estimate_config(use_curated=False))
    assert (guess.method, guess.evidence) == ("heuristic", ("f20",))


@pytest.mark.parametrize(("low", "high", "cls"), [(2e25, 5e25, "above"), (1e24, 9e24, "below"),
                                                   (5e24, 2e25, "uncertain"), (1e25, 3e25, "above")])
def test_threshold_class_comes_from_the_interval(low, high, cls):
    assert threshold_class(low, high, 1e25) == cls


def test_a_parameter_count_far_from_the_size_in_the_name_gives_way_to_one_that_agrees():
    # a flattened comparison row puts a neighbour's 140B beside the 67B model
    facts = [fact("params", 67e9, model="Foo 67B"), fact("params", 67.4e9, model="Foo 67B", doc="d2"),
             fact("params", 140e9, model="Foo 67B", doc="d2"), fact("tokens", 2e12, model="Foo 67B")]
    assert estimate_for(facts, "Foo 67B").value == pytest.approx(6 * 67.4e9 * 2e12)
    unnamed = [fact("params", 67e9, model="Foo"), fact("params", 140e9, model="Foo"), fact("tokens", 2e12, model="Foo")]
    assert estimate_for(unnamed, "Foo").value == pytest.approx(6 * 140e9 * 2e12)  # no size to check against
