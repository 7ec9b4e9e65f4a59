"""`floptrail bench`: CPU and wall time per stage, rates, peak memory, distinct copies, skipped documents."""

import shutil

import pytest
from floptrail.corpus.load import content_hash
from invoke import floptrail

from floptrail.bench import benchmark, benchmark_sources, copies
from floptrail.run import sample_corpus

NOTE = "Tiny-7B was trained on 2 trillion tokens with 64 H100 GPUs for 3 days.\n"


def test_copies_are_distinct_documents_with_the_same_text(tmp_path):
    (tmp_path / "a.txt").write_text(NOTE)
    numbered = list(copies([tmp_path / "a.txt"], 3))
    assert [i for i, _ in numbered] == [0, 1, 2]
    jobs = [job for _, job in numbered]
    assert [j.source.rsplit("/", 1)[-1] for j in jobs] == ["a.txt", "a.txt#copy1", "a.txt#copy2"]
    assert len({content_hash(j.raw) for j in jobs}) == 3
    assert {j.raw.rstrip() for j in jobs} == {NOTE.rstrip().encode()}


def test_every_copy_is_read_and_a_bad_document_is_skipped_with_its_reason(tmp_path):
    (tmp_path / "a.txt").write_text(NOTE)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\nnot really a pdf\n")
    b = benchmark([tmp_path / "a.txt", tmp_path / "broken.pdf", tmp_path / "gone.md"], scale=2)
    assert (b.documents, b.pages, b.facts) == (2, 2, 2 * 4)  # tokens, chip count, hardware, duration
    assert [(s.rsplit("/", 1)[-1], r) for s, r in b.failures] == [
        ("broken.pdf", "unreadable PDF (Failed to load document (PDFium: Data format error).)"),
        ("gone.md", "cannot read file (No such file or directory)"),
        ("broken.pdf#copy1", "unreadable PDF (Failed to load document (PDFium: Data format error).)"),
        ("gone.md#copy1", "cannot read file (No such file or directory)"),
    ]
    assert all(b.stages[s].cpu > 0 and b.stages[s].wall > 0 for s in ("build", "parse", "extract", "store"))
    rows = {name: rest for name, *rest in b.rows()}
    assert rows["end to end"][0] == pytest.approx(sum(b.stages[s].cpu for s in ("parse", "extract", "store",
                                                                                   "analyse")))
    assert rows["end to end"][3] == pytest.approx(2 / rows["end to end"][0])  # pages per CPU second
    assert b.peak_memory_mb > 50
    assert [n for n, _ in b.copies] == [1, 1]  # one readable document in each copy
    assert all(ms > 0 for ms in b.ms_per_document_by_copy())


def test_scale_below_one_is_an_error():
    with pytest.raises(ValueError, match="--scale must be at least 1"):
        benchmark_sources(["."], scale=0)


@pytest.mark.slow
def test_bench_prints_every_stage_and_the_help_time(tmp_path):
    shutil.copy(sample_corpus() / "gpt3_notes.txt", tmp_path)
    proc = floptrail("bench", tmp_path, "--scale", "2")
    assert proc.returncode == 0, proc.stderr
    assert "2 documents (2 copies), 2 pages" in proc.stdout
    assert all(word in proc.stdout for word in ("build", "parse", "extract", "store", "analyse", "end to end",
                                                  "pages/CPU s", "peak memory", "floptrail --help",
                                                  "per document, by copy"))
