"""The ``debatemap`` entry point: the Qt-free command line plus the window and Qt subcommands.

``debatemap`` alone opens the editor on the bundled example; ``debatemap FILE`` opens a file;
``debatemap COMMAND ...`` runs a subcommand, most of which never load Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mapping import cli

GUI_COMMANDS: tuple[str, ...] = ("desktop.commands.export", "desktop.commands.handout")

_EPILOG = "Run 'debatemap FILE' to open a map (or documents to seed one) in the editor."


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:  # plain `debatemap`, the usual start: no parser to build (start-up time)
        return cli.run_reporting_errors(lambda: _run_window([], False), debug=lambda: False)
    names = {cli.command_name(name) for name in (*cli.CORE_COMMANDS, *GUI_COMMANDS)}
    positional = [a for a in args if not a.startswith("-")]
    if positional and positional[0] not in names:
        return _open_window(args)

    def configure(parser: argparse.ArgumentParser) -> None:
        parser.usage = "debatemap [-h] [--version] [--debug] [FILE | COMMAND ...]"
        parser.epilog = _EPILOG

    return cli.main(
        args, GUI_COMMANDS, default=lambda ns: _run_window([], ns.debug), configure=configure
    )


def _open_window(args: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="debatemap", epilog=_EPILOG)
    parser.add_argument("--debug", action="store_true")
    parser.add_argument("files", nargs="*", metavar="FILE")
    namespace = parser.parse_args(args)
    return cli.main(
        [], default=lambda ns: _run_window(namespace.files, namespace.debug or ns.debug)
    )


def _run_window(files: list[str], debug: bool) -> int:
    from desktop.app import run_application

    return run_application(files, debug=debug)


if __name__ == "__main__":
    sys.exit(main())
