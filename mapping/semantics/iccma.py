"""Abstract frameworks in the ICCMA competition formats, and ICCMA's enumeration output.

- APX (ASPARTIX): ``arg(a).`` and ``att(a,b).`` facts, one per line; ``%`` starts a comment.
- TGF (trivial graph format): argument names one per line, a line ``#``, then ``a b`` attacks.
- ICCMA 2023 (``.i23``/``.af``): ``p af <n>``, then ``i j`` attacks over 1..n; ``#`` comments.

Errors name the file and the line (FileFormatError, a MappingError).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from mapping.errors import FileFormatError
from mapping.semantics.framework import Framework

ICCMA_SUFFIXES = {".apx": "apx", ".tgf": "tgf", ".i23": "i23", ".af": "i23"}

_APX_FACT = re.compile(r"(arg|att)\s*\(\s*([^,()\s]+)\s*(?:,\s*([^,()\s]+)\s*)?\)\s*\.\s*$")


def is_iccma_file(path: str | Path) -> bool:
    """Whether the file name has one of the ICCMA suffixes."""
    return Path(path).suffix.lower() in ICCMA_SUFFIXES


def read_framework(path: str | Path, fmt: str | None = None) -> Framework:
    """Read an ICCMA file; the format comes from the suffix unless ``fmt`` names it."""
    path = Path(path)
    fmt = fmt or ICCMA_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise FileFormatError(
            "not an ICCMA framework (expected .apx, .tgf, .i23 or .af)", file=str(path)
        )
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as error:
        raise FileFormatError(f"cannot read: {error.strerror or error}", file=str(path)) from None
    except UnicodeDecodeError as error:
        raise FileFormatError(f"not UTF-8 text (byte {error.start})", file=str(path)) from None
    return parse_framework(text, fmt, str(path))


def parse_framework(text: str, fmt: str, file: str = "<text>") -> Framework:
    """Parse framework text in format ``apx``, ``tgf`` or ``i23``."""
    parsers = {"apx": _parse_apx, "tgf": _parse_tgf, "i23": _parse_i23}
    if fmt not in parsers:
        raise ValueError(f"unknown ICCMA format {fmt!r}")
    return parsers[fmt](text.splitlines(), file)


def _where(number: int) -> str:
    return f"line {number}"


def _check_declared(
    attacks: list[tuple[str, str, int]], index: dict[str, int], file: str
) -> list[tuple[int, int]]:
    pairs = []
    for source, target, number in attacks:
        for name in (source, target):
            if name not in index:
                raise FileFormatError(
                    f"attack names argument {name!r}, which is not declared",
                    file=file,
                    where=_where(number),
                )
        pairs.append((index[source], index[target]))
    return pairs


def _parse_apx(lines: list[str], file: str) -> Framework:
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.split("%", 1)[0].strip()
        if not line:
            continue
        match = _APX_FACT.match(line)
        if match is None:
            raise FileFormatError(
                f"expected arg(name). or att(name,name). but found {raw.strip()!r}",
                file=file,
                where=_where(number),
            )
        kind, first, second = match.groups()
        if kind == "arg":
            if second is not None:
                raise FileFormatError("arg(...) takes one name", file=file, where=_where(number))
            names.setdefault(first, len(names))
        else:
            if second is None:
                raise FileFormatError("att(...) takes two names", file=file, where=_where(number))
            attacks.append((first, second, number))
    return Framework(list(names), _check_declared(attacks, names, file))


def _parse_tgf(lines: list[str], file: str) -> Framework:
    names: dict[str, int] = {}
    attacks: list[tuple[str, str, int]] = []
    in_edges = False
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        if line == "#":
            if in_edges:
                raise FileFormatError("a second '#' line", file=file, where=_where(number))
            in_edges = True
            continue
        fields = line.split()
        if not in_edges:
            # TGF allows a label after the node id; ICCMA files have none, we ignore it.
            names.setdefault(fields[0], len(names))
        else:
            if len(fields) < 2:
                raise FileFormatError(
                    f"expected an attack 'attacker target' but found {line!r}",
                    file=file,
                    where=_where(number),
                )
            attacks.append((fields[0], fields[1], number))
    return Framework(list(names), _check_declared(attacks, names, file))


def _parse_i23(lines: list[str], file: str) -> Framework:
    size: int | None = None
    pairs: list[tuple[int, int]] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if fields[0] == "p":
            if size is not None:
                raise FileFormatError("a second p-line", file=file, where=_where(number))
            if len(fields) != 3 or fields[1] != "af" or not fields[2].isdigit():
                raise FileFormatError(
                    f"expected 'p af <number of arguments>' but found {line!r}",
                    file=file,
                    where=_where(number),
                )
            size = int(fields[2])
            continue
        if size is None:
            raise FileFormatError(
                "the first line must be 'p af <n>'", file=file, where=_where(number)
            )
        if len(fields) != 2 or not (fields[0].isdigit() and fields[1].isdigit()):
            raise FileFormatError(
                f"expected an attack 'i j' but found {line!r}", file=file, where=_where(number)
            )
        source, target = int(fields[0]), int(fields[1])
        for value in (source, target):
            if not 1 <= value <= size:
                raise FileFormatError(
                    f"argument {value} is outside 1..{size}", file=file, where=_where(number)
                )
        pairs.append((source - 1, target - 1))
    if size is None:
        raise FileFormatError("no 'p af <n>' line", file=file)
    return Framework([str(i) for i in range(1, size + 1)], pairs)


def format_extensions(extensions: Iterable[Sequence[str]]) -> str:
    """ICCMA's enumeration syntax: ``[[a1,a2],[a3]]``; ``[[]]`` is one empty extension.

    >>> format_extensions([["a1", "a2"], ["a3"]])
    '[[a1,a2],[a3]]'
    >>> format_extensions([[]]), format_extensions([])
    ('[[]]', '[]')
    """
    return "[" + ",".join("[" + ",".join(ext) + "]" for ext in extensions) + "]"


def parse_extensions(text: str, file: str = "<text>") -> list[list[str]]:
    """Read ICCMA's enumeration syntax back (for solution files).

    >>> parse_extensions("[[a2,a5],[],[a1,a3,a4]]")
    [['a2', 'a5'], [], ['a1', 'a3', 'a4']]
    """
    compact = "".join(text.split())
    if not (compact.startswith("[") and compact.endswith("]")):
        raise FileFormatError("expected a list like [[a,b],[c]]", file=file)
    inner = compact[1:-1]
    if not inner:
        return []
    if not (inner.startswith("[") and inner.endswith("]")):
        raise FileFormatError("expected a list of lists like [[a,b],[c]]", file=file)
    result = []
    for part in inner[1:-1].split("],["):
        if "[" in part or "]" in part:
            raise FileFormatError(f"unbalanced brackets near {part!r}", file=file)
        result.append([name for name in part.split(",") if name] if part else [])
    return result
