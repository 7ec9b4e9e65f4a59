"""The `floptrail` command line: one module per command group, each a thin wrapper that parses arguments,
calls the library (floptrail.run, .export, .review, .energy, .forecast, .validate, .evaluate, ...) and prints.
Commands are listed in --help in the order a user meets them."""

from __future__ import annotations

import typer

from floptrail.cli import analysis, evaluation, run
from floptrail.cli.common import GuardedGroup
from floptrail.cli.corpus import corpus_app, fetch_app
from floptrail.cli.energy import energy_app
from floptrail.cli.models import models_app
from floptrail.cli.reference import reference_app
from floptrail.cli.review import review_app
from floptrail.cli.scores import scores_app

app = typer.Typer(help="Training-compute estimates for AI models, every number tied to its source.",
                  no_args_is_help=True, add_completion=False, cls=GuardedGroup)

run.register(app)
app.add_typer(fetch_app, name="fetch", rich_help_panel="Documents")
app.add_typer(corpus_app, name="corpus", rich_help_panel="Documents")
app.add_typer(review_app, name="review", rich_help_panel="Review")
app.add_typer(models_app, name="models", rich_help_panel="Models and data")
app.add_typer(reference_app, name="reference", rich_help_panel="Models and data")
app.add_typer(scores_app, name="scores", rich_help_panel="Models and data")
app.add_typer(energy_app, name="energy", rich_help_panel="Models and data")
analysis.register(app)
evaluation.register(app)

__all__ = ["app"]
