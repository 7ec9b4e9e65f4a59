"""The study commands: validate against published compute, calibrate (floptrail.cli.calibrate), forecast counts."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from floptrail.cli.calibrate import calibrate_app
from floptrail.cli.common import OUT, ConfigOpt, WorkspaceOpt, console, epoch_table, err

if TYPE_CHECKING:
    import pandas as pd

STUDY = "Studies"


def register(app: typer.Typer) -> None:
    app.command("validate", rich_help_panel=STUDY)(validate_command)
    app.add_typer(calibrate_app, name="calibrate", rich_help_panel=STUDY)
    app.command("forecast", rich_help_panel=STUDY)(forecast_command)


def validate_command(
    against: Annotated[Path | None, typer.Option("--against", help="Published compute table (Epoch's or our "
                                                                   "columns). Default: the workspace's Epoch AI "
                                                                   "table, else the one shipped.",
                                                 dir_okay=False, show_default=False)] = None,
    results: Annotated[Path, typer.Option("--results", help="Folder with estimates.csv and methods.csv.",
                                          exists=True, file_okay=False)] = OUT,
    out: Annotated[Path | None, typer.Option("--out", help="Write the paired models to this CSV.")] = None,
    configs: ConfigOpt = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Our estimates against published figures: per-model ratios, error, class agreement, interval coverage."""
    from floptrail.estimate.records import sci
    from floptrail.export import write_csv
    from floptrail.validate import validate_results
    against = epoch_table(against, "--against", workspace)
    v = validate_results(against, results, configs)
    table = Table(title=f"{results / 'estimates.csv'} against {against}")
    for column in ("model", "reference", "ours", "theirs", "ratio", "method", "our class", "their class"):
        table.add_column(column)
    for r in v.pairs.itertuples():
        table.add_row(r.model, r.reference_model, sci(r.ours), sci(r.theirs), f"{r.ratio:.2f}", r.method,
                      r.our_class, r.their_class)
    console.print(table)
    console.print(method_table(v.method_summary(), "Every method's figure against the published one"))
    console.print(method_table(v.method_summary(by_era=True), "By era of publication"))
    for label, stated_only in (("all paired models", False), ("estimates from stated facts", True)):
        s = v.summary(stated_only)
        if s["paired"]:
            console.print(f"{label}: paired={s['paired']} median error {s['median_factor']:.2f}x "
                          f"within 2x {s['within_2x']:.2f} within 3x {s['within_3x']:.2f} "
                          f"90% interval coverage {s['coverage']:.2f} class agreement {s['class_agreement']:.2f}; "
                          f"where the published value is over 2x from {sci(v.threshold)}: "
                          f"{s['clear_agreement']:.2f} of {s['clear_pairs']} ({s['clear_uncertain']} uncertain, "
                          f"{s['clear_opposite']} on the other side)", highlight=False, soft_wrap=True)
    misses = v.clear_misses()
    if len(misses):
        console.print("clear cases without the published class: " + "; ".join(
            f"{r.model} {r.method} {sci(r.ours)} ({sci(r.low)}-{sci(r.high)}) {r.our_class}, published "
            f"{sci(r.theirs)}" for r in misses.itertuples()), highlight=False, soft_wrap=True)
    console.print(f"they list, we lack: {len(v.only_theirs)}; we have, they lack: {', '.join(v.only_ours) or '-'}",
                  highlight=False, soft_wrap=True)
    if out is not None:
        write_csv(v.pairs, out)


def method_table(summary: pd.DataFrame, title: str) -> Table:
    table = Table(title=title)
    keys = [c for c in ("method", "era") if c in summary.columns]
    for column in (*keys, "pairs", "median error", "within 2x", "90% interval holds"):
        table.add_column(column)
    for r in summary.to_dict("records"):
        table.add_row(*(str(r[k]) for k in keys), str(r["paired"]), f"{r['median_factor']:.2f}x",
                      f"{r['within_2x']:.2f}", f"{r['coverage']:.2f}")
    return table


def forecast_command(
    from_estimates: Annotated[Path | None, typer.Option("--from", help="An estimates.csv of floptrail's.",
                                                        exists=True, dir_okay=False)] = None,
    from_epoch: Annotated[Path | None, typer.Option("--from-epoch", help="Epoch AI's Notable AI Models CSV. "
                                                                         "Without it or --from: the workspace's "
                                                                         "Epoch AI table, else the one shipped.",
                                                    dir_okay=False)] = None,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="A scenario TOML (default: the published "
                                                                     "baseline, configs/scenarios/).")] = None,
    runs: Annotated[int, typer.Option("--runs", help="Monte Carlo runs.")] = 1000,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same counts.")] = 0,
    out: Annotated[Path, typer.Option("--out", help="Folder for counts.csv, frontier.csv and plots.")] = Path(
        "forecast"),
    backtest_until: Annotated[int | None, typer.Option("--backtest", help="Fit up to this year and check the "
                                                                          "years after it.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """How many models will be over each compute threshold by the end of each year (5th, 50th, 95th pct)."""
    from floptrail.estimate.records import sci
    from floptrail.forecast import (
        MIN_MODELS_TO_FIT,
        PUBLISHED,
        ScenarioError,
        backtest,
        default_scenario,
        forecast_to,
        load_scenario,
        read_models,
    )
    source = from_estimates or epoch_table(from_epoch, "--from-epoch", workspace)
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
    for column in ("threshold", "year", "p5", "p50", "p95", "published (Epoch AI baseline)", f"in {source.name}"):
        table.add_column(column)
    for r in result.counts.itertuples():
        published = PUBLISHED.get((r.threshold, r.year))
        table.add_row(r.threshold, str(r.year), str(r.p5), str(r.p50), str(r.p95),
                      f"{published[1]} [{published[0]}-{published[2]}]" if published else "", str(r.observed))
    console.print(table)
    scenario = result.scenario
    first, last = scenario.fit_years
    if result.fitted_k:
        ks = ", ".join(f"{y}: {k:.2f}" for y, k in sorted(result.fitted_k.items()))
        console.print(f"fitted allocation gradient k by year: {ks}", highlight=False)
    else:
        console.print(f"no year in {first}-{last} has {MIN_MODELS_TO_FIT} models with a date and compute in "
                      f"{source.name}, so no allocation gradient was fitted; the runs draw k from the scenario's "
                      f"range {scenario.k_range[0]}-{scenario.k_range[1]}", markup=False, highlight=False,
                      soft_wrap=True)
    console.print(f"The projection starts from the scenario's {scenario.base_year} (largest model "
                  f"{sci(scenario.base_largest_flop)} FLOP at {scenario.base_largest_share:.0%} of that year's "
                  f"training compute); {source.name} gives the models before {scenario.base_year} and, in the last "
                  "column, its own counts.", markup=False, highlight=False, soft_wrap=True)
    counts, frontier, *plots = done.written
    console.print(f"Wrote {counts}, {frontier} and {', '.join(p.name for p in plots)}", highlight=False)
