"""The workspace: raw files kept once under their content hash, and one SQLite catalog of documents,
their text and their facts. Each document is written in one transaction, so a killed run leaves whole
documents or none, and re-running ends in the same state. The catalog is in WAL mode (readers never wait for
a writer) with a busy timeout, and a write that finds it locked is tried again; one that stays locked raises
WorkspaceBusy, which costs that document only."""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import time
from collections.abc import Callable
from dataclasses import astuple, fields, replace
from datetime import UTC, datetime
from pathlib import Path

from floptrail.annotations.decisions import Decision
from floptrail.corpus.document import Document
from floptrail.extract.records import Extraction, Fact

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source TEXT NOT NULL, kind TEXT NOT NULL, title TEXT, date TEXT,
    pages INTEGER, page_starts TEXT, chars INTEGER, metadata TEXT, text TEXT NOT NULL,
    extractor TEXT, ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
    doc_id TEXT NOT NULL, source TEXT, text_sha256 TEXT, fact_id TEXT NOT NULL, start INTEGER NOT NULL,
    "end" INTEGER NOT NULL, span_text TEXT, answer TEXT, kind TEXT, value REAL, unit TEXT, model TEXT,
    hardware TEXT, stage TEXT, note TEXT, reviewer TEXT, time TEXT, key TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS fetches (
    source TEXT PRIMARY KEY, url TEXT, doc_id TEXT, previous_doc_id TEXT, status TEXT NOT NULL, error TEXT,
    fetched_at TEXT NOT NULL, http TEXT
);
CREATE TABLE IF NOT EXISTS extractions (
    doc_id TEXT PRIMARY KEY, inventory TEXT NOT NULL, rejected TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sources (
    source TEXT PRIMARY KEY, doc_id TEXT, status TEXT NOT NULL, error TEXT, updated_at TEXT NOT NULL
);
"""
FACT_COLUMNS = [f.name for f in fields(Fact)]
DECISION_COLUMNS = [f.name for f in fields(Decision)]
# facts are derived from stored documents: the table follows the Fact record, and when the record gains a
# field the table is rebuilt and every document re-extracted on the next run
FACTS_SCHEMA = (f"CREATE TABLE IF NOT EXISTS facts ({', '.join(chr(34) + c + chr(34) for c in FACT_COLUMNS)}, "
                "PRIMARY KEY (fact_id)); CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc_id);")


BUSY_TIMEOUT = 20.0  # seconds a statement waits for another process's lock (a long document's write is ~1 s)
WRITE_ATTEMPTS = 3  # a write still locked after the busy timeout is tried again, this many times in all
RETRY_PAUSE = 1.0  # seconds between two attempts


class WorkspaceBusy(Exception):
    """The catalog stayed locked by another process through every attempt."""


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers never see half a file. The file gets the
    permissions any new file of the process gets (0666 less the umask)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{secrets.token_hex(6)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Workspace:
    def __init__(self, root: Path, busy_timeout: float = BUSY_TIMEOUT, write_attempts: int = WRITE_ATTEMPTS):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.busy_timeout, self.write_attempts = busy_timeout, write_attempts
        self.db = sqlite3.connect(self.root / "floptrail.db", timeout=busy_timeout)
        try:
            self._retrying(self._prepare)
        except BaseException:
            self.db.close()
            raise

    def _prepare(self) -> None:
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.executescript(SCHEMA)
        columns = [row[1] for row in self.db.execute("PRAGMA table_info(facts)")]
        if columns and columns != FACT_COLUMNS:
            # facts follow the Fact record: rebuilt, and every document re-extracted on the next run
            self.db.executescript("BEGIN IMMEDIATE; DROP TABLE facts; UPDATE documents SET extractor = NULL; COMMIT;")
        self.db.executescript(FACTS_SCHEMA)

    def _retrying(self, work: Callable[[], None]) -> None:
        for attempt in range(1, self.write_attempts + 1):
            try:
                return work()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if self.db.in_transaction:
                    self.db.rollback()
                if attempt == self.write_attempts:
                    waited = self.write_attempts * self.busy_timeout + (self.write_attempts - 1) * RETRY_PAUSE
                    raise WorkspaceBusy(f"the workspace catalog {self.root / 'floptrail.db'} stayed locked by another "
                                        f"process for {waited:g} s; run again when it is free") from None
                time.sleep(RETRY_PAUSE)

    def _write(self, work: Callable[[], None]) -> None:
        """`work`'s statements in one transaction, taken at once (BEGIN IMMEDIATE, so the busy timeout
        applies to it), and tried again while another process holds the lock."""

        def transaction() -> None:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                work()

        self._retrying(transaction)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def keep_raw(self, data: bytes, doc_id: str) -> Path:
        path = self.root / "raw" / doc_id[:2] / doc_id
        if not path.exists():
            write_atomic(path, data)
        return path

    def extracted_with(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT extractor FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def save_document(self, document: Document, facts: list[Fact] | Extraction, extractor: str) -> None:
        """The document, its facts (with its inventory and rejected readings when given an Extraction) and its
        source status in one transaction."""
        self._write(lambda: self._save_document(document, facts, extractor))

    def _save_document(self, document: Document, facts: list[Fact] | Extraction, extractor: str) -> None:
        extraction = facts if isinstance(facts, Extraction) else None
        facts = extraction.facts if extraction else facts
        self.db.execute(
            "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (document.doc_id, document.source, document.kind, document.title, document.date,
             len(document.page_starts) or None, json.dumps(document.page_starts), len(document.text),
             json.dumps(document.metadata, default=str), document.text, extractor, now()))
        self.db.execute("DELETE FROM facts WHERE doc_id = ?", (document.doc_id,))
        self.db.executemany(
            f"INSERT OR REPLACE INTO facts VALUES ({','.join('?' * len(FACT_COLUMNS))})",
            [tuple(f.as_row().values()) for f in facts])
        inventory = extraction.inventory.as_rows() if extraction else []
        rejected = [{**r.fact.as_row(), "reason": r.reason} for r in extraction.rejected] if extraction else []
        self.db.execute("INSERT OR REPLACE INTO extractions VALUES (?,?,?)",
                        (document.doc_id, json.dumps(inventory), json.dumps(rejected)))
        self._set_source(document.source, document.doc_id, "ok", "")

    def inventory_of(self, doc_id: str) -> list[dict]:
        """The document's model inventory, one dict per model (see Inventory.as_rows)."""
        row = self.db.execute("SELECT inventory FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else []

    def rejected_of(self, doc_id: str) -> list[dict]:
        """The readings rejected in this document: fact fields and a `reason`."""
        row = self.db.execute("SELECT rejected FROM extractions WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0]) if row else []

    def record_failure(self, source: str, reason: str) -> None:
        self._write(lambda: self._set_source(source, None, "failed", reason))

    def mark_source(self, source: str, doc_id: str) -> None:
        self._write(lambda: self._set_source(source, doc_id, "ok", ""))

    def _set_source(self, source: str, doc_id: str | None, status: str, error: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO sources VALUES (?,?,?,?,?)", (source, doc_id, status, error, now()))

    def facts_for(self, doc_ids: list[str], source_of: dict[str, str] | None = None) -> list[Fact]:
        """Stored facts of these documents; `source_of` relabels them with the source given this run."""
        out = []
        for doc_id in doc_ids:
            rows = self.db.execute(
                f"SELECT {','.join(chr(34) + c + chr(34) for c in FACT_COLUMNS)} FROM facts WHERE doc_id = ? "
                "ORDER BY start, kind", (doc_id,)).fetchall()
            for row in rows:
                fact = Fact(**dict(zip(FACT_COLUMNS, row, strict=True)))
                if source_of and doc_id in source_of:
                    fact = replace(fact, source=source_of[doc_id])
                out.append(fact)
        return out

    def save_decisions(self, decisions: list[Decision]) -> None:
        """Keep review decisions; a later decision on the same span replaces the earlier one."""
        self._write(lambda: self.db.executemany(
            f"INSERT OR REPLACE INTO decisions VALUES ({','.join('?' * (len(DECISION_COLUMNS) + 1))})",
            [(*astuple(d), json.dumps(d.key)) for d in decisions]))

    def decisions(self) -> list[Decision]:
        columns = ",".join(f'"{c}"' for c in DECISION_COLUMNS)
        return [Decision(*row) for row in self.db.execute(f"SELECT {columns} FROM decisions ORDER BY key")]

    def current_documents(self) -> dict[str, str]:
        """doc_id -> source of every source's current version (the latest read of each file)."""
        rows = self.db.execute("SELECT doc_id, source FROM sources WHERE status = 'ok' AND doc_id IS NOT NULL")
        return {doc_id: source for doc_id, source in rows}

    def source_versions(self) -> dict[str, list[str]]:
        """source -> every document stored for it, oldest first (a changed file is a new document)."""
        rows = self.db.execute("SELECT source, doc_id FROM documents ORDER BY ingested_at")
        out: dict[str, list[str]] = {}
        for source, doc_id in rows:
            out.setdefault(source, []).append(doc_id)
        return out

    def text_of(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return row[0] if row else None

    def page_starts(self, doc_id: str) -> list[int]:
        """Where each page of a paged document (PDF) begins in its text; empty for other documents."""
        row = self.db.execute("SELECT page_starts FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return json.loads(row[0] or "[]") if row else []

    def fetched(self, source: str) -> dict | None:
        row = self.db.execute("SELECT url, doc_id, previous_doc_id, status, error, fetched_at, http FROM fetches "
                              "WHERE source = ?", (source,)).fetchone()
        if row is None:
            return None
        keys = ("url", "doc_id", "previous_doc_id", "status", "error", "fetched_at", "http")
        return {**dict(zip(keys, row, strict=True)), "http": json.loads(row[6] or "{}")}

    def record_fetch(self, source: str, url: str, doc_id: str | None, status: str, error: str, http: dict) -> None:
        """The catalog row of a fetch. A new document for a known source links to the one it replaces; a
        failed refresh keeps the document fetched before."""
        old = self.fetched(source) or {}
        current = doc_id or old.get("doc_id")
        previous = old.get("doc_id") if doc_id and old.get("doc_id") not in (None, doc_id) else old.get(
            "previous_doc_id")
        self._write(lambda: self.db.execute("INSERT OR REPLACE INTO fetches VALUES (?,?,?,?,?,?,?,?)",
                                            (source, url, current, previous, status, error, now(), json.dumps(http))))

    def catalog(self) -> list[dict]:
        """Every source with its current document, status and error: what `floptrail corpus list` shows."""
        rows = self.db.execute(
            "SELECT s.source, s.doc_id, s.status, s.error, d.title, d.date, d.kind, d.pages, f.fetched_at, "
            "f.previous_doc_id, f.status, f.error FROM sources s LEFT JOIN documents d ON d.doc_id = s.doc_id "
            "LEFT JOIN fetches f ON f.source = s.source "
            "UNION SELECT f.source, f.doc_id, f.status, f.error, d.title, d.date, d.kind, d.pages, f.fetched_at, "
            "f.previous_doc_id, f.status, f.error FROM fetches f LEFT JOIN documents d ON d.doc_id = f.doc_id "
            "WHERE f.source NOT IN (SELECT source FROM sources) ORDER BY 1").fetchall()
        keys = ("source", "doc_id", "status", "error", "title", "date", "kind", "pages", "fetched_at",
                "previous_doc_id", "fetch_status", "fetch_error")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def find(self, doc: str) -> list[dict]:
        """Catalog rows whose document id starts with `doc` or whose source contains it."""
        return [r for r in self.catalog() if r["doc_id"] and (r["doc_id"].startswith(doc) or doc in r["source"])]

    def document_row(self, doc_id: str) -> dict:
        row = self.db.execute("SELECT doc_id, source, kind, title, date, pages, chars, metadata, extractor, "
                              "ingested_at FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        keys = ("doc_id", "source", "kind", "title", "date", "pages", "chars", "metadata", "extractor", "ingested_at")
        return {**dict(zip(keys, row, strict=True)), "metadata": json.loads(row[7] or "{}")} if row else {}

    def documents_of_kind(self, kind: str) -> list[tuple[str, str, dict]]:
        """(doc_id, source, metadata) of the stored documents of one kind, such as imported scores."""
        rows = self.db.execute("SELECT doc_id, source, metadata FROM documents WHERE kind = ? ORDER BY source",
                               (kind,)).fetchall()
        return [(doc_id, source, json.loads(metadata or "{}")) for doc_id, source, metadata in rows]

    def document_info(self, doc_id: str) -> dict:
        """source, kind, title, date and date_source (where the date came from) of a stored document."""
        row = self.db.execute("SELECT source, kind, title, date, metadata FROM documents WHERE doc_id = ?",
                              (doc_id,)).fetchone()
        if not row:
            return {}
        info = dict(zip(("source", "kind", "title", "date"), row[:4], strict=True))
        return {**info, "date_source": json.loads(row[4] or "{}").get("date_source", "")}
