"""The threshold forecast: the allocation fit on a table with a known answer, bins filled to their compute,
determinism under a seed, scenario errors that name the bad key, and the command's files."""

from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from invoke import floptrail

from floptrail.forecast import ScenarioError, fill_bin, fit_k, forecast, load_scenario, simulate_year

BASELINE = Path(str(resources.files("floptrail.configs") / "scenarios" / "baseline.toml"))


def test_allocation_gradient_on_tables_with_a_known_answer():
    # sizes 1, 1, 2: points (1/2, 1/4) and (1/2, 2/4) in log space; least squares through the origin gives
    # k = (log .5 log .25 + log .5 log .5) / (2 log^2 .5) = 1.5
    assert fit_k(np.array([1.0, 1.0, 2.0])) == pytest.approx(1.5)
    # a doubling series spends half of each total below each model: k is 1 but for its smallest point
    assert fit_k(np.array([1.0] + [2.0 ** j for j in range(12)])) == pytest.approx(1.0, abs=0.03)


def test_a_bin_is_filled_until_its_compute_is_met():
    rng = np.random.default_rng(3)
    drawn = fill_bin(rng, 1e25, 1e23, 1e24)
    assert sum(drawn) >= 1e25 and sum(drawn[:-1]) < 1e25
    assert all(1e23 <= d < 1e24 for d in drawn)
    year = simulate_year(np.random.default_rng(1), total=1e26, largest_share=0.2, k=1.0, floor=1e22)
    assert year[0] == pytest.approx(2e25) and sum(year) >= 1e26 * (1 - 0.1 ** 4)


def models_table():
    rng = np.random.default_rng(0)
    rows = [(f"m{y}{i}", f"{y}-06-01", 10 ** rng.uniform(20, 24 + (y - 2017) * 0.4)) for y in range(2017, 2024)
            for i in range(30)]
    frame = pd.DataFrame(rows, columns=["model", "date", "flop"])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["year"] = frame["date"].dt.year
    return frame


def test_the_same_seed_gives_the_same_forecast():
    scenario = load_scenario(BASELINE)
    one, two = (forecast(models_table(), scenario, runs=30, seed=7) for _ in range(2))
    assert one.counts.equals(two.counts) and one.frontier.equals(two.frontier)
    assert not forecast(models_table(), scenario, runs=30, seed=8).counts.equals(one.counts)
    assert list(one.counts.columns) == ["threshold", "year", "p5", "p50", "p95"]
    assert set(one.counts["threshold"]) == {"1e25", "1e26", "1e27", "1e28", "1e29"}


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t + "\ngrowth_rate = 4\n", "unknown key 'growth_rate'"),
    (lambda t: t.replace("growth_noise_sd = 0.5", 'growth_noise_sd = "wide"'), "'growth_noise_sd' should be a float"),
    (lambda t: t.replace('"2027" = 0.3, ', ""), "'training_share' needs every year from 2024 to 2028"),
    (lambda t: t.replace("k_range = [0.9, 1.1]", "k_range = [1.1, 0.9]"), "'k_range' should be [low, high]"),
    (lambda t: t.replace("end_year = 2028\n", ""), "missing 'end_year'"),
])
def test_scenario_errors_name_the_bad_key(tmp_path, edit, message):
    path = tmp_path / "bad.toml"
    path.write_text(edit(BASELINE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(ScenarioError, match=rf"bad.toml: .*{message.replace('[', '.').replace(']', '.')}"):
        load_scenario(path)


@pytest.mark.slow
def test_forecast_command_from_an_estimates_table(tmp_path):
    rows = ["model,variant_of,publication_date,training_flop"]
    rows += [f"m{y}{i},,{y}-03-01,{10 ** (20 + (y - 2017) * 0.5 + i * 0.1):.3g}" for y in range(2017, 2024)
             for i in range(25)]
    rows.append("m-chat,m20230,2023-05-01,1e30")  # a variant is not counted twice
    table = tmp_path / "estimates.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    proc = floptrail("forecast", "--from", table, "--runs", "20", "--seed", "3", "--out", tmp_path / "fc")
    assert proc.returncode == 0, proc.stderr
    assert "scenario baseline, seed 3" in proc.stdout and "20 runs" in proc.stdout and "33 [24-57]" in proc.stdout
    counts = pd.read_csv(tmp_path / "fc" / "counts.csv", dtype={"threshold": str})
    assert counts.iloc[0].to_dict()["threshold"] == "1e25" and len(counts) == 25
    assert set(pd.read_csv(tmp_path / "fc" / "frontier.csv")["within_oom"]) == {0.5, 1.0, 1.5}
    assert all((tmp_path / "fc" / name).stat().st_size > 1000 for name in ("allocation.png", "counts.png",
                                                                           "one_run.png"))
    bad = floptrail("forecast", "--from", table, "--scenario", table)
    assert bad.returncode == 2 and "not TOML" in bad.stderr
