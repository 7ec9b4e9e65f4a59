"""`floptrail eval`, `floptrail train confidence` and `floptrail bench`: extraction quality against gold facts,
the fact judge trained on them, and throughput."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.cli.common import ConfigOpt, console, err

MEASURE = "Measuring"


train_app = typer.Typer(help="Train the components learned from labelled documents.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command("eval", rich_help_panel=MEASURE)(eval_command)
    app.add_typer(train_app, name="train", rich_help_panel=MEASURE)
    app.command("bench", rich_help_panel=MEASURE)(bench)


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
    """Precision, recall and F1 per kind against gold facts (a JSONL file, or reviewed annotation files), with
    the misses and extras and their quotes."""
    from floptrail.evaluate import evaluate
    if (gold is None) == (annotations is None):
        err.print("give either --gold FILE or --annotations DIR")
        raise typer.Exit(2)
    result = evaluate(facts, gold, annotations, with_model, tol)
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
    show_calibration(result.calibration, "how often facts of each confidence are right")
    p, r, f = result.overall()
    console.print(f"overall ({'with model' if with_model else 'value only'}): P={p:.3f} R={r:.3f} F1={f:.3f}",
                  highlight=False)
    if min_f1 is not None and f < min_f1:
        raise typer.Exit(1)


def bench(
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE...", help="Files or folders of documents to time.")],
    configs: ConfigOpt = None,
    scale: Annotated[int, typer.Option("--scale", help="Read K distinct copies of the documents, to show how "
                                                       "cost grows with the corpus.")] = 1,
) -> None:
    """CPU and wall time per stage (build, parse, extract, store, analyse), documents and pages per CPU second,
    peak memory, and the wall time of `floptrail --help`. Unreadable documents are skipped with the reason."""
    from floptrail.bench import benchmark_sources, help_seconds
    try:
        b = benchmark_sources(sources, configs, scale)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    copies = f" ({scale} copies)" if scale > 1 else ""
    table = Table(title=f"{b.documents} documents{copies}, {b.pages} pages, {b.facts} facts"
                        + (f", {len(b.failures)} skipped" if b.failures else ""))
    for column in ("stage", "CPU s", "wall s", "documents/CPU s", "pages/CPU s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for stage, cpu, wall, docs, pages in b.rows():
        table.add_row(stage, f"{cpu:.2f}", f"{wall:.2f}", f"{docs:.1f}" if docs == docs else "",
                      f"{pages:.1f}" if pages == pages else "")
    console.print(table)
    per_doc = b.end_to_end().cpu / b.documents * 1000 if b.documents else 0.0
    console.print(f"end to end: {per_doc:.1f} ms of CPU per document; peak memory {b.peak_memory_mb:.0f} MB; "
                  f"floptrail --help {help_seconds():.2f} s wall (best of 3)", highlight=False)
    if scale > 1:
        first, *later = b.ms_per_document_by_copy()
        console.print(f"per document, by copy (CPU of parse, extract and store): first {first:.1f} ms; later copies "
                      f"median {statistics.median(later):.1f} ms ({min(later):.1f}-{max(later):.1f}), "
                      f"last {later[-1]:.1f} ms", highlight=False)
    for source, reason in b.failures:
        err.print(f"skipped {source}: {reason}", highlight=False, markup=False)


def show_calibration(rows: list[dict], title: str) -> None:
    if not any(row["facts"] for row in rows):
        return
    table = Table(title=title)
    for column in ("confidence", "facts", "right"):
        table.add_column(column, justify="left" if column == "confidence" else "right")
    for row in rows:
        table.add_row(row["confidence"], str(row["facts"]), "" if row["right"] is None else f"{row['right']:.3f}")
    console.print(table)


@train_app.command("confidence")
def train_confidence(
    docs: Annotated[list[Path], typer.Argument(metavar="DOCS...", help="Labelled documents (files or folders).")],
    gold: Annotated[Path, typer.Option("--gold", help="Their gold facts, one JSON object per line.", exists=True,
                                       dir_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="Where to write the model (configs/confidence.json to ship it; "
                                                    "a --configs folder to try it).")] = Path("confidence.json"),
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds, by document.")] = 8,
    configs: ConfigOpt = None,
) -> None:
    """Train the fact judge on labelled documents: prints its cross-validated figures by document (precision,
    recall and F1 before and after its threshold, and how often facts of each confidence are right), then
    writes the model fitted on every document."""
    from floptrail.confidence_training import save_model, train
    from floptrail.extract.config import load_extract_config
    from floptrail.run import expand_sources
    try:
        report = train(expand_sources([str(d) for d in docs]), gold, load_extract_config(configs), folds)
    except ValueError as exc:
        err.print(str(exc), highlight=False, markup=False)
        raise typer.Exit(2) from None
    console.print(f"{report.documents} documents, {report.candidates} candidate facts, {report.folds} folds "
                  "by document", highlight=False)
    for name, (p, r, f) in (("all candidates", report.before), (f"judged (>= {report.model.threshold:.2f})",
                                                                report.after)):
        console.print(f"cross-validated, {name}: P={p:.3f} R={r:.3f} F1={f:.3f}", highlight=False)
    show_calibration(report.calibration, "cross-validated: how often facts of each confidence are right")
    save_model(report.model, out)
    console.print(f"Wrote {out}", markup=False, highlight=False)
