"""Where documents are read (parsed, then extracted): in this process, in local worker processes, or on a
Dask cluster. Every engine reads a Job into a Read with the same `read_job`, and gives the Reads back in the
order the Jobs came, so the one writer (`run.ingest`) stores them exactly as a plain run would.

The workspace never leaves the writer: workers get bytes and give back documents and extractions."""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.pdf import MAX_PAGES

if TYPE_CHECKING:  # the pipeline's libraries load where documents are read, not where this module is imported
    from floptrail.extract.config import ExtractConfig
    from floptrail.extract.facts import Extractor
    from floptrail.extract.records import Extraction

# the longest devset document takes a few CPU seconds; one that takes minutes has met a defect (a pattern
# backtracking without end) and is failed with that reason instead of holding up the batch for ever
MAX_CPU_SECONDS = 120.0
IN_FLIGHT_PER_WORKER = 8  # jobs ahead per worker: a long document at the head of the order (results are
# stored in order) leaves the other workers this many to read meanwhile; memory stays bounded by the window


@dataclass(frozen=True)
class Job:
    """One document to read: its raw bytes and where they came from."""

    source: str
    name: str  # the file name, which helps tell the document's kind
    raw: bytes
    max_pages: int = MAX_PAGES  # a longer PDF fails with its length
    max_cpu_seconds: float = MAX_CPU_SECONDS  # a slower document fails with its time


@dataclass(frozen=True)
class Read:
    """A document read: the parsed document and its extraction, or the reason it could not be read; with
    the (CPU, wall) seconds each stage took where it ran."""

    source: str
    document: Document | None = None
    extraction: Extraction | None = None
    error: str = ""
    seconds: dict[str, tuple[float, float]] | None = None  # "parse", "extract" -> (CPU, wall)


class Clock:
    """CPU and wall seconds since the last lap."""

    def __init__(self):
        self.cpu, self.wall = time.process_time(), time.perf_counter()

    def lap(self) -> tuple[float, float]:
        cpu, wall = time.process_time(), time.perf_counter()
        spent = (cpu - self.cpu, wall - self.wall)
        self.cpu, self.wall = cpu, wall
        return spent


def read_job(job: Job, extractor: Extractor) -> Read:
    """Parse and extract one document; a failure becomes its reason, so one document never stops a batch."""
    from floptrail.corpus.load import document_from_bytes
    clock, seconds = Clock(), {}
    try:
        with cpu_time_limit(job.max_cpu_seconds, job.source):
            document = document_from_bytes(job.raw, job.source, job.name, max_pages=job.max_pages)
            seconds["parse"] = clock.lap()
            extraction = extractor.read(document)
            seconds["extract"] = clock.lap()
        return Read(job.source, document, extraction, seconds=seconds)
    except DocumentError as exc:
        return Read(job.source, error=exc.reason)
    except Exception as exc:  # a defect met on one document must not cost the batch its other documents
        return Read(job.source, error=f"extraction failed ({type(exc).__name__}: {exc})")


@contextmanager
def cpu_time_limit(seconds: float, source: str):
    """Stop the work inside after `seconds` of this process's CPU time with a DocumentError. CPU time, not
    wall time, so a busy machine fails nothing; only where a timer signal can reach the work (the main thread
    on a POSIX system: a plain run and local workers, not a Dask worker's threads)."""
    if not seconds or not hasattr(signal, "SIGVTALRM") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, frame):
        raise DocumentError(source, f"reading took more than {seconds:g} CPU seconds and was stopped")

    previous = signal.signal(signal.SIGVTALRM, stop)
    signal.setitimer(signal.ITIMER_VIRTUAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_VIRTUAL, 0)
        signal.signal(signal.SIGVTALRM, previous)


# A worker process (local or Dask) lives for many jobs and builds its pipeline once, on its first job; the
# key is the extractor version, so a worker given other configs builds anew instead of reusing stale rules.
_worker_extractor: dict[str, Extractor] = {}


def read_in_worker(job: Job, config: ExtractConfig, version: str) -> Read:
    from floptrail.extract.facts import Extractor
    if version not in _worker_extractor:
        _worker_extractor.clear()
        _worker_extractor[version] = Extractor(config)
    return read_job(job, _worker_extractor[version])


class Engine(Protocol):
    def map(self, jobs: Iterable[Job]) -> Iterator[Read]:
        """The Read of each Job, in the Jobs' order; nothing is built or started until the first Job."""


class InProcess:
    """Read in this process, one document after another."""

    def __init__(self, config: ExtractConfig):
        self.config = config
        self._extractor: Extractor | None = None

    def map(self, jobs: Iterable[Job]) -> Iterator[Read]:
        from floptrail.extract.facts import Extractor
        for job in jobs:
            if self._extractor is None:
                self._extractor = Extractor(self.config)
            yield read_job(job, self._extractor)


class LocalProcesses:
    """Read in `workers` processes on this machine. Workers fork from a server that has imported the
    pipeline's libraries once; a batch of one document is read here instead, where starting workers would
    cost more than it saves."""

    def __init__(self, config: ExtractConfig, version: str, workers: int):
        self.config, self.version, self.workers = config, version, workers

    def map(self, jobs: Iterable[Job]) -> Iterator[Read]:
        jobs = iter(jobs)
        first, second = next(jobs, None), next(jobs, None)
        if first is None:
            return
        if second is None:
            yield from InProcess(self.config).map([first])
            return
        yield from self._pooled(_chain(first, second, jobs))

    def _pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=_forkserver())

    def _submit(self, pool: ProcessPoolExecutor, job: Job):
        return pool.submit(read_in_worker, job, self.config, self.version)

    def _pooled(self, jobs: Iterator[Job]) -> Iterator[Read]:
        pool = self._pool()
        pending: deque = deque()
        try:
            while True:
                while len(pending) < self.workers * IN_FLIGHT_PER_WORKER and (job := next(jobs, None)):
                    pending.append((job, self._submit(pool, job)))
                if not pending:
                    return
                job, future = pending.popleft()
                try:
                    yield future.result()
                except BrokenProcessPool:
                    # a worker died (a crash in a native parser, or out of memory): the documents it may have
                    # held are read again one at a time, so only the one that kills a worker is failed
                    suspects = [job, *(j for j, _ in pending)]
                    pending.clear()
                    pool.shutdown(cancel_futures=True)
                    pool = self._pool()
                    for suspect in suspects:
                        try:
                            yield self._submit(pool, suspect).result()
                        except BrokenProcessPool:
                            yield Read(suspect.source, error="its worker process died while reading it")
                            pool.shutdown(cancel_futures=True)
                            pool = self._pool()
        finally:
            pool.shutdown(cancel_futures=True)


# what a worker reads with, imported once by the server that workers fork from
WORKER_MODULES = ["floptrail.corpus.load", "floptrail.extract.facts", __name__]


def _forkserver() -> multiprocessing.context.ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(WORKER_MODULES)
    return context


def start_local_workers(jobs: int | None = None, scheduler: str | None = None) -> None:
    """Start the server local workers fork from now, where a run will read in worker processes: it imports the
    pipeline's libraries on another core while this process imports its own (half a second of a short run)."""
    if not scheduler and (cores() if jobs is None else jobs) > 1:
        _forkserver()
        from multiprocessing import forkserver
        forkserver.ensure_running()


class ClusterError(ValueError):
    """The Dask scheduler cannot be reached, or Dask is not installed."""


class DaskCluster:
    """Read on the workers of a Dask cluster (`tcp://HOST:8786`); this process stays the one writer.
    Workers need the same floptrail installed, and one thread each (pdfium is not thread-safe)."""

    def __init__(self, config: ExtractConfig, version: str, address: str, connect_timeout: float = 30.0):
        self.config, self.version, self.address, self.timeout = config, version, address, connect_timeout

    def map(self, jobs: Iterable[Job]) -> Iterator[Read]:
        jobs = iter(jobs)
        first = next(jobs, None)
        if first is None:
            return
        try:
            from dask.distributed import Client
        except ImportError:
            raise ClusterError("--scheduler needs Dask: pip install 'floptrail[dask]'") from None
        try:
            client = Client(self.address, timeout=self.timeout)
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {self.address} ({exc})") from None
        with client:
            window = IN_FLIGHT_PER_WORKER * max(1, sum(client.nthreads().values()))
            config = client.scatter(self.config, broadcast=True)
            pending: deque = deque()
            for job in _chain(first, None, jobs):
                pending.append((job, client.submit(read_in_worker, job, config, self.version, pure=False)))
                if len(pending) >= window:
                    yield _settled(*pending.popleft())
            while pending:
                yield _settled(*pending.popleft())


def _settled(job: Job, future) -> Read:
    try:
        return future.result()
    except Exception as exc:  # the cluster gave up on the task (its worker died too often, or was lost)
        return Read(job.source, error=f"the cluster could not read it ({type(exc).__name__}: {exc})")


def _chain(first: Job, second: Job | None, rest: Iterator[Job]) -> Iterator[Job]:
    yield first
    if second is not None:
        yield second
    yield from rest


def cores() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def engine_for(config: ExtractConfig, version: str, jobs: int | None = 1, scheduler: str | None = None) -> Engine:
    """A Dask cluster when a scheduler is given, else `jobs` local processes (None: every core), else this
    process."""
    if scheduler:
        return DaskCluster(config, version, scheduler)
    workers = cores() if jobs is None else jobs
    if workers < 1:
        raise ValueError(f"--jobs must be at least 1, not {workers}")
    return LocalProcesses(config, version, workers) if workers > 1 else InProcess(config)
