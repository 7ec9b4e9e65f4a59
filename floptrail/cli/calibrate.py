"""`floptrail calibrate`: remeasure what the estimates assume, from published data: benchmark curves,
each method's error and the choice between methods, utilization by hardware generation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.cli.common import ConfigOpt, WorkspaceOpt, console, epoch_table, err

calibrate_app = typer.Typer(help="Remeasure curves, method errors and utilization from published data.",
                            no_args_is_help=True)
TablesOpt = Annotated[list[Path] | None, typer.Option("--table", help="Epoch AI's model table (CSV); repeat for "
                                                                      "more.", exists=True, dir_okay=False)]


@calibrate_app.command("curves")
def curves(
    source: Annotated[Path, typer.Option("--from", help="CSV: model, training_compute_flop, benchmark, score[, date].",
                                         exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="Where to write the fitted curves (put it in your --configs "
                                                    "folder).")] = Path("benchmark_curves.toml"),
    configs: ConfigOpt = None,
) -> None:
    """Fit benchmark -> compute curves and print each one's leave-one-out error."""
    from floptrail.calibrate import calibrate as fit_curves
    from floptrail.calibrate import write_curves
    from floptrail.extract.config import read_toml
    result = fit_curves(source, read_toml("benchmarks.toml", configs))
    table = Table(title=f"Curves fitted on {source} ({result.rows} rows); errors leave each model out")
    for column in ("curve", "form", "models", "median error", "90th pct error", "log10 FLOP per year"):
        table.add_column(column)
    for name, c in sorted(result.curves.items()):
        table.add_row(name, c.form, str(c.n), f"{c.loo_median_factor:.2f}x", f"{c.loo_p90_factor:.2f}x",
                      f"{c.year_coef:+.2f}" if c.dated else "")
    combined = result.combined
    if combined.get("models"):
        table.add_row("median of a model's benchmarks", "", str(combined["models"]),
                      f"{combined['loo_median_factor']:.2f}x", f"{combined['loo_p90_factor']:.2f}x", "")
    console.print(table)
    write_curves(result, out)
    console.print(f"Wrote {out}")


@calibrate_app.command("methods")
def methods(
    results: Annotated[list[Path], typer.Option("--results", help="A run's output folder (estimates.csv, "
                                                                  "methods.csv); repeat for more.",
                                                exists=True, file_okay=False)],
    against: Annotated[Path | None, typer.Option("--against", help="Published compute table (Epoch's or our "
                                                                   "columns). Default: the workspace's Epoch AI "
                                                                   "table, else the one shipped.",
                                                 dir_okay=False, show_default=False)] = None,
    tables: TablesOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write methods.toml.")] = Path("methods.toml"),
    configs: ConfigOpt = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Each method's error against published figures (overall and by era), both ways of choosing among
    methods replayed and the better kept; with --table, the name heuristic's tokens per parameter refitted."""
    from floptrail.calibrate_methods import calibrate_methods_to
    against = epoch_table(against, "--against", workspace)
    try:
        result = calibrate_methods_to(results, against, out, tables or [], configs)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    table = Table(title=f"Each method's figures against {against.name}")
    for column in ("method", "pairs", "median error", "within 2x", "bias (log10)", "5th-95th pct (log10)",
                   "interval held", "by era"):
        table.add_column(column)
    for name, m in sorted(result.measured.items()):
        table.add_row(name, str(m["pairs"]), f"{m['median_factor']:.2f}x", f"{m['within_2x']:.2f}",
                      f"{m['bias']:+.3f}", f"{m['p5']:+.2f} to {m['p95']:+.2f}", f"{m['coverage']:.2f}",
                      ", ".join(f"{era} {f:.2f}x" for era, f in m["by_era"].items()))
    console.print(table)
    for name, f in result.policies.items():
        console.print(f"policy {name}: {f.get('paired', 0)} models, median error {f.get('median_factor', 0):.3f}x, "
                      f"within 2x {f.get('within_2x', 0):.2f}, 90% coverage {f.get('coverage', 0):.2f}",
                      highlight=False)
    console.print(f"kept: {result.winner}", highlight=False)
    if result.heuristic:
        h = result.heuristic
        console.print(f"tokens per parameter = 10^({h['intercept']} + {h['per_year']} x (year - 2020) + "
                      f"{h['per_log10_size']} x log10(N / 1e9)), 90% of {h['models']} models within "
                      f"10^{h['residual_low']} to 10^{h['residual_high']}", highlight=False)
    console.print(f"Wrote {out}")


@calibrate_app.command("utilization")
def utilization(
    tables: TablesOpt = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write utilization.toml.")] = Path("utilization.toml"),
    configs: ConfigOpt = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Model FLOP utilization by hardware generation, from the MFUs stated in Epoch AI's tables (default: the
    workspace's reference table, else the one shipped)."""
    from floptrail.utilization import measure_utilization_to
    tables = tables or [epoch_table(None, "--table", workspace)]
    try:
        fit = measure_utilization_to(tables, out, configs)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    table = Table(title=f"Stated MFUs by hardware generation ({len(fit.runs)} runs)")
    for column in ("generation", "chips", "runs", "median", "90% interval"):
        table.add_column(column)
    for name, g in fit.generations.items():
        table.add_row(name, ", ".join(g["chips"]), str(g.get("runs", 0)), str(g.get("median", "-")),
                      f"{g['low']}-{g['high']}" if "low" in g else "-")
    console.print(table)
    if fit.unplaced:
        console.print(f"not placed: {'; '.join(fit.unplaced)}", highlight=False, soft_wrap=True)
    console.print(f"Wrote {out}")
