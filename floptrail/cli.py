"""The `floptrail` command line: thin wrappers over functions usable from Python."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from floptrail.estimate.config import load_estimate_config
from floptrail.export import estimates_frame, facts_frame, write_csv
from floptrail.extract.canonical import resolve_names
from floptrail.extract.config import load_extract_config
from floptrail.run import RunResult, run

app = typer.Typer(help="Training-compute estimates for AI models, every number tied to its source.",
                  no_args_is_help=True, add_completion=False)
models_app = typer.Typer(help="Canonical model names.", no_args_is_help=True)
app.add_typer(models_app, name="models")
# piped output gets a wide fixed width so table rows stay whole for people grepping logs
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

WorkspaceOpt = Annotated[Path, typer.Option("--workspace", help="Workspace folder (catalog and raw files).")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder for facts.csv and estimates.csv.")]
ConfigOpt = Annotated[Path | None,
                      typer.Option("--configs", help="Folder of TOML configs replacing the built-in ones.")]


def sample_corpus() -> Path:
    return Path(str(resources.files("floptrail.corpus").joinpath("sample")))


@app.command("run")
def run_command(
    sources: Annotated[list[str], typer.Argument(help="Files or folders of PDF, HTML, Markdown or text documents.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the given documents only.")] = False,
    configs: ConfigOpt = None,
) -> None:
    """Ingest documents, extract facts, merge model names, estimate, and write the tables."""
    result = run(sources, workspace, use_curated=not no_curated, config_dir=configs)
    write_outputs(result, out, configs)
    show_summary(result)
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
    console.print(f"\nWrote {out / 'facts.csv'} ({len(result.facts)} facts) and {out / 'estimates.csv'} "
                  f"({len(result.estimates)} models).")
    if result.failures:
        raise typer.Exit(1)


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


def write_outputs(result: RunResult, out: Path, configs: Path | None) -> None:
    threshold = load_estimate_config(configs).threshold
    out.mkdir(parents=True, exist_ok=True)
    write_csv(facts_frame(result.facts), out / "facts.csv")
    write_csv(estimates_frame(result.estimates, result.facts, threshold), out / "estimates.csv")


def show_summary(result: RunResult) -> None:
    frame = estimates_frame(result.estimates, result.facts, 1e25)
    table = Table(title=f"{len(result.documents)} documents, {len(result.facts)} facts, {len(frame)} models")
    for column in ("model", "training FLOP", "interval", "method", "confidence", "vs 1e25"):
        table.add_column(column)
    for row in frame.fillna("").itertuples():
        interval = f"{row.flop_low} - {row.flop_high}" if row.method else ""
        table.add_row(row.model, row.training_flop, interval, row.method, row.confidence, row.threshold_class)
    console.print(table)


def report_failures(result: RunResult) -> None:
    for source, reason in result.failures:
        err.print(f"[red]failed[/red] {source}: {reason}")
    if result.failures:
        err.print(f"{len(result.failures)} of {len(result.failures) + len(result.documents)} documents failed; "
                  "the others were processed and stored.")
