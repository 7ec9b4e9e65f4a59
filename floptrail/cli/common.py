"""What every command module shares: the consoles and the option types."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

# piped output gets a wide fixed width so table rows stay whole for people grepping logs
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

WorkspaceOpt = Annotated[Path, typer.Option("--workspace", help="Workspace folder (catalog and raw files).")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder for facts.csv and estimates.csv.")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="Override an energy assumption: section.name=value "
                                                                 "(configs/energy.toml, configs/serving.toml).")]
ConfigOpt = Annotated[Path | None,
                      typer.Option("--configs", help="Folder of TOML configs replacing the built-in ones.")]
RefreshOpt = Annotated[bool, typer.Option("--refresh", help="Fetch again what the workspace already has.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Use the workspace only; fetch nothing.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a server.")]
HostDelayOpt = Annotated[float, typer.Option("--host-delay", help="Seconds between requests to one host.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Largest download accepted.")]
TableOpt = Annotated[str, typer.Option("--table", help="estimates, facts, models or methods.")]
