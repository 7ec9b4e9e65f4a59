"""Benchmark scores a model card's `model-index` metadata states (Hugging Face's format: results, each with
a dataset and metrics), as benchmark facts tied to the score's span in the card's front matter, so the
benchmark method can use them and every figure links back to the line that states it. Only benchmarks that
`configs/benchmarks.toml` knows are kept (by the dataset's name, its id's last part, or the metric's name)."""

from __future__ import annotations

import re

from floptrail.corpus.document import Document
from floptrail.extract.canonical import strip_name
from floptrail.extract.config import ExtractConfig
from floptrail.extract.front_matter import FRONT_MATTER
from floptrail.extract.records import Fact, fact_id

# the block: its indented and list lines, up to the next top-level key or the closing "---"
_INDEX = re.compile(r"(?m)^model-index:[ \t]*\n(?:(?:[ \t].*|-[ \t].*|)\n)*")
_VALUE = re.compile(r"(?m)^[ \t-]*value:[ \t]*['\"]?(?P<value>[-+]?\d[\d.]*(?:[eE][-+]?\d+)?)")
RULE = "model_index"


def model_index_facts(document: Document, config: ExtractConfig) -> list[Fact]:
    """One benchmark fact per score of a known benchmark in the card's model-index, in the order stated."""
    import yaml  # PyYAML, which huggingface_hub requires; parsed here so that each value keeps its place

    front = FRONT_MATTER.match(document.text)
    block = _INDEX.search(front.group(0)) if front else None
    if block is None:
        return []
    try:
        index = yaml.safe_load(block.group(0)).get("model-index") or []
    except (yaml.YAMLError, AttributeError):
        return []
    values = iter(_VALUE.finditer(block.group(0)))
    facts = []
    for entry in index if isinstance(index, list) else []:
        if not isinstance(entry, dict):
            continue
        model = str(entry.get("name") or "")
        for result in entry.get("results") or []:
            dataset = result.get("dataset") or {} if isinstance(result, dict) else {}
            for metric in (result.get("metrics") or []) if isinstance(result, dict) else []:
                found = next(values, None) if isinstance(metric, dict) and "value" in metric else None
                if found is None or not model:
                    continue
                fact = _score(document, config, model, dataset, metric, found, block.start())
                if fact is not None:
                    facts.append(fact)
    return facts


def _benchmark(config: ExtractConfig, dataset: dict, metric: dict) -> tuple[str, bool] | None:
    names = (dataset.get("name"), str(dataset.get("type") or "").rsplit("/", 1)[-1], metric.get("name"))
    return next((known for n in names if n and (known := config.benchmark_for(str(n)))), None)


def _score(document: Document, config: ExtractConfig, model: str, dataset: dict, metric: dict,
           found: re.Match, offset: int) -> Fact | None:
    known = _benchmark(config, dataset, metric)
    if known is None:
        return None
    try:
        value = float(found.group("value"))
    except ValueError:
        return None
    name, percent = known
    if percent and value > 1:
        value /= 100
    start, end = offset + found.start("value"), offset + found.end("value")
    quote = f"{dataset.get('name') or dataset.get('type')}: {metric.get('type') or 'score'} {found.group('value')}"
    return Fact(fact_id=fact_id(document.doc_id, start, end, "benchmark"), doc_id=document.doc_id,
                source=document.source, kind="benchmark", value=value, unit=name,
                model=strip_name(model, config.naming), model_mention=model, hardware="", page=None, start=start,
                end=end, quote=quote, rule=RULE)
