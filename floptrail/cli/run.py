"""`floptrail run`, `demo` and `export`: the main job, and the workspace as one table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.cli.common import (
    AllowPrivateOpt,
    ConfigOpt,
    MaxWaitOpt,
    OfflineOpt,
    OutOpt,
    RefreshOpt,
    SetOpt,
    TableOpt,
    TimeoutOpt,
    WorkspaceOpt,
    console,
    err,
    failed,
)
from floptrail.corpus.fetch import Fetcher
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.variants import count_over
from floptrail.export import class_column, estimates_frame, export, write_outputs
from floptrail.run import RunResult, run, sample_corpus

MAIN = "Main commands"


def register(app: typer.Typer) -> None:
    app.command("run", rich_help_panel=MAIN)(run_command)
    app.command("demo", rich_help_panel=MAIN)(demo)
    app.command("export", rich_help_panel=MAIN)(export_command)


def run_command(
    sources: Annotated[list[str], typer.Argument(
        metavar="SOURCE...", help="Files or folders of PDF, HTML, Markdown or text documents, URLs, or arxiv:ID.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the given documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
    offline: OfflineOpt = False,
    refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0,
    max_wait: MaxWaitOpt = 60.0,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Ingest documents, extract facts, merge model names, estimate, and write the tables."""
    fetcher = Fetcher(timeout=timeout, max_wait=max_wait, allow_private=allow_private)
    try:
        result = run(sources, workspace, use_curated=not no_curated, config_dir=configs, overrides=overrides or [],
                     offline=offline, refresh=refresh, fetcher=fetcher)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    write_outputs(result, out, configs)
    show_flagged(result)
    show_summary(result, configs)
    report_failures(result)
    if result.failures:
        raise typer.Exit(1)


def demo(
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
) -> None:
    """Run on the sample corpus shipped with floptrail and say where the outputs are."""
    result = run([str(sample_corpus())], workspace)
    write_outputs(result, out, None)
    show_flagged(result)
    show_summary(result)
    report_failures(result)
    console.print(f"\nWrote {out / 'facts.csv'} ({len(result.facts)} facts), {out / 'estimates.csv'} "
                  f"({len(result.estimates)} models) and {out / 'methods.csv'} (every method's figure).")
    if result.failures:
        raise typer.Exit(1)


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
    try:
        done = export(workspace, out, table, since, use_curated=not no_curated, config_dir=configs,
                      overrides=overrides or [])
    except ValueError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from None
    console.print(f"Wrote {done.path} ({done.rows} rows)")
    if done.changes_path is not None:
        console.print(f"{done.changes} changes since {since}: {done.changes_path}")
    show_flagged(done.result)


def show_flagged(result: RunResult) -> None:
    for decision, reason in result.flagged:
        failed(decision.source, reason, "review again", "yellow")


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
    for source, warning in result.warnings:
        failed(source, warning, "warning", "yellow")
    for source, reason in result.failures:
        failed(source, reason)
    if result.failures:
        err.print(f"{len(result.failures)} of {len(result.failures) + len(result.documents)} documents failed; "
                  "the others were processed and stored.")
