"""The command line end to end in a temporary folder, with broken documents among good ones."""

import csv
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
import typer
from invoke import floptrail
from typer.testing import CliRunner

from floptrail.cli import app
from floptrail.cli.common import GuardedGroup
from floptrail.export import ESTIMATE_COLUMNS, FACT_COLUMNS
from floptrail.run import sample_corpus


@pytest.fixture
def mixed_folder(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("gpt3_notes.txt", "deepseek_v3.pdf", "llama2_card.md", "falcon180b.html"):
        shutil.copy(sample_corpus() / name, docs / name)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    (docs / "empty.html").write_text("", encoding="utf-8")
    return docs


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_run_reports_bad_documents_and_keeps_the_rest(mixed_folder, tmp_path):
    out, ws = tmp_path / "out", tmp_path / "ws"
    proc = floptrail("run", mixed_folder, "--workspace", ws, "--out", out)
    assert proc.returncode == 1
    assert "broken.pdf: unreadable PDF" in proc.stderr
    assert "empty.html: empty file" in proc.stderr
    assert "2 of 6 documents failed" in proc.stderr
    facts = read_csv(out / "facts.csv")
    assert list(facts[0]) == FACT_COLUMNS
    assert {f["doc"] for f in facts} == {"gpt3_notes", "deepseek_v3", "llama2_card", "falcon180b"}
    estimates = {row["model"]: row for row in read_csv(out / "estimates.csv")}
    assert list(next(iter(estimates.values()))) == ESTIMATE_COLUMNS
    assert estimates["GPT-3 175B"]["training_flop"] == "3.14e23"
    assert estimates["GPT-3 175B"]["method"] == "direct"
    assert estimates["DeepSeek-V3"]["threshold_class"] == "below"


def test_the_summary_shows_the_models_with_the_most_compute_and_says_where_the_rest_are(tmp_path):
    rows = "".join(f"| Pike-{n}B | {n}.5 × 10^22 |\n" for n in range(1, 31))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "pike.md").write_text(f"# Pike models\n\nWe trained thirty Pike models.\n\n"
                                               f"| Model | Training FLOP |\n|---|---|\n{rows}")
    proc = floptrail("run", tmp_path / "docs", "--no-curated", "--workspace", tmp_path / "ws",
                     "--out", tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    shown = [n for n in range(1, 31) if f"Pike-{n}B " in proc.stdout]
    assert shown == list(range(6, 31))  # the 25 largest
    assert "the 25 with the most training compute; all 30 are in estimates.csv" in proc.stdout


@pytest.mark.slow
def test_rerun_gives_the_same_tables(mixed_folder, tmp_path):
    ws = tmp_path / "ws"
    floptrail("run", mixed_folder, "--workspace", ws, "--out", tmp_path / "a")
    floptrail("run", mixed_folder, "--workspace", ws, "--out", tmp_path / "b")
    for name in ("facts.csv", "estimates.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.slow
def test_failures_are_recorded_in_the_catalog(mixed_folder, tmp_path):
    import sqlite3

    ws = tmp_path / "ws"
    floptrail("run", mixed_folder, "--workspace", ws, "--out", tmp_path / "out")
    with sqlite3.connect(ws / "floptrail.db") as db:
        rows = dict(db.execute("SELECT source, status FROM sources"))
    assert rows[str(mixed_folder / "broken.pdf")] == "failed"
    assert rows[str(mixed_folder / "deepseek_v3.pdf")] == "ok"


def test_all_good_documents_exit_zero(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Foo-13B has 13 billion parameters and was trained on 2 trillion tokens.", encoding="utf-8")
    proc = floptrail("run", doc, "--workspace", tmp_path / "ws", "--out", tmp_path / "out", "--no-curated")
    assert proc.returncode == 0, proc.stderr
    rows = read_csv(tmp_path / "out" / "estimates.csv")
    assert [(r["model"], r["training_flop"], r["method"]) for r in rows] == [("Foo-13B", "1.56e23", "arithmetic")]


@pytest.mark.slow
def test_demo_writes_both_tables(tmp_path):
    """In its own process, through `python -m floptrail`, as a user runs it."""
    proc = subprocess.run([sys.executable, "-m", "floptrail", "demo", "--workspace", tmp_path / "ws", "--out",
                           tmp_path / "out"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "Llama 3.1 405B" in proc.stdout
    assert "facts.csv" in proc.stdout and "estimates.csv" in proc.stdout
    assert (tmp_path / "out" / "facts.csv").exists() and (tmp_path / "out" / "estimates.csv").exists()


def all_commands(group, path=()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a group of subcommands
            yield from all_commands(command, (*path, name))
        else:
            yield (*path, name), command


@pytest.mark.slow
def test_every_command_has_help_and_flags_take_no_value_in_it():
    runner = CliRunner()
    commands = dict(all_commands(typer.main.get_command(app)))
    assert len(commands) >= 20
    for path, command in commands.items():
        assert command.help and len(command.help) > 20, f"floptrail {' '.join(path)} has no help text"
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, result.output
        assert "<bool>" not in result.output, f"floptrail {' '.join(path)} --help shows a flag as taking a value"
    main = runner.invoke(app, ["--help"]).output
    assert main.index("run") < main.index("export") < main.index("validate")


def test_eval_prints_scores_misses_and_extras_and_enforces_a_floor(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        '{"doc": "llama2_card", "model": "Llama 2", "kind": "tokens", "value": 2e12, "quote": "2 trillion tokens"}\n'
        '{"doc": "llama2_card", "model": "Llama 2", "kind": "flop", "value": 9e23, "quote": "made up"}\n',
        encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(sample_corpus() / "llama2_card.md", docs)
    assert floptrail("run", docs, "--workspace", tmp_path / "ws", "--out", tmp_path / "out").returncode == 0
    proc = floptrail("eval", "--gold", gold, "--facts", tmp_path / "out" / "facts.csv", "--min-f1", "0.99")
    assert proc.returncode == 1
    assert "MISS  llama2_card flop 9e+23 [Llama 2] | made up" in proc.stdout
    assert "EXTRA llama2_card params 7e+09 [Llama 2 7B]" in proc.stdout
    last = proc.stdout.strip().splitlines()[-1]
    assert last.startswith("overall (value only): P=0.") and "R=0.500" in last


def test_eval_names_a_missing_file(tmp_path):
    proc = floptrail("eval", "--gold", tmp_path / "none.jsonl", "--facts", tmp_path / "none.csv")
    assert proc.returncode == 2 and "none.jsonl" in proc.stderr


@pytest.mark.slow
def test_calibrate_writes_curves_that_a_run_then_uses(tmp_path):
    rows = ["model,training_compute_flop,benchmark,score,date"]
    for i in range(12):  # log10 FLOP = 20 + 5 x MMLU, with a little noise
        score = 0.3 + 0.05 * i
        flop = 10 ** (20 + 5 * score + (0.05 if i % 2 else -0.05))
        rows.append(f"M{i},{flop:.4g},MMLU,{score:.2f},2023-0{1 + i % 9}-01")
    table = tmp_path / "cal.csv"
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    configs = tmp_path / "configs"
    configs.mkdir()
    proc = floptrail("calibrate", "curves", "--from", table, "--out", configs / "benchmark_curves.toml")
    assert proc.returncode == 0, proc.stderr
    assert "MMLU" in proc.stdout and "median error" in proc.stdout
    text = (configs / "benchmark_curves.toml").read_text(encoding="utf-8")
    assert "[MMLU]" in text and 'source = "cal.csv"' in text
    scores = tmp_path / "scores.csv"
    scores.write_text("model,benchmark,score\nNewModel-9B,MMLU,70%\nNewModel-9B,MMLU,oops\n", encoding="utf-8")
    ws, out = tmp_path / "ws", tmp_path / "out"
    proc = floptrail("scores", "import", scores, "--workspace", ws, "--configs", configs)
    assert proc.returncode == 0 and "1 scores kept, 1 rows left out" in proc.stdout
    assert "row 3: score 'oops' is not a number" in proc.stderr
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("NewModel-9B is a model.\n", encoding="utf-8")
    assert floptrail("run", docs, "--workspace", ws, "--out", out, "--configs", configs).returncode == 0
    methods = {r["method"]: r for r in read_csv(out / "methods.csv") if r["model"] == "NewModel-9B"}
    assert float(methods["benchmark"]["training_flop"]) == pytest.approx(10 ** 23.5, rel=0.05)
    assert methods["benchmark"]["preferred"] == "True"  # the benchmark ranks above the name heuristic


@pytest.mark.slow
def test_validate_pairs_models_and_reports_errors(tmp_path):
    out = tmp_path / "out"
    assert floptrail("run", sample_corpus(), "--workspace", tmp_path / "ws", "--out", out).returncode == 0
    reference = tmp_path / "epoch.csv"
    reference.write_text("Model,Training compute (FLOP),Organization\n"
                         "Llama 3.1-405B,3.8e25,Meta\nPaLM (540B),2.53e24,Google\nFalcon-180B,3.76e24,TII\n"
                         "Unknown-1T,1e26,Nobody\n", encoding="utf-8")
    proc = floptrail("validate", "--against", reference, "--results", out, "--out", tmp_path / "pairs.csv")
    assert proc.returncode == 0, proc.stderr
    assert ("all paired models: paired=3 median error 1.00x within 2x 1.00 within 3x 1.00 90% interval coverage "
            "1.00 class agreement 1.00; where the published value is over 2x from 1e25: 1.00 of 3") in proc.stdout
    assert re.search(r"│ hardware\s+│ 2\s+│ 1\.17x", proc.stdout)  # every method's own figure, not only the preferred
    pairs = {r["model"]: r for r in read_csv(tmp_path / "pairs.csv")}
    assert set(pairs) == {"Llama 3.1 405B", "PaLM 540B", "Falcon 180B"}
    assert pairs["Falcon 180B"]["method"] == "arithmetic" and pairs["Falcon 180B"]["in_interval"] == "True"
    assert "they list, we lack: 1" in proc.stdout

    epoch = tmp_path / "models.csv"  # Epoch's columns: a tokens-per-parameter trend to fit
    rows = ["Model,Domain,Parameters,Training compute (FLOP),Publication date"]
    for i in range(12):
        n, year = 10 ** (9 + i % 3), 2019 + i % 6
        rows.append(f"M{i},Language,{n:.0f},{6 * n * n * 10 ** (2 + 0.3 * (year - 2020) - (i % 3)):.4g},{year}-01-01")
    epoch.write_text("\n".join(rows) + "\n", encoding="utf-8")
    written = tmp_path / "methods.toml"
    proc = floptrail("calibrate", "methods", "--results", out, "--against", reference, "--table", epoch,
                     "--out", written)
    assert proc.returncode == 0, proc.stderr
    assert "policy combine: 3 models" in proc.stdout and "policy best: 3 models" in proc.stdout
    methods = tomllib.loads(written.read_text(encoding="utf-8"))
    assert methods["arithmetic"]["measured"]["pairs"] == 3
    fitted = methods["heuristic"]
    assert (fitted["per_year"], fitted["intercept"]) == (pytest.approx(0.3), pytest.approx(2.0))
    assert methods["combine"]["policy"] in ("combine", "best") and "over 3 models" in methods["combine"]["measured"]
    assert methods["arithmetic"]["confidence"] == "high"  # the hand-written parts are kept



def test_a_closed_pipe_ends_a_command_quietly():
    """`floptrail run --help | head -1`: a write after the reader has gone is no internal error; the command stops
    with Click's status for it and says nothing."""
    group = typer.Typer(cls=GuardedGroup)

    @group.command()
    def talk():
        raise BrokenPipeError(32, "Broken pipe")

    @group.command()
    def listen():
        pass

    result = CliRunner().invoke(group, ["talk"])
    assert (result.exit_code, result.output) == (1, "")
