"""The reliability cases of issue 15, each re-run as a tester ran it: a hostile server on 127.0.0.1, long
documents, a catalog locked by another process, malformed review files, hostile names and content, odd
encodings, the umask, exit codes. Each ends in a named error or a correct result, with the other documents
processed and stored. Bounded in time (every wait here is a second or two) and size; the 2,000-page PDF is
measured by scripts/bench_long_pdf.py, not here."""

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from floptrail.annotations.decisions import Decision
from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.fetch import Fetcher
from floptrail.corpus.load import parse_document
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.extract.pieces import piece_bounds
from fpdf import FPDF
from invoke import floptrail

from floptrail.export import read_table
from floptrail.review import import_annotations
from floptrail.run import RunResult, extractor_version, ingest, open_fetching, run, sample_corpus
from floptrail.workers import InProcess
from floptrail.workspace import Workspace

SAMPLE = sample_corpus()
POST = (b"<html><head><title>Zeta-3B</title></head><body><article><h1>Zeta-3B</h1><p>Zeta-3B was trained on "
        b"2 trillion tokens with 256 A100 GPUs over 12 days, its authors report in this post.</p></article></body>"
        b"</html>")
LOCAL = ("127.0.0.1/32",)  # the test server's address, and no other private one


class Hostile(BaseHTTPRequestHandler):
    """Serves what the issue's tester met: a day-long Retry-After, a dripping body, redirects to private
    addresses, a feed whose site link is its home page, a page in latin-1 declared only in the header."""

    seen: list[str]

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", ctype="text/html", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def do_GET(self):
        self.seen.append(self.path)
        base = f"http://{self.headers['Host']}"
        if self.path == "/rate-limited":
            return self.send(429, b"later", headers=[("Retry-After", "86400")])
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "400")
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                for _ in range(20):  # 2 bytes every 0.2 s: each read is quick, the whole never ends in time
                    self.wfile.write(b"<p")
                    self.wfile.flush()
                    time.sleep(0.2)
            return None
        if self.path in ("/to-link-local", "/to-other-loopback", "/to-file"):
            target = {"/to-link-local": "http://169.254.169.254/latest/meta-data/",
                      "/to-other-loopback": f"http://127.0.0.2:{self.server.server_port}/post",
                      "/to-file": "file:///etc/passwd"}[self.path]
            return self.send(302, headers=[("Location", target)])
        if self.path == "/feed.xml":
            body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Blog</title><link>{base}/</link>"
                    f"<item><title>Zeta</title><link>{base}/post</link></item></channel></rss>")
            return self.send(200, body.encode(), "application/rss+xml")
        if self.path == "/latin1":
            page = POST.decode().replace("Zeta-3B", "Café-3B").encode("latin-1")
            return self.send(200, page, "text/html; charset=ISO-8859-1")
        if self.path in ("/post", "/"):
            return self.send(200, POST)
        return self.send(404, b"no")


@pytest.fixture
def server():
    seen: list[str] = []
    handler = type("Handler", (Hostile,), {"seen": seen})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", seen
    httpd.shutdown()
    httpd.server_close()


def fetch_job(ws, **fetcher):
    job = open_fetching(ws, host_delay=0)
    job.fetcher = Fetcher(host_delay=0, **{"allowed_networks": LOCAL, "timeout": 5.0, **fetcher})
    return job


def pdf_of(pages: list[str]) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_case_01_a_day_long_retry_after_fails_the_url_at_once(server, tmp_path):
    base, seen = server
    with Workspace(tmp_path / "ws") as ws:
        job = fetch_job(ws, max_wait=60)
        started = time.monotonic()
        report = job.urls([f"{base}/rate-limited", f"{base}/post"])
    assert time.monotonic() - started < 5
    assert report.failures == [(f"{base}/rate-limited",
                                "HTTP 429: the server asks to wait 86,400 s, more than the 60 s allowed")]
    assert list(report.fetched.values()) == [f"{base}/post"]
    assert seen.count("/rate-limited") == 1  # not retried: the wait asked for is the reason


@pytest.mark.slow
def test_case_02_one_deadline_for_the_whole_request_and_the_bytes_received(server, tmp_path):
    base, _ = server
    with Workspace(tmp_path / "ws") as ws:
        job = fetch_job(ws, timeout=1.0)
        started = time.monotonic()
        report = job.urls([f"{base}/drip"])
        assert time.monotonic() - started < 2  # the server would drip for 4 s; each read alone is quick
        report = job.urls([f"{base}/post"], report)
    ((url, reason),) = report.failures
    assert url == f"{base}/drip" and reason.startswith("timed out after 1 s (")
    received = int(reason.split("(")[1].split(" bytes")[0])
    assert 2 <= received < 400 and received % 2 == 0  # what did arrive, counted as it came
    assert list(report.fetched.values()) == [f"{base}/post"]


@pytest.mark.slow
def test_case_03_text_past_spacys_limit_is_read_in_pieces_with_global_offsets():
    config = load_extract_config()
    pages = ["Foo-7B is the model this report introduces, a decoder-only transformer.",
             "Foo-7B was trained on 2 trillion tokens of filtered web text.\n\n" + "Filler prose. " * 100,
             "The pre-training of Foo-7B used 512 H100 GPUs for 20 days.",
             "Foo-7B has 7 billion parameters."]
    document = parse_document(pdf_of(pages), "foo.pdf", "pdf")
    whole = Extractor(config).extract(document)
    reader = Extractor(config, piece_chars=900)  # a piece a page, the long page cut: the same facts, at the same places
    reader.nlp.max_length = 1_000  # and spaCy refuses the whole text, as it does past 1,000,000 characters
    assert len(document.text) > reader.nlp.max_length
    with pytest.raises(ValueError, match="E088"):
        reader.nlp(document.text)
    pieced = reader.extract(document)
    facts = lambda fs: sorted((f.fact_id, f.kind, f.value, f.model, f.page, f.start, f.end) for f in fs)  # noqa: E731
    assert facts(pieced) == facts(whole)
    assert {(f.kind, f.value, f.page) for f in pieced} >= {("tokens", 2e12, 2), ("chip_count", 512, 3),
                                                          ("params", 7e9, 4)}
    assert all(document.text[f.start:f.end] in f.quote for f in pieced)


def test_case_03_pieces_end_at_pages_then_blank_lines_and_cover_the_text():
    text = "a" * 50 + "\n\n" + "b" * 60 + "\n" + "c" * 200
    assert piece_bounds(text, (), 100) == [(0, 52), (52, 113), (113, 213), (213, 313)]
    # a cut keeps each piece at least half full: the line end at 113 is too early for the piece from 70
    assert piece_bounds(text, (0, 30, 70), 100) == [(0, 70), (70, 170), (170, 270), (270, 313)]
    assert piece_bounds("short", (), 100) == [(0, 5)]


def test_case_03_a_pdf_past_max_pages_fails_by_name_and_the_batch_goes_on(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "long.pdf").write_bytes(pdf_of(["Page one.", "Page two.", "Page three."]))
    (docs / "gpt3_notes.txt").write_bytes((SAMPLE / "gpt3_notes.txt").read_bytes())
    result = run([str(docs)], tmp_path / "ws", max_pages=2)
    assert result.failures == [(str(docs / "long.pdf"), "3 pages, more than the 2 allowed (--max-pages)")]
    assert {f.model for f in result.facts} == {"GPT-3 175B"}


def hold_lock(db: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the catalog's write lock; returns once the lock is taken."""
    code = (f"import sqlite3, sys, time\ndb = sqlite3.connect({str(db)!r}, isolation_level=None)\n"
            f"db.execute('BEGIN EXCLUSIVE')\nprint('locked', flush=True)\ntime.sleep({seconds})\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


@pytest.mark.slow
def test_case_04_a_catalog_locked_for_seconds_costs_nothing(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("gpt3_notes.txt", "olmo2.html"):
        (docs / name).write_bytes((SAMPLE / name).read_bytes())
    run([str(docs)], tmp_path / "ws")
    (docs / "falcon180b.html").write_bytes((SAMPLE / "falcon180b.html").read_bytes())
    holder = hold_lock(tmp_path / "ws" / "floptrail.db", 3)
    result = run([str(docs)], tmp_path / "ws")
    holder.wait()
    assert result.failures == []
    with Workspace(tmp_path / "ws") as ws:
        assert sorted(ws.current_documents().values()) == sorted(str(p) for p in docs.iterdir())
        assert ws.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.slow
def test_case_04_a_lock_outlasting_every_retry_costs_one_document_and_no_traceback(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gpt3_notes.txt").write_bytes((SAMPLE / "gpt3_notes.txt").read_bytes())
    (docs / "empty.md").write_bytes(b"")
    engine = InProcess(load_extract_config())
    with Workspace(tmp_path / "ws", busy_timeout=0.2, write_attempts=2) as ws:
        holder = hold_lock(tmp_path / "ws" / "floptrail.db", 5)  # longer than both documents' tries
        result = RunResult()
        done = ingest(sorted(docs.iterdir()), ws, engine, extractor_version(None), result)
        holder.wait()
        assert done == {}
        reasons = dict(result.failures)
        assert reasons[str(docs / "empty.md")] == "empty file"  # named, though the catalog could not take it
        assert reasons[str(docs / "gpt3_notes.txt")].startswith("not stored: the workspace catalog")
        assert "stayed locked by another process" in reasons[str(docs / "gpt3_notes.txt")]
        result = RunResult()  # the lock gone, the same batch stores everything
        ingest(sorted(docs.iterdir()), ws, engine, extractor_version(None), result)
        assert result.failures == [(str(docs / "empty.md"), "empty file")]
        assert list(ws.current_documents().values()) == [str(docs / "gpt3_notes.txt")]


@pytest.fixture
def annotated(tmp_path):
    """A workspace with two documents, and their annotation files as exported."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("gpt3_notes.txt", "llama2_card.md"):
        (docs / name).write_bytes((SAMPLE / name).read_bytes())
    ws = tmp_path / "ws"
    run([str(docs)], ws)
    assert floptrail("review", "export", "--workspace", ws, "--out", tmp_path / "ann").returncode == 0
    files = {p.name.split(".")[0]: [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]
             for p in (tmp_path / "ann").glob("*.jsonl")}
    return tmp_path, ws, files


def write_lines(path: Path, lines: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_case_05_review_import_is_all_or_nothing_and_names_every_problem(annotated):
    tmp_path, ws, files = annotated
    ok = [files["gpt3_notes"][0], {**files["gpt3_notes"][1], "answer": "accept"}]
    header, span = files["llama2_card"][0], {**files["llama2_card"][1], "answer": "accept"}
    size = len(header["text"])
    bad = [header, {**span, "start": "abc"}, {k: v for k, v in span.items() if k != "start"},
           {**span, "value": "seven billion"},
           {"start": -5, "end": -1, "text": header["text"][-5:-1], "kind": "params", "answer": "accept"},
           {"start": size + 10, "end": size + 20, "text": "", "kind": "params", "answer": "accept"},
           {**span, "fact_id": 'x" onmouseover="alert(5)'}, "not an object"]
    tasks = [{"data": {"doc_id": header["doc_id"], "text": header["text"]},
              "annotations": [{"result": [{"type": "labels", "id": "x", "value": {"start": 1}}]}]}]
    (tmp_path / "ls.json").write_text(json.dumps(tasks), encoding="utf-8")
    paths = [write_lines(tmp_path / "ok.jsonl", ok), write_lines(tmp_path / "bad.jsonl", bad), tmp_path / "ls.json"]
    proc = floptrail("review", "import", *paths, "--workspace", ws)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[0] == "nothing imported: 9 problems"
    bad_at = f"{tmp_path / 'bad.jsonl'}, line"
    for expected in (f'{bad_at} 2: start must be a whole number, not "abc"', f"{bad_at} 3: start is missing",
                     f'{bad_at} 4: value must be a number, not "seven billion"',
                     f"{bad_at} 5: start -5 is before the start of the text",
                     f"{bad_at} 6: end {size + 20} is past the end of the text ({size} characters)",
                     f"{bad_at} 7: fact_id 'x\" onmouseover=\"alert(5)' is not one floptrail wrote",
                     f"{bad_at} 8: a span must be a JSON object",
                     f"{tmp_path / 'ls.json'}, task 1, result 1: end is missing"):
        assert expected in proc.stderr
    with Workspace(ws) as workspace:
        assert workspace.decisions() == []  # the good file was not kept either
        counts = import_annotations(workspace, [paths[0]], "ana")
        assert counts == [(paths[0], 1)] and len(workspace.decisions()) == 1


def test_case_06_a_hostile_fact_id_already_in_a_workspace_stays_text_on_the_review_page(annotated):
    tmp_path, ws, files = annotated  # review import refuses it now (case 5); an older workspace may hold one
    header, span = files["llama2_card"][0], files["llama2_card"][1]
    hostile = 'x" onmouseover="alert(5)'
    with Workspace(ws) as workspace:
        workspace.save_decisions([Decision(header["doc_id"], header["source"], "", hostile, span["start"],
                                           span["end"], span["text"], "accept", span["kind"], span["value"], "",
                                           span["model"])])
    assert floptrail("review", "html", "--workspace", ws, "--out", tmp_path / "pages").returncode == 0
    page = next((tmp_path / "pages").glob("llama2_card*.html")).read_text(encoding="utf-8")
    assert 'onmouseover="alert(5)' not in page and "x&quot; onmouseover=&quot;alert(5)" in page


def test_case_07_csv_cells_never_run_as_formulas(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "formula.md").write_text("# Mini-7B\n\n=1+1 Mini-7B was trained on 2 trillion tokens.\n\n"
                                     "+Mini-7B used 512 H100 GPUs.\n\n@Mini-7B has 7 billion parameters.\n",
                                     encoding="utf-8")
    out = tmp_path / "out"
    assert floptrail("run", docs, "--workspace", tmp_path / "ws", "--out", out, "--no-curated").returncode == 0
    raw = (out / "facts.csv").read_text(encoding="utf-8")
    assert ",'=1+1 Mini-7B was trained on 2 trillion tokens.," in raw
    assert ",'+Mini-7B used 512 H100 GPUs.," in raw and ",'@Mini-7B has 7 billion parameters.," in raw
    assert not any(cell and cell[0] in "=+@" for line in raw.splitlines() for cell in line.split(","))
    quotes = set(read_table(out / "facts.csv")["quote"])  # read back as written in the document
    assert "=1+1 Mini-7B was trained on 2 trillion tokens." in quotes


def test_case_08_private_addresses_are_refused_before_any_connection(server, tmp_path):
    base, seen = server
    with pytest.raises(DocumentError, match=r"refused: 127\.0\.0\.1 is a loopback address"):
        Fetcher(host_delay=0).get(f"{base}/post")
    assert seen == []  # refused before connecting
    guarded = Fetcher(host_delay=0, allowed_networks=LOCAL)  # only the test server's own address is allowed
    for path, reason in (("/to-link-local", "refused: 169.254.169.254 is a link-local address"),
                         ("/to-other-loopback", "refused: 127.0.0.2 is a loopback address"),
                         ("/to-file", "refused: file scheme in file:///etc/passwd (only http and https)")):
        with pytest.raises(DocumentError) as caught:
            guarded.get(f"{base}{path}")
        assert caught.value.reason.startswith(reason)
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/"):
        with pytest.raises(DocumentError, match="only http and https"):
            guarded.get(url)
    assert Fetcher(host_delay=0, allow_private=True).get(f"{base}/post").body == POST  # --allow-private
    with Workspace(tmp_path / "ws") as ws:  # the batch goes on past a refused URL
        report = fetch_job(ws).urls([f"{base}/to-link-local", f"{base}/post"])
    assert [url for url, _ in report.failures] == [f"{base}/to-link-local"]
    assert list(report.fetched.values()) == [f"{base}/post"]


def test_case_09_names_print_as_written(tmp_path):
    docs = tmp_path / "docs"
    (docs / "a[").mkdir(parents=True)
    (docs / "a[" / "x]b.md").write_bytes(b"")
    (docs / "[red]other.md").write_bytes(b"")
    (docs / "gpt3_notes.txt").write_bytes((SAMPLE / "gpt3_notes.txt").read_bytes())
    proc = floptrail("run", docs, "--workspace", tmp_path / "ws", "--out", tmp_path / "out")
    assert proc.returncode == 1 and "MarkupError" not in proc.stderr
    assert f"failed {docs / 'a[' / 'x]b.md'}: empty file" in proc.stderr
    assert f"failed {docs / '[red]other.md'}: empty file" in proc.stderr
    assert (tmp_path / "out" / "facts.csv").exists()


def test_case_10_encodings_are_honoured_or_guessed_aloud_and_controls_removed(server, tmp_path):
    base, _ = server
    docs = tmp_path / "docs"
    docs.mkdir()
    note = "# Kestrel-7B\n\nKestrel-7B, from the café team, was trained on 2 trillion tokens.\n"
    (docs / "utf16.md").write_bytes(note.encode("utf-16"))
    (docs / "latin1.md").write_bytes(note.replace("Kestrel", "Osprey").encode("latin-1"))
    (docs / "latin1.html").write_bytes(POST.replace(b"<head>", b"<head><meta charset='iso-8859-1'>")
                                       .replace(b"its authors", "the café's authors".encode("latin-1")))
    (docs / "nul.txt").write_bytes(b"Mini-7B notes.\n\nMini-7B was trained on 2\x00 trillion tokens.\n\n"
                                   b"The Mini-7\x00B model used 64 H100 GPUs.\n")
    result = run([str(docs)], tmp_path / "ws", use_curated=False)
    assert result.failures == []
    found = {(Path(f.source).name, f.kind, f.model) for f in result.facts}
    assert {("utf16.md", "tokens", "Kestrel-7B"), ("latin1.md", "tokens", "Osprey-7B"),
            ("latin1.html", "tokens", "Zeta-3B"), ("nul.txt", "tokens", "Mini-7B"),
            ("nul.txt", "chip_count", "Mini-7B")} <= found
    quotes = {Path(f.source).name: f.quote for f in result.facts if f.kind == "tokens"}
    assert "café team" in quotes["utf16.md"] and "café team" in quotes["latin1.md"]
    assert "café's authors" in quotes["latin1.html"] and "\x00" not in quotes["nul.txt"]
    ((source, warning),) = result.warnings  # only the undeclared latin-1 note was guessed, and it is said
    assert Path(source).name == "latin1.md"
    assert warning.startswith("encoding not declared; read as ") and warning.endswith(" (guessed)")
    with Workspace(tmp_path / "fetched") as ws:  # a charset given only in the HTTP header
        report = fetch_job(ws).urls([f"{base}/latin1"])
        (doc_id,) = report.fetched
        assert ws.fetched(f"{base}/latin1")["http"]["charset"] == "iso-8859-1"
        assert "Café-3B" in ws.text_of(doc_id) and report.warnings == []


@pytest.mark.slow
def test_case_11_files_follow_the_umask(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gpt3_notes.txt").write_bytes((SAMPLE / "gpt3_notes.txt").read_bytes())
    for umask, mode in ((0o022, 0o644), (0o077, 0o600)):
        old = os.umask(umask)
        try:
            out, ws = tmp_path / f"out{umask:o}", tmp_path / f"ws{umask:o}"
            assert floptrail("run", docs, "--workspace", ws, "--out", out).returncode == 0
        finally:
            os.umask(old)
        written = [*out.glob("*.csv"), *(ws / "raw").rglob("*")]
        assert {p.stat().st_mode & 0o777 for p in written if p.is_file()} == {mode}


@pytest.mark.slow
def test_case_12_exit_codes_tell_a_crash_from_failed_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "gpt3_notes.txt").write_bytes((SAMPLE / "gpt3_notes.txt").read_bytes())
    ws = tmp_path / "ws"
    assert floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "out").returncode == 0
    (docs / "empty.md").write_bytes(b"")
    assert floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "out").returncode == 1
    assert floptrail("run", docs, "--no-such-option").returncode == 2
    (tmp_path / "a-file").write_text("", encoding="utf-8")  # --out names a file: the command cannot go on
    crash = floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "a-file")
    assert crash.returncode == 3 and "Traceback" not in crash.stderr
    (line,) = crash.stderr.strip().splitlines()[-1:]
    assert line.startswith("internal error: FileExistsError") and "the details are in " in line
    log = Path(line.split("the details are in ")[1].rstrip(")"))
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_case_12_a_feed_is_not_a_post_of_its_own(server, tmp_path):
    base, seen = server
    with Workspace(tmp_path / "ws") as ws:
        report = fetch_job(ws).feed(f"{base}/feed.xml")
    assert list(report.fetched.values()) == [f"{base}/post"] and report.failures == []
    assert "/" not in seen  # the channel's link to the blog's home page is not fetched


def test_document_records_say_how_their_text_was_decoded():
    doc = parse_document("Ünïcode-1B notes".encode("utf-16"), "x.txt", "text")
    assert isinstance(doc, Document) and doc.text == "Ünïcode-1B notes" and doc.metadata["encoding"] == "utf-16 (bom)"
