"""Throughput of the two per-document stages, parse (bytes to text) and extract (text to facts), so speed
work has a baseline. A document without pages (HTML, Markdown, text) counts as one page."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from floptrail.corpus.document import DocumentError
from floptrail.corpus.load import document_from_bytes
from floptrail.extract.config import load_extract_config
from floptrail.extract.facts import Extractor
from floptrail.run import expand_sources


@dataclass
class StageTimes:
    documents: int = 0
    pages: int = 0
    facts: int = 0
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0
    failed: int = 0

    def rows(self) -> list[tuple[str, float, float, float]]:
        """(stage, seconds, documents per second, pages per second)."""
        out = []
        for stage, seconds in (("parse", self.parse_seconds), ("extract", self.extract_seconds),
                               ("total", self.parse_seconds + self.extract_seconds)):
            out.append((stage, seconds, self.documents / seconds if seconds else 0.0,
                        self.pages / seconds if seconds else 0.0))
        return out


def benchmark(files: list[Path], extractor: Extractor) -> StageTimes:
    times = StageTimes()
    for path in files:
        data = path.read_bytes()
        start = time.perf_counter()
        try:
            document = document_from_bytes(data, str(path), path.name)
        except DocumentError:
            times.failed += 1
            continue
        parsed = time.perf_counter()
        times.facts += len(extractor.extract(document))
        times.parse_seconds += parsed - start
        times.extract_seconds += time.perf_counter() - parsed
        times.documents += 1
        times.pages += max(1, len(document.page_starts))
    return times


def benchmark_sources(sources: list[str], config_dir: Path | None = None) -> StageTimes:
    """Files and folders of documents timed with a freshly built pipeline (its build is not timed)."""
    return benchmark(expand_sources(sources), Extractor(load_extract_config(config_dir)))
