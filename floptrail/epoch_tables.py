"""Epoch AI's tables of AI models (CC-BY 4.0, credit Epoch AI) in a workspace: `floptrail reference update`
downloads the CSVs Epoch publishes, keeps each under its content hash and converts them into one reference
snapshot (the form of the one shipped in `configs/epoch_models.csv`). Every command that needs Epoch's data
and is given no file (forecast, validate, calibrate) uses the workspace's snapshot, else the shipped one."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from floptrail.corpus.document import DocumentError
from floptrail.corpus.fetch import Fetcher
from floptrail.extract.reference import CREDIT, load_reference, merge_tables, read_rows, shipped_snapshot, snapshot_text
from floptrail.workspace import now, write_atomic

# the daily-updated downloads Epoch AI links from https://epoch.ai/data/ai-models; the first listed wins where
# both tables give a field (the notable table is revised more often)
EPOCH_URLS = ("https://epoch.ai/data/notable_ai_models.csv", "https://epoch.ai/data/large_scale_ai_models.csv")
FOLDER = "reference"  # inside the workspace
SNAPSHOT = "epoch_models.csv"


@dataclass
class ReferenceUpdate:
    """What an update did: the snapshot written (None when any table failed, so the old one stays), its models,
    those with a compute figure, and (url, reason) for each table that could not be had."""

    path: Path | None = None
    models: int = 0
    with_compute: int = 0
    tables: list[str] = field(default_factory=list)  # url (fetched at, sha256) of each table used
    failures: list[tuple[str, str]] = field(default_factory=list)


def workspace_snapshot(workspace: Path) -> Path:
    return Path(workspace) / FOLDER / SNAPSHOT


def reference_table(workspace: Path | None = None) -> Path:
    """The table of Epoch's models a command uses when given none: the workspace's (after `floptrail
    reference update`), else the snapshot shipped with floptrail."""
    own = workspace_snapshot(workspace) if workspace is not None else None
    return own if own is not None and own.is_file() else shipped_snapshot()


def table_name(url: str) -> str:
    """A short name for a table, from the last part of its URL's path ("notable_ai_models"); used in the
    snapshot's `table` column only, never as a file name."""
    stem = PurePosixPath(urlsplit(url).path).stem
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", stem)[:60] or "table"


def update_reference(workspace: Path, fetcher: Fetcher, urls: tuple[str, ...] | list[str] = EPOCH_URLS
                     ) -> ReferenceUpdate:
    """Download each table, keep its bytes in the workspace, and write the merged snapshot atomically. A
    table that cannot be fetched or is not a table of models fails with its reason, and then nothing is
    replaced: a snapshot missing one of the tables would silently lose its models."""
    report = ReferenceUpdate()
    folder = Path(workspace) / FOLDER
    tables = []
    for url in urls:
        try:
            body = fetcher.get(url).body
            rows = read_rows(body.decode("utf-8-sig"))
        except DocumentError as exc:
            report.failures.append((url, exc.reason))
            continue
        except (UnicodeDecodeError, ValueError) as exc:
            report.failures.append((url, f"not a table of Epoch AI's models ({exc})"))
            continue
        if not any(r.get("model") for r in rows):
            report.failures.append((url, "no models in the table"))
            continue
        sha = hashlib.sha256(body).hexdigest()
        write_atomic(folder / "tables" / f"{sha[:16]}.csv", body)  # the download as published, by content
        tables.append((table_name(url), rows))
        report.tables.append(f"{url} (fetched {now()}, sha256 {sha[:16]})")
    if report.failures or not tables:
        return report
    merged = merge_tables(tables)
    path = workspace_snapshot(workspace)
    write_atomic(path, snapshot_text(merged, report.tables).encode("utf-8"))
    reference = load_reference(path)  # what every command will read: read it back once here
    report.path, report.models = path, len(reference.models)
    report.with_compute = sum(1 for m in reference.models if m.training_compute_flop)
    return report


def describe(path: Path) -> str:
    """One line on a reference table: where it is, how many models, and the credit Epoch AI is owed."""
    reference = load_reference(path)
    with_compute = sum(1 for m in reference.models if m.training_compute_flop)
    return f"{path}: {len(reference.models)} models, {with_compute} with training compute. {CREDIT}"
