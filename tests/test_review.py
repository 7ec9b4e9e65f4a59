"""The review loop end to end in a temporary workspace: annotation files out, a person's edits in, and
every decision reflected in facts, estimates and exports, through re-runs, rule changes and edited text."""

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from invoke import floptrail

from floptrail.export import read_table
from floptrail.run import sample_corpus

TEXT = ("Foo-7B is a language model with 7 billion parameters.\n"
        "Foo-7B was trained on 2T tokens over thirty-odd days.\n"
        "A later draft claimed Foo-7B saw 9T tokens.\n")


@pytest.fixture
def reviewed(tmp_path):
    docs, ws = tmp_path / "docs", tmp_path / "ws"
    docs.mkdir()
    (docs / "foo.txt").write_text(TEXT, encoding="utf-8")
    shutil.copy(sample_corpus() / "gpt3_notes.txt", docs)
    assert floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "out").returncode == 0
    assert floptrail("review", "export", "--workspace", ws, "--out", tmp_path / "ann").returncode == 0
    (path,) = (tmp_path / "ann").glob("foo.*.jsonl")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    spans = {line["text"]: line for line in lines[1:]}
    assert set(spans) == {"7 billion", "2T", "9T"}
    spans["9T"]["answer"] = "reject"
    spans["7 billion"].update(answer="accept", value=6.7e9, note="the card rounds; 6.7B exact")
    start = TEXT.index("thirty-odd days")
    added = {"start": start, "end": start + len("thirty-odd days"), "text": "thirty-odd days", "kind": "duration_hours",
             "value": 720, "model": "Foo-7B", "answer": "accept"}
    edited = [lines[0], *spans.values(), added]
    path.write_text("\n".join(json.dumps(line) for line in edited) + "\n", encoding="utf-8")
    proc = floptrail("review", "import", path, "--workspace", ws, "--reviewer", "ana")
    assert proc.returncode == 0, proc.stderr
    assert "3 decisions" in proc.stdout
    return tmp_path, docs, ws


def facts_of(out):
    return {(r["kind"], r["start"]): r for r in read_table(out / "facts.csv").to_dict("records")
            if r["source"].endswith("foo.txt")}


@pytest.mark.slow
def test_decisions_override_the_machine_and_survive_a_rule_change(reviewed):
    tmp_path, docs, ws = reviewed
    configs = tmp_path / "configs"  # a changed rule: one more model family makes every document re-extract
    configs.mkdir()
    models = (Path(__file__).resolve().parent.parent / "configs" / "models.toml").read_text(encoding="utf-8")
    (configs / "models.toml").write_text(models.replace('"Llama", ', '"Llama", "Zebra", '), encoding="utf-8")
    out = tmp_path / "out2"
    assert floptrail("run", docs, "--workspace", ws, "--out", out, "--configs", configs).returncode == 0
    facts = facts_of(out)
    assert facts[("tokens", str(TEXT.index("9T")))]["status"] == "rejected"
    params = facts[("params", str(TEXT.index("7 billion")))]
    assert (params["status"], float(params["value"]), params["reviewer"]) == ("corrected", 6.7e9, "ana")
    added = facts[("duration_hours", str(TEXT.index("thirty-odd days")))]
    assert (added["status"], float(added["value"]), added["model"]) == ("added", 720.0, "Foo-7B")
    estimates = {r["model"]: r for r in read_table(out / "estimates.csv").to_dict("records")}
    assert estimates["Foo-7B"]["training_flop"] == "8.04e22"  # 6 x 6.7e9 x 2T: the rejected 9T is not used
    assert floptrail("export", "--workspace", ws, "--out", tmp_path / "e.json").returncode == 0
    exported = {r["model"]: r for r in json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))}
    assert exported["Foo-7B"]["training_flop"] == pytest.approx(8.04e22)  # a number in JSON, not a string


@pytest.mark.slow
def test_a_changed_document_flags_its_decisions(reviewed):
    tmp_path, docs, ws = reviewed
    (docs / "foo.txt").write_text("Notes, revised.\n" + TEXT, encoding="utf-8")
    proc = floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "out3")
    assert proc.returncode == 0
    assert proc.stderr.count("review again") == 3
    assert "no longer reads '9T'" in proc.stderr
    statuses = {r["status"] for r in facts_of(tmp_path / "out3").values()}
    assert statuses == {"machine"}  # nothing silently applied to the moved spans


def test_import_refuses_a_span_whose_offsets_do_not_match(reviewed):
    tmp_path, _, ws = reviewed
    (path,) = (tmp_path / "ann").glob("foo.*.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    span = json.loads(lines[1])
    span.update(start=span["start"] + 1, answer="reject")
    path.write_text("\n".join([lines[0], json.dumps(span)]) + "\n", encoding="utf-8")
    proc = floptrail("review", "import", path, "--workspace", ws)
    assert proc.returncode == 1
    assert f"{path}, line 2: text[" in proc.stderr


def test_label_studio_tasks_out_and_annotations_in(reviewed):
    tmp_path, docs, ws = reviewed
    tasks = json.loads((tmp_path / "ann" / "label-studio-tasks.json").read_text(encoding="utf-8"))
    task = next(t for t in tasks if t["data"]["source"].endswith("gpt3_notes.txt"))
    result = task["predictions"][0]["result"]
    assert {r["type"] for r in result} == {"labels"} and all("start" in r["value"] for r in result)
    by_text = {r["value"]["text"]: r for r in result}
    kept = [r for text, r in by_text.items() if text != "300 billion"]  # the reviewer deletes one region
    text = task["data"]["text"]
    start = text.index("96")
    kept.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                 "value": {"start": start, "end": start + 2, "text": "96", "labels": ["chip_count"]}})
    task["annotations"] = [{"result": kept, "completed_by": {"email": "bo@example.org"},
                            "updated_at": "2026-11-20T10:00:00Z"}]
    exported = tmp_path / "ls-export.json"
    exported.write_text(json.dumps([task]), encoding="utf-8")
    proc = floptrail("review", "import", exported, "--workspace", ws)
    assert proc.returncode == 0, proc.stderr
    assert floptrail("export", "--workspace", ws, "--table", "facts", "--out", tmp_path / "f.csv").returncode == 0
    rows = [r for r in read_table(tmp_path / "f.csv").to_dict("records") if r["source"].endswith("gpt3_notes.txt")]
    status = {(r["kind"], r["quote"][:0] + str(r["start"])): (r["status"], r["reviewer"]) for r in rows}
    assert status[("tokens", str(text.index("300 billion")))] == ("rejected", "bo@example.org")
    assert status[("params", str(text.index("175 billion")))] == ("accepted", "bo@example.org")
    assert status[("chip_count", str(start))] == ("added", "bo@example.org")


class _Rows(HTMLParser):
    """Rows of the models table, and whether there is a plot."""

    def __init__(self):
        super().__init__()
        self.rows, self.table, self.in_body, self.svg = 0, "", False, False

    def handle_starttag(self, tag, attrs):
        self.table = dict(attrs).get("id", "") if tag == "table" else self.table
        self.in_body = (self.in_body or tag == "tbody") and tag != "table"
        self.rows += tag == "tr" and self.in_body and self.table == "models"
        self.svg |= tag == "svg"


@pytest.mark.slow
def test_html_report_and_review_pages(reviewed):
    tmp_path, _, ws = reviewed
    assert floptrail("export", "--workspace", ws, "--out", tmp_path / "report.html").returncode == 0
    estimates = read_table(tmp_path / "out" / "estimates.csv")
    parser = _Rows()
    parser.feed((tmp_path / "report.html").read_text(encoding="utf-8"))
    assert parser.rows == len(estimates) and parser.svg  # a row per model, and the compute plot
    assert floptrail("review", "html", "--workspace", ws, "--out", tmp_path / "review").returncode == 0
    index = (tmp_path / "review" / "index.html").read_text(encoding="utf-8")
    row = next(line for line in index.split("<tr>") if "foo.txt" in line)
    assert row.count("<td>") == 6 and "<td>1</td><td>0</td><td>1</td><td>1</td><td>1</td>" in row
    (page,) = (tmp_path / "review").glob("foo.*.html")
    assert '<mark class="rejected own"' in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_export_formats_and_changes_since_an_earlier_export(reviewed):
    tmp_path, docs, ws = reviewed
    for suffix in ("csv", "parquet", "json"):
        assert floptrail("export", "--workspace", ws, "--table", "models", "--out",
                         tmp_path / f"m.{suffix}").returncode == 0
        models = read_table(tmp_path / f"m.{suffix}")
        row = models[models["model"] == "GPT-3 175B"].iloc[0]
        assert (row["organization"], str(row["documents"])) == ("OpenAI", "1")
    assert floptrail("export", "--workspace", ws, "--out", tmp_path / "before.csv").returncode == 0
    (docs / "bar.txt").write_text("Bar-13B was trained on 1T tokens.\n", encoding="utf-8")
    assert floptrail("run", docs, "--workspace", ws, "--out", tmp_path / "o").returncode == 0
    proc = floptrail("export", "--workspace", ws, "--out", tmp_path / "after.csv", "--since", tmp_path / "before.csv")
    assert proc.returncode == 0 and "1 changes since" in proc.stdout
    changes = read_table(tmp_path / "after.changes.csv").to_dict("records")
    assert changes == [{"model": "Bar-13B", "change": "new", "before": "", "after": "7.8e22"}]  # 6 x 13B x 1T
    assert floptrail("export", "--workspace", ws, "--out", tmp_path / "x.xlsx").returncode == 2


def test_reviewed_annotation_files_are_gold_for_eval(reviewed):
    tmp_path, _, _ = reviewed
    proc = floptrail("eval", "--annotations", tmp_path / "ann", "--facts", tmp_path / "out" / "facts.csv")
    assert proc.returncode == 0, proc.stderr
    # gold: 7 billion corrected to 6.7e9 (the machine said 7e9: a miss and an extra) and thirty-odd days added (a miss)
    assert "MISS  foo params 6.7e+09 [Foo-7B] | 7 billion" in proc.stdout
    assert "MISS  foo duration_hours 720 [Foo-7B] | thirty-odd days" in proc.stdout
    assert proc.stdout.strip().splitlines()[-1].startswith("overall (value only): P=0.")
