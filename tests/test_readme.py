"""The README is followed as written: its Python example runs, and its commands name no file a user lacks."""

import contextlib
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent.parent / "README.md"


def python_example() -> str:
    section = README.read_text(encoding="utf-8").split("## Use from Python", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


@pytest.mark.slow
def test_the_use_from_python_example_runs(tmp_path, capsys):
    with contextlib.chdir(tmp_path):
        exec(compile(python_example(), "README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("12 documents,") and printed[0].endswith(" 0 failed")
    assert printed[1] == "3.8e+25 direct above"
    assert printed[-1].endswith(" Wh per request")
    for name in ("facts.csv", "estimates.csv", "methods.csv", "report.html", "review/index.html",
                 "annotations/label-studio-tasks.json"):
        assert (tmp_path / "results" / name).is_file(), name


def test_the_readme_needs_nothing_from_outside_the_repository():
    text = README.read_text(encoding="utf-8")
    assert "../shared" not in text
    shipped = re.findall(r"\b(docs/[\w-]+\.png|annotations/gold/[\w./-]+)", text)  # screenshots, the gold set
    assert len(shipped) >= 6
    for path in shipped:
        assert (README.parent / path).exists(), path
