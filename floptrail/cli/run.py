"""`floptrail run`, `demo` and `export`: the main job, and the workspace as one table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from floptrail.cli.common import (
    OUT,
    AllowPrivateOpt,
    ConfigOpt,
    MaxPagesOpt,
    MaxWaitOpt,
    OfflineOpt,
    OutOpt,
    ProgressReport,
    RefreshOpt,
    SetOpt,
    TableOpt,
    TimeoutOpt,
    VerboseOpt,
    WorkspaceOpt,
    console,
    err,
    failed,
)
from floptrail.corpus.pdf import MAX_PAGES  # light: the PDF libraries load when a PDF is read

if TYPE_CHECKING:
    from floptrail.run import RunResult

MAIN = "Main commands"


def register(app: typer.Typer) -> None:
    app.command("run", rich_help_panel=MAIN)(run_command)
    app.command("demo", rich_help_panel=MAIN)(demo)
    app.command("export", rich_help_panel=MAIN)(export_command)


def run_command(
    sources: Annotated[list[str], typer.Argument(
        metavar="SOURCE...", help="Files or folders of PDF, HTML, Markdown or text documents, URLs, or arxiv:ID.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = OUT,
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the given documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
    offline: OfflineOpt = False,
    refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0,
    max_wait: MaxWaitOpt = 60.0,
    allow_private: AllowPrivateOpt = False,
    verbose: VerboseOpt = False,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", envvar="FLOPTRAIL_JOBS", show_default=False,
                                             help="Worker processes that read documents (default: one per "
                                                  "core).")] = None,
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Read documents on the Dask cluster whose "
                                                  "scheduler is at this address (tcp://HOST:8786).")] = None,
    max_pages: MaxPagesOpt = MAX_PAGES,
) -> None:
    """Ingest documents, extract facts, merge model names, estimate, and write the tables."""
    from floptrail.workers import start_local_workers
    start_local_workers(jobs, scheduler)  # first: the workers' imports overlap this process's
    from floptrail.corpus.fetch import Fetcher
    from floptrail.export import write_outputs
    from floptrail.run import run
    fetcher = Fetcher(timeout=timeout, max_wait=max_wait, allow_private=allow_private)
    try:
        with ProgressReport("Reading documents", verbose) as progress:
            result = run(sources, workspace, use_curated=not no_curated, config_dir=configs,
                         overrides=overrides or [], offline=offline, refresh=refresh, fetcher=fetcher,
                         progress=progress, jobs=jobs, scheduler=scheduler,
                         max_pages=max_pages)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    written = write_outputs(result, out, configs)
    show_flagged(result)
    show_summary(result, configs)
    report_failures(result)
    show_written(written)
    if result.failures:
        raise typer.Exit(1)


def demo(
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = OUT,
    verbose: VerboseOpt = False,
) -> None:
    """Run on the sample corpus shipped with floptrail (copied to OUT/sample/) and say where the outputs are."""
    from floptrail.export import write_outputs
    from floptrail.run import copy_sample, run
    sample = copy_sample(out / "sample")
    with ProgressReport("Reading documents", verbose) as progress:
        result = run([str(sample)], workspace, progress=progress)
    written = write_outputs(result, out, None)
    show_flagged(result)
    show_summary(result)
    report_failures(result)
    console.print(f"\nThe {len(result.documents)} sample documents are in {sample}/.", markup=False, highlight=False)
    show_written(written)
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
    from floptrail.export import export
    try:
        done = export(workspace, out, table, since, use_curated=not no_curated, config_dir=configs,
                      overrides=overrides or [])
    except ValueError as exc:
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from None
    console.print(f"Wrote {done.path} ({done.rows} rows)", markup=False, highlight=False)
    if done.changes_path is not None:
        console.print(f"{done.changes} changes since {since}: {done.changes_path}", markup=False, highlight=False)
    show_flagged(done.result)


def show_written(written: dict[str, tuple[Path, int]]) -> None:
    what = {"estimates": "{} models with an estimate", "facts": "{} facts",
            "models": "{} models, variants and families, with their names", "methods": "every method's figure",
            "documents": "each document's models", "rejected": "{} readings not kept, with the reason"}
    files = [f"{path} ({what[name].format(rows)})" for name, (path, rows) in written.items()]
    console.print(f"Wrote {', '.join(files[:-1])} and {files[-1]}.", markup=False, highlight=False, soft_wrap=True)


def show_flagged(result: RunResult) -> None:
    for decision, reason in result.flagged:
        failed(decision.source, reason, "review again", "yellow")


# a terminal shows the models an analyst looks for first; a corpus's hundreds are read in the tables written
SUMMARY_ROWS = 25


def show_summary(result: RunResult, configs: Path | None = None) -> None:
    from floptrail.estimate.config import load_estimate_config
    from floptrail.estimate.variants import count_over
    from floptrail.export import cell_text, class_column, estimates_frame
    thresholds = load_estimate_config(configs).thresholds
    frame = estimates_frame(result.estimates, result.facts, thresholds)
    shown = frame.sort_values("training_flop", ascending=False, na_position="last", kind="stable").head(SUMMARY_ROWS)
    more = f"the {SUMMARY_ROWS} with the most training compute; all {len(frame)} are in estimates.csv"
    table = Table(title=f"{len(result.documents)} documents, {len(result.facts)} facts, {len(frame)} models",
                  caption=more if len(frame) > SUMMARY_ROWS else None)
    for column in ("model", "training FLOP", "interval", "method", "confidence",
                   *(f"vs {t:.0e}".replace("e+", "e") for t in thresholds), "flag"):
        table.add_column(column)
    for row in shown.to_dict("records"):
        row = {k: cell_text(v) for k, v in row.items()}
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
