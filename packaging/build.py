"""Build the desktop bundle ``dist/DebateMap/`` with PyInstaller and check that it runs.

    uv run python packaging/build.py             # dist/DebateMap/debatemap
    uv run python packaging/build.py --archive   # also dist/DebateMap-<version>-linux-x86_64.tar.gz

After building, the bundle's own ``debatemap --version`` must print ``mapping.__version__`` and
``debatemap info --example`` must read the bundled example; otherwise the build fails, so a
broken bundle is never handed out. ``install-desktop.sh`` is copied into the bundle so users
can add it to their menu and file associations from there.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SPEC = REPO / "packaging" / "debatemap.spec"
BUNDLE_NAME = "DebateMap"
EXTRAS = (REPO / "packaging" / "install-desktop.sh", REPO / "CHANGELOG.md")


def package_version() -> str:
    """``mapping.__version__``, read without importing the package the build is about to freeze."""
    namespace: dict[str, str] = {}
    source = (REPO / "mapping" / "__init__.py").read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith("__version__"):
            exec(line, namespace)
            return namespace["__version__"]
    raise SystemExit("mapping/__init__.py defines no __version__")


def executable(bundle: Path) -> Path:
    return bundle / ("debatemap.exe" if sys.platform == "win32" else "debatemap")


def build(dist: Path, work: Path, *, clean: bool = False) -> Path:
    """Run PyInstaller on the spec and return the bundle folder."""
    command = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm"]
    command += ["--distpath", str(dist), "--workpath", str(work), "--log-level", "WARN"]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=REPO)
    bundle = dist / BUNDLE_NAME
    for extra in EXTRAS:
        shutil.copy2(extra, bundle / extra.name)
    return bundle


def check(bundle: Path, version: str) -> None:
    """Run the frozen program as a user would; raise SystemExit when it misbehaves."""
    program = executable(bundle)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([program, "--version"], capture_output=True, text=True, env=env)
    if result.returncode != 0 or result.stdout.strip() != f"DebateMap {version}":
        raise SystemExit(f"{program} --version printed {result.stdout!r} {result.stderr!r}")
    result = subprocess.run([program, "info", "--example"], capture_output=True, text=True, env=env)
    if result.returncode != 0 or "Positions:" not in result.stdout:
        raise SystemExit(f"{program} info --example failed: {result.stdout}{result.stderr}")


def archive(bundle: Path, version: str) -> Path:
    """Pack the bundle as ``DebateMap-<version>-<os>-<machine>.tar.gz`` beside it."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    name = f"{BUNDLE_NAME}-{version}-{system}-{platform.machine().lower()}.tar.gz"
    target = bundle.parent / name
    with tarfile.open(target, "w:gz") as tar:
        tar.add(bundle, arcname=f"{BUNDLE_NAME}-{version}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build and check the DebateMap bundle.")
    parser.add_argument("--dist", type=Path, default=REPO / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=REPO / "build" / "pyinstaller", help="PyInstaller's cache"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--archive", action="store_true", help="also write a .tar.gz")
    parser.add_argument("--no-check", action="store_true", help="skip running the bundle")
    args = parser.parse_args(argv)

    version = package_version()
    bundle = build(args.dist.resolve(), args.work.resolve(), clean=args.clean)
    if not args.no_check:
        check(bundle, version)
    size = sum(f.stat().st_size for f in bundle.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"Built {executable(bundle)} (DebateMap {version}, {size / 1e6:.0f} MB)")
    if args.archive:
        print(f"Packed {archive(bundle, version)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
