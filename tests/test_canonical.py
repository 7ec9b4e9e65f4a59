"""Canonical model names: variants merge, different sizes, versions and families never do."""

from pathlib import Path

import pytest
from floptrail.extract.canonical import resolve, resolve_names, same_model
from floptrail.extract.config import load_extract_config
from invoke import floptrail

from floptrail.spellings import load_spellings, score_spellings

NAMING = load_extract_config().naming
DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Llama-3.1-405B-Instruct", "Llama 3.1 405B"),
        ("meta-llama/Llama-3.1-405B", "Llama 3.1 405B"),
        ("Llama 3.1 405B Instruct", "meta-llama/Llama-3.1-405B"),
        ("Llama-3.1-405B-Instruct-FP8", "Llama 3.1 405B"),
        ("Claude 3.5 Sonnet", "claude-3-5-sonnet-20240620"),
        ("Llama-2-7b-chat-hf", "Llama 2 7B"),
        ("LLaMA 7B", "Llama 7B"),
        ("Meta-Llama-3-8B", "Llama 3 8B"),
        ("DeepSeek LLM 67B", "DeepSeek 67B"),
        ("bloom-1b7", "BLOOM 1.7B"),
        ("Qwen/Qwen2.5-72B-Instruct", "Qwen2.5-72B"),
        ("wrenlm-2-1_6b", "WrenLM 2 1.6B"),  # a repository writes the size's decimal point as an underscore
    ],
)
def test_variants_merge(a, b):
    assert same_model(a, b, NAMING)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("llama-3.1-8b", "llama-3.1-70b"),
        ("Llama 2 70B", "Llama 3 70B"),
        ("DeepSeek-V2", "DeepSeek-V3"),
        ("Qwen2-72B", "Qwen2.5-72B"),
        ("gpt-4o", "gpt-4o-mini"),
        ("GPT-4o", "GPT-4"),
        ("GPT-3", "GPT-4"),
        ("Gemini 1.5 Pro", "Gemini 1.5 Flash"),
        ("Mixtral-8x7B", "Mistral 7B"),
        ("Qwen3-235B-A22B", "Qwen3-30B-A3B"),
        ("Qwen3", "Qwen3-235B-A22B"),
        ("DeepSeek-V2", "DeepSeek-V2-Lite"),
        ("Llama 2", "Llama 2 70B"),
        ("wrenlm-2-1_6b", "WrenLM 2 6B"),
        ("白鹭-70B", "青鸾-70B"),  # two Chinese families of one size
    ],
)
def test_different_models_never_merge(a, b):
    assert not same_model(a, b, NAMING)
    assert len({r.model for r in resolve([a, b], NAMING).values()}) == 2


def test_resolve_picks_the_most_common_spelling_of_a_model_the_reference_does_not_know():
    names = ["Foo-3.1-405B-Instruct", "Foo 3.1 405B", "fooai/Foo-3.1-405B", "Foo 3.1 405B", "Foo 3.1 70B"]
    assert resolve_names(names, NAMING) == {
        "Foo-3.1-405B-Instruct": "Foo 3.1 405B",
        "Foo 3.1 405B": "Foo 3.1 405B",
        "fooai/Foo-3.1-405B": "Foo 3.1 405B",
        "Foo 3.1 70B": "Foo 3.1 70B",
    }


def test_the_reference_decides_the_words_of_a_name_and_the_documents_its_separators():
    names = ["Llama-3.1-405B-Instruct", "Llama 3.1 405B", "meta-llama/Llama-3.1-405B", "Llama 3.1 405B",
             "GPT-4 (Mar 2023)", "bigscience/bloom", "davinci"]
    assert resolve_names(names, NAMING) == {
        "Llama-3.1-405B-Instruct": "Llama 3.1 405B",  # Epoch AI writes "Llama 3.1-405B": the same words
        "Llama 3.1 405B": "Llama 3.1 405B",
        "meta-llama/Llama-3.1-405B": "Llama 3.1 405B",
        "GPT-4 (Mar 2023)": "GPT-4",  # a dated snapshot is its model
        "bigscience/bloom": "BLOOM-176B",
        "davinci": "GPT-3 175B",  # Epoch AI's "GPT-3 175B (davinci)", without its note
    }


# a spelling of every kind that once failed, with the model it names: API snapshots of another model, dated
# snapshots, runtime tags, release and context suffixes, sizes in parentheses, era qualifiers, a family of one
# size, nicknames, and names whose words differ
KNOWN_FAILURES = {
    "gpt-4-1106-preview": "GPT-4 Turbo", "mistral-large-2407": "Mistral Large 2", "mistral-large-2402": "Mistral Large",
    "gpt-4o-2024-05-13": "GPT-4o", "o1-2024-12-17": "o1", "claude-3-5-sonnet-20241022": "Claude 3.5 Sonnet",
    "llama3.1:405b": "Llama 3.1 405B", "mistralai/Mistral-7B-v0.1": "Mistral 7B",
    "microsoft/Phi-3-mini-4k-instruct": "Phi-3-mini", "microsoft/Phi-3-mini-128k-instruct": "Phi-3-mini",
    "mixtral-8x7b-32768": "Mixtral 8x7B", "PaLM (540B)": "PaLM 540B", "Gopher (280B)": "Gopher 280B",
    "GPT-4 (Mar 2023)": "GPT-4", "BLOOM": "BLOOM-176B", "bigscience/bloom": "BLOOM-176B", "davinci": "GPT-3 175B",
    "Gemini 1.0 Ultra": "Gemini 1.0 Ultra", "Gemini Ultra": "Gemini 1.0 Ultra", "Grok 3": "Grok 3",
    "grok-3-beta": "Grok 3", "Meta Llama 3.1 405B": "Llama 3.1 405B",
}


def test_real_spellings_merge_with_pairwise_f1_over_098_and_no_false_merge():
    """tests/data/model_spellings.csv: 277 spellings of 82 models, written from public model lists (the
    OpenAI, Anthropic, Mistral, Google, xAI and Groq API model names, and the names Amazon Bedrock and Google
    Vertex serve them under), Hugging Face repository ids, weights files, Ollama library tags, leaderboard and
    paper spellings, and Epoch AI's table (the `source` column says which).
    `floptrail models score tests/data/model_spellings.csv` prints the figures and every pair missed."""
    result = score_spellings(DATA / "model_spellings.csv")
    assert (result.spellings, result.models) == (277, 82)
    assert {s: m for s, m in load_spellings(DATA / "model_spellings.csv") if s in KNOWN_FAILURES} == KNOWN_FAILURES
    assert result.score.false_merges == ()
    assert result.score.f1 >= 0.98, result.score.missed


def test_models_score_prints_pairwise_figures_with_each_false_merge_and_missed_pair(tmp_path):
    labelled = tmp_path / "labelled.csv"
    labelled.write_text("model,spelling\nA,Llama 3.1 8B\nB,Llama-3.1-8B-Instruct\nGPT-4,GPT-4\n"
                        "GPT-4,gpt-4-0613\nGPT-4,gpt-4-1106-preview\n", encoding="utf-8")
    proc = floptrail("models", "score", labelled)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "5 spellings of 3 models: pairwise precision 0.500, recall 0.333, F1 0.400; 1 false merges, 2 missed pairs",
        "  false merge: Llama 3.1 8B | Llama-3.1-8B-Instruct",
        "  missed: GPT-4 | gpt-4-1106-preview",
        "  missed: gpt-4-0613 | gpt-4-1106-preview",
    ]
    (tmp_path / "bad.csv").write_text("name,model\nGPT-4,GPT-4\n", encoding="utf-8")
    proc = floptrail("models", "score", tmp_path / "bad.csv")
    assert (proc.returncode, proc.stderr.strip()) == (2, f"{tmp_path / 'bad.csv'}: no spelling column (need "
                                                          "model,spelling)")


@pytest.mark.parametrize(("name", "model", "family", "variant"), [
    ("meta-llama/Meta-Llama-3.1-405B-Instruct", "Llama 3.1 405B", "Llama 3.1", "instruct"),
    ("mistralai/Mistral-7B-Instruct-v0.2", "Mistral 7B", "Mistral", "instruct v0.2"),
    ("Qwen2.5-72B-Instruct-AWQ", "Qwen2.5-72B", "Qwen2.5", "instruct awq"),
    ("gpt-4o-2024-05-13", "GPT-4o", "GPT-4o", "2024-05-13"),
    ("Wren-7B-RL", "Wren-7B", "Wren", "rl"),  # after a reinforcement-learning stage
    ("Wren 7B QLoRA", "Wren 7B", "Wren", "qlora"),  # trained again, quantization-aware: a fine-tune of its own
    ("Phi-3-mini-128k-instruct", "Phi-3 mini", "Phi-3 mini", "128k context instruct"),
    ("Llama 2", "", "Llama 2", ""),  # a family: its facts reach its sizes, never a row
    ("7B", "", "", ""),  # names no model
    ("GPTQ", "", "", ""),
])
def test_model_family_and_variant_are_kept_apart(name, model, family, variant):
    r = resolve([name, "Llama 3.1 405B", "GPT-4o", "Phi-3 mini", "Mistral 7B"], NAMING)[name]
    assert (r.model, r.family, r.variant) == (model, family, variant)


def test_models_resolve_command_prints_csv():
    out = floptrail("models", "resolve", "Llama-3.1-405B-Instruct", "Llama 3.1 405B", "Llama 3.1 8B").stdout
    assert out.splitlines() == [
        "name,model,family,variant",
        "Llama-3.1-405B-Instruct,Llama 3.1 405B,Llama 3.1,instruct",
        "Llama 3.1 405B,Llama 3.1 405B,Llama 3.1,",
        "Llama 3.1 8B,Llama 3.1 8B,Llama 3.1,",
    ]


def test_base_is_a_size_only_in_families_sized_in_words():
    """"BERT-Base" is a size of BERT; "dbrx-base" is DBRX; "Yi base" is the Yi family, although the reference
    lists a "Yi-Large" (a tier, not a size in words)."""
    got = {name: (r.model, r.kind) for name, r in resolve(["BERT-Base", "dbrx-base", "Yi base"], NAMING).items()}
    assert got["BERT-Base"] == ("BERT-Base", "model")
    assert got["dbrx-base"][0].lower() == "dbrx" and got["Yi base"] == ("", "family")
    # a family with a version in its name ("T5") is sized in words too: "T5-Base" is not the family T5
    assert not same_model("T5-Base", "T5", NAMING) and same_model("T5-Base", "t5-base", NAMING)
    assert same_model("Qwen2.5-7B-Base", "Qwen2.5-7B", NAMING)


def test_a_name_without_a_size_is_the_line_s_one_size_unless_the_documents_give_it_another():
    # "bloomz | 176B" beside "bloomz-7b1": the unsized name is the 176B model, not the one size seen elsewhere
    assert resolve_names(["bloomz", "bloomz-7b1"], NAMING) == {"bloomz": "bloomz-7b1", "bloomz-7b1": "bloomz-7b1"}
    assert resolve_names(["bloomz", "bloomz-7b1"], NAMING, {"bloomz": {176e9}}) == {
        "bloomz": "bloomz", "bloomz-7b1": "bloomz-7b1"}
    # a count near the size is that size
    assert resolve_names(["Wren3", "Wren3-3B"], NAMING, {"Wren3": {3.08e9}})["Wren3"] == "Wren3-3B"


def test_a_name_without_a_version_beside_two_versions_of_it_is_their_family():
    """"Sable Frontier" beside "Sable Frontier 1.0" and "1.5" names the family, never a row; a name the reference
    lists as a model ("Claude") stays one, and so does a name with a tier ("Sable Frontier Mini")."""
    names = ["Sable Frontier", "Sable Frontier 1.0", "Sable Frontier 1.5", "Sable Frontier Mini", "Claude", "Claude 2",
             "Claude 3 Opus"]
    assert {n: r.kind for n, r in resolve(names, NAMING).items() if r.kind != "model"} == {"Sable Frontier": "family"}
    assert resolve(["Sable Frontier", "Sable Frontier 1.5"], NAMING)["Sable Frontier"].kind == "model"
    # without a first release among the versions, the name alone is that first release, never numbered
    assert resolve(["Kestrel", "Kestrel 2", "Kestrel 3"], NAMING)["Kestrel"].kind == "model"


def test_a_size_only_the_reference_knows_links_the_model_without_renaming_it():
    # the reference lists one size of the line ("phi-3-small 7.4B"): a document's "phi-3-small" is that model,
    # written as the document writes it, and a size a document writes is kept
    resolved = resolve(["phi-3-small"], NAMING)["phi-3-small"]
    assert (resolved.model, resolved.kind, resolved.reference) == ("phi-3-small", "model", "phi-3-small 7.4B")
    assert resolve_names(["phi-3-small", "phi-3-small-7.4B"], NAMING) == {
        "phi-3-small": "phi-3-small-7.4B", "phi-3-small-7.4B": "phi-3-small-7.4B"}


def test_a_family_sized_in_words_keeps_its_base_size_apart_from_the_family():
    names = ["Heron mini", "Heron base", "Heron huge", "Heron", "Yi base", "Yi-34B"]
    resolved = resolve(names, NAMING)
    assert resolved["Heron base"].model == "Heron base"  # beside "mini" and "huge", "base" is a size too
    assert resolved["Yi base"].kind == "family"  # elsewhere it is the pretrained model's name


def test_base_before_a_size_is_the_pretrained_model():
    assert same_model("RedPajama-INCITE-Base-7B", "RedPajama-INCITE-7B", NAMING)


def test_two_releases_of_one_name_written_side_by_side_are_two_models():
    # one release alone is the model ("Mistral-7B-v0.1" is Mistral 7B); a document that trains "-v1" and "-v2" of
    # the same name reports two models, which never merge
    got = {n: r.model for n, r in resolve(["Wren-92M-v1", "Wren-92M-v2", "Wren-218M-v1", "Wren-218M-v3",
                                           "Mistral-7B-v0.1", "Mistral 7B"], NAMING).items()}
    assert got == {"Wren-92M-v1": "Wren-92M-v1", "Wren-92M-v2": "Wren-92M-v2", "Wren-218M-v1": "Wren-218M-v1",
                   "Wren-218M-v3": "Wren-218M-v3", "Mistral-7B-v0.1": "Mistral 7B", "Mistral 7B": "Mistral 7B"}


def test_families_sized_in_words_reuse_the_lookups_read_from_the_reference():
    """Names that size a family in words ("Dunnock mini", "Dunnock large") widen the naming they are resolved with;
    the reference's few thousand names are read once all the same (most of the cost of resolving a table's names),
    and "Dunnock base" is the family's size there, not its pretrained model."""
    from floptrail.extract.canonical import _reference_lookups, _with_families_sized_in_words
    naming = load_extract_config(None).naming
    names = ["Dunnock mini", "Dunnock large", "Dunnock base"]
    widened = _with_families_sized_in_words(names, naming)
    assert widened is not naming and "dunnock" in {f.lower() for f in widened.word_sized}
    assert _reference_lookups(widened) is _reference_lookups(naming)
    assert len({r.model for r in resolve(names, naming).values()}) == 3
