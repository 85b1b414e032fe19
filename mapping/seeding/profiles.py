"""Debate profiles: the positions of a debate, the phrases that signal them, and who holds them.

A profile is a TOML file (format in docs/PROFILES.md). Bundled ones live in
resources/profiles; users point `--profile` at their own file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mapping.errors import MappingError


@dataclass(frozen=True)
class ProfilePosition:
    """One stance in the debate, with the words that show a text taking it or rejecting it."""

    key: str
    label: str
    description: str = ""
    cues: tuple[str, ...] = ()  # phrases that argue FOR the position
    against: tuple[str, ...] = ()  # phrases that argue AGAINST it
    holders: tuple[str, ...] = ()  # people or groups known to hold it
    opposes: tuple[str, ...] = ()  # keys of positions it contradicts


@dataclass(frozen=True)
class DebateProfile:
    """The positions of one debate; `source` is the file it came from."""

    name: str
    description: str
    positions: tuple[ProfilePosition, ...]
    source: str = ""

    def position(self, key: str) -> ProfilePosition:
        for position in self.positions:
            if position.key == key:
                return position
        raise KeyError(key)


def bundled_profiles() -> dict[str, Path]:
    """Name → path of the profiles shipped in resources/profiles."""
    from mapping.resources import resource_path

    folder = resource_path("profiles")
    return {path.stem: path for path in sorted(folder.glob("*.toml"))} if folder.is_dir() else {}


def find_profile(name_or_path: str) -> Path:
    """A profile file from a path, or from the name of a bundled profile ("iran-2026")."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise MappingError("no such profile file", file=str(path))
        return path
    bundled = bundled_profiles()
    if name_or_path not in bundled:
        known = ", ".join(bundled) or "none"
        raise MappingError(f"unknown profile {name_or_path!r}; bundled profiles: {known}")
    return bundled[name_or_path]


def guess_profile(texts: list[str], minimum_cues: int = 5) -> tuple[DebateProfile, int] | None:
    """The bundled profile whose cue phrases the texts use most, if it clearly fits.

    A profile fits when at least `minimum_cues` distinct cue phrases occur and at least two of
    its positions are touched; otherwise the seeder works from structure alone.
    """
    from mapping.seeding import cues

    best: tuple[DebateProfile, int] | None = None
    for path in bundled_profiles().values():
        profile = load_profile(path)
        found: set[str] = set()
        touched = 0
        for position in profile.positions:
            hits = {
                c for text in texts for c in cues.find_all(position.cues + position.against, text)
            }
            touched += bool(hits)
            found |= hits
        if len(found) >= minimum_cues and touched >= 2 and (best is None or len(found) > best[1]):
            best = (profile, len(found))
    return best


def load_profile(name_or_path: str | Path) -> DebateProfile:
    """Read and check a profile; errors name the file and the TOML key that is wrong."""
    path = find_profile(str(name_or_path))
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise MappingError(f"not valid TOML: {exc}", file=str(path)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise MappingError(f"cannot read: {exc}", file=str(path)) from exc
    return profile_from_dict(data, str(path))


def profile_from_dict(data: dict, source: str = "<profile>") -> DebateProfile:
    """Build a profile from parsed TOML data."""
    header = data.get("profile", {})
    if not isinstance(header, dict):
        raise MappingError("[profile] must be a table", file=source, where="profile")
    raw_positions = data.get("positions")
    if not isinstance(raw_positions, list) or not raw_positions:
        raise MappingError("needs at least one [[positions]] table", file=source, where="positions")
    positions: list[ProfilePosition] = []
    seen: set[str] = set()
    for index, raw in enumerate(raw_positions):
        where = f"positions[{index}]"
        if not isinstance(raw, dict):
            raise MappingError("must be a table", file=source, where=where)
        key = _string(raw, "key", source, where, required=True)
        if key in seen:
            raise MappingError(f"duplicate key {key!r}", file=source, where=f"{where}.key")
        seen.add(key)
        positions.append(
            ProfilePosition(
                key=key,
                label=_string(raw, "label", source, where, required=True),
                description=_string(raw, "description", source, where),
                cues=_strings(raw, "cues", source, where),
                against=_strings(raw, "against", source, where),
                holders=_strings(raw, "holders", source, where),
                opposes=_strings(raw, "opposes", source, where),
            )
        )
    for index, position in enumerate(positions):
        for other in position.opposes:
            if other not in seen:
                raise MappingError(
                    f"opposes unknown position {other!r}",
                    file=source,
                    where=f"positions[{index}].opposes",
                )
    return DebateProfile(
        name=_string(header, "name", source, "profile") or Path(source).stem,
        description=_string(header, "description", source, "profile"),
        positions=tuple(positions),
        source=source,
    )


def _string(raw: dict, key: str, source: str, where: str, required: bool = False) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise MappingError("must be a string", file=source, where=f"{where}.{key}")
    if required and not value.strip():
        raise MappingError("is required", file=source, where=f"{where}.{key}")
    return value.strip()


def _strings(raw: dict, key: str, source: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise MappingError("must be a list of strings", file=source, where=f"{where}.{key}")
    return tuple(item.strip() for item in value if item.strip())
