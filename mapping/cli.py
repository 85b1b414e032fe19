"""The ``debatemap`` command line, without Qt: parsing, dispatch and error reporting.

The GUI package adds its own subcommands (image export, the window itself) through
``extra_commands``; everything here runs on a machine with no display.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from collections.abc import Callable, Sequence
from types import ModuleType

from mapping import __version__
from mapping.errors import MappingError

CORE_COMMANDS: tuple[str, ...] = (
    "mapping.commands.compare",
    "mapping.commands.convert",
    "mapping.commands.evaluate",
    "mapping.commands.exercise",
    "mapping.commands.info",
    "mapping.commands.seed",
)


def load_commands(names: Sequence[str]) -> list[ModuleType]:
    return [importlib.import_module(name) for name in names]


def build_parser(
    commands: Sequence[ModuleType], description: str | None = None
) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="debatemap",
        description=description
        or "Draw argument maps from political texts. Without a command, opens the map editor.",
    )
    parser.add_argument("--version", action="version", version=f"DebateMap {__version__}")
    parser.add_argument(
        "--debug", action="store_true", help="show a full traceback when something fails"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for module in sorted(commands, key=lambda m: m.NAME):
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        sub.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,
            help="show a full traceback when something fails",
        )
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(
    argv: Sequence[str] | None = None,
    extra_commands: Sequence[str] = (),
    default: Callable[[argparse.Namespace], int] | None = None,
    configure: Callable[[argparse.ArgumentParser], None] | None = None,
) -> int:
    """Run ``debatemap``; user errors print one line and return 2 (a traceback with --debug)."""
    parser = build_parser(load_commands([*CORE_COMMANDS, *extra_commands]))
    if configure is not None:
        configure(parser)
    args = parser.parse_args(argv)
    run = getattr(args, "run", None) or default
    if run is None:
        parser.print_help()
        return 0
    try:
        return int(run(args) or 0)
    except BrokenPipeError:  # the reader went away (`debatemap info x | head`): not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("debatemap: interrupted", file=sys.stderr)
        return 130
    except (MappingError, OSError) as error:
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"debatemap: error: {_one_line(error)}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug: say so plainly, keep the details for --debug
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            print(
                f"debatemap: internal error: {type(error).__name__}: {_one_line(error)} "
                "(run again with --debug for details)",
                file=sys.stderr,
            )
        return 2


def _one_line(error: BaseException) -> str:
    if (
        isinstance(error, OSError)
        and error.filename is not None
        and not isinstance(error, MappingError)
    ):
        return f"{error.filename}: {error.strerror or error}"
    return " ".join(str(error).split())
