"""Checks shared by the bundle and wheel tests: run an installed ``debatemap`` as a user would.

Each check runs the program in a subprocess with no display (``QT_QPA_PLATFORM=offscreen``,
``DISPLAY`` removed) and from a neutral working folder, so nothing from the checkout can help.
"""

from __future__ import annotations

import json
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from mapping import __version__
from mapping.commands.info import summarize
from mapping.formats.debatemap import load_map
from mapping.resources import example_map_path

TIMEOUT = 120


def headless_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    # The program must find its own modules and resources, not the checkout's.
    env.pop("PYTHONPATH", None)
    env.update(extra or {})
    return env


def run(
    program: Path, *args: str, cwd: Path, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=dict(env) if env is not None else headless_env(),
        timeout=TIMEOUT,
    )


def check_version(program: Path, cwd: Path) -> None:
    result = run(program, "--version", cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"DebateMap {__version__}"


def check_info_example(program: Path, cwd: Path, installed_under: Path) -> Path:
    """``info --example`` reads the example shipped inside the installation; return its path."""
    result = run(program, "info", "--example", "--json", cwd=cwd)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    shipped = Path(summary.pop("file"))
    assert shipped.is_file()
    assert shipped.resolve().is_relative_to(installed_under.resolve()), (
        f"{shipped} lies outside the installation {installed_under}"
    )
    assert summary == summarize(load_map(example_map_path()))
    assert summary["positions"] > 0 and summary["edges"] > 0
    return shipped


def has_command(program: Path, name: str, cwd: Path) -> bool:
    result = run(program, "--help", cwd=cwd)
    assert result.returncode == 0, result.stderr
    return re.search(rf"^\s+{re.escape(name)}\s", result.stdout, flags=re.MULTILINE) is not None


def check_export_png(program: Path, example: Path, out_dir: Path) -> None:
    """A headless ``debatemap export`` writes a real PNG of the example map."""
    if not has_command(program, "export", out_dir):
        pytest.skip(
            "'debatemap export' does not exist yet (it lands with the export branch); "
            "this check runs as soon as the command is registered"
        )
    from PySide6.QtGui import QImage

    target = out_dir / "example.png"
    result = run(program, "export", str(example), "-o", str(target), cwd=out_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG file"
    image = QImage()
    assert image.loadFromData(data, "PNG"), "the PNG does not decode"
    assert image.width() >= 200 and image.height() >= 100
    step = max(1, image.width() // 64)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}  # fmt: skip
    assert len(colours) > 3, "the PNG is blank"


def check_gui_starts(program: Path, cwd: Path, seconds: float = 4.0) -> None:
    """The window opens on the example and keeps running (no missing plugin, no traceback)."""
    process = subprocess.Popen(
        [str(program)],
        cwd=cwd,
        env=headless_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        pass  # still running: the window is up and the event loop turns
    finally:
        exited = process.poll()
        process.kill()
        _out, err = process.communicate()
    assert exited is None, f"the window exited with {exited}: {err}"
    assert "Traceback" not in err, err


@contextmanager
def xvfb_display() -> Iterator[str]:
    """A private X server for one test; skip when Xvfb is not installed."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 64).decode().strip() if ready else ""
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def check_window_icon(program: Path, cwd: Path) -> None:
    """On a real X server the main window carries DebateMap's icon in every small size."""
    xwininfo, xprop = shutil.which("xwininfo"), shutil.which("xprop")
    if xwininfo is None or xprop is None:
        pytest.skip("xwininfo/xprop are not installed (Debian: x11-utils)")
    with xvfb_display() as display:
        env = headless_env({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"})
        app = subprocess.Popen(
            [str(program)], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            window = ""
            deadline = time.monotonic() + 30
            while not window and time.monotonic() < deadline and app.poll() is None:
                tree = subprocess.run(
                    [xwininfo, "-root", "-tree"], capture_output=True, text=True, env=env
                ).stdout
                found = re.search(r"^\s*(0x[0-9a-f]+) \".*— DebateMap\"", tree, re.MULTILINE)
                window = found.group(1) if found else ""
                time.sleep(0.2)  # polling another process's X window; there is no signal to wait on
            assert window, f"no DebateMap window appeared (exit code {app.poll()})"
            props = ""
            # The icon is set just after the first paint (start-up time): wait for it too.
            while "Icon (" not in props and time.monotonic() < deadline:
                props = subprocess.run(
                    [xprop, "-id", window, "WM_CLASS", "_NET_WM_ICON"],
                    capture_output=True,
                    text=True,
                    env=env,
                ).stdout
                time.sleep(0.1)
        finally:
            app.kill()
            app.wait(timeout=10)
    assert 'WM_CLASS(STRING) = "debatemap", "DebateMap"' in props
    sizes = set(re.findall(r"Icon \((\d+) x \1\)", props))
    assert {"16", "32", "48"} <= sizes, f"window icon sizes: {sorted(sizes)}"
