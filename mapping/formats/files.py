"""Reading a file a user names: bounded in size, decoded strictly, errors naming file and place.

Every reader goes through these so that a huge, binary or mis-encoded file gets the same clear
message whatever format it claims to be.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError


def read_bounded(path: str | os.PathLike[str], max_bytes: int, what: str) -> bytes:
    """The bytes of ``path``; files over ``max_bytes`` are refused before they are read.

    ``what`` names the kind of file in the message, e.g. ``"maps"`` or ``"AIF files"``.
    """
    name = str(path)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise FileFormatError(
                f"the file is {size / 1_000_000:.1f} MB; DebateMap reads {what} of up to "
                f"{max_bytes / 1_000_000:.0f} MB",
                file=name,
            )
        return Path(path).read_bytes()
    except OSError as error:
        raise FileFormatError(error.strerror or str(error), file=name) from None


def decode_text(raw: bytes, source: str, what: str) -> str:
    """UTF-8 text (a UTF-8 byte-order mark is dropped); UTF-16 and binary data are refused.

    A byte that is not UTF-8 is reported by line and column, so the user can find it.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileFormatError(
            f"the file is saved as UTF-16; {what} must be UTF-8 (save it again as UTF-8)",
            file=source,
        )
    if b"\x00" in raw[:8192]:
        raise FileFormatError(f"this is a binary file, not {what}", file=source)
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise FileFormatError(
            f"not UTF-8 text (byte 0x{raw[error.start]:02x} cannot be decoded)",
            file=source,
            where=f"line {line}, column {column}",
        ) from None


def parse_json(text: str, source: str, what: str) -> Any:
    """JSON from ``text``; an empty, malformed or absurdly nested file names line and column."""
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FileFormatError(f"the file is empty; {what} is JSON", file=source)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FileFormatError(
            f"not valid JSON: {error.msg}",
            file=source,
            where=f"line {error.lineno}, column {error.colno}",
        ) from None
    except RecursionError:
        raise FileFormatError(f"the JSON is nested too deeply to be {what}", file=source) from None


def describe_json_value(value: Any) -> str:
    """A wrong JSON value as an error message shows it: ``null``, ``a list``, ``text "…"``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f"text {json.dumps(value[:40], ensure_ascii=False)}"
    if isinstance(value, int | float):
        return f"the number {value}"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)
