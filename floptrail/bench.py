"""Throughput by stage, so speed work has a baseline and shows where the time goes: building the pipeline,
then per document parse (bytes to text), extract (text to facts) and store (into a scratch workspace), then
analyse (canonical names and estimates over everything stored). Each stage is timed in CPU seconds (what
the work costs, however busy the machine is) and wall seconds. A document without pages (HTML, Markdown,
text) counts as one page. `scale` reads K distinct copies of the sources, to show how cost grows with a
corpus. Documents are read one after another through `read_job`, the same function every engine of
`floptrail run` uses, so the figures are per core."""

from __future__ import annotations

import math
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from floptrail.corpus.load import content_hash
from floptrail.estimate.config import load_estimate_config
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.run import analyse, expand_sources, extractor_version, source_name
from floptrail.workers import Clock, Job, read_job
from floptrail.workspace import Workspace

PER_DOCUMENT = ("parse", "extract", "store")


@dataclass
class Stage:
    cpu: float = 0.0
    wall: float = 0.0

    def add(self, spent: tuple[float, float]) -> None:
        self.cpu += spent[0]
        self.wall += spent[1]


@dataclass
class Bench:
    scale: int = 1
    documents: int = 0
    pages: int = 0
    facts: int = 0
    stages: dict[str, Stage] = field(default_factory=lambda: {s: Stage() for s in ("build", *PER_DOCUMENT,
                                                                                      "analyse")})
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): skipped, not timed
    peak_memory_mb: float = 0.0
    # per copy of the sources: (documents read, CPU seconds of their parse, extract and store); the first copy
    # also pays one-time costs (spaCy's vocabulary meets each word once), so growth shows between later copies
    copies: list[tuple[int, float]] = field(default_factory=list)

    def ms_per_document_by_copy(self) -> list[float]:
        return [1000 * cpu / n if n else math.nan for n, cpu in self.copies]

    def end_to_end(self) -> Stage:
        """Every stage after the pipeline's build: what a corpus costs once the program is running."""
        parts = [self.stages[s] for s in (*PER_DOCUMENT, "analyse")]
        return Stage(sum(p.cpu for p in parts), sum(p.wall for p in parts))

    def rows(self) -> list[tuple[str, float, float, float, float]]:
        """(stage, CPU seconds, wall seconds, documents per CPU second, pages per CPU second)."""
        out = []
        for name, stage in [*self.stages.items(), ("end to end", self.end_to_end())]:
            cpu = stage.cpu if name != "build" else 0.0  # built once, whatever the corpus: no rate
            out.append((name, stage.cpu, stage.wall, self.documents / cpu if cpu else math.nan,
                        self.pages / cpu if cpu else math.nan))
        return out


def copies(files: list[Path], scale: int) -> Iterator[tuple[int, Job | tuple[str, str]]]:
    """The files `scale` times over, each with its copy's number; copy i has i newlines appended, so its content
    hash differs while every parser reads the same text. A file that cannot be read is (source, reason)."""
    for i in range(scale):
        for path in files:
            source = source_name(path) + (f"#copy{i}" if i else "")
            try:
                yield i, Job(source, path.name, path.read_bytes() + b"\n" * i)
            except OSError as exc:
                yield i, (source, f"cannot read file ({exc.strerror})")


def benchmark(files: list[Path], config_dir: Path | None = None, scale: int = 1) -> Bench:
    bench = Bench(scale=scale)
    clock = Clock()
    extract_config = load_extract_config(config_dir)
    extractor, version = Extractor(extract_config), extractor_version(config_dir)
    bench.stages["build"].add(clock.lap())
    with tempfile.TemporaryDirectory(prefix="floptrail-bench-") as scratch, Workspace(Path(scratch)) as workspace:
        done = {}
        bench.copies = [(0, 0.0)] * scale
        for i, job in copies(files, scale):
            if isinstance(job, tuple):
                bench.failures.append(job)
                continue
            read = read_job(job, extractor)
            if read.error:
                bench.failures.append((job.source, read.error))
                continue
            for stage, spent in read.seconds.items():
                bench.stages[stage].add(spent)
            clock.lap()
            doc_id = content_hash(job.raw)
            workspace.keep_raw(job.raw, doc_id)
            workspace.save_document(read.document, read.extraction.facts, version)
            done[doc_id] = job.source
            bench.stages["store"].add(stored := clock.lap())
            n, cpu = bench.copies[i]
            bench.copies[i] = (n + 1, cpu + sum(read.seconds[s][0] for s in ("parse", "extract")) + stored[0])
            bench.documents += 1
            bench.pages += max(1, len(read.document.page_starts))
            bench.facts += len(read.extraction.facts)
        clock.lap()
        analyse(workspace, done, extract_config, load_estimate_config(config_dir, use_curated=False))
        bench.stages["analyse"].add(clock.lap())
    bench.peak_memory_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return bench


def benchmark_sources(sources: list[str], config_dir: Path | None = None, scale: int = 1) -> Bench:
    """Files and folders of documents, `scale` distinct copies of each, timed stage by stage."""
    if scale < 1:
        raise ValueError(f"--scale must be at least 1, not {scale}")
    return benchmark(expand_sources(sources), config_dir, scale)


def help_seconds(repeat: int = 3) -> float:
    """Wall seconds of `floptrail --help` in a fresh interpreter: the best of `repeat`, the least disturbed
    by whatever else the machine runs."""
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "floptrail", "--help"], capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best
