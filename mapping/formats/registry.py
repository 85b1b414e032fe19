"""Every file format DebateMap reads or writes, in one table for ``convert`` and the menus.

A format module provides ``read(path) -> ArgumentMap`` and/or ``write(argument_map, path)``;
writers go through :func:`mapping.formats.debatemap.write_atomically` so a failed export never
leaves half a file. Modules are imported only when their format is used.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError


@dataclass(frozen=True)
class FileFormat:
    name: str
    """Short name for --from/--to, e.g. ``argdown``."""
    title: str
    """What a file dialog shows, e.g. ``Argdown``."""
    extensions: tuple[str, ...]
    module: str
    can_read: bool
    can_write: bool

    def reader(self) -> Any:
        return importlib.import_module(self.module).read

    def writer(self) -> Any:
        return importlib.import_module(self.module).write


FORMATS: list[FileFormat] = [
    FileFormat(
        "debatemap", "DebateMap map", (".debatemap",), "mapping.formats.debatemap", True, True
    ),
    FileFormat("dot", "Graphviz DOT", (".dot", ".gv"), "mapping.formats.dot", True, True),
    FileFormat("graphml", "GraphML", (".graphml",), "mapping.formats.graphml", True, True),
    FileFormat("argdown", "Argdown", (".argdown", ".ad"), "mapping.formats.argdown", True, True),
    FileFormat(
        "aif", "AIF JSON (AIFdb)", (".aif.json", ".json"), "mapping.formats.aif", True, True
    ),
    FileFormat("ova", "OVA3 analysis", (".ova.json",), "mapping.formats.ova", True, True),
    FileFormat(
        "kialo",
        "Kialo discussion (text export)",
        (".kialo.txt",),
        "mapping.formats.kialo",
        True,
        True,
    ),
]


def find_format(
    name: str | None = None, path: str | Path | None = None, *, reading: bool
) -> FileFormat:
    """The format called ``name``, or else the one ``path``'s extension names."""
    candidates = [f for f in FORMATS if (f.can_read if reading else f.can_write)]
    verb = "read" if reading else "write"
    if name:
        for file_format in candidates:
            if file_format.name == name:
                return file_format
        known = ", ".join(f.name for f in candidates)
        raise FileFormatError(
            f"DebateMap cannot {verb} the format {name!r} (it can {verb}: {known})"
        )
    if path is None:
        raise FileFormatError("no format given and no file name to guess it from")
    lower = str(path).lower()
    matches = [f for f in candidates if any(lower.endswith(ext) for ext in f.extensions)]
    if not matches:
        known = ", ".join(ext for f in candidates for ext in f.extensions)
        raise FileFormatError(
            f"DebateMap cannot {verb} files like this (by extension it can {verb}: {known}); "
            "name the format with --from/--to",
            file=str(path),
        )
    return max(matches, key=lambda f: max(len(e) for e in f.extensions if lower.endswith(e)))
