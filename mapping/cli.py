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


def command_name(module_name: str) -> str:
    """A command is named after its module (``mapping.commands.seed`` is ``seed``).

    So the command line knows every name without importing a module: starting the window or
    running one command loads only what it needs.
    """
    return module_name.rpartition(".")[2]


def load_commands(names: Sequence[str]) -> list[ModuleType]:
    return [importlib.import_module(name) for name in names]


def chosen_command(argv: Sequence[str], names: Sequence[str]) -> str | None:
    """The dotted module of the subcommand ``argv`` asks for, if any.

    The top-level parser takes no positional argument and no option with a value, so argparse
    reads the first word that is not an option as the command; this does the same.
    """
    by_name = {command_name(n): n for n in names}
    for arg in argv:
        if arg == "--":
            return None
        if not arg.startswith("-"):
            return by_name.get(arg)
    return None


def build_parser(
    commands: Sequence[ModuleType | str], description: str | None = None
) -> argparse.ArgumentParser:
    """The parser; a command given as a dotted name (not loaded) is listed without its help."""
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

    def name_of(command: ModuleType | str) -> str:
        return command_name(command) if isinstance(command, str) else command.NAME

    for command in sorted(commands, key=name_of):
        if isinstance(command, str):  # not asked for: only its name, so parsing can route
            subparsers.add_parser(command_name(command))
            continue
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.HELP)
        sub.add_argument(
            "--debug",
            action="store_true",
            default=argparse.SUPPRESS,
            help="show a full traceback when something fails",
        )
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(
    argv: Sequence[str] | None = None,
    extra_commands: Sequence[str] = (),
    default: Callable[[argparse.Namespace], int] | None = None,
    configure: Callable[[argparse.ArgumentParser], None] | None = None,
) -> int:
    """Run ``debatemap``; user errors print one line and return 2 (a traceback with --debug).

    Only the command asked for is imported; ``--help`` without a command imports them all,
    since it lists each one's help line.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    names = [*CORE_COMMANDS, *extra_commands]
    chosen = chosen_command(argv, names)
    wants_help = chosen is None and any(a in ("-h", "--help") for a in argv)
    wanted = set(names) if wants_help else {chosen}
    parser = build_parser([importlib.import_module(n) if n in wanted else n for n in names])
    if configure is not None:
        configure(parser)
    args = parser.parse_args(argv)
    run = getattr(args, "run", None) or default
    if run is None:  # nothing to do: show the help, with every command's line
        parser = build_parser(load_commands(names))
        if configure is not None:
            configure(parser)
        parser.print_help()
        return 0
    return run_reporting_errors(lambda: run(args), debug=lambda: getattr(args, "debug", False))


def run_reporting_errors(run: Callable[[], int | None], debug: Callable[[], bool]) -> int:
    """``run()``'s exit status; a user error prints one line and gives 2 (a traceback when
    ``debug()``), and a bug says so plainly."""
    try:
        return int(run() or 0)
    except BrokenPipeError:  # the reader went away (`debatemap info x | head`): not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("debatemap: interrupted", file=sys.stderr)
        return 130
    except (MappingError, OSError) as error:
        if debug():
            traceback.print_exc()
        print(f"debatemap: error: {_one_line(error)}", file=sys.stderr)
        return 2
    except Exception as error:  # a bug: say so plainly, keep the details for --debug
        if debug():
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
