"""`floptrail energy` and its Python API: a serving profile picked with --profile, the boundary explicit,
the anchors as a table and as JSON, a model shaped from a run's facts when it has no profile."""

import json

import pytest
from floptrail.estimate.inference import ModelProfile, decode_flops
from invoke import floptrail

from floptrail.energy import inference_wh


def test_inference_json_has_the_figures_profile_and_assumptions():
    proc = floptrail("energy", "inference", "--model", "Llama 3.1 8B", "--input-tokens", "1000", "--output-tokens",
                     "500", "--profile", "api", "--batch", "64", "--boundary", "gpu", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert (result["profile"], result["boundary"], result["batch"]) == ("api", "gpu", 64)
    assert result["assumptions"]["gpu"] == "H100" and "host_overhead" not in result["assumptions"]
    assert result["wh"] == pytest.approx(result["prefill_wh"] + result["decode_wh"])
    assert result == inference_wh("Llama 3.1 8B", 1000, 500, batch=64, boundary="gpu")


def test_the_profile_decides_the_cost_of_a_request():
    wh = {p: inference_wh("Llama 3.1 8B", 1000, 500, profile=p, boundary="server")["wh"]
          for p in ("local", "api", "batch")}
    assert wh["local"] > 5 * wh["api"] > 5 * wh["batch"]
    local = inference_wh("Llama 3.1 8B", 1000, 500, profile="local", boundary="server")
    assert (local["batch"], local["gpus"], local["assumptions"]["weights"]) == (1, 1, "int4")
    cheaper_grid = inference_wh("Llama 3.1 8B", 1000, 500, overrides=["api.pue=1.1"])["wh"]
    assert cheaper_grid == pytest.approx(inference_wh("Llama 3.1 8B", 1000, 500)["wh"] / 1.2 * 1.1)


def test_inference_text_names_profile_boundary_and_step():
    proc = floptrail("energy", "inference", "--model", "GPT-4o", "--profile", "batch", "--boundary", "fleet")
    assert proc.returncode == 0, proc.stderr
    assert "batch profile at the fleet boundary" in proc.stdout and "a decode step" in proc.stdout


@pytest.mark.parametrize("args, message", [
    (["--profile", "cloud"], "unknown serving profile 'cloud'"),
    (["--boundary", "rack"], "boundary must be one of gpu, server, facility, fleet"),
    (["--gpu", "Z80"], "unknown GPU 'Z80'"),
    (["--set", "api.nope=1"], "--set api.nope=1"),
])
def test_bad_options_are_named_without_a_traceback(args, message):
    proc = floptrail("energy", "inference", "--model", "GPT-4o", *args)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr


def test_anchors_print_each_figure_with_its_boundary_ours_and_the_ratio():
    proc = floptrail("energy", "anchors")
    assert proc.returncode == 0, proc.stderr
    for text in ("Epoch AI (2025)", "ML.ENERGY v3: Llama 3.1 70B", "BLOOM 176B", "fleet", "facility", "ratio"):
        assert text in proc.stdout


def test_anchors_json_is_one_object_per_anchor():
    proc = floptrail("energy", "anchors", "--json")
    assert proc.returncode == 0, proc.stderr
    rows = json.loads(proc.stdout)
    epoch = next(r for r in rows if r["label"].startswith("Epoch AI"))
    assert (epoch["published"], epoch["unit"], epoch["boundary"]) == (0.30, "Wh", "facility")
    assert epoch["ratio"] == pytest.approx(epoch["ours"] / 0.30) and epoch["within"] is True
    assert {r["kind"] for r in rows} == {"inference", "training"}


def test_profiles_list_what_each_profile_assumes():
    proc = floptrail("energy", "profiles", "--json")
    assert proc.returncode == 0, proc.stderr
    profiles = json.loads(proc.stdout)
    assert set(profiles) >= {"api", "batch", "local"}
    assert all({"batch", "weights", "kv_cache", "gpus_per_replica", "pue", "source"} <= set(p)
               for p in profiles.values())


def test_a_model_without_a_profile_takes_its_parameters_from_a_run(tmp_path):
    facts = tmp_path / "facts.csv"
    facts.write_text("model,kind,value,role\nFoo-70B,params,7.06e10,subject\nBar,params,1e9,cited\n", encoding="utf-8")
    got = inference_wh("Foo-70B", 0, 100, boundary="gpu", facts_csv=facts)
    assert got["assumptions"]["model_source"].startswith("parameters from")
    profile = ModelProfile("x", 7.06e10, 7.06e10, 84, 65, 128)  # d = (100 N / 12)^(1/3) = 8,380; L = 84
    assert got["decode_flops"] == pytest.approx(decode_flops(profile, 0, 100, "quadratic"))
    with pytest.raises(ValueError, match="states no parameter count"):
        inference_wh("Bar", 0, 100, facts_csv=facts)
    with pytest.raises(ValueError, match="no profile for 'Bar'"):
        inference_wh("Bar", 0, 100)
