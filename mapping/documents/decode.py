"""Turn a file's bytes into the exact text that offsets index into.

Files are read as bytes and decoded here because Python's text mode rewrites "\\r\\n" to "\\n",
which would shift every offset after the first Windows line break.
"""

from __future__ import annotations

import codecs

from mapping.errors import MappingError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Decode `data` and return (text, encoding, warnings); line breaks are left as they are.

    A byte-order mark decides; otherwise UTF-8; otherwise cp1252 with a warning, because a file
    that is not UTF-8 is most often a Windows export. Raises MappingError naming the file and the
    byte offset when nothing fits.

    >>> decode_bytes(b"a\\r\\nb", "x.txt")[0]
    'a\\r\\nb'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, []
            except UnicodeDecodeError as exc:
                raise MappingError(
                    f"cannot decode as {encoding} despite its byte-order mark: {exc.reason}",
                    file=name,
                    where=f"byte {exc.start}",
                ) from exc
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as exc:
        utf8_error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise MappingError(
            "neither UTF-8 nor cp1252: "
            f"invalid UTF-8 at byte {utf8_error.start}, undefined cp1252 byte {data[exc.start]:#04x}",
            file=name,
            where=f"byte {exc.start}",
        ) from exc
    warning = (
        f"{name}: not valid UTF-8 (byte {utf8_error.start}); read as Windows-1252 (cp1252), "
        "check accented letters and quotes"
    )
    return text, "cp1252", [warning]
