"""`floptrail models`: canonical model names."""

from __future__ import annotations

import csv
import sys
from pathlib import Path
from typing import Annotated

import typer

from floptrail.cli.common import ConfigOpt, WorkspaceOpt, console, err

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


@models_app.command("score")
def models_score(
    file: Annotated[Path, typer.Argument(help="A CSV of labelled spellings: model,spelling (more columns are "
                                              "ignored).")],
    configs: ConfigOpt = None,
) -> None:
    """Resolve labelled spellings together and print pairwise precision, recall and F1, with every false merge
    (two models made one) and every missed pair (one model left apart)."""
    from floptrail.spellings import score_spellings
    try:
        result = score_spellings(file, configs)
    except ValueError as exc:
        err.print(str(exc), markup=False, highlight=False)
        raise typer.Exit(2) from None
    s = result.score
    console.print(f"{result.spellings} spellings of {result.models} models: pairwise precision {s.precision:.3f}, "
                  f"recall {s.recall:.3f}, F1 {s.f1:.3f}; {len(s.false_merges)} false merges, {len(s.missed)} "
                  "missed pairs", markup=False, highlight=False)
    for title, pairs in (("false merge", s.false_merges), ("missed", s.missed)):
        for a, b in pairs:
            console.print(f"  {title}: {a} | {b}", markup=False, highlight=False, soft_wrap=True)


@models_app.command("list")
def models_list(
    from_leaderboards: Annotated[bool, typer.Option("--from-leaderboards", help="The models the fetched leaderboards "
                                                                                 "name that no document estimates "
                                                                                 "yet.")] = False,
    everything: Annotated[bool, typer.Option("--all", help="With --from-leaderboards: every leaderboard model, "
                                                           "estimated or not.")] = False,
    workspace: WorkspaceOpt = Path(".floptrail"),
    configs: ConfigOpt = None,
) -> None:
    """The workspace's models with their estimates; with --from-leaderboards, the leaderboards' models that no
    document estimates yet (the ones that might be over a threshold unseen), largest guess first."""
    from rich.table import Table

    from floptrail.estimate.records import sci
    if from_leaderboards:
        from floptrail.run import leaderboard_status
        status = leaderboard_status(workspace, configs)
        missing = status[status["status"] != "documents"]
        shown = (status if everything else missing).sort_values("training_flop", ascending=False, na_position="last")
        table = Table(title=f"Leaderboard models in {workspace}")
        for column in ("model", "as written", "scores", "estimate", "method", "from"):
            table.add_column(column, overflow="fold")
        for r in shown.to_dict("records"):
            flop = sci(r["training_flop"]) if r["training_flop"] == r["training_flop"] and r["training_flop"] else ""
            table.add_row(r["model"], r["names"], r["scores"], flop, r["method"], r["status"])
        console.print(table)
        console.print(f"{len(missing)} of the {len(status)} leaderboard models have no estimate from documents",
                      highlight=False)
        return
    from floptrail.export import estimates_table
    from floptrail.run import analyse_workspace
    frame = estimates_table(analyse_workspace(workspace, config_dir=configs))
    table = Table(title=f"{len(frame)} models in {workspace}")
    for column in ("model", "variant of", "training FLOP", "method"):
        table.add_column(column, overflow="fold")
    for r in frame.to_dict("records"):
        table.add_row(r["model"], r["variant_of"] or "", sci(r["training_flop"]), r["method"])
    console.print(table)
