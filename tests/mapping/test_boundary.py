"""The core must stay free of Qt: the GUI depends on it, never the other way round."""

import ast
import subprocess
import sys
from pathlib import Path

MAPPING = Path(__file__).resolve().parents[2] / "mapping"
FORBIDDEN = ("PySide6", "desktop", "shiboken6")


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif (
            isinstance(node, ast.Call)
            and getattr(node.func, "attr", None) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            found.append((node.lineno, str(node.args[0].value)))
    return found


def test_no_module_under_mapping_imports_qt_or_desktop():
    offenders = [
        f"{path.relative_to(MAPPING.parent)}:{line}: {name}"
        for path in sorted(MAPPING.rglob("*.py"))
        for line, name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_boundary_check_catches_an_offender(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert _imports(sample) == [(2, "PySide6.QtCore")]


def test_importing_every_core_module_loads_no_qt():
    modules = sorted(
        ".".join(p.relative_to(MAPPING.parent).with_suffix("").parts).removesuffix(".__init__")
        for p in MAPPING.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'desktop'))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=MAPPING.parent
    )
    assert result.returncode == 0, result.stdout + result.stderr
