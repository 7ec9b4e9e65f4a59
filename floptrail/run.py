"""The run: sources -> documents -> facts -> canonical models -> estimates, stored and written out.
This is the one place that knows every stage."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import deque
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from floptrail.annotations.decisions import Decision, apply_decisions, carry_over
from floptrail.corpus.document import DocumentError
from floptrail.corpus.fetch import Fetcher
from floptrail.corpus.load import EXTENSIONS, content_hash
from floptrail.corpus.pdf import MAX_PAGES
from floptrail.estimate.combine import estimate_model
from floptrail.estimate.config import EstimateConfig, load_estimate_config
from floptrail.estimate.grouping import group_by_model
from floptrail.estimate.records import ModelEstimate
from floptrail.estimate.variants import fine_tune_rows, sized_base, variant_estimate, variant_names
from floptrail.extract.canonical import Resolution, family_names, resolve, same_models
from floptrail.extract.config import ExtractConfig, load_extract_config
from floptrail.extract.fact_models import canonicalise, introduced_models
from floptrail.extract.lineage import SAME_MODEL, links_from
from floptrail.extract.records import Fact
from floptrail.fetching import Fetching, FetchReport, Progress, is_remote
from floptrail.leaderboards import leaderboard_models
from floptrail.scores import scores_document
from floptrail.workers import Engine, Job, Read, engine_for
from floptrail.workspace import Workspace, WorkspaceBusy

if TYPE_CHECKING:
    import pandas as pd

    from floptrail.extract.facts import Extractor


@dataclass
class RunResult:
    facts: list[Fact] = field(default_factory=list)
    estimates: list[ModelEstimate] = field(default_factory=list)  # per canonical model and variant
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, a caveat on how it was read)
    documents: dict[str, dict] = field(default_factory=dict)  # doc_id -> source, title, date
    flagged: list[tuple[Decision, str]] = field(default_factory=list)  # review decisions to look at again
    inventories: dict[str, list[dict]] = field(default_factory=dict)  # doc_id -> its model inventory's rows
    rejected: list[dict] = field(default_factory=list)  # readings not kept as facts: fact fields and a reason
    # the configs the run was made with, which its tables are written with (None: load them again)
    extract_config: ExtractConfig | None = None
    estimate_config: EstimateConfig | None = None

    def named_variants(self) -> dict[str, set[str]]:
        """The fine-tunes the documents' inventories name, each with the sources of the documents naming it."""
        named: dict[str, set[str]] = {}
        for doc_id, rows in self.inventories.items():
            source = self.documents.get(doc_id, {}).get("source", "")
            for variant in (v for row in rows for v in row.get("variants", "").split("; ") if v):
                named.setdefault(variant, set()).update({source} - {""})
        return named


def sample_corpus() -> Path:
    """The folder of sample documents shipped with floptrail (what `floptrail demo` runs on)."""
    return Path(str(resources.files("floptrail.corpus").joinpath("sample")))


def copy_sample(folder: Path) -> Path:
    """The sample corpus copied into `folder` (what `floptrail demo` reads, so its sources are files a user
    can open beside the outputs); the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(sample_corpus().iterdir()):
        target = folder / path.name
        if path.is_file() and (not target.exists() or target.read_bytes() != path.read_bytes()):
            shutil.copyfile(path, target)
    return folder


def source_name(path: Path) -> str:
    """How a file is named in the workspace and the outputs: relative to the working folder when inside it,
    else absolute, so `docs/a.pdf` and `/home/me/docs/a.pdf` read from /home/me are one source."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def expand_sources(sources: list[str]) -> list[Path]:
    """Files named, and the documents inside folders named, in a stable order."""
    files = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in EXTENSIONS))
        else:
            files.append(path)
    return files


def extractor_version(config_dir: Path | None) -> str:
    """Changes whenever extraction code or configs change, so stored facts are re-extracted then."""
    digest = hashlib.sha256()
    roots = [resources.files("floptrail.extract"), resources.files("floptrail.configs")]
    for root in roots:
        for path in sorted(Path(str(root)).rglob("*")):
            if path.suffix in (".py", ".toml", ".csv"):
                digest.update(path.read_bytes())
    if config_dir is not None:
        for path in sorted([*Path(config_dir).glob("*.toml"), *Path(config_dir).glob("*.csv")]):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def import_scores(paths: list[Path], workspace_dir: Path, config_dir: Path | None = None
                  ) -> list[tuple[str, int, list[str]]]:
    """Keep each scores file in the workspace; per file, (source, facts kept, notes on rows left out)."""
    config = load_extract_config(config_dir)
    report = []
    with Workspace(workspace_dir) as workspace:
        for path in paths:
            try:
                data = path.read_bytes()
                document, facts, skipped = scores_document(data, str(path), config)
            except OSError as exc:
                report.append((str(path), 0, [f"cannot read file ({exc.strerror})"]))
                continue
            except DocumentError as exc:
                report.append((str(path), 0, [exc.reason]))
                continue
            workspace.keep_raw(data, document.doc_id)
            workspace.save_document(document, facts, "scores")
            report.append((str(path), len(facts), skipped))
    return report


@dataclass
class _Step:
    """One file of a batch, in order: to be read, already stored, a copy of one read earlier in the batch, or
    unreadable from disk."""

    source: str
    doc_id: str = ""
    job: Job | None = None
    copy: bool = False
    error: str = ""


def ingest(files: list[Path], workspace: Workspace, engine: Engine, version: str,
           result: RunResult, progress: Progress | None = None, max_pages: int = MAX_PAGES) -> dict[str, str]:
    """Parse and extract each new or changed file in `engine` (stored facts are reused when nothing changed),
    and store the documents here, in file order, so every engine leaves the same workspace; doc_id -> source.
    `progress(done, total, source)` is called after each file."""
    done: dict[str, str] = {}
    failed: dict[str, str] = {}  # doc_id -> reason, for copies of a document that could not be read
    plan: deque[_Step] = deque()
    counted = iter(range(1, len(files) + 1))

    def settle(step: _Step, read: Read | None = None) -> None:
        try:
            if step.error or (read is not None and read.error):
                failed[step.doc_id] = step.error or read.error
                _fail(workspace, result, step.source, failed[step.doc_id])
            elif read is not None:
                workspace.keep_raw(step.job.raw, step.doc_id)
                workspace.save_document(read.document, read.extraction, version)
                result.warnings += [(step.source, warning) for warning in read.document.warnings]
                done[step.doc_id] = step.source
            elif step.copy and step.doc_id in failed:
                _fail(workspace, result, step.source, failed[step.doc_id])
            else:
                workspace.mark_source(step.source, step.doc_id)
                done[step.doc_id] = step.source
        except WorkspaceBusy as exc:  # the catalog is what is locked: report it, write nothing more there
            result.failures.append((step.source, f"not stored: {exc}"))
        if progress is not None:
            progress(next(counted), len(files), step.source)

    for read in engine.map(_jobs(files, workspace, version, plan, max_pages)):
        while plan[0].job is None:
            settle(plan.popleft())
        settle(plan.popleft(), read)
    while plan:
        settle(plan.popleft())
    return done


def _jobs(files: list[Path], workspace: Workspace, version: str, plan: deque[_Step],
          max_pages: int = MAX_PAGES) -> Iterator[Job]:
    """Plan each file (appended to `plan` in file order) and yield the ones to read."""
    batch: set[str] = set()
    for path in files:
        source = source_name(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            plan.append(_Step(source, error=f"cannot read file ({exc.strerror})"))
            continue
        doc_id = content_hash(raw)
        if doc_id in batch:
            plan.append(_Step(source, doc_id, copy=True))
        elif workspace.extracted_with(doc_id) != version:
            batch.add(doc_id)
            plan.append(step := _Step(source, doc_id, Job(source, path.name, raw, max_pages)))
            yield step.job
        else:
            plan.append(_Step(source, doc_id))


def canonical_names(names: list[str], config_dir: Path | None = None) -> dict[str, Resolution]:
    """Each name with the model, family and variant it resolves to, merged across the names given."""
    return resolve(names, load_extract_config(config_dir).naming)


def _fail(workspace: Workspace, result: RunResult, source: str, reason: str) -> None:
    """A document that failed: reported, and recorded in the catalog unless the catalog is locked."""
    result.failures.append((source, reason))
    with suppress(WorkspaceBusy):  # reported above; the source is read again on the next run
        workspace.record_failure(source, reason)


def estimate_all(facts: list[Fact], extract_config: ExtractConfig, config: EstimateConfig,
                 dates: dict[str, str] | None = None, titles: list[str] = (),
                 model_dates: dict[str, str] | None = None, tuned: dict[str, str] | None = None,
                 named_variants: list[str] = (), introduced: dict[str, set[str]] | None = None
                 ) -> list[ModelEstimate]:
    """One row per canonical model, then one per variant seen in the documents, by name. `dates` are the
    documents' dates; `model_dates` release dates given with imported scores, used when no document has one;
    `tuned` the fine-tunes Hub cards name, each with its base (variant rows, never models of their own);
    `named_variants` the fine-tunes of their own models that documents name (rows of their own too);
    `introduced` the models documents introduce with no figure named for them, each with those documents."""
    naming = extract_config.naming
    groups = group_by_model(facts, naming, dates, introduced)
    dated = same_models(list(model_dates or {}), list(groups), naming)
    for name, date in (model_dates or {}).items():
        group = groups.get(dated.get(name, ""))
        if group is not None and not group.date:
            group.date = date
    # curated figures are keyed by a name people write ("GPT-3"); find them under the canonical one
    curated = same_models(list(config.curated), list(groups), naming)
    config = replace(config, curated={curated.get(k, k): v for k, v in config.curated.items()})
    families = family_names(list(groups), naming)
    rows = {name: estimate_model(group, config) for name, group in groups.items() if name not in families}
    for variant, base in variant_names(facts, extract_config.naming, titles, named_variants, list(rows)).items():
        if base in families:  # "DeepSeek-Coder-V2-Instruct", of the family's 236B member
            base = sized_base(variant, base, facts, list(rows), naming) or base
        if base in rows and variant not in rows:
            rows[variant] = variant_estimate(variant, rows[base], groups.get(base))
    rows = fine_tune_rows(rows, groups, tuned or {}, naming)
    return [rows[name] for name in sorted(rows)]


def analyse(workspace: Workspace, documents: dict[str, str], extract_config: ExtractConfig,
            estimate_config: EstimateConfig) -> RunResult:
    """Facts of these documents (doc_id -> source) and of imported scores, with review decisions applied,
    merged under canonical names and estimated."""
    result = RunResult(extract_config=extract_config, estimate_config=estimate_config)
    scores = workspace.documents_of_kind("scores")
    score_ids = {doc_id: source for doc_id, source, _ in scores}
    sources = {**documents, **score_ids}
    current = {s: d for d, s in documents.items()}
    stored = workspace.decisions()
    # only documents with decisions (or a source whose earlier version has some) need their text read
    touched = {d.doc_id for d in stored} | {current[d.source] for d in stored if d.source in current}
    texts = {doc_id: workspace.text_of(doc_id) or "" for doc_id in sources if doc_id in touched}
    decisions, result.flagged = carry_over(stored, current, texts)
    facts, stale = apply_decisions(workspace.facts_for(list(sources), sources), decisions, texts)
    result.flagged += stale
    links = links_from(workspace.document_row(doc_id).get("metadata", {}) for doc_id in documents)
    result.inventories = {doc_id: workspace.inventory_of(doc_id) for doc_id in documents}
    result.facts = canonicalise(facts, extract_config, links, result.inventories)
    result.documents = {doc_id: workspace.document_info(doc_id) for doc_id in documents}
    result.rejected = [{**r, "source": source} for doc_id, source in documents.items()
                       for r in workspace.rejected_of(doc_id)]
    model_dates = {m: d for _, _, meta in scores for m, d in meta.get("dates", {}).items()}
    dates = {doc_id: info.get("date") or "" for doc_id, info in result.documents.items()}
    titles = [info.get("title") or "" for info in result.documents.values()]
    named = [v for v, sources in result.named_variants().items() for _ in sources or [""]]
    result.estimates = estimate_all(result.facts, extract_config, estimate_config, dates, titles, model_dates,
                                    {link.name: link.base for link in links if link.relation not in SAME_MODEL},
                                    named, introduced_models(result.inventories, result.facts, extract_config,
                                                             {link.name.split("/")[-1] for link in links}))
    return result


def run(sources: list[str], workspace_dir: Path, use_curated: bool = True, config_dir: Path | None = None,
        overrides: list[str] = (), offline: bool = False, refresh: bool = False,
        fetcher: Fetcher | None = None, progress: Progress | None = None, jobs: int | None = 1,
        scheduler: str | None = None, max_pages: int = MAX_PAGES) -> RunResult:
    """Ingest the sources (files, folders, URLs, arxiv:ID), then analyse them with the workspace's scores and
    review decisions. `fetcher` sets how URLs are fetched (timeouts, private addresses). Local files are read
    in `jobs` worker processes (None: one per core), or on the Dask cluster whose scheduler is at `scheduler`;
    the outputs are the same either way. A PDF of more than `max_pages` pages fails with that reason."""
    extract_config = load_extract_config(config_dir)
    estimate_config = load_estimate_config(config_dir, use_curated=use_curated, overrides=overrides)
    remote = [s for s in sources if is_remote(s)]
    version = extractor_version(config_dir)
    engine = engine_for(extract_config, version, jobs, scheduler)
    with Workspace(workspace_dir) as workspace:
        ingested = RunResult()
        done = ingest(expand_sources([s for s in sources if not is_remote(s)]), workspace, engine, version,
                      ingested, progress, max_pages)
        if remote:
            job = Fetching(workspace, _extractor(extract_config), version, fetcher or Fetcher(), refresh, offline,
                           max_pages)
            fetched = fetch_remote(remote, job)
            done.update(fetched.fetched)
            ingested.failures += fetched.failures
            ingested.warnings += fetched.warnings
        result = analyse(workspace, done, extract_config, estimate_config)
    result.failures, result.warnings = ingested.failures, ingested.warnings
    return result


def open_fetching(workspace: Workspace, config_dir: Path | None = None, refresh: bool = False,
                  offline: bool = False, timeout: float = 30.0, host_delay: float = 1.0,
                  max_bytes: int = 100_000_000, max_wait: float = 60.0, allow_private: bool = False,
                  max_pages: int = MAX_PAGES, progress: Progress | None = None) -> Fetching:
    """A fetch job into an open workspace, extracting with the configured rules; `progress(done, total, url)`
    follows it."""
    fetcher = Fetcher(timeout=timeout, host_delay=host_delay, max_bytes=max_bytes, max_wait=max_wait,
                      allow_private=allow_private)
    return Fetching(workspace, _extractor(load_extract_config(config_dir)), extractor_version(config_dir), fetcher,
                    refresh, offline, max_pages, progress)


def _extractor(config: ExtractConfig) -> Extractor:
    """The parsing pipeline, imported only when this process reads documents itself (fetched ones): a run whose
    files are read by workers does not load spaCy here."""
    from floptrail.extract.facts import Extractor
    return Extractor(config)


def fetch_remote(sources: list[str], job: Fetching) -> FetchReport:
    """URLs and arxiv:ID sources, fetched (or found in the workspace) into one report."""
    ids = [s.removeprefix("arxiv:") for s in sources if s.startswith("arxiv:")]
    report = job.urls([s for s in sources if not s.startswith("arxiv:")])
    if ids:
        papers = job.arxiv(ids)
        report.fetched.update(papers.fetched)
        report.unchanged += papers.unchanged
        report.failures += papers.failures
        report.warnings += papers.warnings
    return report


def leaderboard_status(workspace_dir: Path, config_dir: Path | None = None) -> pd.DataFrame:
    """The models the workspace's leaderboards name, each with whether documents estimate it (see
    floptrail.leaderboards.leaderboard_models)."""
    result = analyse_workspace(workspace_dir, config_dir=config_dir)
    return leaderboard_models(result.facts, result.estimates)


def analyse_workspace(workspace_dir: Path, use_curated: bool = True, config_dir: Path | None = None,
                      overrides: list[str] = ()) -> RunResult:
    """Everything the workspace holds now: the current version of every source read so far."""
    with Workspace(workspace_dir) as workspace:
        return analyse(workspace, workspace.current_documents(), load_extract_config(config_dir),
                       load_estimate_config(config_dir, use_curated=use_curated, overrides=overrides))
