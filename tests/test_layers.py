"""The library is usable without the command line: only floptrail/cli/ knows typer."""

import ast
from pathlib import Path

import floptrail

PACKAGE = Path(floptrail.__file__).parent
ROOT = PACKAGE.parent


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_library_modules_never_import_the_cli_or_typer():
    library = [p for folder in (PACKAGE, ROOT / "corpus", ROOT / "extract", ROOT / "estimate", ROOT / "annotations")
               if folder.exists() for p in folder.rglob("*.py")
               if "cli" not in p.relative_to(ROOT).parts and p.name != "__main__.py"]
    assert len(library) > 20
    for path in library:
        bad = {m for m in imported_modules(path) if m.split(".")[0] == "typer" or m.startswith("floptrail.cli")}
        assert not bad, f"{path.relative_to(ROOT)} imports {', '.join(sorted(bad))}"
