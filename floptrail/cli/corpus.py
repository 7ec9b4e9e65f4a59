"""`floptrail fetch` and `floptrail corpus`: documents from the web into the workspace, and what it holds."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from floptrail.cli.common import (
    AllowPrivateOpt,
    ConfigOpt,
    HostDelayOpt,
    MaxBytesOpt,
    MaxPagesOpt,
    MaxWaitOpt,
    OfflineOpt,
    ProgressReport,
    RefreshOpt,
    TimeoutOpt,
    WorkspaceOpt,
    console,
    err,
    failed,
)
from floptrail.corpus.pdf import MAX_PAGES  # light: the PDF libraries load when a PDF is read

if TYPE_CHECKING:
    from floptrail.fetching import FetchReport

fetch_app = typer.Typer(help="Fetch documents from the web into the workspace.", no_args_is_help=True)
corpus_app = typer.Typer(help="What the workspace holds.", no_args_is_help=True)


def show_fetch(report: FetchReport) -> None:
    console.print(f"{len(report.fetched) - len(report.unchanged)} fetched, {len(report.unchanged)} already in the "
                  f"workspace, {len(report.failures)} failed", highlight=False)
    for url, warning in report.warnings:
        failed(url, warning, "warning", "yellow")
    for url, reason in report.failures:
        failed(url, reason)
    if report.failures:
        raise typer.Exit(1)


@fetch_app.command("url")
def fetch_url(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Pages, PDFs or Markdown files.")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, max_pages: MaxPagesOpt = MAX_PAGES,
    configs: ConfigOpt = None,
) -> None:
    """Fetch blog posts (article text through trafilatura), PDFs and Markdown by URL."""
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes, max_wait,
                            allow_private, max_pages, progress)
        show_fetch(job.urls(urls))


@fetch_app.command("feed")
def fetch_feed(
    url: Annotated[str, typer.Argument(metavar="URL", help="An RSS, Atom or JSON feed.")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, max_pages: MaxPagesOpt = MAX_PAGES,
    configs: ConfigOpt = None,
) -> None:
    """Fetch every post a feed lists."""
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, False, timeout, host_delay, max_bytes, max_wait, allow_private,
                            max_pages, progress)
        show_fetch(job.feed(url))


@fetch_app.command("sitemap")
def fetch_sitemap(
    url: Annotated[str, typer.Argument(metavar="URL", help="A sitemap (or sitemap index).")],
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, max_pages: MaxPagesOpt = MAX_PAGES,
    configs: ConfigOpt = None,
) -> None:
    """Fetch every page a sitemap lists."""
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, False, timeout, host_delay, max_bytes, max_wait, allow_private,
                            max_pages, progress)
        show_fetch(job.sitemap(url))


@fetch_app.command("arxiv")
def fetch_arxiv(
    ids: Annotated[list[str] | None, typer.Argument(metavar="[ID]...",
                                                    help="arXiv ids (2407.21783 or 2407.21783v2).")] = None,
    query: Annotated[str, typer.Option("--query", help="An arXiv API search query.")] = "",
    max_results: Annotated[int, typer.Option("--max", help="Most papers a query fetches.")] = 10,
    since: Annotated[str, typer.Option("--since", help="Only papers published on or after (YYYY-MM-DD).")] = "",
    arxiv_api: Annotated[str | None, typer.Option("--arxiv-api", help="The API address (default: arXiv's export "
                                                                      "API).", show_default=False)] = None,
    arxiv_delay: Annotated[float | None, typer.Option("--arxiv-delay", help="Seconds between API requests.",
                                                      hidden=True)] = None,
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, max_pages: MaxPagesOpt = MAX_PAGES,
    configs: ConfigOpt = None,
) -> None:
    """Fetch arXiv papers: metadata from the API, then each PDF; kept as source arxiv:ID."""
    from floptrail.fetching import ARXIV_API, ARXIV_DELAY
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    if not ids and not query:
        err.print("give arXiv ids or --query")
        raise typer.Exit(2)
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes, max_wait,
                            allow_private, max_pages, progress)
        delay = ARXIV_DELAY if arxiv_delay is None else max(arxiv_delay, 0.0)
        show_fetch(job.arxiv(ids, query, max_results, since, arxiv_api or ARXIV_API, delay))


@fetch_app.command("hf")
def fetch_hf(
    repos: Annotated[list[str] | None, typer.Argument(metavar="[ORG/NAME]...",
                                                      help="Model repositories on the Hugging Face Hub.")] = None,
    author: Annotated[str, typer.Option("--author", help="Every model repository of this user or organization "
                                                         "(most downloaded first).")] = "",
    limit: Annotated[int, typer.Option("--limit", help="Most repositories --author fetches.")] = 100,
    endpoint: Annotated[str | None, typer.Option("--endpoint", envvar="HF_ENDPOINT", show_default=False,
                                                 help="The Hub's address (default: https://huggingface.co).")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, configs: ConfigOpt = None,
) -> None:
    """Fetch Hugging Face model cards: each README kept as source hf:ORG/NAME with its license, base model and
    relation (fine-tune, quantized, merge, adapter); model-index scores become benchmark facts."""
    from floptrail.fetching import HUB
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    if not repos and not author:
        err.print("give repositories (ORG/NAME) or --author ORG")
        raise typer.Exit(2)
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes, max_wait,
                            allow_private, MAX_PAGES, progress)
        show_fetch(job.hf(list(repos or []), author, endpoint or HUB, limit))


@fetch_app.command("leaderboard")
def fetch_leaderboard(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Leaderboard tables: CSV or Parquet URLs, or "
                                                                    "Hub dataset files as hf://datasets/ORG/NAME/FILE.")],
    endpoint: Annotated[str | None, typer.Option("--endpoint", envvar="HF_ENDPOINT", show_default=False,
                                                 help="The Hub's address for hf:// files (default: "
                                                      "https://huggingface.co).")] = None,
    workspace: WorkspaceOpt = Path(".floptrail"), refresh: RefreshOpt = False, offline: OfflineOpt = False,
    timeout: TimeoutOpt = 30.0, host_delay: HostDelayOpt = 1.0, max_bytes: MaxBytesOpt = 100_000_000,
    max_wait: MaxWaitOpt = 60.0, allow_private: AllowPrivateOpt = False, configs: ConfigOpt = None,
) -> None:
    """Fetch Chatbot Arena or Open LLM Leaderboard tables: every row a model name to resolve, its scores benchmark
    facts for the benchmark method (configs/leaderboards.toml says how each table is read)."""
    from floptrail.fetching import HUB
    from floptrail.leaderboards import load_boards
    from floptrail.run import open_fetching
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws, ProgressReport("Fetching") as progress:
        job = open_fetching(ws, configs, refresh, offline, timeout, host_delay, max_bytes, max_wait,
                            allow_private, MAX_PAGES, progress)
        show_fetch(job.leaderboards(urls, load_boards(configs), endpoint or HUB))


@corpus_app.command("list")
def corpus_list(workspace: WorkspaceOpt = Path(".floptrail")) -> None:
    """Every source in the workspace: title, date, kind, pages, status and any error."""
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws:
        rows = ws.catalog()
    table = Table(title=f"{len(rows)} sources in {workspace}")
    table.add_column("source", overflow="fold", ratio=3)  # folded, never cut: the file name is at the end
    for column in ("title", "date", "kind", "pages", "status", "error", "document"):
        table.add_column(column, overflow="fold")
    for r in rows:
        status = r["fetch_status"] or r["status"]
        table.add_row(r["source"], (r["title"] or "")[:60], r["date"] or "", r["kind"] or "", str(r["pages"] or ""),
                      status or "", r["fetch_error"] or r["error"] or "", (r["doc_id"] or "")[:12])
    console.print(table)


@corpus_app.command("show")
def corpus_show(
    doc: Annotated[str, typer.Argument(metavar="DOC", help="A document id (or its start) or part of its source.")],
    workspace: WorkspaceOpt = Path(".floptrail"),
) -> None:
    """One document: source, title, date, kind, pages, metadata, fetch record and how many facts it gave."""
    from floptrail.workspace import Workspace
    with Workspace(workspace) as ws:
        matches = ws.find(doc)
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
