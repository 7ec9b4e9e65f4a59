"""`floptrail energy`: per-request inference energy under a serving profile, the profiles, and the published
figures side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.cli.common import SetOpt, console

energy_app = typer.Typer(help="Energy: per-request inference, serving profiles, and published figures beside ours.",
                         no_args_is_help=True)

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


@energy_app.command("inference")
def inference_command(
    model: Annotated[str, typer.Option("--model", help="A model in configs/model_profiles.toml.")],
    input_tokens: Annotated[int, typer.Option("--input-tokens", help="Prompt tokens.")] = 1000,
    output_tokens: Annotated[int, typer.Option("--output-tokens", help="Visible output tokens.")] = 500,
    profile: Annotated[str, typer.Option("--profile", help="How it is served: api, batch or local "
                                                           "(configs/serving.toml).")] = "api",
    boundary: Annotated[str, typer.Option("--boundary", help="gpu, server (+ host), facility (+ PUE) or "
                                                             "fleet (+ idle capacity).")] = "facility",
    gpu: Annotated[str | None, typer.Option("--gpu", help="A chip in configs/chips.toml instead of the "
                                                          "profile's.")] = None,
    batch: Annotated[int | None, typer.Option("--batch", help="Sequences decoded together, instead of the "
                                                              "profile's.")] = None,
    cached: Annotated[int, typer.Option("--cached-tokens", help="Prompt tokens already in the prefix "
                                                                "cache.")] = 0,
    attention: Annotated[str, typer.Option("--attention", help="quadratic or linear")] = "quadratic",
    as_json: JsonOpt = False,
    overrides: SetOpt = None,
    results: Annotated[Path | None, typer.Option(
        "--results", help="A run's output folder: a model without a profile takes its parameters from facts.csv",
    )] = None,
) -> None:
    """Energy of one request: prefill compute-bound, each decode step the longer of compute and memory time."""
    from floptrail.energy import inference_wh
    try:
        r = inference_wh(model, input_tokens, output_tokens, profile, gpu, batch, boundary, attention, cached,
                         overrides=overrides or [], facts_csv=results / "facts.csv" if results else None)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(r))
        return
    a = r["assumptions"]
    typer.echo(f"{r['model']}, {input_tokens} in / {output_tokens} out ({r['generated_tokens']:g} generated), "
               f"{r['profile']} profile at the {r['boundary']} boundary: {r['wh']:.4f} Wh "
               f"(prefill {r['prefill_wh']:.4f}, decode {r['decode_wh']:.4f}; "
               f"{r['joules_per_output_token']:.3f} J per generated token)\n"
               f"  {r['gpus']} x {a['gpu']}, batch {r['batch']}, {a['weights']} weights, {a['kv_cache']} KV cache, "
               f"{a['power_per_gpu_w']:g} W per GPU at this boundary; a decode step {r['step_ms']:.1f} ms, "
               f"memory-bound {r['memory_bound_share']:.0%} of the time")


@energy_app.command("profiles")
def profiles_command(overrides: SetOpt = None, as_json: JsonOpt = False) -> None:
    """The serving profiles (configs/serving.toml): batch, number formats, GPUs, utilization, power, PUE."""
    from floptrail.energy import serving_profiles
    try:
        profiles = serving_profiles(overrides or [])
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps({name: vars(p) for name, p in profiles.items()}))
        return
    table = Table(title="Serving profiles (configs/serving.toml)")
    for column in ("profile", "what", "chip", "GPUs", "batch", "weights / KV", "compute / memory eff.",
                   "GPU power", "host", "idle", "PUE"):
        table.add_column(column)
    for p in profiles.values():
        table.add_row(p.name, p.description, p.chip, str(p.gpus_per_replica), str(p.batch),
                      f"{p.weights} / {p.kv_cache}", f"{p.compute_utilization:g} / {p.memory_efficiency:g}",
                      f"{p.gpu_power_share:g} x TDP", f"+{p.host_overhead:g}", f"+{p.idle_overhead:g}", f"{p.pue:g}")
    console.print(table)


@energy_app.command("anchors")
def anchors_command(overrides: SetOpt = None, as_json: JsonOpt = False) -> None:
    """Each published figure with its boundary, floptrail's at the same boundary, and the ratio."""
    from floptrail.energy import energy_anchors
    try:
        rows = energy_anchors(overrides=overrides or [])
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps([row.as_dict() for row in rows]))
        return
    for kind, title in (("inference", "Inference energy"), ("training", "Training energy")):
        table = Table(title=f"{title}: published beside floptrail at the same boundary", show_lines=True)
        for column in ("published", "boundary", "floptrail", "ratio", "how floptrail computes it", "what differs"):
            table.add_column(column)
        for row in (r for r in rows if r.kind == kind):
            published = f"{row.low:g}-{row.high:g}" if row.low is not None else number(row.published)
            mark = ("" if not row.check else " ok" if row.within else " MISS")
            table.add_row(f"{row.label}: {published} {row.unit}", row.boundary, f"{number(row.ours)} {row.unit}",
                          f"{row.ratio:.2f}{mark}", row.setup, row.differs + (f" GAP: {row.gap}" if row.gap else ""))
        console.print(table)
