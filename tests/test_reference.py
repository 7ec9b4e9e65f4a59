"""The reference vocabulary: Epoch AI's tables read, merged and shipped as a snapshot with its credit."""

import pytest
from floptrail.extract.config import load_extract_config
from floptrail.extract.reference import (
    CREDIT,
    family_stems,
    load_reference,
    merge_tables,
    read_rows,
    shipped_snapshot,
    snapshot_text,
)

EPOCH_CSV = (
    "Model,Organization,Publication date,Domain,Parameters,Training compute (FLOP),Base model,Link\n"
    '"Foo-2 70B\n",Foo Labs,2024-05-01,Language,70000000000,8.4e24,,https://example.org\n'
    "Foo-2 7B,Foo Labs,2024-05-01,Language,7000000000,,,\n"
    "BarNet,Bar University,2019-01-01,Vision,,,,\n"
)
OLDER_CSV = (
    "Model,Organization,Publication date,Parameters,Training compute (FLOP)\n"
    "Foo-2 70B,Foo Labs,2024-04-30,70000000000,9e24\n"
    "Foo-2 7B,Foo Labs,2024-05-01,7000000000,8.4e23\n"
)


def test_epoch_columns_are_read_under_our_names_with_stray_whitespace_collapsed():
    rows = read_rows(EPOCH_CSV)
    assert rows[0] == {"model": "Foo-2 70B", "organization": "Foo Labs", "publication_date": "2024-05-01",
                       "domain": "Language", "parameters": "70000000000", "training_compute_flop": "8.4e24",
                       "base_model": "", "Link": "https://example.org"}


def test_merging_tables_keeps_the_first_tables_values_and_fills_its_blanks():
    rows = merge_tables([("notable", read_rows(EPOCH_CSV)), ("large", read_rows(OLDER_CSV))])
    by_name = {r["model"]: r for r in rows}
    assert by_name["Foo-2 70B"]["training_compute_flop"] == "8.4e24"  # the newer table wins
    assert by_name["Foo-2 7B"]["training_compute_flop"] == "8.4e23"  # a blank filled from the older one
    assert by_name["Foo-2 7B"]["table"] == "notable large"


def test_a_snapshot_credits_epoch_ai_and_loads_back(tmp_path):
    path = tmp_path / "epoch_models.csv"
    path.write_text(snapshot_text(merge_tables([("notable", read_rows(EPOCH_CSV))]), ["notable.csv"]),
                    encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# {CREDIT}\n") and "CC-BY 4.0" in CREDIT and "notable.csv" in text
    reference = load_reference(path)
    foo = reference.get("Foo-2 70B")
    assert (foo.organization, foo.publication_date, foo.parameters, foo.training_compute_flop) == (
        "Foo Labs", "2024-05-01", 7e10, 8.4e24)
    assert [m.name for m in reference.language_models()] == ["Foo-2 70B", "Foo-2 7B"]


def test_an_unreadable_reference_names_the_file(tmp_path):
    path = tmp_path / "not-models.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not-models.csv: cannot read the reference table"):
        load_reference(path)


def test_the_shipped_snapshot_credits_epoch_ai_and_lists_their_models():
    assert shipped_snapshot().read_text(encoding="utf-8").startswith(f"# {CREDIT}")
    reference = load_reference()
    assert len(reference.models) > 1300
    gopher = reference.get("Gopher (280B)")
    assert (gopher.organization, gopher.parameters, gopher.training_compute_flop) == ("DeepMind", 2.8e11, 6.31e23)


def test_family_stems_are_names_not_words():
    stems = family_stems(load_reference(), exclude=("MoE", "NVIDIA"))
    assert {"DeepSeek", "Qwen", "Gemma", "Falcon", "InternLM", "XVERSE", "Baichuan", "StarCoder"} <= stems
    assert not {"The", "Network", "Deep", "MoE", "NVIDIA", "NLP"} & stems
    known = load_extract_config().naming.known_stems()  # the configured families and the reference's
    assert {"Llama", "Qwen", "XVERSE", "StarCoder"} <= known and not {"MoE", "NVIDIA", "IBM"} & known
