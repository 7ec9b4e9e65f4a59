"""The fact judge: trained on labelled documents with cross-validation by document, written as weights,
read back, and used to give every fact a confidence and reject the doubtful ones with the reason."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from floptrail.corpus.document import Document
from floptrail.extract.confidence import ConfidenceModel, load_confidence_model
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from invoke import floptrail

NOTE = "Tiny-7B was trained on 2 trillion tokens with 64 H100 GPUs for 3 days."


def labelled_notes(folder: Path) -> Path:
    """Six short notes; their gold has the training tokens and the chips, not the parameter counts."""
    gold = []
    for i in range(6):
        name = f"note{i}"
        (folder / f"{name}.txt").write_text(f"Zeta{i}-{i + 1}B has {i + 1}B parameters. It was trained on {i + 2} "
                                            f"trillion tokens with {64 * (i + 1)} H100 GPUs.\n", encoding="utf-8")
        gold += [{"doc": name, "model": f"Zeta{i}-{i + 1}B", "kind": "tokens", "value": (i + 2) * 1e12},
                 {"doc": name, "model": f"Zeta{i}-{i + 1}B", "kind": "chip_count", "value": 64 * (i + 1)}]
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return folder / "gold.jsonl"


@pytest.mark.slow
def test_training_prints_cross_validated_figures_and_writes_a_model_that_loads(tmp_path):
    configs = tmp_path / "configs"
    configs.mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    gold = labelled_notes(docs)
    proc = floptrail("train", "confidence", docs, "--gold", gold, "--folds", "2", "--out", configs / "confidence.json")
    assert proc.returncode == 0, proc.stderr
    assert "6 documents, 24 candidate facts, 2 folds" in proc.stdout
    assert "cross-validated, all candidates: P=0.500 R=1.000" in proc.stdout
    model = load_confidence_model(configs)
    assert model.weights and 0.0 <= model.threshold < 0.8
    assert model.about["measured"].startswith("cross-validation by document, 2 folds")
    first = (configs / "confidence.json").read_bytes()
    assert floptrail("train", "confidence", docs, "--gold", gold, "--folds", "2",
                     "--out", configs / "confidence.json").returncode == 0
    assert (configs / "confidence.json").read_bytes() == first  # deterministic


def test_every_fact_gets_a_confidence_and_doubtful_ones_are_rejected_with_it():
    config = load_extract_config()
    document = Document("d", "note.txt", "text", NOTE)
    sure = ConfidenceModel({}, 3.0, 0.5, {})  # every fact 0.953
    facts = Extractor(replace(config, confidence=sure)).read(document)
    assert {f.confidence for f in facts.facts} == {0.953} and facts.rejected == []
    doubtful = ConfidenceModel({"rule=duration": -6.0}, 3.0, 0.5, {})  # durations 0.047
    result = Extractor(replace(config, confidence=doubtful)).read(document)
    assert [f.kind for f in result.facts] == ["tokens", "chip_count", "hardware"]
    assert [(r.fact.kind, r.reason) for r in result.rejected] == [
        ("duration_hours", "confidence 0.05 is below 0.50")]


def test_a_configs_folder_can_hold_its_own_model(tmp_path):
    (tmp_path / "confidence.json").write_text(json.dumps({"threshold": 0.0, "intercept": -1.0, "weights": {}}))
    assert load_confidence_model(tmp_path).intercept == -1.0
    shipped = load_confidence_model(None)
    assert shipped is not None and "trained_on" in shipped.about
