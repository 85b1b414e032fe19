"""One exception family for everything the core reports to a user.

Messages name the file and the place (line and column, or a JSON path), because the person reading
them has to find and fix the problem without a debugger.
"""

from __future__ import annotations


class MappingError(Exception):
    """A problem a user can act on: bad input, a broken invariant, a refused file."""

    def __init__(self, message: str, *, file: str | None = None, where: str | None = None):
        self.message = message
        self.file = file
        self.where = where
        super().__init__(self._compose())

    def _compose(self) -> str:
        prefix = ": ".join(part for part in (self.file, self.where) if part)
        return f"{prefix}: {self.message}" if prefix else self.message


class ModelError(MappingError):
    """An operation would break one of the map's invariants; the map is left unchanged."""


class FileFormatError(MappingError):
    """A file cannot be read or written in the format it claims to be."""
