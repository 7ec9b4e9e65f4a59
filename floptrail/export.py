"""The output tables: facts.csv and estimates.csv, every number next to the facts it rests on."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.energy import picojoules_per_flop
from floptrail.estimate.records import ModelEstimate, sci, threshold_class
from floptrail.estimate.variants import base_release_of, variant_row_of
from floptrail.extract.config import ModelNaming, load_extract_config
from floptrail.extract.records import Fact
from floptrail.models_table import models_frame
from floptrail.report import document_links, report
from floptrail.run import RunResult, analyse_workspace
from floptrail.workspace import write_atomic

FACT_COLUMNS = ["fact_id", "doc", "source", "kind", "value", "low", "high", "unit", "model", "model_mention",
                "hardware", "page", "start", "end", "quote", "rule", "qualifier", "stage", "role", "confidence",
                "status", "reviewer", "reviewed_at"]
ESTIMATE_COLUMNS = ["model", "variant_of", "organization", "publication_date", "date_source", "training_flop",
                    "flop_low", "flop_high", "method", "confidence", "threshold_class", "class_1e25", "class_1e26",
                    "disagreement", "methods", "training_energy_mwh", "energy_low", "energy_high", "energy_method",
                    "energy_pj_per_flop", "energy_hardware", "emissions_tco2e", "energy_reasoning",
                    "evidence", "sources", "reasoning"]
METHOD_COLUMNS = ["model", "method", "preferred", "training_flop", "flop_low", "flop_high", "confidence", "evidence",
                  "reasoning", "assumptions"]


def facts_frame(facts: list[Fact]) -> pd.DataFrame:
    rows = []
    for f in facts:
        row = f.as_row()
        row["doc"] = Path(f.source).stem if "://" not in f.source else f.source.rstrip("/").split("/")[-1]
        rows.append(row)
    frame = pd.DataFrame(rows, columns=FACT_COLUMNS)
    frame["page"] = frame["page"].astype("Int64")
    return frame


def class_column(threshold: float) -> str:
    return f"class_{threshold:.0e}".replace("e+", "e")


def estimates_frame(estimates: list[ModelEstimate], facts: list[Fact], thresholds: list[float],
                    organization_of: Callable[[str], str] | None = None,
                    documents: dict[str, dict] | None = None) -> pd.DataFrame:
    """One row per model: the preferred estimate, its class against each threshold, every method's figure.
    `documents` (doc_id -> source, date, date_source) let each date say where it came from."""
    source_of = {f.fact_id: f.source for f in facts}
    dates = [f for f in facts if f.kind == "release_date" and f.role == "subject" and f.status != "rejected"]
    fixed = ESTIMATE_COLUMNS.index("class_1e25")
    columns = ESTIMATE_COLUMNS[:fixed] + [class_column(t) for t in thresholds] + ESTIMATE_COLUMNS[fixed + 2:]
    rows = []
    for me in estimates:
        est = me.preferred
        row = {"model": me.model, "variant_of": me.variant_of,
               "organization": organization_of(me.model) if organization_of else "", "publication_date": me.date,
               "date_source": date_source(me, dates, facts, documents or {}),
               "disagreement": me.disagreement,
               "methods": "; ".join(f"{e.method}={sci(e.value)}" for e in me.methods)}
        if est is None:
            rows.append({**row, "reasoning": "no method applies: the documents give too few facts"})
            continue
        energy = me.energy
        if energy is not None:
            row.update({"training_energy_mwh": energy.mwh, "energy_low": energy.low, "energy_high": energy.high,
                        "energy_method": energy.method,
                        "energy_pj_per_flop": picojoules_per_flop(energy.mwh, est.value),
                        "energy_hardware": energy.chip, "emissions_tco2e": energy.emissions_tco2e or None,
                        "energy_reasoning": energy.reasoning})
        sources = sorted({source_of[e] for e in est.evidence if e in source_of})
        row.update({
            "training_flop": est.value, "flop_low": est.low, "flop_high": est.high,
            "method": est.method, "confidence": est.confidence,
            "threshold_class": threshold_class(est.low, est.high, thresholds[0]),
            **{class_column(t): threshold_class(est.low, est.high, t) for t in thresholds},
            "evidence": ";".join(est.evidence), "sources": ";".join(sources), "reasoning": est.reasoning,
        })
        rows.append(row)
    return _typed(pd.DataFrame(rows, columns=columns))


def date_source(me: ModelEstimate, stated: list[Fact], facts: list[Fact], documents: dict[str, dict]) -> str:
    """Where a model's date came from: a sentence stating it (release_date facts of the model or its family),
    or the date of a document reporting it, with how that document was dated."""
    if not me.date:
        return ""
    base = me.variant_of or me.model

    def ours(model: str) -> bool:
        return model == base or base.startswith(f"{model} ")  # "Llama 2" dates "Llama 2 7B"

    said = next((f for f in stated if f.unit == me.date and ours(f.model)), None)
    if said is not None:
        quote = " ".join(said.quote.split())
        return f'{_name(said.source)}: "{quote[:100]}{"..." if len(quote) > 100 else ""}"'
    reporting = {f.doc_id for f in facts if ours(f.model)}
    for doc_id, info in sorted(documents.items(), key=lambda item: item[1].get("source", "")):
        if doc_id in reporting and info.get("date") == me.date:
            return f"{_name(info.get('source', ''))}: {info.get('date_source') or 'document date'}"
    return ""


def _name(source: str) -> str:
    return source.rstrip("/").split("/")[-1]


def methods_frame(estimates: list[ModelEstimate]) -> pd.DataFrame:
    """Every method's estimate for every model, so disagreements can be read side by side."""
    rows = [{"model": me.model, "method": e.method,
             "preferred": me.preferred is not None and e.method in me.preferred.method.split("+"),
             "training_flop": e.value, "flop_low": e.low, "flop_high": e.high, "confidence": e.confidence,
             "evidence": ";".join(e.evidence), "reasoning": e.reasoning, "assumptions": ";".join(e.assumptions)}
            for me in estimates for e in me.methods]
    return _typed(pd.DataFrame(rows, columns=METHOD_COLUMNS))


# quantities: numbers in every format; CSV writes them as analysts do (3.8e25), the others keep full precision
QUANTITY_COLUMNS = ("training_flop", "flop_low", "flop_high", "training_energy_mwh", "energy_low", "energy_high",
                    "emissions_tco2e", "energy_pj_per_flop")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """Quantity columns as floats (missing: NaN), every other column as it was built."""
    for column in QUANTITY_COLUMNS:
        if column in frame.columns:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def cell_text(value) -> str:
    """A cell as a person reads it in a CSV: quantities as 3.8e25, missing as empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return sci(float(value))
    return str(value)


def changes_frame(before: pd.DataFrame, after: pd.DataFrame, thresholds: list[float]) -> pd.DataFrame:
    """What changed between two estimates tables (in any format, typed or read back from CSV): new and
    removed models, changed estimates and classes. Figures are compared as a CSV shows them (3 digits)."""
    old, new = (_as_text(frame).set_index("model") for frame in (before, after))
    rows = [{"model": m, "change": "new", "before": "", "after": new.at[m, "training_flop"]}
            for m in new.index.difference(old.index)]
    rows += [{"model": m, "change": "removed", "before": old.at[m, "training_flop"], "after": ""}
             for m in old.index.difference(new.index)]
    for m in new.index.intersection(old.index):
        if str(old.at[m, "training_flop"]) != str(new.at[m, "training_flop"]):
            rows.append({"model": m, "change": "estimate", "before": old.at[m, "training_flop"],
                         "after": new.at[m, "training_flop"]})
        for column in (class_column(t) for t in thresholds):
            if column in old.columns and str(old.at[m, column]) != str(new.at[m, column]):
                rows.append({"model": m, "change": column, "before": old.at[m, column], "after": new.at[m, column]})
    return pd.DataFrame(rows, columns=["model", "change", "before", "after"]).sort_values(["model", "change"])


# a spreadsheet runs a cell starting with one of these as a formula (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Text cells a spreadsheet would run as formulas, with an apostrophe in front (shown, never run); numbers,
    negative ones included, stay as they are."""
    def cell(value):
        return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _number(value) \
            else value

    text = [c for c in frame.columns if not pd.api.types.is_numeric_dtype(frame[c])]
    return frame.assign(**{c: frame[c].map(cell) for c in text}) if text else frame


def _restore_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """The cells `neutralise_formulas` changed, as they were."""
    def cell(value):
        return value[1:] if isinstance(value, str) and value[:1] == "'" and value[1:2] in FORMULA_STARTS else value

    return frame.map(cell)


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _as_text(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.apply(lambda column: column.map(lambda v: cell_text(_number_or_text(v))))


def _number_or_text(value):
    if isinstance(value, str):
        try:
            return float(value) if value.strip() else None
        except ValueError:
            return value
    return value


def read_table(path: Path) -> pd.DataFrame:
    """A table floptrail wrote before, in any of its formats."""
    suffix = Path(path).suffix.lower()
    if suffix == ".parquet":
        return pd.read_parquet(path)
    if suffix == ".json":
        return pd.read_json(path, orient="records", dtype=False)
    return _restore_formulas(pd.read_csv(path, dtype=str, keep_default_na=False))


def write_table(frame: pd.DataFrame, path: Path, html: Callable[[pd.DataFrame], str] | None = None) -> None:
    """CSV, Parquet, JSON or HTML by the file's extension, written atomically."""
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        data = neutralise_formulas(_for_csv(frame)).to_csv(index=False).encode("utf-8")
    elif suffix == ".parquet":
        buffer = io.BytesIO()
        _with_nulls(frame).to_parquet(buffer, index=False)
        data = buffer.getvalue()
    elif suffix == ".json":
        data = _with_nulls(frame).to_json(orient="records", indent=1, force_ascii=False).encode("utf-8")
    elif suffix in (".html", ".htm"):
        data = (html(frame) if html else frame.to_html(index=False)).encode("utf-8")
    else:
        raise ValueError(f"{path}: unknown format {suffix!r} (use .csv, .parquet, .json or .html)")
    write_atomic(Path(path), data)


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """CSV, written atomically, with text cells neutralised against spreadsheet formulas."""
    write_table(frame, path)


def _for_csv(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in QUANTITY_COLUMNS:
        if column in out.columns:
            out[column] = out[column].map(cell_text)
    return out


def _with_nulls(frame: pd.DataFrame) -> pd.DataFrame:
    """Typed columns for Parquet and JSON: numbers stay numbers, and an empty text cell is null."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: None if v is None or v == "" or (isinstance(v, float)
                                                                                      and math.isnan(v)) else v)
            out[column] = out[column].astype(object)
    return out


TABLES = ("estimates", "facts", "models", "methods", "documents", "rejected")


def estimates_table(result: RunResult, config_dir: Path | None = None) -> pd.DataFrame:
    """The estimates of a run as one row per model, with each model's organization."""
    return _every_estimate(result, _naming(result, config_dir), _thresholds(result, config_dir))


def _naming(result: RunResult, config_dir: Path | None) -> ModelNaming:
    return (result.extract_config or load_extract_config(config_dir)).naming


def _thresholds(result: RunResult, config_dir: Path | None) -> list[float]:
    return (result.estimate_config or load_estimate_config(config_dir)).thresholds


def _every_estimate(result: RunResult, naming: ModelNaming, thresholds: list[float]) -> pd.DataFrame:
    """Every model's row, estimated or not (models.csv lists them all; estimates.csv those estimated)."""
    return estimates_frame(result.estimates, result.facts, thresholds, naming.organization_of, result.documents)


def estimated(frame: pd.DataFrame) -> pd.DataFrame:
    """The rows with an estimate: estimates.csv lists only those; models.csv lists every model."""
    flop = frame["training_flop"]
    return frame[flop.notna() & flop.astype(str).str.strip().ne("")].reset_index(drop=True)


def tables(result: RunResult, config_dir: Path | None = None) -> dict[str, pd.DataFrame]:
    """Every table a run can be exported as, by name, in the order `TABLES` lists them."""
    naming = _naming(result, config_dir)
    every = _every_estimate(result, naming, _thresholds(result, config_dir))
    # a fact is shown under the release its document names it by: a tuned variant's row, or the base release where
    # the document tells it apart from the bare name
    shown = {**base_release_of(result.facts, naming), **variant_row_of(
        result.facts, dict(zip(every["model"], every["variant_of"].fillna(""), strict=True)), naming)}
    facts = [replace(f, model=shown.get(f.fact_id, f.model)) for f in result.facts]
    return {"estimates": estimated(every), "facts": facts_frame(facts),
            "models": _typed(models_frame(every, result.facts, naming, result.named_variants())),
            "methods": methods_frame(result.estimates), "documents": documents_frame(result),
            "rejected": rejected_frame(result)}


DOCUMENT_COLUMNS = ["doc", "source", "title", "date", "model", "line", "size", "main", "evidence", "variants"]
REJECTED_COLUMNS = ["fact_id", "source", "kind", "value", "unit", "model", "page", "start", "end", "quote", "rule",
                    "reason"]


def documents_frame(result: RunResult) -> pd.DataFrame:
    """Each document's model inventory: one row per model it reports training for, with the evidence
    (place@offset: text) that shows it; a document with no inventory gets one row without a model."""
    rows = []
    for doc_id, info in sorted(result.documents.items(), key=lambda item: item[1].get("source", "")):
        source = info.get("source", "")
        base = {"doc": Path(source).stem, "source": source, "title": info.get("title") or "",
                "date": info.get("date") or ""}
        models = result.inventories.get(doc_id) or [{}]
        rows += [{**base, **{c: m.get(c, "") for c in DOCUMENT_COLUMNS[4:]}} for m in models]
    return pd.DataFrame(rows, columns=DOCUMENT_COLUMNS)


def rejected_frame(result: RunResult) -> pd.DataFrame:
    """Readings the rules found and did not keep as facts, each with the reason."""
    return pd.DataFrame([{c: r.get(c, "") for c in REJECTED_COLUMNS} for r in result.rejected],
                        columns=REJECTED_COLUMNS)


def write_outputs(result: RunResult, out: Path, config_dir: Path | None = None) -> dict[str, tuple[Path, int]]:
    """Every table of a run as CSV in `out`: estimates.csv, facts.csv, models.csv (every model, variant and
    family with the names the documents used), methods.csv, documents.csv (each document's model inventory)
    and rejected.csv (readings not kept, with the reason); table -> (path written, rows)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for name, frame in tables(result, config_dir).items():
        written[name] = (out / f"{name}.csv", len(frame))
        write_csv(frame, written[name][0])
    return written


@dataclass
class Export:
    """What `export` wrote: the table, its rows, the changes file (if asked) and the run it came from."""

    path: Path
    rows: int
    result: RunResult
    changes_path: Path | None = None
    changes: int = 0
    written: list[Path] = field(default_factory=list)


def export(workspace: Path, out: Path, table: str = "estimates", since: Path | None = None,
           use_curated: bool = True, config_dir: Path | None = None, overrides: list[str] = ()) -> Export:
    """Everything in the workspace, review decisions applied, as one table in the format `out` names
    (.csv, .parquet, .json, or .html: for estimates, the evidence-linked report). With `since` (an earlier
    export of the same table) what changed is written beside `out` as .changes.csv."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    out = Path(out)
    if out.suffix.lower() not in (".csv", ".parquet", ".json", ".html", ".htm"):
        raise ValueError(f"{out}: unknown format {out.suffix!r} (use .csv, .parquet, .json or .html)")
    result = analyse_workspace(workspace, use_curated=use_curated, config_dir=config_dir, overrides=list(overrides))
    frames = tables(result, config_dir)
    thresholds = _thresholds(result, config_dir)
    links = document_links(result.documents, out.parent, result.inventories)
    write_table(frames[table], out, html=(lambda f: report(f, thresholds, frames["facts"], links))
                if table == "estimates" else None)
    done = Export(out, len(frames[table]), result, written=[out])
    if since is not None:
        changes = changes_frame(read_table(since), frames[table].astype(str), thresholds)
        done.changes_path, done.changes = out.with_suffix(".changes.csv"), len(changes)
        write_table(changes, done.changes_path)
        done.written.append(done.changes_path)
    return done
