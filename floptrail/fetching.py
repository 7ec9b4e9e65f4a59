"""Fetching a corpus from the web into the workspace: pages and files by URL, the posts a feed or sitemap
lists (found with trafilatura's own feed and sitemap parsing), and arXiv papers (metadata from the API
through the `arxiv` package, the PDF downloaded here). A URL already fetched is not fetched again unless
`refresh`; `offline` works from the workspace alone. A changed page or a new arXiv version is a new
document, linked to the one it replaces."""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import arxiv
from lxml import etree
from trafilatura.feeds import FeedParameters, find_links
from trafilatura.sitemaps import DETECT_SITEMAP_LINK, SitemapObject

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.fetch import Fetcher, Response
from floptrail.corpus.load import document_from_bytes
from floptrail.corpus.pdf import MAX_PAGES
from floptrail.extract.model_card import model_index_facts
from floptrail.extract.records import Fact
from floptrail.leaderboards import Board, hub_file_url, leaderboard_document
from floptrail.workspace import Workspace, WorkspaceBusy

if TYPE_CHECKING:
    from floptrail.extract.facts import Extractor

ARXIV_API = "https://export.arxiv.org/api/query"
HUB = "https://huggingface.co"  # the Hugging Face Hub's address; HF_ENDPOINT or --endpoint point elsewhere
ARXIV_DELAY = 3.0  # seconds between API requests: arXiv's terms of use
MAX_SITEMAPS = 100  # a sitemap index can nest; stop after this many


Progress = Callable[[int, int, str], None]  # (done, in all, the last one's source): how a caller follows a batch


@dataclass
class FetchReport:
    fetched: dict[str, str] = field(default_factory=dict)  # doc_id -> source
    unchanged: list[str] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (url, what to know about how it was read)


@dataclass
class Fetching:
    """What every fetch needs: the workspace, the extractor and its version, the HTTP client, the mode."""

    workspace: Workspace
    extractor: Extractor
    version: str
    fetcher: Fetcher
    refresh: bool = False
    offline: bool = False
    max_pages: int = MAX_PAGES  # a longer PDF fails with its length
    progress: Progress | None = None  # called as progress(done, total, url) after each page or paper

    def urls(self, urls: list[str], report: FetchReport | None = None) -> FetchReport:
        report = report or FetchReport()
        for n, url in enumerate(urls, 1):
            self.one(url, url, report)
            if self.progress is not None:
                self.progress(n, len(urls), url)
        return report

    def one(self, url: str, source: str, report: FetchReport, meta: dict | None = None,
            card: Callable[[Document], tuple[dict, list[Fact]]] | None = None) -> str | None:
        """Fetch `url` (kept under `source`) unless the workspace has it; the document's id. `card` reads what
        a source's own format states beyond the text (a model card's metadata and scores): metadata to keep
        and facts to add to the extracted ones."""
        known = self.workspace.fetched(source)
        if known and (self.offline or not self.refresh) and known["status"] == "ok":
            report.unchanged.append(source)
            report.fetched[known["doc_id"]] = source
            return known["doc_id"]
        if self.offline:
            report.failures.append((source, "offline, and not in the workspace"))
            return None
        try:
            response = self.fetcher.get(url)
            name = PurePosixPath(urlsplit(response.final_url).path).name
            document = document_from_bytes(response.body, source, name, response.content_type, response.charset,
                                           self.max_pages)
        except DocumentError as exc:
            return self._fail(source, url, exc.reason, report)
        if meta:
            how = {"date_source": "arXiv API (first version)"} if meta.get("date") else {}
            document = replace(document, title=meta.get("title") or document.title,
                               date=meta.get("date") or document.date, metadata={**document.metadata, **meta, **how})
        try:
            stated, more = card(document) if card is not None else ({}, [])
            document = replace(document, metadata={**document.metadata, **stated})
            facts = self.extractor.read(document)
            known = {f.fact_id for f in facts.facts}
            facts = replace(facts, facts=[*facts.facts, *(f for f in more if f.fact_id not in known)])
        except Exception as exc:  # a defect met on one document must not cost the batch its other documents
            return self._fail(source, url, f"extraction failed ({type(exc).__name__}: {exc})", report)
        try:
            self.workspace.keep_raw(response.body, document.doc_id)
            self.workspace.save_document(document, facts, self.version)
            self.workspace.record_fetch(source, url, document.doc_id, "ok", "", http_record(response))
        except WorkspaceBusy as exc:  # the catalog is what is locked: report it, write nothing more there
            report.failures.append((source, f"not stored: {exc}"))
            return None
        report.warnings += [(source, warning) for warning in document.warnings]
        report.fetched[document.doc_id] = source
        return document.doc_id

    def _fail(self, source: str, url: str, reason: str, report: FetchReport) -> None:
        """A URL that failed: reported, and recorded in the catalog unless the catalog is locked."""
        report.failures.append((source, reason))
        with suppress(WorkspaceBusy):  # reported above; the URL is fetched again on the next run
            self.workspace.record_fetch(source, url, None, "failed", reason, {})

    def feed(self, url: str) -> FetchReport:
        report = FetchReport()
        try:
            xml = self.fetcher.get(url).body.decode("utf-8", errors="replace")
        except DocumentError as exc:
            report.failures.append((url, exc.reason))
            return report
        parts = urlsplit(url)
        found = find_links(xml.strip(), FeedParameters(f"{parts.scheme}://{parts.netloc}", parts.netloc, url))
        # trafilatura's own link check (courlan) also drops addresses without a public domain, which local
        # and intranet feeds have: keep web links on the feed's host instead
        # and the feed's own links (its site's home page, itself) are not posts
        own = {urljoin(url, link) for link in feed_own_links(xml)} | {url}
        links = sorted({urljoin(url, link) for link in found if urlsplit(urljoin(url, link)).netloc == parts.netloc
                        and urljoin(url, link) not in own})
        if not links:
            report.failures.append((url, "not a feed: no RSS, Atom or JSON feed entries"))
            return report
        return self.urls(links, report)

    def sitemap(self, url: str) -> FetchReport:
        report = FetchReport()
        parts = urlsplit(url)
        sitemap = _PoliteSitemap(self.fetcher, report, f"{parts.scheme}://{parts.netloc}", parts.netloc, [url])
        while sitemap.sitemap_urls and len(sitemap.seen) < MAX_SITEMAPS:
            sitemap.current_url = sitemap.sitemap_urls.pop()
            if sitemap.current_url not in sitemap.seen:
                sitemap.fetch()
                sitemap.process()
        if not sitemap.urls and not report.failures:
            report.failures.append((url, "not a sitemap: no page addresses in it"))
        return self.urls(sorted(set(sitemap.urls)), report)

    def arxiv(self, ids: list[str] | None = None, query: str = "", max_results: int = 10, since: str = "",
              api: str = ARXIV_API, delay: float = ARXIV_DELAY, page_size: int = 100) -> FetchReport:
        """Papers by id or search: the API's metadata, then each PDF, kept as source `arxiv:ID`."""
        report = FetchReport()
        if self.offline:
            for arxiv_id in ids or []:
                self.one("", f"arxiv:{arxiv_id.split('v')[0]}", report)
            return report
        client = arxiv.Client(page_size=min(max_results, page_size), delay_seconds=delay, num_retries=2)
        client.query_url_format = api + "?{}"
        client._session = self.fetcher.api_session()  # the package sets no timeout of its own
        search = arxiv.Search(id_list=list(ids or []), query=query, max_results=None if ids else max_results)
        try:
            results = list(client.results(search))
        except Exception as exc:  # the package raises its own HTTP and parse errors, and requests' ones
            report.failures.append((f"arxiv:{query or ','.join(ids or [])}", f"arXiv API: {exc}"))
            return report
        for n, result in enumerate(results, 1):
            published = result.published.date().isoformat() if result.published else ""
            if self.progress is not None:
                self.progress(n, len(results), result.get_short_id())
            if since and published < since:
                continue
            short = result.get_short_id()
            base, _, version = short.rpartition("v") if "v" in short else (short, "", "")
            meta = {"title": result.title, "date": published, "authors": [a.name for a in result.authors],
                    "categories": list(result.categories), "abstract": result.summary, "arxiv_id": base or short,
                    "version": f"v{version}" if version else "", "entry_id": result.entry_id}
            self.one(result.pdf_url or f"https://arxiv.org/pdf/{short}", f"arxiv:{base or short}", report, meta)
        return report


    def hf(self, repos: list[str], author: str = "", endpoint: str = HUB, limit: int = 100) -> FetchReport:
        """Model cards of Hugging Face Hub repositories, named or every one of an `author`'s (most downloaded
        first, at most `limit`), each kept as source hf:ORG/NAME with its commit, tags, license and lineage
        (base model and relation) in the document's metadata; its model-index scores become benchmark facts.
        `endpoint` is the Hub's address (HF_ENDPOINT), checked against the fetcher's address guard."""
        from huggingface_hub import HfApi  # here: only fetching from the Hub pays for the library

        from floptrail.corpus import hub
        report = FetchReport()
        names = list(dict.fromkeys(repos))
        for bad in [r for r in names if not hub.valid_repo(r)]:
            report.failures.append((hub.source_of(bad), "not a repository id: give ORG/NAME"))
        names = [r for r in names if hub.valid_repo(r)]
        if self.offline:
            for repo_id in names:
                self.one("", hub.source_of(repo_id), report)
            return report
        try:
            self.fetcher.check_address(endpoint)
        except DocumentError as exc:
            report.failures += [(hub.source_of(r), exc.reason) for r in names] or [(f"hf:{author}", exc.reason)]
            return report
        api = HfApi(endpoint=endpoint.rstrip("/"), library_name="floptrail")
        if author:
            try:
                names += [r for r in hub.author_repos(api, author, limit) if r not in names]
            except DocumentError as exc:
                report.failures.append((exc.source, exc.reason))
        for n, repo_id in enumerate(names, 1):
            source = hub.source_of(repo_id)
            known = self.workspace.fetched(source)
            if known and not self.refresh and known["status"] == "ok":
                self.one("", source, report)  # in the workspace already: no API call either
            else:
                try:
                    repo = hub.repo_info(api, repo_id, self.fetcher.timeout)
                except DocumentError as exc:
                    self._fail(source, "", exc.reason, report)
                else:
                    meta = {"title": repo.repo_id, "hf_repo": repo.repo_id, "hf_sha": repo.sha,
                            "hf_tags": list(repo.tags)}
                    self.one(repo.card_url, source, report, meta, self._card_reader(repo.tags))
            if self.progress is not None:
                self.progress(n, len(names), source)
        return report

    def _card_reader(self, tags: tuple[str, ...]) -> Callable[[Document], tuple[dict, list[Fact]]]:
        from floptrail.corpus.hub import card_metadata
        config = self.extractor.config
        return lambda document: (card_metadata(document.text, tags), model_index_facts(document, config))


    def leaderboards(self, urls: list[str], boards: list[Board], endpoint: str = HUB) -> FetchReport:
        """Leaderboard tables (CSV or Parquet) by URL, or Hub dataset files written hf://datasets/ORG/NAME/FILE
        (downloaded from `endpoint`), each kept under its URL as a document of scores whose rows are models and
        whose scores are benchmark facts (floptrail/leaderboards.py)."""
        report = FetchReport()
        for n, url in enumerate(urls, 1):
            known = self.workspace.fetched(url)
            if known and known["status"] == "ok" and (self.offline or not self.refresh):
                report.unchanged.append(url)
                report.fetched[known["doc_id"]] = url
            elif self.offline:
                report.failures.append((url, "offline, and not in the workspace"))
            else:
                self._leaderboard(url, hub_file_url(url, endpoint), boards, report)
            if self.progress is not None:
                self.progress(n, len(urls), url)
        return report

    def _leaderboard(self, url: str, address: str, boards: list[Board], report: FetchReport) -> None:
        try:
            response = self.fetcher.get(address)
            document, facts, notes = leaderboard_document(response.body, url, self.extractor.config, boards)
        except DocumentError as exc:
            self._fail(url, address, exc.reason, report)
            return
        try:
            self.workspace.keep_raw(response.body, document.doc_id)
            self.workspace.save_document(document, facts, "leaderboard")
            self.workspace.record_fetch(url, address, document.doc_id, "ok", "", http_record(response))
        except WorkspaceBusy as exc:
            report.failures.append((url, f"not stored: {exc}"))
            return
        if notes:
            report.warnings.append((url, f"{len(notes)} rows left out: {'; '.join(notes[:3])}"
                                         + ("; ..." if len(notes) > 3 else "")))
        report.fetched[document.doc_id] = url


def http_record(response: Response) -> dict:
    """What the catalog keeps of a response's HTTP metadata."""
    return {"final_url": response.final_url, "content_type": response.content_type, "charset": response.charset,
            "etag": response.etag, "last_modified": response.last_modified}


def feed_own_links(feed: str) -> set[str]:
    """The links a feed gives for itself rather than for a post: RSS `channel/link`, Atom `feed/link`, JSON
    Feed `home_page_url` and `feed_url`."""
    text = feed.strip()
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            return set()
        own = [data.get(k) for k in ("home_page_url", "feed_url")] if isinstance(data, dict) else []
        return {link for link in own if isinstance(link, str)}
    try:
        root = etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True,
                                                                      recover=True))
    except etree.XMLSyntaxError:
        return set()
    if root is None:
        return set()
    links = set()
    for element in root.iter():
        parent = element.getparent()
        if not isinstance(element.tag, str) or parent is None or etree.QName(element).localname != "link":
            continue
        if etree.QName(parent).localname in ("channel", "feed"):  # not inside an item or entry
            links.add((element.get("href") or element.text or "").strip())
    return links - {""}


class _PoliteSitemap(SitemapObject):
    """trafilatura's sitemap parsing, with downloads through our polite fetcher."""

    def __init__(self, fetcher: Fetcher, report: FetchReport, *args):
        super().__init__(*args)
        self.fetcher, self.report = fetcher, report

    def handle_link(self, link: str) -> None:
        """Links on the sitemap's own host (trafilatura's check also drops hosts without a public domain)."""
        link = urljoin(self.current_url, link.strip())
        if link == self.current_url or urlsplit(link).netloc != self.domain:
            return
        (self.sitemap_urls if DETECT_SITEMAP_LINK.search(link) else self.urls).append(link)

    def fetch(self) -> None:
        self.seen.add(self.current_url)
        try:
            self.content = self.fetcher.get(self.current_url).body.decode("utf-8", errors="replace")
        except DocumentError as exc:
            self.report.failures.append((self.current_url, exc.reason))
            self.content = ""


def is_remote(source: str) -> bool:
    return source.startswith(("http://", "https://", "arxiv:"))

