"""Reading documents in worker processes: the same workspace and the same tables as one process, with bad
documents and copies in the batch."""

import shutil
import sqlite3
from pathlib import Path

import pytest
from floptrail.extract.config import load_extract_config

from floptrail.export import write_outputs
from floptrail.run import run, sample_corpus
from floptrail.workers import ClusterError, DaskCluster, Job, LocalProcesses, engine_for


def mixed_corpus(folder: Path) -> Path:
    """The sample corpus, a copy of one of its documents under another name, a file that only claims to be
    a PDF, and an empty note."""
    shutil.copytree(sample_corpus(), folder)
    shutil.copy(folder / "chinchilla.txt", folder / "chinchilla_copy.txt")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    (folder / "empty.md").write_text("\n")
    return folder


def outputs(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("facts.csv", "estimates.csv", "models.csv", "methods.csv")}


def stored(workspace: Path) -> list[tuple]:
    with sqlite3.connect(workspace / "floptrail.db") as db:
        return (db.execute("SELECT source, doc_id, status, error FROM sources ORDER BY source").fetchall()
                + db.execute("SELECT fact_id, doc_id, kind, value, model FROM facts ORDER BY fact_id").fetchall())


@pytest.mark.slow
def test_two_workers_write_the_same_tables_and_workspace_as_one_process(tmp_path):
    corpus = mixed_corpus(tmp_path / "docs")
    results = {}
    for jobs in (1, 2):
        result = run([str(corpus)], tmp_path / f"ws{jobs}", use_curated=False, jobs=jobs)
        write_outputs(result, tmp_path / f"out{jobs}")
        results[jobs] = result
    assert outputs(tmp_path / "out1") == outputs(tmp_path / "out2")
    assert stored(tmp_path / "ws1") == stored(tmp_path / "ws2")
    assert results[1].failures == results[2].failures == [
        (str(corpus / "broken.pdf"), "unreadable PDF (Failed to load document (PDFium: Data format error).)"),
        (str(corpus / "empty.md"), "empty file"),
    ]
    # the copy is one document, known under the later name, as a one-process run has it
    assert {f.source for f in results[2].facts if "chinchilla" in f.source} == {str(corpus / "chinchilla_copy.txt")}


def test_a_run_with_nothing_new_starts_no_worker_and_builds_no_pipeline(tmp_path):
    engine = engine_for(load_extract_config(), "v", jobs=2)
    assert isinstance(engine, LocalProcesses)
    assert list(engine.map([])) == []


def test_a_single_document_is_read_in_this_process(tmp_path):
    text = b"We trained Tiny-7B on 2 trillion tokens.\n"
    reads = list(engine_for(load_extract_config(), "v", jobs=2).map([Job("note.txt", "note.txt", text)]))
    assert [(r.source, r.error, [(f.kind, f.value) for f in r.extraction.facts]) for r in reads] == [
        ("note.txt", "", [("tokens", 2e12)])]


def test_a_document_over_its_cpu_time_is_failed_with_the_reason_and_the_next_is_read():
    # a document that keeps a worker busy for ever (a defect) is stopped; a limit no reading can meet stands
    # in for a pathological document
    engine = engine_for(load_extract_config(), "v", jobs=1)
    slow = Job("slow.txt", "slow.txt", b"We trained Tiny-7B on 2 trillion tokens.\n" * 2000, max_cpu_seconds=0.001)
    fine = Job("note.txt", "note.txt", b"We trained Tiny-7B on 2 trillion tokens.\n")
    reads = list(engine.map([slow, fine]))
    assert [(r.source, r.error) for r in reads] == [
        ("slow.txt", "reading took more than 0.001 CPU seconds and was stopped"), ("note.txt", "")]
    assert [(f.kind, f.value) for f in reads[1].extraction.facts] == [("tokens", 2e12)]


def test_jobs_below_one_is_an_error():
    with pytest.raises(ValueError, match="--jobs must be at least 1"):
        engine_for(load_extract_config(), "v", jobs=0)


@pytest.mark.slow
def test_a_dask_cluster_of_two_worker_processes_writes_the_same_tables_as_a_plain_run(tmp_path):
    from dask.distributed import LocalCluster

    corpus = mixed_corpus(tmp_path / "docs")
    plain = run([str(corpus)], tmp_path / "ws_plain", use_curated=False, jobs=1)
    write_outputs(plain, tmp_path / "out_plain")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        spread = run([str(corpus)], tmp_path / "ws_dask", use_curated=False, scheduler=cluster.scheduler_address)
        workers = len(cluster.workers)
    write_outputs(spread, tmp_path / "out_dask")
    assert workers == 2
    assert outputs(tmp_path / "out_plain") == outputs(tmp_path / "out_dask")
    assert stored(tmp_path / "ws_plain") == stored(tmp_path / "ws_dask")
    assert spread.failures == plain.failures


def test_an_unreachable_scheduler_is_named_in_the_error():
    cluster = DaskCluster(load_extract_config(), "v", "tcp://127.0.0.1:9", connect_timeout=1)
    with pytest.raises(ClusterError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(cluster.map([Job("note.txt", "note.txt", b"We trained Tiny-7B on 2 trillion tokens.")]))


ZOO_CARD = """# Model zoo of the Ferrule project

We release four checkpoints: Ferrule-Code-7B, Ferrule-Chat-7B, Ferrule-Math-7B and Ferrule-Vision-7B.

| Checkpoint | Parameters | Tokens |
|---|---|---|
| Ferrule-Code-7B | 7B | 2T |
| Ferrule-Chat-7B | 7B | 2T |
| Ferrule-Math-7B | 7B | 2T |
| Ferrule-Vision-7B | 7B | 2T |
"""

READ_INVENTORY = """
import sys
from floptrail.corpus.document import Document
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
print(Extractor(load_extract_config(None)).read(Document("d", "d.md", "markdown", sys.stdin.read())).inventory.lines)
"""


@pytest.mark.slow
def test_a_documents_inventory_is_the_same_whatever_the_string_hashing_of_the_process():
    """Lines the text names equally often come in the order it first names them, not in a set's order (which
    Python's string hashing changes from one process to the next): documents.csv and every engine agree."""
    import os
    import subprocess
    import sys
    seen = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run([sys.executable, "-c", READ_INVENTORY], input=ZOO_CARD, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        seen.add(done.stdout.strip())
    assert len(seen) == 1
