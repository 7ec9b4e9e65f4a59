"""Training the fact judge (extract/confidence.py) on hand-labelled documents, and measuring it honestly:
every figure comes from cross-validation by document (the model that scores a document never saw it).

Candidates are the facts the rules produce with the judge switched off; a candidate is right when a gold fact
of its document has its kind and value (the chip, for hardware). Facts quoted about other models (`cited`)
and kinds that are not totals are left out, as the scorer leaves them out; a candidate matching only an
optional gold fact (a plan, an ablation) is neither right nor wrong and is not trained on.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.load import load_file
from floptrail.evaluate import SCORED_KINDS, Item, calibration, chip_key, doc_name, load_gold, prf, same_value
from floptrail.extract.confidence import ConfidenceModel
from floptrail.extract.config import ExtractConfig
from floptrail.extract.facts import Extractor
from floptrail.extract.records import Fact

REGULARISATION = 0.5  # inverse L2 strength (C); cross-validated F1 is flat over 0.3-1 on the devset
TOLERANCE = 0.005  # F1 given up for a lower threshold (fewer facts dropped)


@dataclass(frozen=True)
class Candidate:
    doc: str
    fact: Fact
    features: dict[str, float]
    label: int  # 1 right, 0 wrong


@dataclass
class TrainingReport:
    """What training measured: cross-validated precision/recall/F1 before and after the threshold,
    the calibration table, and the model fitted on every document."""

    model: ConfidenceModel
    documents: int
    candidates: int
    folds: int
    before: tuple[float, float, float]
    after: tuple[float, float, float]
    calibration: list[dict] = field(default_factory=list)
    per_document: list[dict] = field(default_factory=list)


def read_documents(paths: list[Path]) -> tuple[list[Document], list[str]]:
    """The documents, and the reasons of those that could not be read."""
    documents, unread = [], []
    for path in paths:
        try:
            documents.append(load_file(path)[1])
        except DocumentError as exc:
            unread.append(f"{path}: {exc.reason}")
    return documents, unread


def candidates(documents: list[Document], gold: list[Item], config: ExtractConfig) -> list[Candidate]:
    """Every scored candidate of the documents, labelled against the gold."""
    extractor = Extractor(replace(config, confidence=None))
    by_doc_kind: dict[tuple[str, str], list[Item]] = defaultdict(list)
    for g in gold:
        by_doc_kind[(g.doc, g.kind)].append(g)
    out = []
    for document in documents:
        extraction = extractor.read(document)
        name = doc_name(document.source)
        for f in extraction.facts:
            if f.role == "cited" or f.kind not in SCORED_KINDS:
                continue
            item = Item(name, f.kind, f.value, f.hardware, f.model, f.quote)
            matches = [g for g in by_doc_kind[(name, f.kind)] if same_value(g, item, 0.02)]
            if matches and all(g.optional for g in matches):
                continue
            out.append(Candidate(name, f, extraction.features[f.fact_id], int(bool(matches))))
    return out


def fit(train: list[Candidate], regularisation: float = REGULARISATION, threshold: float = 0.0,
        about: dict | None = None) -> ConfidenceModel:
    """A logistic model over the candidates' features (scikit-learn, deterministic lbfgs)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform([c.features for c in train])
    y = [c.label for c in train]
    model = LogisticRegression(C=regularisation, max_iter=5000).fit(x, y)
    weights = {name: round(float(w), 5) for name, w in zip(vectorizer.get_feature_names_out(), model.coef_[0],
                                                          strict=True) if abs(w) > 1e-6}
    return ConfidenceModel(weights, round(float(model.intercept_[0]), 5), threshold, about or {})


def out_of_fold(cands: list[Candidate], folds: int, regularisation: float = REGULARISATION) -> list[float]:
    """Each candidate's confidence from a model fitted without its document (documents dealt round-robin
    into `folds` groups, in name order, so the split is the same every time)."""
    docs = sorted({c.doc for c in cands})
    group = {doc: i % folds for i, doc in enumerate(docs)}
    probs = [0.0] * len(cands)
    for k in range(folds):
        train = [c for c in cands if group[c.doc] != k]
        if not train or len({c.label for c in train}) < 2:
            continue
        model = fit(train, regularisation)
        for i, c in enumerate(cands):
            if group[c.doc] == k:
                probs[i] = model.score(c.features)
    return probs


def kept_prf(cands: list[Candidate], probs: list[float], threshold: float, gold: list[Item]) -> tuple:
    """Value-only precision, recall and F1 of the candidates kept at `threshold`, each (document, kind,
    value) counted once as the scorer counts it."""
    docs = {c.doc for c in cands}
    scored = {_key(g) for g in gold if g.doc in docs and not g.optional and g.kind in SCORED_KINDS}
    kept = {(_key_of(c), c.label) for c, p in zip(cands, probs, strict=True) if p >= threshold}
    right = {k for k, label in kept if label}
    wrong = {k for k, label in kept if not label} - right
    found = {k for k in scored if any(_close(k, r) for r in right)}
    return prf(len(found), len(wrong), len(scored) - len(found))


def choose_threshold(cands: list[Candidate], probs: list[float], gold: list[Item]) -> float:
    """The lowest threshold whose cross-validated F1 is within TOLERANCE of the best: a fact is dropped only
    where dropping clearly pays, since documents unlike the training ones pay for every fact dropped."""
    f1 = {t / 100: kept_prf(cands, probs, t / 100, gold)[2] for t in range(0, 80, 2)}
    best = max(f1.values())
    return min(t for t, f in f1.items() if f >= best - TOLERANCE)


def train(paths: list[Path], gold_path: Path, config: ExtractConfig, folds: int = 8) -> TrainingReport:
    """Measure by cross-validation, choose the threshold that maximises cross-validated F1, and fit the
    shipped model on every document."""
    gold = load_gold(gold_path)
    documents, unread = read_documents(paths)
    cands = candidates(documents, gold, config)
    if len({c.label for c in cands}) < 2:
        raise ValueError("the gold labels none (or all) of the candidates: nothing to learn from")
    probs = out_of_fold(cands, folds)
    best = choose_threshold(cands, probs, gold)
    docs = sorted({c.doc for c in cands})
    about = {"trained_on": f"{len(docs)} documents, {len(cands)} candidate facts ({gold_path.name})",
             "measured": f"cross-validation by document, {folds} folds; threshold {best:.2f} maximises the "
                         "cross-validated value-only F1", "documents": docs, "unread": unread,
             "regularisation": REGULARISATION}
    report = TrainingReport(fit(cands, REGULARISATION, best, about), len(docs), len(cands), folds,
                            kept_prf(cands, probs, 0.0, gold), kept_prf(cands, probs, best, gold),
                            calibration(gold, [_item(c, p) for c, p in zip(cands, probs, strict=True)]))
    for doc in docs:
        idx = [i for i, c in enumerate(cands) if c.doc == doc]
        kept = [cands[i].label for i in idx if probs[i] >= best]
        dropped_right = sum(cands[i].label for i in idx) - sum(kept)
        report.per_document.append({"doc": doc, "candidates": len(idx), "kept": len(kept), "kept_right": sum(kept),
                                    "dropped_right": dropped_right})
    report.model.about["cross_validated"] = {"before": _rounded(report.before), "after": _rounded(report.after),
                                             "calibration": report.calibration}
    return report


def save_model(model: ConfidenceModel, path: Path) -> None:
    data = {"about": model.about, "threshold": model.threshold, "intercept": model.intercept,
            "weights": dict(sorted(model.weights.items()))}
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _item(c: Candidate, confidence: float) -> Item:
    f = c.fact
    return Item(c.doc, f.kind, f.value, f.hardware, f.model, f.quote, confidence=confidence)


def _key(item: Item) -> tuple:
    return (item.doc, item.kind, chip_key(item.hardware) if item.kind == "hardware" else item.value)


def _key_of(c: Candidate) -> tuple:
    f = c.fact
    return (c.doc, f.kind, chip_key(f.hardware) if f.kind == "hardware" else f.value)


def _close(a: tuple, b: tuple) -> bool:
    """Two (document, kind, value) keys name the same fact: values within 2%, chips alike."""
    if a[:2] != b[:2]:
        return False
    if a[1] == "hardware":
        return a[2] == b[2]
    return bool(a[2]) and bool(b[2]) and abs(math.log(a[2] / b[2])) <= math.log1p(0.02)


def _rounded(values: tuple[float, float, float]) -> dict:
    return dict(zip(("precision", "recall", "f1"), (round(v, 3) for v in values), strict=True))
