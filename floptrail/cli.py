"""The `floptrail` command line: thin wrappers over functions usable from Python."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from floptrail import evaluate
from floptrail.annotations.files import AnnotationError
from floptrail.bench import benchmark
from floptrail.calibrate import calibrate as fit_curves
from floptrail.calibrate import write_curves
from floptrail.corpus.fetch import Fetcher
from floptrail.energy_cli import energy_app
from floptrail.estimate.config import load_estimate_config
from floptrail.estimate.records import sci
from floptrail.estimate.variants import count_over
from floptrail.export import (
    changes_frame,
    class_column,
    estimates_frame,
    facts_frame,
    methods_frame,
    models_frame,
    read_table,
    write_csv,
    write_table,
)
from floptrail.extract.canonical import resolve_names
from floptrail.extract.config import load_extract_config, read_toml
from floptrail.extract.facts import Extractor
from floptrail.fetching import ARXIV_API, ARXIV_DELAY, Fetching, FetchReport
from floptrail.forecast import PUBLISHED, ScenarioError, backtest, load_scenario, read_models, write_plots
from floptrail.forecast import forecast as run_forecast
from floptrail.report import report
from floptrail.review import export_annotations, import_annotations, write_html
from floptrail.run import RunResult, analyse_workspace, expand_sources, extractor_version, import_scores, run
from floptrail.validate import FROM_FACTS, read_reference, validate
from floptrail.workspace import Workspace

app = typer.Typer(help="Training-compute estimates for AI models, every number tied to its source.",
                  no_args_is_help=True, add_completion=False)
models_app = typer.Typer(help="Canonical model names.", no_args_is_help=True)
app.add_typer(models_app, name="models")
app.add_typer(energy_app, name="energy")
fetch_app = typer.Typer(help="Fetch documents from the web into the workspace.", no_args_is_help=True)
app.add_typer(fetch_app, name="fetch")
corpus_app = typer.Typer(help="What the workspace holds.", no_args_is_help=True)
app.add_typer(corpus_app, name="corpus")
review_app = typer.Typer(help="Review extracted spans: annotation files out, decisions in.", no_args_is_help=True)
app.add_typer(review_app, name="review")
scores_app = typer.Typer(help="Benchmark scores from leaderboards, for the benchmark method.", no_args_is_help=True)
app.add_typer(scores_app, name="scores")
# piped output gets a wide fixed width so table rows stay whole for people grepping logs
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True, width=None if sys.stderr.isatty() else 160)

WorkspaceOpt = Annotated[Path, typer.Option("--workspace", help="Workspace folder (catalog and raw files).")]
OutOpt = Annotated[Path, typer.Option("--out", help="Folder for facts.csv and estimates.csv.")]
SetOpt = Annotated[list[str] | None, typer.Option("--set", help="Override an energy assumption: "
                                                                 "section.name=value (configs/energy.toml).")]
ConfigOpt = Annotated[Path | None,
                      typer.Option("--configs", help="Folder of TOML configs replacing the built-in ones.")]


def sample_corpus() -> Path:
    return Path(str(resources.files("floptrail.corpus").joinpath("sample")))


@app.command("run")
def run_command(
    sources: Annotated[list[str], typer.Argument(help="Files or folders of PDF, HTML, Markdown or text documents, "
                                                      "URLs, or arxiv:ID.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the given documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
    offline: OfflineOpt = False,
    refresh: RefreshOpt = False,
) -> None:
    """Ingest documents, extract facts, merge model names, estimate, and write the tables."""
    try:
        result = run(sources, workspace, use_curated=not no_curated, config_dir=configs, overrides=overrides or [],
                     offline=offline, refresh=refresh)
    except ValueError as exc:
        err.print(str(exc), highlight=False)
        raise typer.Exit(2) from None
    write_outputs(result, out, configs)
    show_summary(result, configs)
    report_failures(result)
    if result.failures:
        raise typer.Exit(1)


@app.command()
def demo(
    workspace: WorkspaceOpt = Path(".floptrail"),
    out: OutOpt = Path("floptrail-out"),
) -> None:
    """Run on the sample corpus shipped with floptrail and say where the outputs are."""
    result = run([str(sample_corpus())], workspace)
    write_outputs(result, out, None)
    show_summary(result)
    report_failures(result)
    console.print(f"\nWrote {out / 'facts.csv'} ({len(result.facts)} facts), {out / 'estimates.csv'} "
                  f"({len(result.estimates)} models) and {out / 'methods.csv'} (every method's figure).")
    if result.failures:
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    facts: Annotated[Path, typer.Option("--facts", help="A facts.csv written by `floptrail run`.", exists=True,
                                        dir_okay=False)],
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold facts, one JSON object per line.", exists=True,
                                              dir_okay=False)] = None,
    with_model: Annotated[bool, typer.Option("--with-model", help="The model must match too.")] = False,
    tol: Annotated[float, typer.Option("--tol", help="Relative tolerance on values.")] = 0.02,
    show: Annotated[int, typer.Option("--show", help="How many misses and extras to list (-1: all).")] = -1,
    min_f1: Annotated[float | None, typer.Option("--min-f1", help="Exit 1 when overall F1 is below this.")] = None,
    annotations: Annotated[Path | None, typer.Option("--annotations", help="Reviewed annotation files as gold.",
                                                     exists=True, file_okay=False)] = None,
) -> None:
    """Precision, recall and F1 per kind against gold facts (a JSONL file, or reviewed annotation files),
    with the misses and extras and their quotes."""
    if (gold is None) == (annotations is None):
        err.print("give either --gold FILE or --annotations DIR")
        raise typer.Exit(2)
    truth = evaluate.load_gold(gold) if gold else evaluate.load_annotations(annotations)
    result = evaluate.score(truth, evaluate.load_predictions(facts), with_model, tol)
    table = Table(title=f"{facts} against {gold or annotations} ({'with model' if with_model else 'value only'})")
    frame = result.frame()
    for column in frame.columns:
        table.add_column(column, justify="left" if column == "kind" else "right")
    for row in frame.itertuples(index=False):
        table.add_row(*(f"{v:.3f}" if isinstance(v, float) else str(v) for v in row))
    console.print(table)
    limit = None if show < 0 else show
    for label, items in (("MISS", result.misses[:limit]), ("EXTRA", result.extras[:limit])):
        for item in items:
            figure = item.hardware if item.kind == "hardware" else f"{item.value:.4g}"
            quote = " ".join(item.quote.split())[:140]
            console.print(f"{label:5} {item.doc} {item.kind} {figure} [{item.model}] | {quote}",
                          markup=False, highlight=False, soft_wrap=True)
    p, r, f = result.overall()
    console.print(f"overall ({'with model' if with_model else 'value only'}): P={p:.3f} R={r:.3f} F1={f:.3f}",
                  highlight=False)
    if min_f1 is not None and f < min_f1:
        raise typer.Exit(1)


@app.command()
def bench(
    sources: Annotated[list[str], typer.Argument(help="Files or folders of documents to time.")],
    configs: ConfigOpt = None,
) -> None:
    """Documents and pages per second for parsing and for extraction (the pipeline is built first)."""
    extractor = Extractor(load_extract_config(configs))
    times = benchmark(expand_sources(sources), extractor)
    table = Table(title=f"{times.documents} documents, {times.pages} pages, {times.facts} facts"
                        + (f", {times.failed} unreadable" if times.failed else ""))
    for column in ("stage", "seconds", "documents/s", "pages/s"):
        table.add_column(column, justify="left" if column == "stage" else "right")
    for stage, seconds, docs, pages in times.rows():
        table.add_row(stage, f"{seconds:.2f}", f"{docs:.1f}", f"{pages:.1f}")
    console.print(table)


@app.command("validate")
def validate_command(
    against: Annotated[Path, typer.Option("--against", help="Published compute table (Epoch's or our columns).",
                                          exists=True, dir_okay=False)],
    results: Annotated[Path, typer.Option("--results", help="Folder with estimates.csv and methods.csv.",
                                          exists=True, file_okay=False)] = Path("floptrail-out"),
    out: Annotated[Path | None, typer.Option("--out", help="Write the paired models to this CSV.")] = None,
    configs: ConfigOpt = None,
) -> None:
    """Our estimates against published figures: per-model ratios, error, class agreement, interval coverage."""
    estimates = pd.read_csv(results / "estimates.csv", dtype={"variant_of": str})
    methods_path = results / "methods.csv"
    methods = pd.read_csv(methods_path) if methods_path.exists() else None
    config = load_estimate_config(configs)
    v = validate(estimates, methods, read_reference(against), load_extract_config(configs).naming, config.threshold)
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


@app.command()
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


@scores_app.command("import")
def scores_import(
    files: Annotated[list[Path], typer.Argument(help="CSV files with columns model, benchmark, score[, date].")],
    workspace: WorkspaceOpt = Path(".floptrail"),
    configs: ConfigOpt = None,
) -> None:
    """Keep leaderboard scores in the workspace; every later `floptrail run` there uses them."""
    failed = False
    for source, kept, notes in import_scores(files, workspace, configs):
        console.print(f"{source}: {kept} scores kept" + (f", {len(notes)} rows left out" if notes else ""),
                      highlight=False)
        for note in notes:
            err.print(f"  {source}: {note}", highlight=False)
        failed = failed or not kept
    if failed:
        raise typer.Exit(1)


TableOpt = Annotated[str, typer.Option("--table", help="estimates, facts, models or methods.")]


@app.command("export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File to write: .csv, .parquet, .json or .html.")],
    table: TableOpt = "estimates",
    since: Annotated[Path | None, typer.Option("--since", help="An earlier export of the same table: write "
                                                              "what changed beside OUT (.changes.csv).")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
    no_curated: Annotated[bool, typer.Option("--no-curated", help="Use the documents only.")] = False,
    configs: ConfigOpt = None,
    overrides: SetOpt = None,
) -> None:
    """Everything in the workspace, with review decisions applied, as one table; every number links to
    its evidence (fact ids, quotes, pages, sources)."""
    result = analyse_workspace(workspace, use_curated=not no_curated, config_dir=configs, overrides=overrides or [])
    estimates = estimates_table(result, configs)
    frames = {"estimates": estimates, "facts": facts_frame(result.facts), "methods": methods_frame(result.estimates),
              "models": models_frame(estimates, result.facts)}
    if table not in frames:
        err.print(f"unknown table {table!r}: use one of {', '.join(frames)}")
        raise typer.Exit(2)
    thresholds = load_estimate_config(configs).thresholds
    try:
        write_table(frames[table], out, html=(lambda f: report(f, thresholds)) if table == "estimates" else None)
    except ValueError as exc:
        err.print(str(exc))
        raise typer.Exit(2) from None
    console.print(f"Wrote {out} ({len(frames[table])} rows)")
    if since is not None:
        changes = changes_frame(read_table(since), frames[table].astype(str), thresholds)
        target = out.with_suffix(".changes.csv")
        write_table(changes, target)
        console.print(f"{len(changes)} changes since {since}: {target}")
    for decision, reason in result.flagged:
        err.print(f"review again {decision.source}: {reason}", highlight=False)


@review_app.command("export")
def review_export(
    out: Annotated[Path | None, typer.Option("--out", help="Folder (default: annotations/ in the workspace).")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """One JSONL annotation file per document, and the same spans as Label Studio tasks."""
    folder = out or workspace / "annotations"
    with Workspace(workspace) as ws:
        written = export_annotations(ws, folder, doc)
    console.print(f"Wrote {len(written) - 1} annotation files and {written[-1]}", highlight=False)


@review_app.command("import")
def review_import(
    files: Annotated[list[Path], typer.Argument(help="Edited JSONL files or Label Studio JSON exports.",
                                                exists=True, dir_okay=False)],
    reviewer: Annotated[str, typer.Option("--reviewer", help="Who reviewed (when the file does not say).")] = "",
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Apply review decisions: accept, reject, correct, add. They override the machine on every later run."""
    with Workspace(workspace) as ws:
        try:
            counts = import_annotations(ws, files, reviewer)
        except AnnotationError as exc:
            err.print(f"[red]not imported[/red] {exc}", highlight=False)
            raise typer.Exit(1) from None
    for path, n in counts:
        console.print(f"{path}: {n} decisions", highlight=False)


@review_app.command("html")
def review_html(
    out: Annotated[Path | None, typer.Option("--out", help="Folder (default: review/ in the workspace).")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only documents whose source contains this.")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """Each document with its spans highlighted (kind, value, model, status), and an index of review counts."""
    with Workspace(workspace) as ws:
        index = write_html(ws, out or workspace / "review", doc)
    console.print(f"Wrote {index}")


RefreshOpt = Annotated[bool, typer.Option("--refresh", help="Fetch again what the workspace already has.")]
OfflineOpt = Annotated[bool, typer.Option("--offline", help="Use the workspace only; fetch nothing.")]
TimeoutOpt = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a server.")]
HostDelayOpt = Annotated[float, typer.Option("--host-delay", help="Seconds between requests to one host.")]
MaxBytesOpt = Annotated[int, typer.Option("--max-bytes", help="Largest download accepted.")]


def fetching(workspace: Workspace, configs: Path | None, refresh: bool, offline: bool, timeout: float,
             host_delay: float, max_bytes: int) -> Fetching:
    return Fetching(workspace, Extractor(load_extract_config(configs)), extractor_version(configs),
                    Fetcher(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes), refresh, offline)


def show_fetch(report: FetchReport) -> None:
    console.print(f"{len(report.fetched) - len(report.unchanged)} fetched, {len(report.unchanged)} already in the "
                  f"workspace, {len(report.failures)} failed", highlight=False)
    for url, reason in report.failures:
        err.print(f"[red]failed[/red] {url}: {reason}", highlight=False)
    if report.failures:
        raise typer.Exit(1)


@fetch_app.command("url")
def fetch_url(
    urls: Annotated[list[str], typer.Argument(help="Pages, PDFs or Markdown files.")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    configs: ConfigOpt = None,
) -> None:
    """Fetch blog posts (article text through trafilatura), PDFs and Markdown by URL."""
    with Workspace(workspace) as ws:
        show_fetch(fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes).urls(urls))


@fetch_app.command("feed")
def fetch_feed(
    url: Annotated[str, typer.Argument(help="An RSS, Atom or JSON feed.")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    configs: ConfigOpt = None,
) -> None:
    """Fetch every post a feed lists."""
    with Workspace(workspace) as ws:
        show_fetch(fetching(ws, configs, refresh, False, timeout, host_delay, max_bytes).feed(url))


@fetch_app.command("sitemap")
def fetch_sitemap(
    url: Annotated[str, typer.Argument(help="A sitemap (or sitemap index).")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    configs: ConfigOpt = None,
) -> None:
    """Fetch every page a sitemap lists."""
    with Workspace(workspace) as ws:
        show_fetch(fetching(ws, configs, refresh, False, timeout, host_delay, max_bytes).sitemap(url))


@fetch_app.command("arxiv")
def fetch_arxiv(
    ids: Annotated[list[str] | None, typer.Argument(help="arXiv ids (2407.21783 or 2407.21783v2).")] = None,
    query: Annotated[str, typer.Option("--query", help="An arXiv API search query.")] = "",
    max_results: Annotated[int, typer.Option("--max", help="Most papers a query fetches.")] = 10,
    since: Annotated[str, typer.Option("--since", help="Only papers published on or after (YYYY-MM-DD).")] = "",
    arxiv_api: Annotated[str, typer.Option("--arxiv-api", help="The API address.")] = ARXIV_API,
    arxiv_delay: Annotated[float, typer.Option("--arxiv-delay", help="Seconds between API requests.",
                                               hidden=True)] = ARXIV_DELAY,
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    configs: ConfigOpt = None,
) -> None:
    """Fetch arXiv papers: metadata from the API, then each PDF; kept as source arxiv:ID."""
    if not ids and not query:
        err.print("give arXiv ids or --query")
        raise typer.Exit(2)
    with Workspace(workspace) as ws:
        job = fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes)
        show_fetch(job.arxiv(ids, query, max_results, since, arxiv_api, max(arxiv_delay, 0.0)))


@corpus_app.command("list")
def corpus_list(workspace: WorkspaceOpt = Path(".floptrail")) -> None:
    """Every source in the workspace: title, date, kind, pages, status and any error."""
    with Workspace(workspace) as ws:
        rows = ws.catalog()
    table = Table(title=f"{len(rows)} sources in {workspace}")
    for column in ("source", "title", "date", "kind", "pages", "status", "error", "document"):
        table.add_column(column)
    for r in rows:
        status = r["fetch_status"] or r["status"]
        table.add_row(r["source"], (r["title"] or "")[:60], r["date"] or "", r["kind"] or "", str(r["pages"] or ""),
                      status or "", r["fetch_error"] or r["error"] or "", (r["doc_id"] or "")[:12])
    console.print(table)


@corpus_app.command("show")
def corpus_show(
    doc: Annotated[str, typer.Argument(help="A document id (or its start) or part of its source.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """One document: source, title, date, kind, pages, metadata, fetch record and how many facts it gave."""
    with Workspace(workspace) as ws:
        matches = [r for r in ws.catalog() if r["doc_id"] and (r["doc_id"].startswith(doc) or doc in r["source"])]
        if len(matches) != 1:
            err.print(f"{len(matches)} documents match {doc!r}: give more of the id or source")
            raise typer.Exit(1)
        row = ws.document_row(matches[0]["doc_id"])
        fetched = ws.fetched(matches[0]["source"])
        facts = ws.facts_for([row["doc_id"]])
    for key in ("doc_id", "source", "title", "date", "kind", "pages", "chars", "ingested_at"):
        console.print(f"{key:12} {row[key]}", highlight=False)
    if fetched:
        console.print(f"{'fetched':12} {fetched['fetched_at']} from {fetched['url']} ({fetched['status']}"
                      + (f", replaces {fetched['previous_doc_id'][:12]}" if fetched["previous_doc_id"] else "") + ")",
                      highlight=False)
    for key, value in row["metadata"].items():
        console.print(f"{key:12} {str(value)[:200]}", highlight=False)
    console.print(f"{'facts':12} {len(facts)}", highlight=False)


@app.command("forecast")
def forecast_command(
    from_estimates: Annotated[Path | None, typer.Option("--from", help="An estimates.csv of floptrail's.",
                                                        exists=True, dir_okay=False)] = None,
    from_epoch: Annotated[Path | None, typer.Option("--from-epoch", help="Epoch's Notable AI Models CSV.",
                                                    exists=True, dir_okay=False)] = None,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="A scenario TOML (default: the published "
                                                                     "baseline, configs/scenarios/).")] = None,
    runs: Annotated[int, typer.Option("--runs")] = 1000,
    seed: Annotated[int, typer.Option("--seed")] = 0,
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
        chosen = load_scenario(scenario or Path(str(resources.files("floptrail.configs") / "scenarios" /
                                                    "baseline.toml")))
        models = read_models(source)
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
    fitted = models[models["year"] <= chosen.fit_years[1]]
    result = run_forecast(fitted, chosen, runs=runs, seed=seed)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(result.counts, out / "counts.csv")
    write_csv(result.frontier, out / "frontier.csv")
    plots = write_plots(result, fitted, out)
    table = Table(title=f"Models above each threshold by year end: scenario {chosen.name}, seed {seed}, {runs} runs, "
                        f"data {source.name}")
    for column in ("threshold", "year", "p5", "p50", "p95", "published (Epoch AI baseline)"):
        table.add_column(column)
    for r in result.counts.itertuples():
        published = PUBLISHED.get((r.threshold, r.year))
        table.add_row(r.threshold, str(r.year), str(r.p5), str(r.p50), str(r.p95),
                      f"{published[1]} [{published[0]}-{published[2]}]" if published else "")
    console.print(table)
    ks = ", ".join(f"{y}: {k:.2f}" for y, k in sorted(result.fitted_k.items()))
    console.print(f"fitted allocation gradient k by year: {ks}", highlight=False)
    console.print(f"Wrote {out / 'counts.csv'}, {out / 'frontier.csv'} and {', '.join(p.name for p in plots)}",
                  highlight=False)


@models_app.command("resolve")
def models_resolve(
    names: Annotated[list[str] | None, typer.Argument(help="Model names to resolve.")] = None,
    file: Annotated[Path | None, typer.Option("--file", help="A file with one name per line.")] = None,
    configs: ConfigOpt = None,
) -> None:
    """Print each name with its canonical model, as CSV (name,model)."""
    given = list(names or [])
    if file is not None:
        given += [line.strip() for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
    resolved = resolve_names(given, load_extract_config(configs).naming)
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["name", "model"])
    for name in given:
        writer.writerow([name, resolved[name]])


def estimates_table(result: RunResult, configs: Path | None) -> pd.DataFrame:
    naming = load_extract_config(configs).naming
    return estimates_frame(result.estimates, result.facts, load_estimate_config(configs).thresholds,
                           naming.organization_of)


def write_outputs(result: RunResult, out: Path, configs: Path | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_csv(facts_frame(result.facts), out / "facts.csv")
    write_csv(estimates_table(result, configs), out / "estimates.csv")
    write_csv(methods_frame(result.estimates), out / "methods.csv")
    for decision, reason in result.flagged:
        err.print(f"[yellow]review again[/yellow] {decision.source}: {reason}", highlight=False)


def show_summary(result: RunResult, configs: Path | None = None) -> None:
    thresholds = load_estimate_config(configs).thresholds
    frame = estimates_frame(result.estimates, result.facts, thresholds)
    table = Table(title=f"{len(result.documents)} documents, {len(result.facts)} facts, {len(frame)} models")
    for column in ("model", "training FLOP", "interval", "method", "confidence",
                   *(f"vs {t:.0e}".replace("e+", "e") for t in thresholds), "flag"):
        table.add_column(column)
    for row in frame.fillna("").to_dict("records"):
        interval = f"{row['flop_low']} - {row['flop_high']}" if row["method"] else ""
        name = f"{row['model']} (variant)" if row["variant_of"] else row["model"]
        table.add_row(name, row["training_flop"], interval, row["method"], row["confidence"],
                      *(row[class_column(t)] for t in thresholds), "methods disagree" if row["disagreement"] else "")
    console.print(table)
    over = ", ".join(f"{count_over(result.estimates, t)} over {t:.0e}".replace("e+", "e") for t in thresholds)
    console.print(f"Models whose whole interval is over a threshold (base models once): {over}")


def report_failures(result: RunResult) -> None:
    for source, reason in result.failures:
        err.print(f"[red]failed[/red] {source}: {reason}")
    if result.failures:
        err.print(f"{len(result.failures)} of {len(result.failures) + len(result.documents)} documents failed; "
                  "the others were processed and stored.")
