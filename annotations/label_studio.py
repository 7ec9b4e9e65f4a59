"""The same spans as Label Studio tasks (`data.text` with `predictions` of type `labels`), and Label
Studio's exported `annotations` read back as decisions: a predicted span kept is accepted (relabelled:
corrected), one removed is rejected, a new one is added with the number in its text as value."""

from __future__ import annotations

from floptrail.annotations.decisions import Decision, text_sha256
from floptrail.annotations.files import AnnotationError, offset_problems
from floptrail.extract.numbers import find_quantities
from floptrail.extract.records import KINDS, Fact


def task(doc_id: str, source: str, text: str, facts: list[Fact]) -> dict:
    result = [{"id": f.fact_id, "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": f.start, "end": f.end, "text": text[f.start:f.end], "labels": [f.kind]},
               "meta": {"text": [f"value={f.value}", f"model={f.model}", f"stage={f.stage}"]}}
              for f in sorted(facts, key=lambda f: (f.start, f.kind))]
    return {"data": {"text": text, "doc_id": doc_id, "source": source, "text_sha256": text_sha256(text)},
            "predictions": [{"model_version": "floptrail", "result": result}]}


def read_export(tasks: object, facts_by_id: dict[str, Fact], name: str, time: str) -> list[tuple[str, Decision]]:
    """Decisions from a Label Studio export, each with where it was written ("file, task n"); AnnotationError
    lists every problem (a task without its text, a result without offsets or a label, a span outside the
    text or not reading what it says)."""
    if not isinstance(tasks, list):
        raise AnnotationError(f"{name}: a Label Studio export is a JSON list of tasks")
    decisions, problems = [], []
    for n, t in enumerate(tasks, 1):
        where = f"{name}, task {n}"
        data = t.get("data") if isinstance(t, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("doc_id"), str) \
                or not isinstance(data.get("text"), str):
            problems.append(f"{where}: the task lacks data.doc_id or data.text")
            continue
        annotations = [a for a in t.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
        if not annotations:
            continue
        latest = max(annotations, key=lambda a: str(a.get("updated_at") or ""))
        by = latest.get("completed_by", "")
        reviewer = str(by.get("email", "")) if isinstance(by, dict) else str(by)
        kept, found = _kept_spans(latest.get("result"), data["text"], where)
        problems += found
        if not found:
            decisions += [(where, d) for d in _task_decisions(data, kept, t, facts_by_id, reviewer,
                                                              str(latest.get("updated_at") or time))]
    if problems:
        raise AnnotationError(problems)
    return decisions


def _kept_spans(result: object, text: str, where: str) -> tuple[dict, list[str]]:
    """The labelled spans an annotation keeps, by result id, and the problems with them."""
    if not isinstance(result, list):
        return {}, [f"{where}: the annotation's result must be a list"]
    kept, problems = {}, []
    for m, r in enumerate(result, 1):
        if not isinstance(r, dict) or r.get("type") != "labels":
            continue
        v = r.get("value")
        if not isinstance(v, dict):
            problems.append(f"{where}, result {m}: no value")
            continue
        found = offset_problems(v.get("start"), v.get("end"), text, v.get("text"))
        labels = v.get("labels")
        if not isinstance(labels, list) or not labels or labels[0] not in KINDS:
            found.append(f"labels must name one of {', '.join(KINDS)}, not {labels!r}")
        problems += [f"{where}, result {m}: {problem}" for problem in found]
        if not found:
            kept[r.get("id")] = (v["start"], v["end"], labels[0])
    return kept, problems


def _task_decisions(data, kept, t, facts_by_id, reviewer, time) -> list[Decision]:
    text, doc_id = data["text"], data["doc_id"]
    base = {"doc_id": doc_id, "source": str(data.get("source") or ""), "text_sha256": text_sha256(text),
            "reviewer": reviewer, "time": time}
    predicted = [r.get("id") for p in t.get("predictions") or [] if isinstance(p, dict)
                 for r in p.get("result") or [] if isinstance(r, dict)]
    decisions = []
    for fid in predicted:
        fact = facts_by_id.get(fid)
        if fact is None or fact.doc_id != doc_id:
            continue
        start, end, label = kept.get(fid, (fact.start, fact.end, fact.kind))
        decisions.append(Decision(**base, fact_id=fid, start=start, end=end, span_text=text[start:end],
                                  answer="accept" if fid in kept else "reject", kind=label, value=fact.value,
                                  unit=fact.unit if label == fact.kind else "", model=fact.model,
                                  hardware=fact.hardware, stage=fact.stage))
    for fid, (start, end, label) in kept.items():
        if fid in facts_by_id:
            continue
        numbers = find_quantities(text[start:end])
        nearby = [f for f in facts_by_id.values() if f.doc_id == doc_id and f.model]
        model = min(nearby, key=lambda f: abs(f.start - start)).model if nearby else ""
        decisions.append(Decision(**base, fact_id="", start=start, end=end, span_text=text[start:end],
                                  answer="accept", kind=label, value=numbers[0].value if numbers else None,
                                  unit="", model=model))
    return decisions
