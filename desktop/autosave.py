"""Autosave: a copy of each modified map in the application-data folder, and recovery after a crash.

Every window owns one autosave file plus a lock file. A clean close removes both. A file whose
lock nobody holds any more belongs to a DebateMap that ended without closing its window (a
crash, a power cut): that is what the start-up offers to recover.
"""

from __future__ import annotations

import json
import os
import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer

from desktop.session import MapSession
from mapping.errors import MappingError

if TYPE_CHECKING:
    from PySide6.QtCore import QLockFile
# Every window builds an Autosaver before its first paint, so this module stays light: the
# lock-file class is imported when a file is first written, and Recoverable is a NamedTuple
# (a frozen dataclass costs ~0.5 ms to create at import).

INTERVAL_MS = 60_000


def autosave_dir() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base) / "autosave"


class Recoverable(NamedTuple):
    """An autosaved map left behind by a DebateMap that did not close normally."""

    map_path: Path
    original: Path | None
    title: str
    saved_at: float

    def describe(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.saved_at))
        name = str(self.original) if self.original else (self.title or "an untitled map")
        return f"{name} (autosaved {when})"

    def discard(self) -> None:
        for path in _companions(self.map_path):
            path.unlink(missing_ok=True)


def _companions(map_path: Path) -> tuple[Path, Path, Path]:
    return map_path, map_path.with_suffix(".json"), map_path.with_suffix(".lock")


class Autosaver(QObject):
    """Writes ``session``'s map every ``interval_ms`` while it has unsaved changes."""

    def __init__(self, session: MapSession, parent: QObject | None = None,
                 interval_ms: int = INTERVAL_MS) -> None:  # fmt: skip
        super().__init__(parent)
        self.session = session
        self._name = f"{os.getpid()}-{id(self):x}-{time.time_ns():x}"  # unique; uuid is slower
        self._lock: QLockFile | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @cached_property
    def map_path(self) -> Path:
        """This window's autosave file; looked up on first use, not before the first paint
        (QStandardPaths and its enums cost start-up time)."""
        return autosave_dir() / f"{self._name}.debatemap"

    def set_session(self, session: MapSession) -> None:
        self.discard()
        self.session = session

    def save_now(self) -> bool:
        """Write the map now if it has unsaved changes; returns whether a file was written."""
        from mapping.formats.debatemap import dumps, write_atomically

        if not self.session.is_modified:
            self.discard()
            return False
        folder = self.map_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        if self._lock is None:
            from PySide6.QtCore import QLockFile

            self._lock = QLockFile(str(self.map_path.with_suffix(".lock")))
            self._lock.setStaleLockTime(0)
            if not self._lock.tryLock(100):
                self._lock = None
                return False
        try:
            write_atomically(self.map_path, dumps(self.session.map).encode("utf-8"), backup=False)
            info = {
                "original": str(self.session.path) if self.session.path else None,
                "title": self.session.map.title,
                "saved_at": time.time(),
            }
            write_atomically(
                self.map_path.with_suffix(".json"), json.dumps(info).encode("utf-8"), backup=False
            )
        except (OSError, MappingError):
            return False  # autosave must never interrupt editing; the next tick tries again
        return True

    def discard(self) -> None:
        """Remove this window's autosave (after a save or a clean close)."""
        if "map_path" not in vars(self):
            return  # never looked up, so never written (save_now looks it up first)
        self.map_path.unlink(missing_ok=True)
        self.map_path.with_suffix(".json").unlink(missing_ok=True)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def stop(self) -> None:
        self.timer.stop()
        self.discard()


def find_recoverable() -> list[Recoverable]:
    """Autosaved maps whose DebateMap is gone, newest first."""
    from PySide6.QtCore import QLockFile

    folder = autosave_dir()
    if not folder.is_dir():
        return []
    found = []
    for map_path in folder.glob("*.debatemap"):
        lock = QLockFile(str(map_path.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another running DebateMap owns it
        lock.unlock()
        try:
            info = json.loads(map_path.with_suffix(".json").read_text("utf-8"))
        except (OSError, ValueError):
            info = {}
        original = info.get("original")
        found.append(
            Recoverable(
                map_path=map_path,
                original=Path(original) if original else None,
                title=str(info.get("title") or ""),
                saved_at=float(info.get("saved_at") or map_path.stat().st_mtime),
            )
        )
    return sorted(found, key=lambda r: r.saved_at, reverse=True)
