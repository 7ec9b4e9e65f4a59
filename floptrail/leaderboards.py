"""Leaderboards as sources: a Chatbot Arena or Open LLM Leaderboard table (CSV or Parquet, by URL or from a
Hub dataset), kept in the workspace as a document of its own. Every row is a model name, and every score of a
benchmark `configs/benchmarks.toml` knows is a benchmark fact tied to its place in the table, so the
benchmark method uses it as it uses `floptrail scores import`. `leaderboard_models` says which of the
leaderboards' models no document has estimated yet: the ones that might be over a threshold unseen."""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from floptrail.corpus.document import Document, DocumentError
from floptrail.corpus.load import content_hash
from floptrail.extract.canonical import strip_name
from floptrail.extract.config import ExtractConfig, read_toml
from floptrail.extract.records import Fact, fact_id

if TYPE_CHECKING:
    import pandas as pd

RULE = "leaderboard"
GUESSES = ("benchmark", "heuristic")  # methods that can estimate a model from a leaderboard row alone
_TAG = re.compile(r"<[^>]+>")  # leaderboards link model names: <a href=...>name</a>
_HUB_FILE = re.compile(r"^hf://datasets/(?P<repo>[^/]+/[^/]+)/(?P<path>.+)$")


@dataclass(frozen=True)
class Board:
    """How one leaderboard's table is read (configs/leaderboards.toml)."""

    name: str
    identify: tuple[str, ...]
    model_columns: tuple[str, ...]
    scores: dict[str, str] = field(default_factory=dict)  # column (lower case) -> benchmark name or alias


def load_boards(config_dir: Path | None = None) -> list[Board]:
    """The leaderboards configured, the generic reading last."""
    boards = []
    for key, spec in read_toml("leaderboards.toml", config_dir).items():
        board = Board(spec.get("name", key), tuple(c.lower() for c in spec.get("identify", ())),
                      tuple(spec.get("model_columns", ())),
                      {c.lower(): b for c, b in spec.get("scores", {}).items()})
        boards.append(board)
    return sorted(boards, key=lambda b: not b.identify)


def hub_file_url(url: str, endpoint: str) -> str:
    """A Hub dataset file (`hf://datasets/ORG/NAME/path/file.parquet`) as the address it is downloaded from
    (huggingface_hub's own URL scheme); any other URL as it is."""
    m = _HUB_FILE.match(url)
    if not m:
        return url
    from huggingface_hub import hf_hub_url
    return hf_hub_url(m.group("repo"), m.group("path"), repo_type="dataset", endpoint=endpoint.rstrip("/"))


def read_table(data: bytes, source: str) -> pd.DataFrame:
    """A CSV or Parquet table (Parquet by its magic bytes), every cell as text."""
    import pandas as pd  # here: reading a run's documents needs no pandas
    try:
        if data[:4] == b"PAR1":
            frame = pd.read_parquet(io.BytesIO(data))
            return frame.apply(lambda col: col.map(_cell_text))
        return pd.read_csv(io.StringIO(data.decode("utf-8-sig")), dtype=str, keep_default_na=False)
    except (ValueError, UnicodeDecodeError, OSError, csv.Error) as exc:
        raise DocumentError(source, f"not a CSV or Parquet table ({type(exc).__name__}: {exc})"[:300]) from None


def _cell_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format(value, "g") if isinstance(value, float) else str(value)


def leaderboard_document(data: bytes, source: str, config: ExtractConfig, boards: list[Board]
                         ) -> tuple[Document, list[Fact], list[str]]:
    """The table as a Document (its model column and score columns, one CSV line per row), its benchmark
    facts, and a note per row left out."""
    frame = read_table(data, source)
    columns = {str(c).lower(): str(c) for c in frame.columns}
    board = next((b for b in boards if not b.identify or set(b.identify) & set(columns)), None)
    model_column = next((columns[c.lower()] for c in (board.model_columns if board else ()) if c.lower() in columns),
                        None)
    if board is None or model_column is None:
        raise DocumentError(source, "no model column (configs/leaderboards.toml names the ones read)")
    scores = [(columns[c], known) for c in columns if (known := _benchmark(c, board, config))]
    if not scores:
        raise DocumentError(source, "no column of a benchmark configs/benchmarks.toml knows")
    doc_id = content_hash(data)
    header = _line([model_column, *(c for c, _ in scores)])
    text, facts, notes = [header], [], []
    offset = len(header)
    for number, row in enumerate(frame.to_dict("records"), 2):
        name = " ".join(_TAG.sub("", str(row[model_column])).split())
        cells = [name, *(str(row[c]).strip() for c, _ in scores)]
        line = _line(cells)
        if not name:
            notes.append(f"row {number}: no model name")
        else:
            found = _row_facts(line, offset, cells, scores, doc_id, source, config)
            facts += found
            if not found:
                notes.append(f"row {number}: {name}: no score")
        text.append(line)
        offset += len(line)
    document = Document(doc_id, source, "scores", "".join(text), title=f"{board.name} ({source})",
                        metadata={"leaderboard": board.name, "rows": len(frame), "dates": {}})
    return document, facts, notes


def _benchmark(column: str, board: Board, config: ExtractConfig) -> tuple[str, bool] | None:
    return config.benchmark_for(board.scores[column]) if column in board.scores else config.benchmark_for(column)


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _row_facts(line: str, offset: int, cells: list[str], scores, doc_id: str, source: str,
               config: ExtractConfig) -> list[Fact]:
    facts, at = [], len(_line(cells[:1])) - 1  # past the name: each score is found after the cells before it
    for raw, (_, (benchmark, percent)) in zip(cells[1:], scores, strict=True):
        start = line.find(raw, at) if raw else -1
        at = max(at, start + len(raw)) if start >= 0 else at
        try:
            value = float(raw.rstrip("%"))
        except ValueError:
            continue
        if math.isnan(value) or start < 0:
            continue
        if percent and (value > 1 or raw.endswith("%")):
            value /= 100
        facts.append(Fact(fact_id=fact_id(doc_id, offset + start, offset + start + len(raw), "benchmark"),
                          doc_id=doc_id, source=source, kind="benchmark", value=value, unit=benchmark,
                          model=strip_name(cells[0], config.naming), model_mention=cells[0], hardware="", page=None,
                          start=offset + start, end=offset + start + len(raw), quote=line.strip(), rule=RULE))
    return facts


def leaderboard_models(facts: list[Fact], estimates: list) -> pd.DataFrame:
    """Per model the leaderboards name (facts already under canonical names): its spellings there, the
    leaderboards, its scores, and whether documents estimate it (`documents`, a curated figure included),
    only the leaderboards' scores or its name do (`leaderboard only`), or nothing does (`none`); the
    estimate's figure and method when there is one."""
    import pandas as pd
    board_facts = [f for f in facts if f.rule == RULE and f.model]
    ids = {f.fact_id for f in board_facts}
    by_model = {e.model: e for e in estimates}
    rows = {}
    for f in board_facts:
        row = rows.setdefault(f.model, {"model": f.model, "names": set(), "leaderboards": set(), "scores": {}})
        row["names"].add(f.model_mention)
        row["leaderboards"].add(f.source)
        row["scores"].setdefault(f.unit, f.value)
    out = []
    for model, row in sorted(rows.items()):
        preferred = by_model[model].preferred if model in by_model else None
        # an estimate from the board's own scores or from the name alone is not one a document gave
        only_board = preferred is not None and preferred.method in GUESSES and set(preferred.evidence) <= ids
        out.append({"model": model, "names": "; ".join(sorted(row["names"])),
                    "leaderboards": "; ".join(sorted(row["leaderboards"])),
                    "scores": "; ".join(f"{b} {v:g}" for b, v in sorted(row["scores"].items())),
                    "status": "none" if preferred is None else "leaderboard only" if only_board else "documents",
                    "training_flop": preferred.value if preferred else None,
                    "method": preferred.method if preferred else ""})
    return pd.DataFrame(out, columns=["model", "names", "leaderboards", "scores", "status", "training_flop",
                                      "method"])
