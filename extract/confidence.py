"""How sure extraction is of each fact: a logistic model over general cues of the fact's context, trained on
hand-labelled documents (`floptrail train confidence`) and shipped as weights in `configs/confidence.json`.

The rules generate candidates; this judges them (as Fonduer judges candidates with features of their context):
which rule read it, how its model was found, the words of its sentence (experiments, inference, data
processing, schedules, comparisons, citations), where it stands (a table, an appendix, a list), and how
large it is for its kind. A fact is right when a person would label it a training fact of the document's
models; the confidence is the probability of that, and `floptrail eval` prints how well it is calibrated.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of a logistic model over named features, and what it was trained on."""

    weights: dict[str, float]
    intercept: float
    threshold: float  # facts judged less likely than this are rejected
    about: dict  # what it was trained on and how it measured (cross-validated by document)

    def score(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def load_confidence_model(config_dir: Path | None = None) -> ConfidenceModel | None:
    """The shipped model (or one in `config_dir`), None when there is none."""
    path = Path(config_dir) / "confidence.json" if config_dir is not None else None
    if path is None or not path.exists():
        shipped = resources.files("floptrail.configs").joinpath("confidence.json")
        if not shipped.is_file():
            return None
        data = json.loads(shipped.read_text(encoding="utf-8"))
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
    return ConfidenceModel(data["weights"], data["intercept"], data.get("threshold", 0.0), data.get("about", {}))
