"""``uv build`` makes an sdist and a wheel; pip installs the wheel into a fresh virtual environment
and the installed ``debatemap`` runs with its resources (icons, example, desktop files) inside.

Slow (pip fetches PySide6 when its cache is cold): CI runs it; skip locally with ``-m "not slow"``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from installed_checks import check_export_png, check_gui_starts, check_info_example, check_version

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
TIMEOUT = 600


def _tracked_resources() -> set[str]:
    """Resource files under version control (what a clean checkout would ship)."""
    result = subprocess.run(
        ["git", "ls-files", "resources"], capture_output=True, text=True, cwd=REPO
    )
    if result.returncode != 0:
        pytest.skip("not a git checkout: cannot tell which resources should ship")
    return {line.removeprefix("resources/") for line in result.stdout.splitlines() if line}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    uv = shutil.which("uv")
    if uv is None:
        pytest.skip("uv is not on PATH")
    out = tmp_path_factory.mktemp("uv-build")
    result = subprocess.run(
        [uv, "build", "--out-dir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert result.returncode == 0, result.stderr
    wheels, sdists = list(out.glob("*.whl")), list(out.glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in out.iterdir())
    return {"wheel": wheels[0], "sdist": sdists[0]}


@pytest.fixture(scope="module")
def venv_bin(built: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fresh-venv") / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(root)
    bin_dir = root / ("Scripts" if sys.platform == "win32" else "bin")
    result = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--disable-pip-version-check",
         "--no-input", str(built["wheel"])],
        capture_output=True, text=True, timeout=TIMEOUT,
    )  # fmt: skip
    if result.returncode != 0 and any(
        sign in result.stdout + result.stderr
        for sign in ("NewConnectionError", "Temporary failure in name resolution", "No matching distribution")
    ):  # fmt: skip
        pytest.skip(
            f"pip cannot reach a package index for the dependencies: {result.stderr[-300:]}"
        )
    assert result.returncode == 0, result.stdout + result.stderr
    return bin_dir


def test_wheel_carries_every_resource(built: dict[str, Path]) -> None:
    with zipfile.ZipFile(built["wheel"]) as wheel:
        names = set(wheel.namelist())
    shipped = {n.removeprefix("mapping/resources/") for n in names if n.startswith("mapping/resources/")}  # fmt: skip
    assert _tracked_resources() <= shipped
    assert "mapping/__init__.py" in names and "desktop/icons.py" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    with zipfile.ZipFile(built["wheel"]) as wheel:
        assert "debatemap = desktop.cli:main" in wheel.read(entry_points).decode()


def test_sdist_carries_resources_and_packaging(built: dict[str, Path]) -> None:
    with tarfile.open(built["sdist"]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {f"resources/{n}" for n in _tracked_resources()} <= names
    assert {"packaging/install-desktop.sh", "packaging/debatemap.spec", "CHANGELOG.md"} <= names


def test_installed_version(venv_bin: Path, tmp_path: Path) -> None:
    check_version(venv_bin / "debatemap", tmp_path)


def test_installed_info_on_the_bundled_example(venv_bin: Path, tmp_path: Path) -> None:
    check_info_example(venv_bin / "debatemap", tmp_path, installed_under=venv_bin.parent)


def test_installed_export_png(venv_bin: Path, tmp_path: Path) -> None:
    example = check_info_example(venv_bin / "debatemap", tmp_path, venv_bin.parent)
    check_export_png(venv_bin / "debatemap", example, tmp_path)


def test_installed_window_starts_headless(venv_bin: Path, tmp_path: Path) -> None:
    check_gui_starts(venv_bin / "debatemap", tmp_path)
