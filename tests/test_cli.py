"""The debatemap command as a user runs it: exit codes, one-line errors, --debug."""

import json
import subprocess
import sys

import pytest

from desktop.cli import main
from mapping import __version__
from mapping.resources import example_map_path


def test_info_prints_the_counts(capsys):
    assert main(["info", str(example_map_path())]) == 0
    out = capsys.readouterr().out
    assert "Positions: 4" in out and "Claims:    14" in out and "Attacks:" in out


def test_info_json(capsys):
    assert main(["info", "--json", str(example_map_path())]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["positions"], data["claims"], data["supports"], data["attacks"]) == (4, 14, 9, 9)
    assert [d["embedded"] for d in data["documents"]] == [False, False]


def test_errors_exit_2_with_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.debatemap"
    bad.write_text('{"format": "debatemap", "version": 9}', encoding="utf-8")
    assert main(["info", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"debatemap: error: {bad}: version: ")
    assert "Traceback" not in err


def test_debug_shows_the_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.debatemap"
    bad.write_text("{", encoding="utf-8")
    assert main(["info", "--debug", str(bad)]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_version_and_help_list_every_subcommand(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0 and __version__ in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(["--help"])
    help_text = capsys.readouterr().out
    from desktop.cli import GUI_COMMANDS
    from mapping.cli import CORE_COMMANDS, load_commands

    for module in load_commands([*CORE_COMMANDS, *GUI_COMMANDS]):
        assert f"    {module.NAME} " in help_text


def test_convert_refuses_unknown_formats(tmp_path, capsys):
    assert main(["convert", str(example_map_path()), str(tmp_path / "x.unknown")]) == 2
    assert "cannot write files like this" in capsys.readouterr().err


def test_convert_round_trips_the_native_format(tmp_path):
    out = tmp_path / "copy.debatemap"
    assert main(["convert", str(example_map_path()), str(out)]) == 0
    from mapping.formats.debatemap import load_map

    assert load_map(out) == load_map(example_map_path())


def test_the_installed_command_runs():
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "info", str(example_map_path())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Positions: 4" in result.stdout


def test_help_does_not_import_qt_or_networkx():
    code = (
        "import sys\nfrom desktop.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('PySide6.QtWidgets', 'networkx', 'pydot') if m in sys.modules]\n"
        "sys.exit(f'loaded: {heavy}' if heavy else 0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_each_command_is_named_after_its_module():
    # The command line routes by these names without importing the modules.
    from desktop.cli import GUI_COMMANDS
    from mapping.cli import CORE_COMMANDS, command_name, load_commands

    names = [*CORE_COMMANDS, *GUI_COMMANDS]
    assert [m.NAME for m in load_commands(names)] == [command_name(n) for n in names]


def _modules_loaded_by(argv: list[str]) -> list[str]:
    code = (
        "import sys\nfrom desktop.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if '.commands.' in m))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return eval(result.stdout.strip().splitlines()[-1])


def test_a_command_loads_only_its_own_module(capsys):
    assert _modules_loaded_by(["info", str(example_map_path())]) == ["mapping.commands.info"]
    assert _modules_loaded_by(["seed", "--help"]) == ["mapping.commands.seed"]
    assert "mapping.commands.seed" in _modules_loaded_by(["--help"])


def test_a_subcommand_help_shows_its_own_options(capsys):
    with pytest.raises(SystemExit):
        main(["info", "--help"])
    assert "--json" in capsys.readouterr().out


def test_an_unknown_command_lists_every_name(tmp_path, capsys):
    from mapping.cli import main as core_main

    with pytest.raises(SystemExit):
        core_main(["nonsense"])
    err = capsys.readouterr().err
    assert "invalid choice" in err and "'seed'" in err and "'info'" in err


def test_no_command_without_a_window_prints_the_full_help(capsys):
    from mapping.cli import main as core_main

    assert core_main([]) == 0
    out = capsys.readouterr().out
    assert "    seed " in out and "seed a map from" in out
