"""Fetching from a real HTTP server on 127.0.0.1: an arXiv-API-style Atom feed, PDFs, blog pages, an RSS
feed, a sitemap, and the failures servers produce. No test touches the internet."""

import contextlib
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from floptrail.corpus.document import DocumentError
from floptrail.corpus.fetch import Fetcher
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from invoke import floptrail

from floptrail.fetching import Fetching
from floptrail.run import extractor_version, run, sample_corpus
from floptrail.workspace import Workspace

SAMPLE = sample_corpus()


def atom(base: str, entries: list[tuple[str, str]], total: int, start: int) -> bytes:
    items = "".join(f"""<entry><id>http://arxiv.org/abs/{aid}</id><updated>2024-07-31T00:00:00Z</updated>
<published>2024-07-23T00:00:00Z</published><title>{title}</title><summary>An abstract.</summary>
<author><name>A. Author</name></author><author><name>B. Author</name></author>
<link href="http://arxiv.org/abs/{aid}" rel="alternate" type="text/html"/>
<link title="pdf" href="{base}/pdf/{aid}" rel="related" type="application/pdf"/>
<arxiv:primary_category term="cs.CL"/><category term="cs.CL"/><category term="cs.LG"/></entry>"""
                    for aid, title in entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom"
xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom">
<title>arXiv query results</title><id>http://arxiv.org/api/x</id><updated>2024-07-31T00:00:00Z</updated>
<opensearch:totalResults>{total}</opensearch:totalResults><opensearch:startIndex>{start}</opensearch:startIndex>
<opensearch:itemsPerPage>{len(entries)}</opensearch:itemsPerPage>{items}</feed>""".encode()


class Site:
    """The server's state: what it serves, which requests it saw and when."""

    def __init__(self):
        self.requests: list[tuple[float, str]] = []
        self.counts: dict[str, int] = {}
        self.version = 2
        self.base = ""

    def papers(self):
        return [(f"2407.00001v{self.version}", "Notes on Llama 3.1 405B"), ("2412.00002v1", "DeepSeek-V3 summary")]


def handler_for(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=None, length=None):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body) if length is None else length))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first
                self.wfile.write(body)

        def do_GET(self):
            path = urlsplit(self.path).path
            site.requests.append((time.monotonic(), self.path))
            site.counts[path] = site.counts.get(path, 0) + 1
            seen = site.counts[path]
            if path == "/api/query":
                query = parse_qs(urlsplit(self.path).query)
                papers = site.papers()
                if query.get("id_list", [""])[0]:
                    wanted = query["id_list"][0].split(",")
                    chosen = [p for p in papers if p[0].split("v")[0] in [w.split("v")[0] for w in wanted]]
                    return self.send(200, atom(site.base, chosen, len(chosen), 0), "application/atom+xml")
                start, size = int(query.get("start", ["0"])[0]), int(query.get("max_results", ["1"])[0])
                return self.send(200, atom(site.base, papers[start:start + size], len(papers), start),
                                 "application/atom+xml")
            if path.startswith("/pdf/2407.00001"):
                name = "llama31_405b.pdf" if site.version == 2 else "palm_540b.pdf"
                return self.send(200, (SAMPLE / name).read_bytes(), "application/pdf")
            if path.startswith("/pdf/2412.00002"):
                return self.send(200, (SAMPLE / "deepseek_v3.pdf").read_bytes(), "application/pdf")
            pages = {"/blog/falcon": "falcon180b.html", "/blog/olmo": "olmo2.html"}
            if path in pages:
                return self.send(200, (SAMPLE / pages[path]).read_bytes())
            if path == "/cards/llama2":
                return self.send(200, (SAMPLE / "llama2_card.md").read_bytes(), "text/markdown")
            if path == "/feed.xml":
                items = "".join(f"<item><title>{p}</title><link>{site.base}{p}</link></item>" for p in pages)
                body = f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title>{items}</channel></rss>"
                return self.send(200, body.encode(), "application/rss+xml")
            if path == "/sitemap.xml":
                urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in pages)
                body = f"<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>"
                return self.send(200, body.encode(), "application/xml")
            if path == "/slow":
                time.sleep(2)
                return self.send(200, b"late")
            if path == "/flaky":
                return self.send(500) if seen == 1 else self.send(200, (SAMPLE / "olmo2.html").read_bytes())
            if path == "/limited":
                if seen == 1:
                    return self.send(429, headers={"Retry-After": "7"})
                return self.send(200, (SAMPLE / "falcon180b.html").read_bytes())
            if path == "/truncated.pdf":
                return self.send(200, (SAMPLE / "palm_540b.pdf").read_bytes()[:300], "application/pdf", length=5000)
            if path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if path == "/huge":
                return self.send(200, b"x" * 10, length=10**9)
            if path == "/not-a-pdf.pdf":
                return self.send(200, b"<html>an error page</html>", "application/pdf")
            if path == "/nav-only":
                return self.send(200, b"<html><body><nav><a href='/'>Home</a></nav></body></html>")
            if path == "/not-xml":
                return self.send(200, b"this is not a feed at all", "application/rss+xml")
            return self.send(404, b"not here")

    return Handler


@pytest.fixture
def site():
    state = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(state))
    state.base = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


class Clock:
    """A fake clock for politeness delays: sleeping advances it and is recorded, nothing waits."""

    def __init__(self):
        self.t, self.slept = 0.0, []

    def now(self):
        return self.t

    def sleep(self, seconds):
        self.slept.append(round(seconds, 3))
        self.t += seconds


def job(workspace, clock=None, **kwargs):
    config = load_extract_config()
    clock = clock or Clock()
    fetcher = Fetcher(timeout=kwargs.pop("timeout", 5.0), host_delay=kwargs.pop("host_delay", 1.0), allow_private=True,
                      max_bytes=kwargs.pop("max_bytes", 10_000_000), now=clock.now, sleep=clock.sleep)
    return Fetching(workspace, Extractor(config), extractor_version(None), fetcher, **kwargs)


@pytest.mark.slow
def test_fetched_documents_are_kept_once_and_give_the_facts_files_give(site, tmp_path):
    urls = [f"{site.base}/blog/falcon", f"{site.base}/cards/llama2"]
    clock = Clock()
    with Workspace(tmp_path / "ws") as ws:
        report = job(ws, clock).urls(urls)
        assert report.failures == [] and len(report.fetched) == 2
        assert clock.slept == [1.0]  # the second request to the same host waited the host delay
        again = job(ws).urls(urls)
        assert sorted(again.unchanged) == sorted(urls) and site.counts["/blog/falcon"] == 1  # no new request
        rows = {r["source"]: r for r in ws.catalog()}
        assert rows[urls[0]]["kind"] == "html" and rows[urls[0]]["fetch_status"] == "ok"
        assert rows[urls[1]]["kind"] == "markdown"
        assert ws.fetched(urls[0])["http"]["content_type"] == "text/html"
    over_urls = run(urls, tmp_path / "ws", offline=True)
    over_files = run([str(SAMPLE / "falcon180b.html"), str(SAMPLE / "llama2_card.md")], tmp_path / "files")
    facts = lambda r: sorted((f.kind, f.value, f.model, f.start, f.end) for f in r.facts)  # noqa: E731
    assert facts(over_urls) == facts(over_files) and over_urls.failures == []


@pytest.mark.parametrize(("path", "reason"), [
    ("/missing", "HTTP 404"),
    ("/slow", "timed out after 0.5 s"),
    ("/loop", "too many redirects"),
    ("/huge", "too large: 1,000,000,000 bytes"),
    ("/truncated.pdf", "download broke off"),
    ("/not-a-pdf.pdf", "not a PDF"),
    ("/nav-only", "HTML has no article text"),
])
@pytest.mark.slow
def test_bad_documents_fail_clearly_and_the_batch_goes_on(site, tmp_path, path, reason):
    with Workspace(tmp_path / "ws") as ws:
        report = job(ws, timeout=0.5).urls([f"{site.base}{path}", f"{site.base}/blog/olmo"])
        assert [(url, why[:len(reason)]) for url, why in report.failures] == [(f"{site.base}{path}", reason)]
        assert list(report.fetched.values()) == [f"{site.base}/blog/olmo"]
        assert ws.fetched(f"{site.base}{path}")["status"] == "failed"


@pytest.mark.slow
def test_retries_honour_retry_after_and_recover_from_a_500(site, tmp_path):
    clock = Clock()
    with Workspace(tmp_path / "ws") as ws:
        report = job(ws, clock, host_delay=0).urls([f"{site.base}/limited", f"{site.base}/flaky"])
    assert report.failures == []
    assert 7.0 in clock.slept and 2.0 in clock.slept  # Retry-After: 7; then the first backoff step
    assert site.counts["/limited"] == 2 and site.counts["/flaky"] == 2


@pytest.mark.slow
def test_feeds_and_sitemaps_list_posts_through_trafilatura(site, tmp_path):
    with Workspace(tmp_path / "ws") as ws:
        report = job(ws).feed(f"{site.base}/feed.xml")
        assert sorted(report.fetched.values()) == [f"{site.base}/blog/falcon", f"{site.base}/blog/olmo"]
        report = job(ws).sitemap(f"{site.base}/sitemap.xml")
        assert sorted(report.unchanged) == [f"{site.base}/blog/falcon", f"{site.base}/blog/olmo"]
        bad = job(ws).feed(f"{site.base}/not-xml")
        assert bad.failures == [(f"{site.base}/not-xml", "not a feed: no RSS, Atom or JSON feed entries")]


@pytest.mark.slow
def test_arxiv_metadata_pdf_versions_and_request_spacing(site, tmp_path):
    api = f"{site.base}/api/query"
    with Workspace(tmp_path / "ws") as ws:
        report = job(ws).arxiv(["2407.00001"], api=api, delay=0)
        (doc_id,) = report.fetched
        row = ws.document_row(doc_id)
        assert row["title"] == "Notes on Llama 3.1 405B" and row["date"] == "2024-07-23"
        assert row["metadata"]["version"] == "v2" and row["metadata"]["authors"] == ["A. Author", "B. Author"]
        assert row["metadata"]["categories"] == ["cs.CL", "cs.LG"]
        assert job(ws).arxiv(["2407.00001"], api=api, delay=0).unchanged == ["arxiv:2407.00001"]
        site.version = 3  # a new version: a new document linked to the old one
        newer = job(ws, refresh=True).arxiv(["2407.00001"], api=api, delay=0)
        (new_id,) = newer.fetched
        assert new_id != doc_id and ws.fetched("arxiv:2407.00001")["previous_doc_id"] == doc_id
        site.requests.clear()
        query = job(ws, refresh=True).arxiv(query="all:llama", max_results=2, api=api, delay=0.3, page_size=1)
        assert len(query.fetched) == 2
    api_times = [t for t, p in site.requests if p.startswith("/api/")]
    assert len(api_times) == 2 and api_times[1] - api_times[0] >= 0.3  # one page per request, spaced


@pytest.mark.slow
def test_offline_uses_the_workspace_alone(site, tmp_path):
    url = f"{site.base}/blog/falcon"
    with Workspace(tmp_path / "ws") as ws:
        assert job(ws, offline=True).urls([url]).failures == [(url, "offline, and not in the workspace")]
        job(ws).urls([url])
        assert job(ws, offline=True).urls([url]).unchanged == [url]
    assert site.counts["/blog/falcon"] == 1


@pytest.mark.slow
def test_run_accepts_urls_and_names_failures(site, tmp_path):
    fetcher = Fetcher(allow_private=True, host_delay=0)
    result = run([f"{site.base}/blog/olmo", f"{site.base}/missing"], tmp_path / "ws", fetcher=fetcher)
    assert result.failures == [(f"{site.base}/missing", "HTTP 404")]
    assert {f.model for f in result.facts} >= {"OLMo 2 7B"}


def test_file_names_in_the_workspace_come_from_hashes(site, tmp_path):
    with Workspace(tmp_path / "ws") as ws:
        job(ws).urls([f"{site.base}/blog/falcon?x=../../etc/passwd"])
    stored = [p for p in (tmp_path / "ws" / "raw").rglob("*") if p.is_file()]
    assert len(stored) == 1 and len(stored[0].name) == 64 and stored[0].is_relative_to(tmp_path / "ws")


def test_a_document_error_names_the_url(site):
    with pytest.raises(DocumentError, match="HTTP 404"):
        Fetcher(timeout=2, allow_private=True).get(f"{site.base}/missing")


@pytest.mark.slow
def test_fetch_and_corpus_commands(site, tmp_path):
    ws = tmp_path / "ws"
    url = f"{site.base}/blog/falcon"
    proc = floptrail("fetch", "url", url, f"{site.base}/missing", "--workspace", ws, "--host-delay", "0",
                     "--allow-private")
    assert proc.returncode == 1 and "1 fetched, 0 already in the workspace, 1 failed" in proc.stdout
    assert f"{site.base}/missing: HTTP 404" in proc.stderr
    assert "Fetching 2/2 (100%)" in proc.stderr  # in a log, progress is a line at every tenth of the batch
    listing = floptrail("corpus", "list", "--workspace", ws).stdout
    assert "blog/falcon" in listing and "html" in listing and "HTTP 404" in listing
    shown = floptrail("corpus", "show", "blog/falcon", "--workspace", ws).stdout
    assert f"from {url} (ok)" in shown and "facts" in shown
    proc = floptrail("fetch", "arxiv", "2412.00002", "--arxiv-api", f"{site.base}/api/query", "--arxiv-delay", "0",
                     "--workspace", ws, "--host-delay", "0", "--allow-private")
    assert proc.returncode == 0 and "1 fetched" in proc.stdout
