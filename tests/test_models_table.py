"""The models table: one row per model, variant and family, with every spelling the documents used and the
documents that used it; variants that are the same model (a quantization, a dated snapshot) listed without an
estimate and never a row of estimates.csv, nor is a family."""

from dataclasses import replace

from floptrail.estimate.config import load_estimate_config
from floptrail.extract.config import load_extract_config
from floptrail.extract.fact_models import canonicalise, introduced_models
from floptrail.extract.records import Fact, fact_id

from floptrail.export import tables
from floptrail.run import RunResult, estimate_all

# (document, name as written, kind, value, model the sentence is about when the name is not its own): what
# extraction gives for sentences such as "Llama 3.1 8B has 8 billion parameters", "the Llama 3.1 models saw 15T
# tokens" or "Llama 3.1 comes in 8B and 70B" (a family's name, a member's fact)
READINGS = [
    ("a.md", "Llama 3.1 8B", "params", 8e9, ""), ("a.md", "Llama 3.1 8B", "tokens", 15e12, ""),
    ("a.md", "Llama 3.1", "params", 8e9, "Llama 3.1 8B"),
    ("b.md", "meta-llama/Meta-Llama-3.1-8B-Instruct", "params", 8e9, ""),
    ("c.md", "Llama-3.1-8B-AWQ", "params", 8e9, ""),
    ("d.md", "Llama 3.1", "tokens", 15e12, ""),
    ("e.md", "Llama 3.1 70B", "params", 70e9, ""), ("e.md", "Llama-3.1-70B", "tokens", 15e12, ""),
    ("f.md", "Llama 3.1 70B (Jul 2024)", "params", 70e9, ""),
]


def run_tables():
    config = load_extract_config()
    facts = [Fact(fact_id=fact_id(doc, i, i + 1, kind), doc_id=doc, source=f"docs/{doc}", kind=kind, value=value,
                  unit="", model=model or name, model_mention=name, hardware="", page=None, start=i, end=i + 1,
                  quote=name, rule="test")
             for i, (doc, name, kind, value, model) in enumerate(READINGS)]
    facts = canonicalise(facts, config)
    estimates = estimate_all(facts, config, load_estimate_config(use_curated=False))
    return tables(RunResult(facts=facts, estimates=estimates))


def test_models_families_and_variants_each_get_a_row_with_their_spellings_and_documents():
    table = run_tables()["models"]
    rows = {r["model"]: r for r in table.to_dict("records")}
    columns = ("kind", "family", "variant", "variant_of", "members", "aliases", "sources")
    assert {m: tuple(r[c] for c in columns) for m, r in rows.items()} == {
        "Llama 3.1 8B": ("model", "Llama 3.1", "", "", "", "Llama 3.1 8B", "docs/a.md"),
        "Llama 3.1 70B": ("model", "Llama 3.1", "", "", "", "Llama 3.1 70B; Llama-3.1-70B", "docs/e.md"),
        "Llama-3.1-8B-Instruct": ("variant", "Llama 3.1", "instruct", "Llama 3.1 8B", "",
                                  "meta-llama/Meta-Llama-3.1-8B-Instruct", "docs/b.md"),
        "Llama 3.1 70B (Jul 2024)": ("variant", "Llama 3.1", "Jul 2024", "Llama 3.1 70B", "",
                                     "Llama 3.1 70B (Jul 2024)", "docs/f.md"),
        "Llama-3.1-8B-AWQ": ("variant", "Llama 3.1", "awq", "Llama 3.1 8B", "", "Llama-3.1-8B-AWQ", "docs/c.md"),
        "Llama 3.1": ("family", "", "", "", "Llama 3.1 70B; Llama 3.1 8B", "Llama 3.1", "docs/a.md; docs/d.md"),
    }
    assert list(table["kind"]) == ["model", "model", "variant", "variant", "variant", "family"]
    # an instruct variant inherits its base's compute; a quantized or dated release is the same model: no estimate
    assert rows["Llama 3.1 8B"]["training_flop"] == rows["Llama-3.1-8B-Instruct"]["training_flop"] == 6 * 8e9 * 15e12
    assert [m for m, r in rows.items() if r["training_flop"] == r["training_flop"]] == [
        "Llama 3.1 70B", "Llama 3.1 8B", "Llama-3.1-8B-Instruct"]
    # the evidence of an estimate: facts under its model, any spelling, and the family's that reach it are apart
    assert (rows["Llama 3.1 8B"]["documents"], rows["Llama 3.1 8B"]["facts"]) == (3, 5)
    assert (rows["Llama 3.1"]["documents"], rows["Llama 3.1"]["facts"]) == (1, 1)


def test_estimates_has_a_row_per_model_and_instruct_variant_and_none_for_families_or_releases():
    estimates = run_tables()["estimates"]
    assert [(r["model"], r["variant_of"]) for r in estimates.to_dict("records")] == [
        ("Llama 3.1 70B", ""), ("Llama 3.1 8B", ""), ("Llama-3.1-8B-Instruct", "Llama 3.1 8B")]


def test_a_model_always_written_with_its_release_or_context_length_keeps_it_in_its_row():
    # "Wren-3B-8K" is Wren-3B (an 8K-context release of one model), but a document that only ever writes it so
    # names its model with it; "Wren-7B" written both ways is named as most often written
    config = load_extract_config()
    written = [("Wren-3B-8K", "Wren-3B"), ("Wren-3B-8K", "Wren-3B"), ("Wren-7B-v1", "Wren-7B"),
               ("Wren-7B", "Wren-7B"), ("Wren 7B", "Wren-7B")]
    facts = [Fact(fact_id=fact_id("a.md", i, i + 1, "params"), doc_id="a.md", source="docs/a.md", kind="params",
                  value=1e9, unit="", model=model, model_mention=mention, hardware="", page=None, start=i,
                  end=i + 1, quote=mention, rule="test") for i, (mention, model) in enumerate(written)]
    assert [f.model for f in canonicalise(facts, config)] == [
        "Wren-3B-8K", "Wren-3B-8K", "Wren-7B", "Wren-7B", "Wren-7B"]


def test_a_longer_context_version_trained_on_is_a_variant_with_its_row():
    # "Wren-7B-128K continues Wren-7B on 20B tokens of long documents": a run of its own, shown under its name and
    # marked a variant of Wren-7B (as a chat model is), beside Wren-7B's row
    config = load_extract_config()
    written = [("Wren-7B", "params", 7e9), ("Wren-7B", "tokens", 2e12), ("Wren-7B-128K", "tokens", 20e9)]
    facts = [Fact(fact_id=fact_id("a.md", i, i + 1, kind), doc_id="a.md", source="docs/a.md", kind=kind, value=value,
                  unit="", model="Wren-7B", model_mention=mention, hardware="", page=None, start=i, end=i + 1,
                  quote=mention, rule="test") for i, (mention, kind, value) in enumerate(written)]
    facts = canonicalise(facts, config)
    estimates = estimate_all(facts, config, load_estimate_config(use_curated=False))
    assert [(e.model, e.variant_of) for e in estimates] == [("Wren-7B", ""), ("Wren-7B-128K", "Wren-7B")]
    # two context lengths of one model are two variants
    facts = canonicalise([*facts, replace(facts[-1], fact_id="x", model="Wren-7B", model_mention="Wren-7B-32K")],
                         config)
    estimates = estimate_all(facts, config, load_estimate_config(use_curated=False))
    assert [(e.model, e.variant_of) for e in estimates] == [
        ("Wren-7B", ""), ("Wren-7B-128K", "Wren-7B"), ("Wren-7B-32K", "Wren-7B")]


def test_a_fine_tune_named_without_a_size_is_made_from_the_member_of_the_size_it_states():
    # "| Wren-Coder-V2-Instruct | 236B |" beside "| Wren-Coder-V2-Base | 236B |" and a 16B Lite member: the
    # instruct model's row inherits the 236B member's compute
    config = load_extract_config()
    written = [("Wren-Coder-V2 16B", "params", 16e9), ("Wren-Coder-V2 16B", "tokens", 6e12),
               ("Wren-Coder-V2 236B", "params", 236e9), ("Wren-Coder-V2 236B", "tokens", 6e12),
               ("Wren-Coder-V2-Instruct", "params", 236e9)]
    facts = [Fact(fact_id=fact_id("a.md", i, i + 1, kind), doc_id="a.md", source="docs/a.md", kind=kind,
                  value=value, unit="", model=mention.removesuffix("-Instruct"), model_mention=mention,
                  hardware="", page=None, start=i, end=i + 1, quote=mention, rule="test")
             for i, (mention, kind, value) in enumerate(written)]
    facts = canonicalise(facts, config)
    rows = {e.model: e for e in estimate_all(facts, config, load_estimate_config(use_curated=False))}
    assert rows["Wren-Coder-V2-Instruct"].variant_of == "Wren-Coder-V2 236B"
    assert rows["Wren-Coder-V2-Instruct"].preferred.value == rows["Wren-Coder-V2 236B"].preferred.value


def test_a_familys_name_in_a_document_that_knows_one_of_its_sizes_is_that_size():
    # "Llama 3.1" in a post whose inventory holds only Llama-3.1-8B; the reference knows more sizes of Llama 3.1
    config = load_extract_config()
    facts = [Fact(fact_id=fact_id(doc, 0, 1, "tokens"), doc_id=doc, source=f"docs/{doc}", kind="tokens", value=15e12,
                  unit="", model="Llama 3.1", model_mention="Llama 3.1", hardware="", page=None, start=0, end=1,
                  quote="Llama 3.1 was trained on 15T tokens.", rule="test") for doc in ("a.md", "b.md")]
    inventories = {"a.md": [{"model": "Llama-3.1-8B", "line": "Llama 3.1", "size": "8B"}],
                   "b.md": [{"model": "Llama-3.1-8B", "line": "Llama 3.1", "size": "8B"},
                            {"model": "Llama-3.1-70B", "line": "Llama 3.1", "size": "70B"}]}
    assert [f.model for f in canonicalise(facts, config, inventories=inventories)] == ["Llama-3.1-8B", "Llama 3.1"]


def test_each_sized_model_a_document_introduces_gets_a_row_though_no_figure_names_it():
    # "Heron comes in 1B, 5B and 10B; the series was trained on 3T tokens" over a table of the sizes' layers: the
    # family's tokens and each name's size give each member a row; "Heron-30B" is only Heron-30B-A3B cut short and
    # "Heron-10B-0924" the 10B's dated release, and a comparison model (not main) gets none
    config = load_extract_config()
    facts = [Fact(fact_id=fact_id("h.md", 0, 1, "tokens"), doc_id="h.md", source="docs/h.md", kind="tokens",
                  value=3e12, unit="", model="Heron", model_mention="Heron", hardware="", page=None, start=0, end=1,
                  quote="The Heron series was trained on 3T tokens.", rule="test"),
             Fact(fact_id=fact_id("h.md", 2, 3, "params"), doc_id="h.md", source="docs/h.md", kind="params",
                  value=30e9, unit="", model="Heron-30B-A3B", model_mention="Heron-30B-A3B", hardware="", page=None,
                  start=2, end=3, quote="Heron-30B-A3B has 30B parameters.", rule="test")]
    rows = [{"model": m, "line": "Heron", "size": s, "main": main} for m, s, main in (
        ("Heron", "", True), ("Heron-1B", "1B", True), ("Heron-5B", "5B", True), ("Heron-10B", "10B", True),
        ("Heron-10B-0924", "10B", True), ("Heron-30B", "30B", True), ("Gopher-7B", "7B", False))]
    facts = canonicalise(facts, config, inventories={"h.md": rows})
    introduced = introduced_models({"h.md": rows}, facts, config)
    assert introduced == {"Heron-1B": {"h.md"}, "Heron-5B": {"h.md"}, "Heron-10B": {"h.md"}}
    estimates = {e.model: e for e in estimate_all(facts, config, load_estimate_config(use_curated=False),
                                                  introduced=introduced)}
    assert sorted(estimates) == ["Heron-10B", "Heron-1B", "Heron-30B-A3B", "Heron-5B"]
    assert estimates["Heron-5B"].preferred.value == 6 * 5e9 * 3e12
    assert "the name says 5e9 parameters" in estimates["Heron-5B"].preferred.reasoning
    # a fine-tune the document names of an introduced member is that member's variant, with its row
    estimates = {e.model: e for e in estimate_all(facts, config, load_estimate_config(use_curated=False),
                                                  introduced=introduced, named_variants=["Heron-5B-Chat"])}
    assert estimates["Heron-5B-Chat"].variant_of == "Heron-5B"
    assert estimates["Heron-5B-Chat"].preferred.value == 6 * 5e9 * 3e12


def test_a_mention_of_another_model_is_no_alias():
    # a table's figure filed under the 8B's column while the nearest name written is the 0.6B's header
    config = load_extract_config()
    facts = [Fact(fact_id=fact_id("q.md", i, i + 1, "params"), doc_id="q.md", source="docs/q.md", kind="params",
                  value=value, unit="", model=model, model_mention=mention, hardware="", page=None, start=i, end=i + 1,
                  quote="| Qwen3-0.6B | 0.6B | Qwen3-8B | 8B |", rule="test")
             for i, (mention, model, value) in enumerate((
                 ("Qwen3-0.6B", "Qwen3-0.6B", 0.6e9), ("Qwen3-0.6B", "Qwen3-8B", 8e9), ("Qwen3-8B", "Qwen3-8B", 8e9)))]
    facts = canonicalise(facts, config)
    estimates = estimate_all(facts, config, load_estimate_config(use_curated=False))
    rows = tables(RunResult(facts=facts, estimates=estimates))["models"].set_index("model")
    assert (rows.loc["Qwen3-0.6B", "aliases"], rows.loc["Qwen3-8B", "aliases"]) == ("Qwen3-0.6B", "Qwen3-8B")
    assert rows.loc["Qwen3-8B", "facts"] == 2


def test_a_familys_figure_stays_the_familys_where_its_other_figures_all_name_one_of_two_sizes():
    # a post on Veltro-3B and Veltro-12B: "Both were trained on 7.5T tokens", then only the 12B's figures; the
    # family's tokens reach the 3B too instead of becoming the 12B's
    config = load_extract_config()
    written = [("Veltro", "tokens", 7.5e12), ("Veltro-12B", "chip_count", 1024.0)]
    facts = [Fact(fact_id=fact_id("v.md", i, i + 1, kind), doc_id="v.md", source="docs/v.md", kind=kind, value=value,
                  unit="", model=name, model_mention=name, hardware="", page=None, start=i, end=i + 1,
                  quote=f"{name}: {value}", rule="test") for i, (name, kind, value) in enumerate(written)]
    rows = [{"model": m, "line": "Veltro", "size": s, "main": True}
            for m, s in (("Veltro", ""), ("Veltro-3B", "3B"), ("Veltro-12B", "12B"))]
    facts = canonicalise(facts, config, inventories={"v.md": rows})
    assert [f.model for f in facts] == ["Veltro", "Veltro-12B"]
    estimates = {e.model: e for e in estimate_all(facts, config, load_estimate_config(use_curated=False),
                                                  introduced=introduced_models({"v.md": rows}, facts, config))}
    assert estimates["Veltro-3B"].preferred.value == 6 * 3e9 * 7.5e12


def test_a_sum_over_a_tables_models_stays_the_familys_where_one_size_is_known():
    # "| Total |" under "Wren-3 | 72B" and "Wren-3 Chat | 72B": the family's, though 72B is its only size
    config = load_extract_config()
    facts = [Fact(fact_id=fact_id("w.md", i, i + 1, "chip_hours"), doc_id="w.md", source="docs/w.md",
                  kind="chip_hours", value=4.8e6, unit="", model=name, model_mention=name, hardware="", page=None,
                  start=i, end=i + 1, quote="| Total | 4.80 |", rule="table_chip_hours", qualifier=qualifier)
             for i, (name, qualifier) in enumerate((("Wren-3", "sum"), ("Wren-3 72B", ""), ("Wren-3", "")))]
    rows = [{"model": "Wren-3 72B", "line": "Wren-3", "size": "72B", "main": True}]
    assert [f.model for f in canonicalise(facts, config, inventories={"w.md": rows})] == [
        "Wren-3", "Wren-3 72B", "Wren-3 72B"]
