"""The reference vocabulary: Epoch AI's tables of AI models (CC-BY 4.0, credit Epoch AI), as a compact
snapshot shipped in `configs/epoch_models.csv` or a fresher one downloaded into a workspace.

Name resolution uses it to know which models exist (`Gopher (280B)` is the model people mean by "Gopher"),
how they are spelled, and which name stems are model families at all (`MiniCPM`, `SmolLM`), so that models
of families that `configs/models.toml` does not list are still recognised.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

SNAPSHOT = "epoch_models.csv"
CREDIT = ("Epoch AI, 'Data on AI Models' (https://epoch.ai/data/ai-models), licensed CC-BY 4.0. "
          "Credit Epoch AI when using these figures.")
# Epoch's column names -> ours; the snapshot keeps only what resolution and the study commands use
EPOCH_COLUMNS = {
    "Model": "model", "Organization": "organization", "Publication date": "publication_date",
    "Parameters": "parameters", "Training compute (FLOP)": "training_compute_flop", "Base model": "base_model",
    "Domain": "domain", "Training hardware": "training_hardware",
    "Hardware utilization (MFU)": "hardware_utilization_mfu",
}
COLUMNS = [*EPOCH_COLUMNS.values(), "table"]
_STEM = re.compile(r"^([A-Za-z]+)(?=[-_ .\d]|$)")  # the leading letters: "MiniCPM" of "MiniCPM4-8B"
_LANGUAGE_DOMAINS = ("Language", "Multimodal")


@dataclass(frozen=True)
class ReferenceModel:
    name: str
    organization: str = ""
    publication_date: str = ""
    parameters: float | None = None
    training_compute_flop: float | None = None
    base_model: str = ""
    domain: str = ""


@dataclass(frozen=True)
class Reference:
    models: tuple[ReferenceModel, ...]
    source: str  # the file it was read from

    def get(self, name: str) -> ReferenceModel | None:
        return next((m for m in self.models if m.name == name), None)

    def language_models(self) -> tuple[ReferenceModel, ...]:
        """Models of the language and multimodal domains: the ones documents about LLMs name."""
        return tuple(m for m in self.models if any(d in m.domain for d in _LANGUAGE_DOMAINS))


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def read_rows(text: str) -> list[dict[str, str]]:
    """Rows of a snapshot (our columns, '#' header lines) or of one of Epoch's CSV downloads, in our
    column names, with whitespace inside values collapsed (Epoch's names carry stray newlines)."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    reader = csv.DictReader(io.StringIO("".join(lines)))
    fields = reader.fieldnames or []
    if "model" not in fields and "Model" not in fields:
        raise ValueError("not a table of models: needs a 'Model' (Epoch's) or 'model' column")
    rename = {k: v for k, v in EPOCH_COLUMNS.items() if k in fields}
    return [{rename.get(k, k): _clean(v) for k, v in row.items() if k} for row in reader]


def merge_tables(tables: Iterable[tuple[str, list[dict[str, str]]]]) -> list[dict[str, str]]:
    """One row per model name over several tables (name, rows): earlier tables win field by field and later
    ones fill their blanks; `table` lists the tables that name the model."""
    merged: dict[str, dict[str, str]] = {}
    for table, rows in tables:
        for row in rows:
            name = row.get("model", "")
            if not name:
                continue
            have = merged.setdefault(name, {c: "" for c in COLUMNS})
            for column in COLUMNS[:-1]:
                have[column] = have[column] or row.get(column, "")
            have["table"] = " ".join(dict.fromkeys([*have["table"].split(), *row.get("table", table).split()]))
    return sorted(merged.values(), key=lambda r: (r["publication_date"], r["model"]))


def snapshot_text(rows: list[dict[str, str]], sources: list[str]) -> str:
    """The snapshot file: a header crediting Epoch AI and naming the tables, then the rows as CSV."""
    out = io.StringIO()
    out.write(f"# {CREDIT}\n")
    out.write(f"# Built from: {', '.join(sources)} (scripts/make_reference.py or `floptrail reference update`).\n")
    out.write("# Values are Epoch AI's as published; where two tables list a model, the first named wins.\n")
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def shipped_snapshot() -> Path:
    return Path(str(resources.files("floptrail.configs").joinpath(SNAPSHOT)))


def load_reference(path: Path | None = None) -> Reference:
    """The snapshot at `path` (ours or one of Epoch's CSVs), else the one shipped with floptrail."""
    path = Path(path) if path is not None else shipped_snapshot()
    try:
        rows = read_rows(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the reference table ({exc})") from None
    models = tuple(
        ReferenceModel(
            name=r["model"], organization=r.get("organization", ""), publication_date=r.get("publication_date", ""),
            parameters=_number(r.get("parameters", "")),
            training_compute_flop=_number(r.get("training_compute_flop", "")),
            base_model=r.get("base_model", ""), domain=r.get("domain", ""))
        for r in rows if r.get("model"))
    return Reference(models, str(path))


def family_stems(reference: Reference, exclude: Iterable[str] = (), min_names: int = 2) -> frozenset[str]:
    """Name stems that are model families in the reference ("MiniCPM", "SmolLM", "Qwen"): the leading
    letters of language-model names, kept where they read as a name rather than a word: written with an
    inner capital or in capitals ("DeepSeek", "GLM"), or followed by a version or size in at least
    `min_names` names ("Gemma 2", "Gemma 3"). A stem is meant to match at the start of a token followed by a
    separator, a digit or nothing, never inside a longer word; a plain capitalized stem ("Step", "Seed") is
    also an English word, so match it only with a version or size after it. `exclude` names words that are
    never families (tier words, organizations; any case). Cheap enough to call once per call site and keep:
    nothing is cached here."""
    excluded = {e.lower() for e in exclude}
    names: dict[str, set[str]] = {}
    for model in reference.language_models():
        m = _STEM.match(model.name)
        if m and len(m.group(1)) >= 2 and m.group(1).lower() not in excluded:
            names.setdefault(m.group(1), set()).add(model.name)
    stems = set()
    for stem, spelled in names.items():
        versioned = sum(1 for n in spelled if _versioned(n[len(stem):]))
        mixed_case = len(stem) >= 3 and not stem.isupper() and stem[1:] != stem[1:].lower()  # "DeepSeek"
        capitals = stem.isupper() and (len(stem) >= 4 or versioned)  # "BLOOM", "GPT-3"; not "NLP"
        if mixed_case or capitals or versioned >= min_names:
            stems.add(stem)
    return frozenset(stems)


def _versioned(rest: str) -> bool:
    """Whether what follows a stem opens on a version: "-3", " 2.5", "V3", "-v0.1" (a separator, a "v", a digit);
    a plain test, as a pattern compiled for each of the reference's hundreds of stems costs more than the rest."""
    rest = rest[1:] if rest[:1] in "-_ ." and rest else rest
    rest = rest[1:] if rest[:1] in "vV" and rest else rest
    return rest[:1].isdecimal()


def known_names(reference: Reference) -> frozenset[str]:
    """Every language-model name the reference lists, as Epoch spells it."""
    return frozenset(m.name for m in reference.language_models())
