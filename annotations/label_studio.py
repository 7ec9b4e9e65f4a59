"""The same spans as Label Studio tasks (`data.text` with `predictions` of type `labels`), and Label
Studio's exported `annotations` read back as decisions: a predicted span kept is accepted (relabelled:
corrected), one removed is rejected, a new one is added with the number in its text as value."""

from __future__ import annotations

from floptrail.annotations.decisions import Decision, text_sha256
from floptrail.annotations.files import AnnotationError
from floptrail.extract.facts import Fact
from floptrail.extract.numbers import find_quantities


def task(doc_id: str, source: str, text: str, facts: list[Fact]) -> dict:
    result = [{"id": f.fact_id, "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": f.start, "end": f.end, "text": text[f.start:f.end], "labels": [f.kind]},
               "meta": {"text": [f"value={f.value}", f"model={f.model}", f"stage={f.stage}"]}}
              for f in sorted(facts, key=lambda f: (f.start, f.kind))]
    return {"data": {"text": text, "doc_id": doc_id, "source": source, "text_sha256": text_sha256(text)},
            "predictions": [{"model_version": "floptrail", "result": result}]}


def read_export(tasks: list[dict], facts_by_id: dict[str, Fact], name: str, time: str) -> list[Decision]:
    decisions = []
    for t in tasks:
        data = t.get("data", {})
        if "doc_id" not in data or "text" not in data:
            raise AnnotationError(f"{name}: a task lacks data.doc_id or data.text")
        annotations = [a for a in t.get("annotations", []) if not a.get("was_cancelled")]
        if not annotations:
            continue
        latest = max(annotations, key=lambda a: a.get("updated_at") or "")
        reviewer = str(latest.get("completed_by", "")) if not isinstance(latest.get("completed_by"), dict) else (
            latest["completed_by"].get("email", ""))
        decisions += _task_decisions(data, latest.get("result", []), t, facts_by_id, reviewer,
                                     latest.get("updated_at") or time, name)
    return decisions


def _task_decisions(data, result, t, facts_by_id, reviewer, time, name) -> list[Decision]:
    text, doc_id = data["text"], data["doc_id"]
    base = {"doc_id": doc_id, "source": data.get("source", ""), "text_sha256": text_sha256(text),
            "reviewer": reviewer, "time": time}
    kept = {}
    for r in result:
        if r.get("type") != "labels":
            continue
        v = r["value"]
        if text[v["start"]:v["end"]] != v.get("text", text[v["start"]:v["end"]]):
            raise AnnotationError(f"{name}: span {v['start']}-{v['end']} does not read {v.get('text')!r}")
        kept[r.get("id")] = (v["start"], v["end"], v["labels"][0])
    predicted = [r.get("id") for p in t.get("predictions", []) for r in p.get("result", [])]
    decisions = []
    for fid in predicted:
        fact = facts_by_id.get(fid)
        if fact is None:
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
