"""`floptrail reference`: Epoch AI's tables of models (CC-BY 4.0), the reference that names resolve against
and that forecast, validate and calibrate use when given no table."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from floptrail.cli.common import AllowPrivateOpt, MaxBytesOpt, TimeoutOpt, WorkspaceOpt, console, err, failed

reference_app = typer.Typer(help="Epoch AI's tables of models: the reference the study commands use.",
                            no_args_is_help=True)


@reference_app.command("update")
def reference_update(
    urls: Annotated[list[str] | None, typer.Option("--url", help="A table to download (Epoch's CSV columns); "
                                                                 "repeat for more, the first winning where two "
                                                                 "give a field. Default: Epoch AI's Notable and "
                                                                 "Large-Scale AI Models CSVs.",
                                                   show_default=False)] = None,
    workspace: WorkspaceOpt = Path(".floptrail"), timeout: TimeoutOpt = 120.0,
    max_bytes: MaxBytesOpt = 100_000_000, allow_private: AllowPrivateOpt = False,
) -> None:
    """Download Epoch AI's published tables into the workspace as its reference snapshot."""
    from floptrail.corpus.fetch import Fetcher
    from floptrail.epoch_tables import EPOCH_URLS, update_reference
    fetcher = Fetcher(timeout=timeout, max_bytes=max_bytes, allow_private=allow_private)
    report = update_reference(workspace, fetcher, urls or EPOCH_URLS)
    for url, reason in report.failures:
        failed(url, reason)
    if report.path is None:
        err.print("the reference was not updated: the commands keep using the one they used before",
                  highlight=False)
        raise typer.Exit(1)
    console.print(f"Wrote {report.path}: {report.models} models, {report.with_compute} with training compute, "
                  f"from {len(report.tables)} tables. Data: Epoch AI, 'Data on AI Models', CC-BY 4.0 "
                  "(credit Epoch AI).", highlight=False, soft_wrap=True)


@reference_app.command("show")
def reference_show(workspace: WorkspaceOpt = Path(".floptrail")) -> None:
    """Which table of Epoch's models the commands use here, how many models it has, and its credit."""
    from floptrail.epoch_tables import describe, reference_table
    console.print(describe(reference_table(workspace)), highlight=False, soft_wrap=True)
