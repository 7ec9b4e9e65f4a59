"""`floptrail review`: annotation files out, people's decisions in, pages to review in a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from floptrail.annotations.files import AnnotationError
from floptrail.cli.common import WorkspaceOpt, console, err
from floptrail.review import export_annotations, import_annotations, write_html
from floptrail.workspace import Workspace

review_app = typer.Typer(help="Review extracted spans: annotation files out, decisions in.", no_args_is_help=True)


@review_app.command("export")
def review_export(
    out: Annotated[Path | None, typer.Option("--out", help="Folder (default: annotations/ in the workspace).")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """One JSONL annotation file per document, and the same spans as Label Studio tasks."""
    folder = out or workspace / "annotations"
    with Workspace(workspace) as ws:
        written = export_annotations(ws, folder, doc)
    console.print(f"Wrote {len(written) - 1} annotation files and {written[-1]}", highlight=False)


@review_app.command("import")
def review_import(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", exists=True, dir_okay=False,
                                                help="Edited JSONL files or Label Studio JSON exports.")],
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who reviewed (when the file does not say).")] = "",
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Apply review decisions: accept, reject, correct, add. They override the machine on every later run."""
    with Workspace(workspace) as ws:
        try:
            counts = import_annotations(ws, files, reviewer)
        except AnnotationError as exc:
            err.print(f"nothing imported: {len(exc.problems)} problem{'s' * (len(exc.problems) != 1)}",
                      highlight=False)
            for problem in exc.problems:
                err.print(f"  {problem}", highlight=False)
            raise typer.Exit(1) from None
    for path, n in counts:
        console.print(f"{path}: {n} decisions", highlight=False)


@review_app.command("html")
def review_html(
    out: Annotated[Path | None, typer.Option("--out", help="Folder (default: review/ in the workspace).")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Each document with its spans highlighted (kind, value, model, status), and an index of review counts."""
    with Workspace(workspace) as ws:
        index = write_html(ws, out or workspace / "review", doc)
    console.print(f"Wrote {index}")
