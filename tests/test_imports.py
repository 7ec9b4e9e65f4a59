"""A command pays only for what it uses: the command line loads no extraction, table or PDF library until a
command needs it, so `floptrail --help` stays quick."""

import subprocess
import sys

HEAVY = ("spacy", "pandas", "matplotlib", "pypdfium2", "trafilatura", "pyarrow", "rapidfuzz")


def test_the_command_line_loads_no_heavy_library_until_a_command_runs():
    probe = "import sys; from floptrail.cli import app; print(' '.join(sorted(set(sys.modules))))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                                cwd="/").stdout.split())
    assert "floptrail.cli.run" in loaded
    assert [name for name in HEAVY if name in loaded] == []
