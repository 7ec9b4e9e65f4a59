"""`floptrail reference update` against a real HTTP server on 127.0.0.1 serving two tables in Epoch AI's
columns, and the study commands using the workspace's table, else the shipped snapshot, when given none."""

import csv
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from floptrail.corpus.fetch import Fetcher
from floptrail.extract.reference import CREDIT, load_reference, shipped_snapshot
from invoke import floptrail

from floptrail.epoch_tables import reference_table, update_reference, workspace_snapshot

# public figures in Epoch's column layout (two tables, as Epoch publishes them); Epoch AI's data is CC-BY 4.0
NOTABLE = (
    "Model,Organization,Publication date,Domain,Parameters,Training compute (FLOP),Training hardware,"
    "Hardware utilization (MFU),Base model\n"
    "Llama 3.1-405B,Meta AI,2024-07-23,Language,405000000000,3.8e+25,NVIDIA H100 SXM5 80GB,0.41,\n"
    "PaLM (540B),Google Research,2022-04-04,Language,540000000000,2.5272e+24,Google TPU v4,0.462,\n"
    "Falcon-180B,Technology Innovation Institute,2023-09-06,Language,180000000000,,NVIDIA A100 SXM4 40 GB,,\n"
)
LARGE_SCALE = (
    "Model,Organization,Publication date,Parameters,Training compute (FLOP)\n"
    "Falcon-180B,Technology Innovation Institute,2023-09-06,180000000000,3.76e+24\n"
    "Gopher (280B),DeepMind,2021-12-08,280000000000,6.31e+23\n"
)


class Tables:
    base = ""
    files = {"/data/notable_ai_models.csv": NOTABLE.encode(), "/data/large_scale_ai_models.csv": LARGE_SCALE.encode(),
             "/data/page.html": b"<html><body><p>Moved.</p></body></html>"}
    asked: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        Tables.asked.append(self.path)
        body = Tables.files.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/csv; charset=utf-8" if self.path.endswith(".csv") else "text/html")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Tables.base = f"http://127.0.0.1:{httpd.server_port}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield Tables
    httpd.shutdown()
    httpd.server_close()


def urls(server, *paths):
    return [f"{server.base}/data/{p}" for p in paths]


def fetcher():
    return Fetcher(timeout=5, host_delay=0, allow_private=True)


def test_update_writes_the_workspace_snapshot_merged_with_its_credit(server, tmp_path):
    ws = tmp_path / "ws"
    assert reference_table(ws) == shipped_snapshot()  # nothing downloaded yet: the shipped snapshot
    report = update_reference(ws, fetcher(), urls(server, "notable_ai_models.csv", "large_scale_ai_models.csv"))
    assert report.failures == [] and report.path == workspace_snapshot(ws) == reference_table(ws)
    assert server.asked[-2:] == ["/data/notable_ai_models.csv", "/data/large_scale_ai_models.csv"]
    assert (report.models, report.with_compute) == (4, 4)
    text = report.path.read_text(encoding="utf-8")
    assert text.startswith(f"# {CREDIT}\n") and f"{server.base}/data/notable_ai_models.csv (fetched " in text
    reference = load_reference(report.path)
    falcon = reference.get("Falcon-180B")  # the first table wins field by field; the second fills its blanks
    assert (falcon.organization, falcon.training_compute_flop) == ("Technology Innovation Institute", 3.76e24)
    rows = {r["model"]: r for r in csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))}
    assert rows["Falcon-180B"]["table"] == "notable_ai_models large_scale_ai_models"
    assert rows["PaLM (540B)"]["training_hardware"] == "Google TPU v4"
    assert rows["PaLM (540B)"]["hardware_utilization_mfu"] == "0.462"
    kept = sorted(p.name for p in (ws / "reference" / "tables").iterdir())  # the downloads, named by content
    assert len(kept) == 2 and all(len(name) == len("0123456789abcdef.csv") for name in kept)


def test_a_failed_table_replaces_nothing(server, tmp_path):
    ws = tmp_path / "ws"
    update_reference(ws, fetcher(), urls(server, "large_scale_ai_models.csv"))
    before = workspace_snapshot(ws).read_bytes()
    report = update_reference(ws, fetcher(), urls(server, "notable_ai_models.csv", "missing.csv", "page.html"))
    assert report.path is None
    assert report.failures == [
        (f"{server.base}/data/missing.csv", "HTTP 404"),
        (f"{server.base}/data/page.html", "not a table of Epoch AI's models (not a table of models: needs a "
                                          "'Model' (Epoch's) or 'model' column)")]
    assert workspace_snapshot(ws).read_bytes() == before


def test_local_addresses_are_refused_unless_allowed(server, tmp_path):
    report = update_reference(tmp_path / "ws", Fetcher(timeout=5, host_delay=0),
                              urls(server, "notable_ai_models.csv"))
    assert report.path is None and "refused: 127.0.0.1 is a loopback address" in report.failures[0][1]


@pytest.mark.slow
def test_reference_update_and_the_study_commands_use_the_workspace_table(server, tmp_path):
    ws = tmp_path / "ws"
    proc = floptrail("reference", "update", "--workspace", ws, "--allow-private",
                     *(a for u in urls(server, "notable_ai_models.csv", "large_scale_ai_models.csv")
                       for a in ("--url", u)))
    assert proc.returncode == 0, proc.stderr
    assert f"Wrote {ws / 'reference' / 'epoch_models.csv'}: 4 models, 4 with training compute" in proc.stdout
    assert "CC-BY 4.0 (credit Epoch AI)" in proc.stdout
    assert f"{ws / 'reference' / 'epoch_models.csv'}: 4 models" in floptrail("reference", "show", "--workspace",
                                                                              ws).stdout
    results = tmp_path / "results"
    results.mkdir()
    (results / "estimates.csv").write_text(
        "model,variant_of,training_flop,flop_low,flop_high,method\n"
        "Llama 3.1 405B,,3.8e25,3.0e25,4.8e25,direct\nPaLM 540B,,2.6e24,2.0e24,3.3e24,hardware\n", encoding="utf-8")
    proc = floptrail("validate", "--results", results, "--workspace", ws)
    assert proc.returncode == 0, proc.stderr
    assert f"Epoch AI's models from {ws / 'reference' / 'epoch_models.csv'}: 4 models" in proc.stderr
    assert "all paired models: paired=2 median error 1.01x" in proc.stdout
    assert "they list, we lack: 2" in proc.stdout  # Falcon-180B and Gopher: only the workspace's 4 models
    proc = floptrail("calibrate", "utilization", "--workspace", ws, "--out", tmp_path / "utilization.toml")
    assert proc.returncode == 0, proc.stderr
    assert "Stated MFUs by hardware generation (2 runs)" in proc.stdout


def test_a_fresh_install_validates_against_the_shipped_snapshot(tmp_path):
    results = tmp_path / "results"
    results.mkdir()
    (results / "estimates.csv").write_text("model,variant_of,training_flop,flop_low,flop_high,method\n"
                                           "Gopher 280B,,6.3e23,5e23,8e23,arithmetic\n", encoding="utf-8")
    proc = floptrail("validate", "--results", results, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f"Epoch AI's models from {shipped_snapshot()}" in proc.stderr and "CC-BY 4.0" in proc.stderr
    assert "all paired models: paired=1 median error 1.00x" in proc.stdout
    assert not (tmp_path / ".floptrail").exists()  # reading the reference makes no workspace


@pytest.mark.slow
def test_a_fresh_install_forecasts_from_the_shipped_snapshot(tmp_path):
    proc = floptrail("forecast", "--runs", "20", "--out", tmp_path / "fc", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "epoch_models.csv gives the models before 2024" in " ".join(proc.stdout.split())
    observed = {(r["threshold"], r["year"]): int(r["observed"])
                for r in csv.DictReader((tmp_path / "fc" / "counts.csv").open(encoding="utf-8"))}
    assert observed[("1e25", "2024")] == 12  # Epoch's tables list 12 models over 1e25 FLOP by the end of 2024
