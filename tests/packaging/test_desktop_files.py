"""The Linux desktop files agree with each other and with ``__version__``, validate, and install.

The install test runs ``packaging/install-desktop.sh`` into a temporary XDG data folder and asks
Qt's and GIO's MIME databases (the ones file managers use) what a ``.debatemap`` file is.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.icons import APP_ID, ICON_SIZES
from mapping import __version__
from mapping.formats.debatemap import load_map, save_map
from mapping.resources import example_map_path

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "resources" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
INSTALL = REPO / "packaging" / "install-desktop.sh"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
MIME_TYPE = "application/x-debatemap"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment, method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _semver_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", version))


def test_metainfo_newest_release_is_the_package_version() -> None:
    root = ET.parse(METAINFO).getroot()
    releases = root.findall("./releases/release")
    assert releases, "the metainfo lists no release"
    newest = max(releases, key=lambda r: _semver_key(r.get("version", "0")))
    assert newest.get("version") == __version__
    assert releases[0] is newest, "AppStream wants the newest release first"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", newest.get("date", ""))


def test_changelog_top_release_is_the_package_version() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    released = re.findall(r"^## \[(\d[^\]]*)\]", text, flags=re.MULTILINE)
    assert released, "CHANGELOG.md has no released version heading"
    assert released[0] == __version__


def test_desktop_entry_metainfo_and_mime_type_agree() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "debatemap" and "%F" in entry["Exec"]
    assert MIME_TYPE in entry["MimeType"].split(";")

    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "debatemap"
    assert root.findtext("provides/mediatype") == MIME_TYPE

    mime = ET.parse(MIME_XML).getroot().find("m:mime-type", MIME_NS)
    assert mime is not None and mime.get("type") == MIME_TYPE
    globs = [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)]
    assert globs == ["*.debatemap"]


def test_mime_magic_matches_what_the_app_writes(tmp_path: Path) -> None:
    """A map saved by DebateMap must be recognised by content, whatever its file name."""
    mime = ET.parse(MIME_XML).getroot().find("m:mime-type", MIME_NS)
    assert mime is not None
    matches = mime.findall("m:magic/m:match", MIME_NS)
    assert matches

    saved = tmp_path / "saved.debatemap"
    save_map(load_map(example_map_path()), saved)
    compact = tmp_path / "compact.debatemap"
    compact.write_text(
        json.dumps(json.loads(saved.read_text(encoding="utf-8")), separators=(",", ":")),
        encoding="utf-8",
    )
    for path in (saved, compact):
        head = path.read_bytes()
        found = False
        for match in matches:
            start, _, end = match.get("offset", "0").partition(":")
            value = match.get("value", "").encode()
            window = head[int(start) : int(end or start) + len(value)]
            found = found or value in window
        assert found, f"{path.name}: no magic rule of {MIME_XML.name} matches it"


def test_desktop_entry_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_metainfo_validates() -> None:
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (Debian: appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.search(r"^[EW]: ", result.stdout, flags=re.MULTILINE), result.stdout


def _installed_files(data_home: Path) -> set[str]:
    return {
        str(p.relative_to(data_home))
        for p in data_home.rglob("*")
        if p.is_file() and ("debatemap" in p.name.lower() or APP_ID in p.name)
    }


def test_install_script_puts_everything_in_place_and_uninstalls(tmp_path: Path) -> None:
    if shutil.which("sh") is None:
        pytest.skip("no POSIX shell")
    data_home = tmp_path / "share"
    program = Path(sys.executable).with_name("debatemap")
    if not program.exists():
        pytest.skip(f"{program} is missing: run the tests in the project environment (uv run)")
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    result = subprocess.run(
        ["sh", str(INSTALL), "--exec", str(program)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr

    expected = {
        f"applications/{APP_ID}.desktop",
        f"metainfo/{APP_ID}.metainfo.xml",
        f"mime/packages/{APP_ID}.xml",
        f"icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"icons/hicolor/{s}x{s}/apps/{APP_ID}.png" for s in ICON_SIZES),
    }
    assert expected <= _installed_files(data_home)
    installed_entry = (data_home / "applications" / f"{APP_ID}.desktop").read_text()
    assert f'Exec="{program}" %F' in installed_entry.splitlines()
    assert f"TryExec={program}" in installed_entry.splitlines()
    png = data_home / "icons/hicolor/48x48/apps" / f"{APP_ID}.png"
    assert png.read_bytes() == (REPO / "resources/icons/debatemap-48.png").read_bytes()

    if shutil.which("update-mime-database"):
        _check_mime_databases(data_home, tmp_path)

    result = subprocess.run(
        ["sh", str(INSTALL), "--uninstall"], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert _installed_files(data_home) == set()


def _check_mime_databases(data_home: Path, tmp_path: Path) -> None:
    """Qt (what DebateMap uses) and GIO (what GNOME file managers use) see the new type."""
    nameless = tmp_path / "map-without-extension"
    nameless.write_bytes(example_map_path().read_bytes())
    other = tmp_path / "plain.txt"
    other.write_text("not a map\n")
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QMimeDatabase\n"
        "app = QCoreApplication([])\n"
        "db = QMimeDatabase()\n"
        "print('\\n'.join(db.mimeTypeForFile(f).name() for f in sys.argv[1:]))\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    files = [str(example_map_path()), str(nameless), str(other)]
    result = subprocess.run(
        [sys.executable, "-c", script, *files], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [MIME_TYPE, MIME_TYPE, "text/plain"]

    gio = shutil.which("gio")
    if gio and shutil.which("update-desktop-database"):
        env["LC_ALL"] = "C"
        result = subprocess.run([gio, "mime", MIME_TYPE], capture_output=True, text=True, env=env)
        default = [line for line in result.stdout.splitlines() if "Default application" in line]
        assert default and default[0].endswith(f": {APP_ID}.desktop"), result.stdout
