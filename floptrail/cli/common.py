"""What every command module shares: the consoles, the option types, progress reporting, and what
happens when a command fails in a way nobody planned for. Exit codes: 0 all done, 1 some documents failed
(each named), 2 a usage error, 3 an internal error (one line on the screen, the traceback in a log file
whose path that line gives). A reader of the output that goes away (`floptrail ... | head`) ends the command
quietly with 1, as Click ends it."""

from __future__ import annotations

import math
import os
import sys
import tempfile
import traceback
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from typer.core import TyperGroup
from typer.exceptions import TyperException

# piped output gets a wide fixed width so table rows stay whole for people grepping logs; markup is off, so a
# file or model name such as "a[/x]b.md" prints as it is (styled lines opt in with markup=True and escape())
console = Console(width=None if sys.stdout.isatty() else 160, markup=False)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160, markup=False)
INTERNAL_ERROR = 3


def failed(name: str, reason: str, label: str = "failed", style: str = "red") -> None:
    """One line on stderr naming a document or URL and what went wrong with it."""
    err.print(f"[{style}]{label}[/{style}] {escape(name)}: {escape(reason)}", markup=True, highlight=False)


def error_log(exc: BaseException) -> Path:
    """Keep the traceback of an internal error in a file of its own; its path."""
    folder = Path(tempfile.gettempdir()) / "floptrail-errors"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.log"
    path.write_text(f"floptrail {' '.join(sys.argv[1:])}\n\n" + "".join(traceback.format_exception(exc)),
                    encoding="utf-8")
    return path


class GuardedGroup(TyperGroup):
    """The command group: a defect in any command ends in exit status 3 with one line and a log, never a
    traceback on the screen; a catalog locked for too long is said as such (exit 1)."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        # usage errors, --help, the commands' own exits, and a closed pipe, which Click ends quietly
        except (typer.Exit, typer.Abort, TyperException, BrokenPipeError):
            raise
        except Exception as exc:
            from floptrail.workspace import WorkspaceBusy  # imported here: `floptrail --help` needs no catalog

            if isinstance(exc, WorkspaceBusy):
                err.print(f"not done: {exc}", highlight=False)
                raise typer.Exit(1) from None
            path = error_log(exc)
            line = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
            err.print(f"internal error: {line} (the details are in {path})", highlight=False, soft_wrap=True)
            raise typer.Exit(INTERNAL_ERROR) from None

# the user's files, in one place beside the working folder: tables, annotation files to edit, review pages
OUT = Path("floptrail-out")
ANNOTATIONS = OUT / "annotations"
REVIEW_PAGES = OUT / "review"

WorkspaceOpt = Annotated[Path, typer.Option("--workspace", help="Workspace folder (catalog and raw files).")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder for facts.csv, estimates.csv and methods.csv.")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="Override an energy assumption: section.name=value "
                                                                 "(configs/energy.toml, configs/serving.toml).")]
ConfigOpt = Annotated[Path | None,
                      typer.Option("--configs", help="Folder of TOML configs replacing the built-in ones.")]
RefreshOpt = Annotated[bool, typer.Option("--refresh", help="Fetch again what the workspace already has.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Use the workspace only; fetch nothing.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds for a whole request: connect, redirects "
                                                             "and body.")]
MaxWaitOpt = Annotated[float, typer.Option("--max-wait", help="Longest Retry-After to honour, in seconds; a server "
                                                              "asking more fails the URL.")]
MaxPagesOpt = Annotated[int, typer.Option("--max-pages", help="Longest PDF read, in pages; a longer one fails with "
                                                               "its length.")]
AllowPrivateOpt = Annotated[bool, typer.Option("--allow-private", help="Fetch from loopback, private, link-local "
                                                                       "and reserved addresses too.")]
HostDelayOpt = Annotated[float, typer.Option("--host-delay", help="Seconds between requests to one host.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Largest download accepted.")]
TableOpt = Annotated[str, typer.Option("--table", help="estimates, facts, models, methods, documents or rejected.")]
VerboseOpt = Annotated[bool, typer.Option("--verbose", "-v", help="Name each document as it is read.")]


class ProgressReport:
    """Progress of a batch, called as progress(done, total, source): a bar on a terminal; in a log, a line at
    every tenth of the batch (every document with `verbose`), so a long run is never silent."""

    def __init__(self, description: str, verbose: bool = False):
        self.description, self.verbose = description, verbose
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            TextColumn("{task.fields[source]}", markup=False), console=err, transient=True,
                            ) if err.is_terminal else None
        self.task = None

    def __enter__(self) -> ProgressReport:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, done: int, total: int, source: str) -> None:
        if self.bar is not None:
            if self.task is None:
                self.task = self.bar.add_task(self.description, total=total, source="")
            self.bar.update(self.task, completed=done, source=source if self.verbose else "")
            return
        step = max(1, math.ceil(total / 10))
        if self.verbose or done % step == 0 or done == total:
            named = f": {source}" if self.verbose else ""
            err.print(f"{self.description} {done}/{total} ({100 * done // total}%){named}", markup=False,
                      highlight=False)


# where Epoch AI's table comes from, for a user who names a file that is not there
GET_EPOCH = ("Epoch AI publishes its Notable AI Models table (CC-BY 4.0, credit Epoch AI) at "
             "https://epoch.ai/data/notable-ai-models: download the CSV there and give its path, or leave the "
             "option out to use the reference table (`floptrail reference update` refreshes it)")


def epoch_table(given: Path | None, option: str, workspace: Path) -> Path:
    """The table of Epoch AI's models a study command reads: the file given (stopping with where to get one
    when it is not there), else the workspace's reference, else the one shipped; says which, with the credit."""
    if given is not None:
        if not given.is_file():
            err.print(f"{option} {given}: no such file. {GET_EPOCH}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2)
        return given
    from floptrail.epoch_tables import describe, reference_table
    path = reference_table(workspace)
    err.print(f"Epoch AI's models from {describe(path)}", markup=False, highlight=False, soft_wrap=True)
    return path
