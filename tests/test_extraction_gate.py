"""The extraction quality gate: our own documents with hand-labelled gold facts (annotations/gold/), scored
with the same matching rules `floptrail eval` uses. A change that lowers extraction quality fails here."""

from pathlib import Path

import pytest

from floptrail import evaluate
from floptrail.export import facts_frame, write_csv
from floptrail.run import run

GOLD = Path(__file__).resolve().parent.parent / "annotations" / "gold"
F1_FLOOR = {False: 0.95, True: 0.92}  # value only, with the model; measured 1.000 and 1.000


@pytest.fixture(scope="module")
def gate_facts(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gate")
    result = run([str(GOLD / "docs")], tmp / "ws", use_curated=False)
    assert result.failures == []
    write_csv(facts_frame(result.facts), tmp / "facts.csv")
    return evaluate.load_predictions(tmp / "facts.csv")


@pytest.mark.parametrize("with_model", [False, True])
def test_gate_f1_floor(gate_facts, with_model):
    score = evaluate.score(evaluate.load_gold(GOLD / "gate.jsonl"), gate_facts, with_model=with_model)
    precision, recall, f1 = score.overall()
    report = "\n".join(f"{'MISS' if item in score.misses else 'EXTRA'} {item.doc} {item.kind} {item.value} "
                       f"[{item.model}] {item.quote[:80]}" for item in [*score.misses, *score.extras])
    assert f1 >= F1_FLOOR[with_model], f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}\n{report}"


def test_gate_traps_yield_no_facts(gate_facts):
    """Inference hardware, reader instructions, cited work, dataset sizes and references are not facts."""
    quotes = {(item.doc, item.kind, item.value) for item in gate_facts}
    assert ("mpt7b_post", "chip_count", 8.0) not in quotes  # "You can fine-tune MPT-7B on ... 8 A100 GPUs"
    assert ("phi2_summary", "tokens", 250e9) not in quotes  # "passes over a corpus of about 250B tokens"
    assert ("phi2_summary", "tokens", 1e9) not in quotes  # "you could reproduce a one-billion-token pilot"
    assert ("falcon_report", "params", 22e9) not in quotes  # a title in the reference list
    assert ("opt175b_card", "chip_count", 8.0) not in quotes  # serving hardware
    assert not any(item.doc == "baichuan2_zh" and item.kind == "hardware" and "4090" in item.hardware
                   for item in gate_facts)  # "可以在单张 RTX 4090 上进行推理": inference
