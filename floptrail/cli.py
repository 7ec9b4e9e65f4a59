"""The `floptrail` command line: thin wrappers over functions usable from Python."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.table import Table

from floptrail import evaluate
from floptrail.analysis_cli import calibrate, forecast_command, validate_command
from floptrail.bench import benchmark
from floptrail.cli_common import ConfigOpt, OfflineOpt, OutOpt, RefreshOpt, SetOpt, TableOpt, WorkspaceOpt, console, err
from floptrail.energy_cli import energy_app
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.variants import count_over
from floptrail.export import (
    changes_frame,
    class_column,
    estimates_frame,
    facts_frame,
    methods_frame,
    models_frame,
    read_table,
    write_csv,
    write_table,
)
from floptrail.extract.canonical import resolve_names
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.fetch_cli import corpus_app, fetch_app
from floptrail.report import report
from floptrail.review_cli import review_app
from floptrail.run import RunResult, analyse_workspace, expand_sources, import_scores, run

app = typer.Typer(help="Training-compute estimates for AI models, every number tied to its source.",
                  no_args_is_help=True, add_completion=False)
models_app = typer.Typer(help="Canonical model names.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(energy_app, name="energy")
app.add_typer(fetch_app, name="fetch")
app.add_typer(corpus_app, name="corpus")
app.add_typer(review_app, name="review")
app.command("validate")(validate_command)
app.command("calibrate")(calibrate)
app.command("forecast")(forecast_command)
scores_app = typer.Typer(help="Benchmark scores from leaderboards, for the benchmark method.", no_args_is_help=True)
app.add_typer(scores_app, name="scores")


def sample_corpus() -> Path:
    return Path(str(resources.files("floptrail.corpus").joinpath("sample")))


@app.command("run")
def run_command(
    sources: Annotated[list[str], typer.Argument(help="Files or folders of PDF, HTML, Markdown or text documents, "
                                                      "URLs, or arxiv:ID.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the given documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
    offline: OfflineOpt = False,
    refresh: RefreshOpt = False,
) -> None:
    """Ingest documents, extract facts, merge model names, estimate, and write the tables."""
    try:
        result = run(sources, workspace, use_curated=not no_curated, config_dir=configs, overrides=overrides or [],
                     offline=offline, refresh=refresh)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    write_outputs(result, out, configs)
    show_summary(result, configs)
    report_failures(result)
    if result.failures:
        raise typer.Exit(1)


@app.command()
def demo(
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
) -> None:
    """Run on the sample corpus shipped with floptrail and say where the outputs are."""
    result = run([str(sample_corpus())], workspace)
    write_outputs(result, out, None)
    show_summary(result)
    report_failures(result)
    console.print(f"\nWrote {out / 'facts.csv'} ({len(result.facts)} facts), {out / 'estimates.csv'} "
                  f"({len(result.estimates)} models) and {out / 'methods.csv'} (every method's figure).")
    if result.failures:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    facts: Annotated[Path, typer.Option("--facts", help="A facts.csv written by `floptrail run`.", exists=True,
                                        dir_okay=False)],
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold facts, one JSON object per line.", exists=True,
                                              dir_okay=False)] = None,
    with_model: Annotated[bool, typer.Option("--with-model", help="The model must match too.")] = False,
    tol: Annotated[float, typer.Option("--tol", help="Relative tolerance on values.")] = 0.02,
    show: Annotated[int, typer.Option("--show", help="How many misses and extras to list (-1: all).")] = -1,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit 1 when overall F1 is below this.")] = None,
    annotations: Annotated[Path | None, typer.Option("--annotations", help="Reviewed annotation files as gold.",
                                                     exists=True, file_okay=False)] = None,
) -> None:
    """Precision, recall and F1 per kind against gold facts (a JSONL file, or reviewed annotation files),
    with the misses and extras and their quotes."""
    if (gold is None) == (annotations is None):
        err.print("give either --gold FILE or --annotations DIR")
        raise typer.Exit(2)
    truth = evaluate.load_gold(gold) if gold else evaluate.load_annotations(annotations)
    result = evaluate.score(truth, evaluate.load_predictions(facts), with_model, tol)
    table = Table(title=f"{facts} against {gold or annotations} ({'with model' if with_model else 'value only'})")
    frame = result.frame()
    for column in frame.columns:
        table.add_column(column, justify="left" if column == "kind" else "right")
    for row in frame.itertuples(index=False):
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    console.print(table)
    limit = None if show < 0 else show
    for label, items in (("MISS", result.misses[:limit]), ("EXTRA", result.extras[:limit])):
        for item in items:
            figure = item.hardware if item.kind == "hardware" else f"{item.value:.4g}"
            quote = " ".join(item.quote.split())[:140]
            console.print(f"{label:5} {item.doc} {item.kind} {figure} [{item.model}] | {quote}",
                          markup=False, highlight=False, soft_wrap=True)
    p, r, f = result.overall()
    console.print(f"overall ({'with model' if with_model else 'value only'}): P={p:.3f} R={r:.3f} F1={f:.3f}",
                  highlight=False)
    if min_f1 is not None and f < min_f1:
        raise typer.Exit(1)


@app.command()
def bench(
    sources: Annotated[list[str], typer.Argument(help="Files or folders of documents to time.")],
    configs: ConfigOpt = None,
) -> None:
    """Documents and pages per second for parsing and for extraction (the pipeline is built first)."""
    extractor = Extractor(load_extract_config(configs))
    times = benchmark(expand_sources(sources), extractor)
    table = Table(title=f"{times.documents} documents, {times.pages} pages, {times.facts} facts"
                        + (f", {times.failed} unreadable" if times.failed else ""))
    for column in ("stage", "seconds", "documents/s", "pages/s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for stage, seconds, docs, pages in times.rows():
        table.add_row(stage, f"{seconds:.2f}", f"{docs:.1f}", f"{pages:.1f}")
    console.print(table)


@scores_app.command("import")
def scores_import(
    files: Annotated[list[Path], typer.Argument(help="CSV files with columns model, benchmark, score[, date].")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    configs: ConfigOpt = None,
) -> None:
    """Keep leaderboard scores in the workspace; every later `floptrail run` there uses them."""
    failed = False
    for source, kept, notes in import_scores(files, workspace, configs):
        console.print(f"{source}: {kept} scores kept" + (f", {len(notes)} rows left out" if notes else ""),
                      highlight=False)
        for note in notes:
            err.print(f"  {source}: {note}", highlight=False)
        failed = failed or not kept
    if failed:
        raise typer.Exit(1)




@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File to write: .csv, .parquet, .json or .html.")],
    table: TableOpt = "estimates",
    since: Annotated[Path | None, typer.Option("--since", help="An earlier export of the same table: write "
                                                              "what changed beside OUT (.changes.csv).")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
) -> None:
    """Everything in the workspace, with review decisions applied, as one table; every number links to
    its evidence (fact ids, quotes, pages, sources)."""
    result = analyse_workspace(workspace, use_curated=not no_curated, config_dir=configs, overrides=overrides or [])
    estimates = estimates_table(result, configs)
    frames = {"estimates": estimates, "facts": facts_frame(result.facts), "methods": methods_frame(result.estimates),
              "models": models_frame(estimates, result.facts)}
    if table not in frames:
        err.print(f"unknown table {table!r}: use one of {', '.join(frames)}")
        raise typer.Exit(2)
    thresholds = load_estimate_config(configs).thresholds
    try:
        write_table(frames[table], out, html=(lambda f: report(f, thresholds)) if table == "estimates" else None)
    except ValueError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from None
    console.print(f"Wrote {out} ({len(frames[table])} rows)")
    if since is not None:
        changes = changes_frame(read_table(since), frames[table].astype(str), thresholds)
        target = out.with_suffix(".changes.csv")
        write_table(changes, target)
        console.print(f"{len(changes)} changes since {since}: {target}")
    for decision, reason in result.flagged:
        err.print(f"review again {decision.source}: {reason}", highlight=False)


@models_app.command("resolve")
def models_resolve(
    names: Annotated[list[str] | None, typer.Argument(help="Model names to resolve.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A file with one name per line.")] = None,
    configs: ConfigOpt = None,
) -> None:
    """Print each name with its canonical model, as CSV (name,model)."""
    given = list(names or [])
    if file is not None:
        given += [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    resolved = resolve_names(given, load_extract_config(configs).naming)
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["name", "model"])
    for name in given:
        writer.writerow([name, resolved[name]])


def estimates_table(result: RunResult, configs: Path | None) -> pd.DataFrame:
    naming = load_extract_config(configs).naming
    return estimates_frame(result.estimates, result.facts, load_estimate_config(configs).thresholds,
                           naming.organization_of)


def write_outputs(result: RunResult, out: Path, configs: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_csv(facts_frame(result.facts), out / "facts.csv")
    write_csv(estimates_table(result, configs), out / "estimates.csv")
    write_csv(methods_frame(result.estimates), out / "methods.csv")
    for decision, reason in result.flagged:
        err.print(f"[yellow]review again[/yellow] {decision.source}: {reason}", highlight=False)


def show_summary(result: RunResult, configs: Path | None = None) -> None:
    thresholds = load_estimate_config(configs).thresholds
    frame = estimates_frame(result.estimates, result.facts, thresholds)
    table = Table(title=f"{len(result.documents)} documents, {len(result.facts)} facts, {len(frame)} models")
    for column in ("model", "training FLOP", "interval", "method", "confidence",
                   *(f"vs {t:.0e}".replace("e+", "e") for t in thresholds), "flag"):
        table.add_column(column)
    for row in frame.fillna("").to_dict("records"):
        interval = f"{row['flop_low']} - {row['flop_high']}" if row["method"] else ""
        name = f"{row['model']} (variant)" if row["variant_of"] else row["model"]
        table.add_row(name, row["training_flop"], interval, row["method"], row["confidence"],
                      *(row[class_column(t)] for t in thresholds), "methods disagree" if row["disagreement"] else "")
    console.print(table)
    over = ", ".join(f"{count_over(result.estimates, t)} over {t:.0e}".replace("e+", "e") for t in thresholds)
    console.print(f"Models whose whole interval is over a threshold (base models once): {over}")


def report_failures(result: RunResult) -> None:
    for source, reason in result.failures:
        err.print(f"[red]failed[/red] {source}: {reason}")
    if result.failures:
        err.print(f"{len(result.failures)} of {len(result.failures) + len(result.documents)} documents failed; "
                  "the others were processed and stored.")
