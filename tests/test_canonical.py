"""Canonical model names: variants merge, different sizes, versions and families never do."""

import csv
from pathlib import Path

import pytest
from floptrail.extract.canonical import resolve, resolve_names, same_model, score_pairs
from floptrail.extract.config import load_extract_config
from invoke import floptrail

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
    ],
)
def test_different_models_never_merge(a, b):
    assert not same_model(a, b, NAMING)


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


def test_real_spellings_merge_with_pairwise_f1_over_098_and_no_false_merge():
    """tests/data/model_spellings.csv: 225 spellings of 66 models, written from public model lists (the
    OpenAI, Anthropic, Mistral, Google and xAI API model names), Hugging Face repository ids, Ollama library
    tags, leaderboard and paper spellings, and Epoch AI's table (the `source` column says which)."""
    with open(DATA / "model_spellings.csv", encoding="utf-8", newline="") as f:
        rows = [(r["spelling"], r["model"]) for r in csv.DictReader(f)]
    assert len(rows) >= 150 and len({m for _, m in rows}) >= 50
    score = score_pairs(rows, NAMING)
    assert score.false_merges == ()
    assert score.f1 >= 0.98, score.missed


@pytest.mark.parametrize(("name", "model", "family", "variant"), [
    ("meta-llama/Meta-Llama-3.1-405B-Instruct", "Llama 3.1 405B", "Llama 3.1", "instruct"),
    ("mistralai/Mistral-7B-Instruct-v0.2", "Mistral 7B", "Mistral", "instruct v0.2"),
    ("Qwen2.5-72B-Instruct-AWQ", "Qwen2.5-72B", "Qwen2.5", "instruct awq"),
    ("gpt-4o-2024-05-13", "GPT-4o", "GPT-4o", "2024-05-13"),
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
