"""`floptrail energy`: per-request inference energy, and the published figures side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from floptrail.cli.common import console
from floptrail.energy import decode_anchors, inference_anchors, inference_wh, training_anchors

energy_app = typer.Typer(help="Energy: per-request inference, and calibration against published figures.",
                         no_args_is_help=True)


@energy_app.command("inference")
def inference_command(
    model: Annotated[str, typer.Option("--model", help="A model in configs/model_profiles.toml.")],
    input_tokens: Annotated[int, typer.Option("--input-tokens", help="Prompt tokens.")] = 1000,
    output_tokens: Annotated[int, typer.Option("--output-tokens", help="Generated tokens.")] = 500,
    gpu: Annotated[str, typer.Option("--gpu", help="A chip in configs/chips.toml.")] = "H100",
    attention: Annotated[str, typer.Option("--attention", help="quadratic or linear")] = "quadratic",
    batch: Annotated[int, typer.Option("--batch", help="Requests decoded together.")] = 64,
    boundary: Annotated[str, typer.Option("--boundary", help="gpu, server or facility")] = "facility",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    overrides: Annotated[list[str] | None, typer.Option("--set", help="section.name=value, e.g. "
                                                                       "inference.pue=1.1")] = None,
    results: Annotated[Path | None, typer.Option(
        "--results", help="A run's output folder: a model without a profile takes its parameters from facts.csv",
    )] = None,
) -> None:
    """Energy of one request: prefill and decode FLOPs, utilization, power at the chosen boundary."""
    try:
        result = inference_wh(model, input_tokens, output_tokens, gpu, attention, batch, boundary, overrides or [],
                              results / "facts.csv" if results else None)
    except ValueError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(result))
        return
    typer.echo(f"{model}, {input_tokens} in / {output_tokens} out on {gpu} (batch {batch}, {boundary} boundary): "
               f"{result['wh']:.4f} Wh (prefill {result['prefill_wh']:.4f}, decode {result['decode_wh']:.4f}); "
               f"{result['flops']:.3g} FLOP on {result['gpus']} GPUs")


@energy_app.command("anchors")
def anchors_command() -> None:
    """floptrail's figures next to published ones, at the shape and boundary each was measured."""
    table = Table(title="Inference energy per request")
    for column in ("published figure", "floptrail", "boundary", "shape"):
        table.add_column(column)
    for r in inference_anchors():
        table.add_row(f"{r['label']}: {r['published']}", f"{r['wh']:.3f} Wh ({r['dense_wh']:.3f} if served like a "
                      "dense model)", r["boundary"], f"{r['input_tokens']} in / {r['output_tokens']} out")
    console.print(table)
    decode = Table(title="Decode energy per output token, GPU only")
    for column in ("published (J/token)", "floptrail (J/token)", "ratio"):
        decode.add_column(column)
    for r in decode_anchors():
        decode.add_row(f"{r['label']}: {r['published_j']}", f"{r['j_per_token']:.3f}", f"{r['ratio']:.2f}")
    console.print(decode)
    training = Table(title="Training energy")
    for column in ("published", "floptrail (MWh)", "from"):
        training.add_column(column)
    for r in training_anchors():
        training.add_row(r["label"], f"{r['mwh']:,.0f}", f"{r['from']}, {r['power_w']:g} W, PUE {r['pue']}")
    console.print(training)
