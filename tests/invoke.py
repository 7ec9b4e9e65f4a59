"""The `floptrail` command run in this process (through typer's test runner), so a test pays for spaCy and
pandas once, not once per command. The result reads like a finished process: returncode, stdout, stderr."""

import contextlib
import traceback
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from floptrail.cli import app


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str


def floptrail(*args, cwd: Path | None = None) -> Finished:
    with contextlib.chdir(cwd) if cwd else contextlib.nullcontext():
        # one process reads the documents: a test's handful of files costs less than starting workers
        result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "160", "NO_COLOR": "1",
                                                                       "FLOPTRAIL_JOBS": "1"})
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(result.exception))  # a crash shows as it would in a shell
    return Finished(result.exit_code, result.stdout, stderr)

