"""A command pays only for what it uses: the command line loads no extraction, table or PDF library until a
command needs it, so `floptrail --help` stays quick."""

import subprocess
import sys

HEAVY = ("spacy", "pandas", "matplotlib", "pypdfium2", "trafilatura", "pyarrow", "rapidfuzz")


def _loaded_after(statement: str) -> set[str]:
    probe = f"import sys; {statement}; print(' '.join(sorted(set(sys.modules))))"
    return set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                              cwd="/").stdout.split())


def test_the_command_line_loads_no_heavy_library_until_a_command_runs():
    loaded = _loaded_after("from floptrail.cli import app")
    assert "floptrail.cli.run" in loaded
    assert [name for name in HEAVY if name in loaded] == []


def test_a_run_whose_documents_workers_read_does_not_load_spacy_in_the_writing_process():
    # the writer only stores, estimates and exports: importing spaCy there would delay every worker-run by the
    # second it takes, on the path that decides how much faster two workers are than one
    loaded = _loaded_after("from floptrail.run import run; from floptrail.export import write_outputs; "
                           "from floptrail.workspace import Workspace")
    assert "floptrail.estimate.combine" in loaded
    assert [name for name in loaded if name == "spacy" or name.startswith("floptrail.extract.pipeline")] == []
