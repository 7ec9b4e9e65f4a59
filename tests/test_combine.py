"""Choosing among methods: disclosures first, evidence counted once, combination weighted by measured
variance or the best validated method, intervals from measured errors, figures outside reason flagged."""

import itertools
import math
from dataclasses import replace

import pytest
from floptrail.estimate.combine import calibrated, estimate_model, sigma
from floptrail.estimate.config import load_estimate_config, unmeasured, utilization_for
from floptrail.estimate.grouping import group_by_model
from floptrail.estimate.records import Estimate
from floptrail.extract.config import load_extract_config
from floptrail.extract.records import UNITS, Fact

NAMING = load_extract_config().naming
BASE = unmeasured(load_estimate_config())
_ids = itertools.count(1)


def fact(kind, value, model="Foo", hardware="", role="subject", doc="d1"):
    n = next(_ids)
    return Fact(fact_id=f"f{n}", doc_id=doc, source=f"{doc}.txt", kind=kind, value=value, unit=UNITS[kind],
                model=model, model_mention=model, hardware=hardware, page=None, start=n, end=n + 1, quote="",
                rule="test", role=role)


def with_methods(config=BASE, **tables):
    methods = {k: dict(v) if isinstance(v, dict) else v for k, v in config.methods.items()}
    for name, entries in tables.items():
        methods[name] = {**methods.get(name, {}), **entries}
    return replace(config, methods=methods)


def run(facts, config=BASE, model="Foo"):
    return estimate_model(group_by_model(facts, NAMING)[model], config)


def measured(pairs, p5, p95):
    return {"measured": {"pairs": pairs, "p5": p5, "p95": p95, "sigma": (p95 - p5) / (2 * 1.6449)}}


CHIP_HOURS_AND_6ND = [fact("chip_hours", 1e6, hardware="A100"), fact("params", 70e9), fact("tokens", 2e12)]


def test_independent_evidence_is_combined_in_log_space_by_measured_variance():
    config = with_methods(arithmetic=measured(12, -0.05, 0.05), hardware=measured(12, -0.2, 0.2),
                          combine={"policy": "combine"})
    est = run(CHIP_HOURS_AND_6ND, config).preferred
    six_nd, hours = 6 * 70e9 * 2e12, 1e6 * 3600 * 312e12 * utilization_for(BASE, "A100").median
    w6, wh = 1 / (0.1 / (2 * 1.6449)) ** 2, 1 / (0.4 / (2 * 1.6449)) ** 2
    centre = (w6 * math.log10(six_nd) + wh * math.log10(hours)) / (w6 + wh)
    assert est.method == "arithmetic+hardware"
    assert est.value == pytest.approx(10 ** centre)
    assert est.high == pytest.approx(10 ** (centre + 1.6449 / math.sqrt(w6 + wh)))
    assert "arithmetic 8.4e23 weight 0.94, hardware 4.29e23 weight 0.06" in est.reasoning
    assert est.confidence == "high"  # the arithmetic carries the weight


def test_best_policy_takes_the_method_with_the_smallest_measured_error():
    config = with_methods(arithmetic=measured(12, -0.05, 0.05), hardware=measured(12, -0.2, 0.2),
                          combine={"policy": "best"})
    est = run(CHIP_HOURS_AND_6ND, config).preferred
    assert (est.method, est.value) == ("arithmetic", pytest.approx(8.4e23))
    assert est.reasoning.endswith("preferred over hardware 4.29e23: arithmetic has the smallest measured error "
                                  "(configs/methods.toml)")


def test_cost_priced_from_the_same_chip_hours_counts_once():
    facts = [fact("chip_hours", 2.788e6, hardware="H800"), fact("cost_usd", 5.576e6)]
    result = run(facts, with_methods(combine={"policy": "combine"}))
    assert [e.method for e in result.methods] == ["hardware", "cost"]
    assert result.preferred.method == "hardware"


def test_chip_hours_from_a_rate_times_the_tokens_do_not_count_beside_6nd():
    facts = [fact("chip_hours_rate", 180e3, hardware="H800"), fact("hardware", None, hardware="H800"),
             fact("params", 67e9), fact("tokens", 2e12)]
    config = with_methods(arithmetic=measured(12, -0.05, 0.05), combine={"policy": "combine"})
    result = run(facts, config)
    assert [e.method for e in result.methods] == ["arithmetic", "hardware"]
    assert result.preferred.method == "arithmetic"  # the tokens are already 6ND's


def test_a_stated_total_then_a_curated_figure_then_a_quoted_one():
    config = replace(BASE, curated={"Foo": {"training_flop": 2e24, "confidence": "high", "spread": 1.3,
                                            "source": "Foo et al. 2024, Table 3"}})
    own = run([fact("flop", 3e24), *CHIP_HOURS_AND_6ND], config).preferred
    assert (own.method, own.value) == ("direct", 3e24)
    curated = run([fact("flop", 1e24, role="cited", doc="d2"), *CHIP_HOURS_AND_6ND], config).preferred
    assert (curated.method, curated.value) == ("curated", 2e24)
    assert curated.evidence == ("curated: Foo et al. 2024, Table 3",)
    quoted = run([fact("flop", 1e24, role="cited", doc="d2"), *CHIP_HOURS_AND_6ND]).preferred
    assert (quoted.method, quoted.value, quoted.confidence) == ("direct", 1e24, "medium")
    assert "quoted in another model's document" in quoted.reasoning


def test_a_figure_over_the_ceiling_is_flagged_and_never_shown():
    facts = [fact("chip_hours", 1e10, hardware="H100"), fact("params", 70e9), fact("tokens", 2e12)]
    result = run(facts)
    assert result.preferred.method == "arithmetic"
    assert result.disagreement.startswith("hardware 1.13e28 (facts f")
    assert "is over 1e28 FLOP: not used" in result.disagreement


def test_a_method_100x_from_a_stated_total_is_flagged_with_its_evidence():
    facts = [fact("flop", 1e25), fact("params", 7e9), fact("tokens", 1e12)]
    result = run(facts)
    flop, params, tokens = (f.fact_id for f in facts)
    assert (result.preferred.method, result.preferred.value) == ("direct", 1e25)
    assert result.disagreement == (f"arithmetic 4.2e22 (facts {params}, {tokens}) is 238x from the stated total "
                                   f"1e25 (facts {flop}): not used")


def test_only_figures_outside_reason_leave_no_estimate():
    result = run([fact("chip_hours", 1e10, hardware="H100")])
    assert result.preferred is None and "not used" in result.disagreement


def test_measured_errors_set_the_interval_and_the_weight():
    config = with_methods(arithmetic=measured(12, -0.1, 0.05))
    est = Estimate("Foo", "arithmetic", 1e24, 5e23, 2e24, "high", (), "")
    out = calibrated(est, config)
    assert (out.low, out.high) == (pytest.approx(1e24 / 10 ** 0.05), pytest.approx(1e24 * 10 ** 0.1))
    assert sigma("arithmetic", est, config) == pytest.approx(0.15 / (2 * 1.6449))
    too_few = with_methods(arithmetic=measured(3, -0.1, 0.05))
    assert calibrated(est, too_few) == est  # fewer pairs than combine.min_pairs: the method's own interval
    assert sigma("arithmetic", est, too_few) == pytest.approx(math.log10(4) / (2 * 1.6449))
