"""`floptrail scores`: leaderboard scores kept in the workspace, for the benchmark method."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from floptrail.cli.common import ConfigOpt, WorkspaceOpt, console, err

scores_app = typer.Typer(help="Benchmark scores from leaderboards, for the benchmark method.", no_args_is_help=True)


@scores_app.command("import")
def scores_import(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...",
                                                help="CSV files with columns model, benchmark, score[, date].")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    configs: ConfigOpt = None,
) -> None:
    """Keep leaderboard scores in the workspace; every later `floptrail run` there uses them."""
    from floptrail.run import import_scores
    failed = False
    for source, kept, notes in import_scores(files, workspace, configs):
        console.print(f"{source}: {kept} scores kept" + (f", {len(notes)} rows left out" if notes else ""),
                      highlight=False)
        for note in notes:
            err.print(f"  {source}: {note}", highlight=False)
        failed = failed or not kept
    if failed:
        raise typer.Exit(1)
