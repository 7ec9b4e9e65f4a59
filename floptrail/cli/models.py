"""`floptrail models`: canonical model names."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer

from floptrail.cli.common import ConfigOpt

models_app = typer.Typer(help="Canonical model names.", no_args_is_help=True)


@models_app.command("resolve")
def models_resolve(
    names: Annotated[list[str] | None, typer.Argument(metavar="[NAME]...", help="Model names to resolve.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A file with one name per line.")] = None,
    configs: ConfigOpt = None,
) -> None:
    """Print each name with its canonical model, its family and its variant, as CSV (name,model,family,variant).
    A family name has no model; a name that names no model (a bare size, an organization) has neither."""
    from floptrail.run import canonical_names
    given = list(names or [])
    if file is not None:
        given += [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    resolved = canonical_names(given, configs)
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["name", "model", "family", "variant"])
    for name in given:
        r = resolved[name]
        writer.writerow([name, r.model, r.family, r.variant])
