"""The study commands: validate against published compute, calibrate benchmark curves, forecast counts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.calibrate import calibrate as fit_curves
from floptrail.calibrate import write_curves
from floptrail.cli.common import ConfigOpt, console, err
from floptrail.estimate.records import sci
from floptrail.export import write_csv
from floptrail.extract.config import read_toml
from floptrail.forecast import (
    PUBLISHED,
    ScenarioError,
    backtest,
    default_scenario,
    forecast_to,
    load_scenario,
    read_models,
)
from floptrail.validate import FROM_FACTS, validate_results

STUDY = "Studies"


def register(app: typer.Typer) -> None:
    app.command("validate", rich_help_panel=STUDY)(validate_command)
    app.command("calibrate", rich_help_panel=STUDY)(calibrate)
    app.command("forecast", rich_help_panel=STUDY)(forecast_command)


def validate_command(
    against: Annotated[Path, typer.Option("--against", help="Published compute table (Epoch's or our columns).",
                                          exists=True, dir_okay=False)],
    results: Annotated[Path, typer.Option("--results", help="Folder with estimates.csv and methods.csv.",
                                          exists=True, file_okay=False)] = Path("floptrail-out"),
    out: Annotated[Path | None, typer.Option("--out", help="Write the paired models to this CSV.")] = None,
    configs: ConfigOpt = None,
) -> None:
    """Our estimates against published figures: per-model ratios, error, class agreement, interval coverage."""
    v = validate_results(against, results, configs)
    table = Table(title=f"{results / 'estimates.csv'} against {against}")
    for column in ("model", "reference", "ours", "theirs", "ratio", "method", "our class", "their class"):
        table.add_column(column)
    for r in v.pairs.itertuples():
        table.add_row(r.model, r.reference_model, sci(r.ours), sci(r.theirs), f"{r.ratio:.2f}", r.method,
                      r.our_class, r.their_class)
    console.print(table)
    for label, methods in (("", None), ("from stated facts: ", FROM_FACTS)):
        summary = v.summary(methods)
        if summary["paired"]:
            console.print(f"{label}paired={summary['paired']} median error {summary['median_factor']:.2f}x "
                          f"within 2x {summary['within_2x']:.2f} within 3x {summary['within_3x']:.2f} "
                          f"class agreement {summary['class_agreement']:.2f}", highlight=False)
    for method, (inside, total) in sorted(v.coverage.items()):
        console.print(f"{method:11} 90% interval holds the published value {inside}/{total}", highlight=False)
    console.print(f"they list, we lack: {len(v.only_theirs)}; we have, they lack: {', '.join(v.only_ours) or '-'}",
                  highlight=False, soft_wrap=True)
    if out is not None:
        write_csv(v.pairs, out)


def calibrate(
    source: Annotated[Path, typer.Option("--from", help="CSV: model, training_compute_flop, benchmark, score[, date].",
                                         exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option("--out", help="Where to write the fitted curves (put it in your --configs "
                                                    "folder).")] = Path("benchmark_curves.toml"),
    configs: ConfigOpt = None,
) -> None:
    """Fit benchmark -> compute curves and print each one's leave-one-out error."""
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


def forecast_command(
    from_estimates: Annotated[Path | None, typer.Option("--from", help="An estimates.csv of floptrail's.",
                                                        exists=True, dir_okay=False)] = None,
    from_epoch: Annotated[Path | None, typer.Option("--from-epoch", help="Epoch's Notable AI Models CSV.",
                                                    exists=True, dir_okay=False)] = None,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="A scenario TOML (default: the published "
                                                                     "baseline, configs/scenarios/).")] = None,
    runs: Annotated[int, typer.Option("--runs", help="Monte Carlo runs.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same counts.")] = 0,
    out: Annotated[Path, typer.Option("--out", help="Folder for counts.csv, frontier.csv and plots.")] = Path(
        "forecast"),
    backtest_until: Annotated[int | None, typer.Option("--backtest", help="Fit up to this year and check the "
                                                                          "years after it.")] = None,
) -> None:
    """How many models will be over each compute threshold by the end of each year (5th, 50th, 95th pct)."""
    source = from_estimates or from_epoch
    if source is None:
        err.print("give --from estimates.csv or --from-epoch FILE.csv")
        raise typer.Exit(2)
    try:
        if backtest_until is not None:
            chosen, models = load_scenario(scenario or default_scenario()), read_models(source)
        else:
            done = forecast_to(out, source, scenario, runs, seed)
    except (ScenarioError, ValueError) as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    if backtest_until is not None:
        check = backtest(models, chosen, backtest_until, (1e23, 1e24, 1e25), min(runs, 500), seed)
        table = Table(title=f"Backtest: fit up to {backtest_until}, scenario {chosen.name}, seed {seed}")
        for column in check.columns:
            table.add_column(column)
        for row in check.itertuples(index=False):
            table.add_row(*map(str, row))
        console.print(table)
        console.print(f"{int(check['inside'].sum())} of {len(check)} observed counts inside the 90% intervals")
        return
    result = done.result
    table = Table(title=f"Models above each threshold by year end: scenario {result.scenario.name}, seed {seed}, "
                        f"{runs} runs, data {source.name}")
    for column in ("threshold", "year", "p5", "p50", "p95", "published (Epoch AI baseline)"):
        table.add_column(column)
    for r in result.counts.itertuples():
        published = PUBLISHED.get((r.threshold, r.year))
        table.add_row(r.threshold, str(r.year), str(r.p5), str(r.p50), str(r.p95),
                      f"{published[1]} [{published[0]}-{published[2]}]" if published else "")
    console.print(table)
    ks = ", ".join(f"{y}: {k:.2f}" for y, k in sorted(result.fitted_k.items()))
    console.print(f"fitted allocation gradient k by year: {ks}", highlight=False)
    counts, frontier, *plots = done.written
    console.print(f"Wrote {counts}, {frontier} and {', '.join(p.name for p in plots)}", highlight=False)
