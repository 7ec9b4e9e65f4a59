"""The scorer behind `floptrail eval`: matching on document, kind and value (chip for hardware), optional
gold, cited facts left out, each fact counted once."""

import json

from floptrail import evaluate
from floptrail.evaluate import Item


def gold(doc, kind, value, model="M", hardware="", optional=False):
    return Item(doc, kind, value, hardware, model, "q", optional)


def test_value_within_two_percent_matches_and_duplicates_count_once():
    score = evaluate.score([gold("d", "tokens", 15e12)],
                           [gold("d", "tokens", 15.2e12), gold("d", "tokens", 15.2e12), gold("d", "tokens", 9e12)])
    assert (score.tp["tokens"], score.fp["tokens"], score.fn["tokens"]) == (1, 1, 0)
    assert [e.value for e in score.extras] == [9e12]


def test_hardware_matches_on_the_chip_family():
    score = evaluate.score([gold("d", "hardware", None, hardware="A100-80GB")],
                           [gold("d", "hardware", None, hardware="NVIDIA A100 GPUs")])
    assert score.overall() == (1.0, 1.0, 1.0)


def test_model_must_match_only_when_asked():
    g, p = [gold("d", "params", 7e9, model="Llama 2 7B")], [gold("d", "params", 7e9, model="meta-llama/Llama-2-13b")]
    assert evaluate.score(g, p).overall()[2] == 1.0
    assert evaluate.score(g, p, with_model=True).overall() == (0.0, 0.0, 0.0)
    named = [gold("d", "params", 7e9, model="meta-llama/llama-2-7b")]
    assert evaluate.score(g, named, with_model=True).overall()[2] == 1.0


def test_optional_gold_is_neither_missed_nor_held_against():
    score = evaluate.score([gold("d", "tokens", 3e12, optional=True), gold("d", "tokens", 1e12)],
                           [gold("d", "tokens", 3e12)])
    assert (sum(score.tp.values()), sum(score.fp.values()), sum(score.fn.values())) == (0, 0, 1)


def test_loaders_read_gold_jsonl_and_facts_csv_leaving_out_cited(tmp_path):
    (tmp_path / "gold.jsonl").write_text(json.dumps({"doc": "a.pdf", "model": "X", "kind": "flop", "value": 1e24,
                                                     "quote": "q"}) + "\n\n", encoding="utf-8")
    (tmp_path / "facts.csv").write_text("source,kind,value,hardware,model,quote,role\n"
                                        "docs/a.pdf,flop,1e24,,X,q,subject\n"
                                        "docs/a.pdf,flop,3e23,,GPT-3,q,cited\n", encoding="utf-8")
    gold_items = evaluate.load_gold(tmp_path / "gold.jsonl")
    predicted = evaluate.load_predictions(tmp_path / "facts.csv")
    assert [(g.doc, g.value) for g in gold_items] == [("a", 1e24)]
    assert [(p.doc, p.value, p.model) for p in predicted] == [("a", 1e24, "X")]
    frame = evaluate.score(gold_items, predicted).frame()
    assert frame.to_dict("records")[-1] == {"kind": "overall", "gold": 1, "predicted": 1, "precision": 1.0,
                                            "recall": 1.0, "f1": 1.0}


def test_calibration_says_how_often_each_confidence_band_is_right():
    truth = [gold("d", "tokens", 15e12), gold("d", "params", 7e9, optional=True)]
    predicted = [Item("d", "tokens", 15e12, "", "M", "q", confidence=0.95),  # right
                 Item("d", "params", 7e9, "", "M", "q", confidence=0.92),  # right: an optional fact is a fact
                 Item("d", "chip_count", 8, "", "M", "q", confidence=0.91),  # wrong
                 Item("d", "tokens", 2e12, "", "M", "q", confidence=0.4),  # wrong
                 Item("other", "tokens", 1e12, "", "M", "q", confidence=0.4)]  # a document without gold
    rows = {row["confidence"]: (row["facts"], row["right"]) for row in evaluate.calibration(truth, predicted)}
    assert rows == {"0.0-0.3": (0, None), "0.3-0.5": (1, 0.0), "0.5-0.7": (0, None), "0.7-0.9": (0, None),
                    "0.9-1.0": (3, 0.667), ">=0.9": (3, 0.667)}
