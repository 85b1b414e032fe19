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
