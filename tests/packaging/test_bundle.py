"""The PyInstaller bundle: build it as ``packaging/build.py`` does, then run the frozen program.

Slow (about half a minute): CI runs it; skip locally with ``-m "not slow"``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from installed_checks import (
    check_export_png,
    check_gui_starts,
    check_info_example,
    check_version,
    check_window_icon,
    headless_env,
)

from desktop.icons import APP_ID

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build", REPO / "packaging" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the dev group: uv sync")
    if not sys.platform.startswith("linux"):
        pytest.skip("the bundle test covers the Linux bundle only")
    root = tmp_path_factory.mktemp("bundle")
    build = _build_module()
    folder = build.build(root / "dist", root / "work")
    assert folder == root / "dist" / "DebateMap"
    return folder


@pytest.fixture
def program(bundle: Path) -> Path:
    path = bundle / "debatemap"
    assert path.is_file() and os.access(path, os.X_OK)
    return path


def test_frozen_version(program: Path, tmp_path: Path) -> None:
    check_version(program, tmp_path)


def test_frozen_info_on_the_bundled_example(program: Path, bundle: Path, tmp_path: Path) -> None:
    shipped = check_info_example(program, tmp_path, installed_under=bundle)
    assert shipped.parent.name == "examples"


def test_frozen_export_png(program: Path, bundle: Path, tmp_path: Path) -> None:
    example = bundle / "_internal" / "mapping" / "resources" / "examples" / "iran-debate.debatemap"
    check_export_png(program, example, tmp_path)


def test_frozen_window_starts_headless(program: Path, tmp_path: Path) -> None:
    check_gui_starts(program, tmp_path)


def test_frozen_window_has_the_app_icon(program: Path, tmp_path: Path) -> None:
    check_window_icon(program, tmp_path)


def test_bundle_install_script_points_the_menu_at_the_bundle(bundle: Path, tmp_path: Path) -> None:
    """``install-desktop.sh`` shipped in the bundle finds its files and its program alone."""
    data_home = tmp_path / "share"
    env = headless_env({"XDG_DATA_HOME": str(data_home)})
    script = bundle / "install-desktop.sh"
    result = subprocess.run(["sh", str(script)], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle / "debatemap"}" %F' in entry.splitlines()
    assert (data_home / "icons/hicolor/256x256/apps" / f"{APP_ID}.png").is_file()
    assert (data_home / "mime/packages" / f"{APP_ID}.xml").is_file()
    result = subprocess.run(
        ["sh", str(script), "--uninstall"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert not (data_home / "applications" / f"{APP_ID}.desktop").exists()
