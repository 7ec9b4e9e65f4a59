"""`floptrail fetch leaderboard` against a real HTTP server on 127.0.0.1 serving small leaderboard tables we
wrote in the published column layouts: a Chatbot Arena CSV, an Open LLM Leaderboard Parquet file (also as a
Hub dataset file, hf://datasets/...), and `models list --from-leaderboards`."""

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pandas as pd
import pytest
from floptrail.corpus.fetch import Fetcher
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from invoke import floptrail

from floptrail.fetching import Fetching
from floptrail.leaderboards import leaderboard_document, load_boards
from floptrail.run import extractor_version
from floptrail.workspace import Workspace

# Arena scores as the LMArena table lists them (December 2025 style: Score, 95% CI, Votes)
ARENA_CSV = (
    "Rank,Model,Arena Score,95% CI,Votes,Organization,License\n"
    "1,gemini-1.5-pro-002,1301,+4/-4,37000,Google,Proprietary\n"
    '2,"<a href=""https://example.org/llama"">Meta-Llama-3.1-405B-Instruct</a>",1266,+3/-3,43000,Meta,Llama 3.1\n'
    "3,qwen2.5-72b-instruct,1257,+3/-3,41000,Alibaba,Qwen\n"
    "4,secret-model,,,,Nobody,Proprietary\n"
)
OPEN_LLM = pd.DataFrame({
    "eval_name": ["Qwen_Qwen2.5-72B_bfloat16", "tiiuae_falcon-40b_bfloat16"],
    "fullname": ["Qwen/Qwen2.5-72B", "tiiuae/falcon-40b"],
    "Average ⬆️": [38.7, 11.3], "#Params (B)": [72.7, 40.0],
    "MMLU": [86.1, 57.0], "MMLU-PRO": [58.1, 22.6],
})


def parquet_bytes(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    frame.to_parquet(out, index=False)
    return out.getvalue()


class Site:
    base = ""
    files = {"/arena/leaderboard.csv": (ARENA_CSV.encode(), "text/csv; charset=utf-8"),
             "/open-llm/contents.parquet": (parquet_bytes(OPEN_LLM), "application/octet-stream"),
             "/datasets/open-llm-leaderboard/contents/resolve/main/data/train-00000-of-00001.parquet":
                 (parquet_bytes(OPEN_LLM.iloc[:1]), "application/octet-stream"),
             "/notes/page.csv": (b"a,b\n1,2\n", "text/csv")}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body, ctype = Site.files.get(self.path, (b"not found", "text/plain"))
        self.send_response(200 if self.path in Site.files else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Site.base = f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Site
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module")
def config():
    return load_extract_config()


def test_an_arena_table_gives_a_fact_per_score_at_its_place(config):
    document, facts, notes = leaderboard_document(ARENA_CSV.encode(), "arena.csv", config, load_boards())
    assert document.kind == "scores" and document.metadata["leaderboard"] == "Chatbot Arena (LMArena)"
    assert document.text.splitlines()[:3] == ["Model,Arena Score", "gemini-1.5-pro-002,1301",
                                              "Meta-Llama-3.1-405B-Instruct,1266"]  # the link's words only
    read = [(f.model_mention, f.unit, f.value, document.text[f.start:f.end]) for f in facts]
    assert read == [("gemini-1.5-pro-002", "Arena_Elo_text_raw", 1301.0, "1301"),
                    ("Meta-Llama-3.1-405B-Instruct", "Arena_Elo_text_raw", 1266.0, "1266"),
                    ("qwen2.5-72b-instruct", "Arena_Elo_text_raw", 1257.0, "1257")]
    assert all(f.kind == "benchmark" and f.rule == "leaderboard" and f.quote in document.text for f in facts)
    assert notes == ["row 5: secret-model: no score"]


def test_an_open_llm_table_in_parquet_reads_its_own_mmlu(config):
    document, facts, _ = leaderboard_document(parquet_bytes(OPEN_LLM), "contents.parquet", config, load_boards())
    assert document.metadata["leaderboard"] == "Open LLM Leaderboard"
    read = [(f.model_mention, f.unit, round(f.value, 4), document.text[f.start:f.end]) for f in facts]
    assert read == [("Qwen/Qwen2.5-72B", "MMLU_openllm_v1", 0.861, "86.1"),
                    ("tiiuae/falcon-40b", "MMLU_openllm_v1", 0.57, "57")]


def test_fetching_keeps_each_table_and_names_what_fails(site, tmp_path, config):
    urls = [f"{site.base}/arena/leaderboard.csv", f"{site.base}/open-llm/contents.parquet",
            "hf://datasets/open-llm-leaderboard/contents/data/train-00000-of-00001.parquet",
            f"{site.base}/notes/page.csv", f"{site.base}/missing.csv"]
    with Workspace(tmp_path / "ws") as ws:
        job = Fetching(ws, Extractor(config), extractor_version(None), Fetcher(timeout=5, host_delay=0,
                                                                               allow_private=True))
        report = job.leaderboards(urls, load_boards(), endpoint=site.base)
        assert sorted(report.fetched.values()) == sorted(urls[:3])
        assert report.failures == [(urls[3], "no model column (configs/leaderboards.toml names the ones read)"),
                                   (urls[4], "HTTP 404")]
        assert report.warnings == [(urls[0], "1 rows left out: row 5: secret-model: no score")]
        hub = ws.fetched(urls[2])
        assert hub["url"] == (f"{site.base}/datasets/open-llm-leaderboard/contents/resolve/main/data/"
                              "train-00000-of-00001.parquet") and hub["status"] == "ok"
        assert [f.model_mention for f in ws.facts_for([hub["doc_id"]])] == ["Qwen/Qwen2.5-72B"]
        again = job.leaderboards(urls[:1], load_boards(), endpoint=site.base)
        assert again.unchanged == urls[:1]


@pytest.mark.slow
def test_models_list_shows_leaderboard_models_no_document_estimates(site, tmp_path):
    ws = tmp_path / "ws"
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("Llama 3.1 405B was pretrained with 3.8e25 FLOPs.\n", encoding="utf-8")
    assert floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "out", "--no-curated").returncode == 0
    proc = floptrail("fetch", "leaderboard", f"{site.base}/arena/leaderboard.csv", "--workspace", ws,
                     "--host-delay", "0", "--allow-private")
    assert proc.returncode == 0, proc.stderr
    assert "1 fetched, 0 already in the workspace, 0 failed" in proc.stdout
    proc = floptrail("models", "list", "--from-leaderboards", "--workspace", ws)
    assert proc.returncode == 0, proc.stderr
    assert "2 of the 3 leaderboard models have no estimate from documents" in proc.stdout
    rows = [line.split("│")[1:-1] for line in proc.stdout.splitlines() if line.startswith("│")]
    assert [[c.strip() for c in r] for r in rows] == [  # largest guess first; the benchmark method's guesses
        ["Gemini 1.5 Pro", "gemini-1.5-pro-002", "Arena_Elo_text_raw 1301", "4.14e24", "benchmark", "leaderboard only"],
        ["qwen2.5-72b", "qwen2.5-72b-instruct", "Arena_Elo_text_raw 1257", "2.59e24", "benchmark", "leaderboard only"]]
    everything = floptrail("models", "list", "--from-leaderboards", "--all", "--workspace", ws).stdout
    assert "│ Llama 3.1 405B │ Meta-Llama-3.1-405B-Instruct │" in everything  # a document estimates it
    assert "3.8e25   │ direct    │ documents" in everything
