"""`floptrail review`: annotation files out, people's decisions in, pages to review in a browser."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from floptrail.cli.common import ANNOTATIONS, REVIEW_PAGES, WorkspaceOpt, console, err

review_app = typer.Typer(help="Review extracted spans: annotation files out, decisions in.", no_args_is_help=True)


@review_app.command("export")
def review_export(
    out: Annotated[Path, typer.Option("--out", help="Folder for the annotation files.")] = ANNOTATIONS,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """One JSONL annotation file per document, and the same spans as Label Studio tasks."""
    from floptrail.review import export_annotations
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws:
        written = export_annotations(ws, out, doc)
    console.print(f"Wrote {len(written) - 1} annotation files to {out}/ and {written[-1]}; edit them, then run "
                  f"floptrail review import" + ("" if out == ANNOTATIONS else f" --from {out}"), markup=False,
                  highlight=False)


@review_app.command("import")
def review_import(
    files: Annotated[list[Path] | None, typer.Argument(
        metavar="[FILE]...", exists=True, dir_okay=False,
        help="Edited JSONL files or Label Studio JSON exports (default: the JSONL files in --from).")] = None,
    folder: Annotated[Path, typer.Option("--from", help="Where `review export` wrote the files.")] = ANNOTATIONS,
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who reviewed (when the file does not say).")] = "",
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Apply review decisions: accept, reject, correct, add. They override the machine on every later run."""
    from floptrail.annotations.files import AnnotationError
    from floptrail.review import annotation_files, import_annotations
    from floptrail.workspace import Workspace
    files = files or annotation_files(folder)
    if not files:
        err.print(f"no annotation files in {folder}/: run floptrail review export first, or name the files",
                  markup=False, highlight=False)
        raise typer.Exit(2)
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
    out: Annotated[Path, typer.Option("--out", help="Folder for the pages.")] = REVIEW_PAGES,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    annotations: Annotated[Path, typer.Option("--annotations", help="Where the annotation files are (each page "
                                                                    "names the file to edit).")] = ANNOTATIONS,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Each document with its spans highlighted (kind, value, model, status), and an index of review counts."""
    from floptrail.review_pages import write_review_pages
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws:
        index = write_review_pages(ws, out, doc, annotations)
    console.print(f"Wrote {index}", markup=False, highlight=False)
