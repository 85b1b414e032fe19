"""Render the main window showing a map to a PNG, without a display.

    uv run python bench/screenshot.py [MAP] [-o window.png] [--size 1400x900] [--theme dark]
        [--select n3,n7] [--zoom 80] [--find TEXT]

Used to look at the editor as a user sees it (and for the README's picture).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    from mapping.resources import example_map_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("map", nargs="?", default=str(example_map_path()))
    parser.add_argument("-o", "--output", default="window.png")
    parser.add_argument("--size", default="1400x900")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--select", default="", help="comma-separated ids to select")
    parser.add_argument("--find", default="", help="text to find (shows the find bar)")
    parser.add_argument("--zoom", type=float, default=0.0,
                        help="zoom in percent, centred on the selection (default: fit the map)")  # fmt: skip
    args = parser.parse_args()

    from desktop.app import application
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings
    from desktop.main_window import MainWindow

    app = application()
    window = MainWindow()
    apply_settings(AppSettings(theme=args.theme), [window])  # the whole window, as a user's
    width, height = (int(v) for v in args.size.split("x"))
    window.resize(width, height)
    window.show()
    if not window.open_file(args.map):
        print(getattr(window, "last_error", "could not open the map"), file=sys.stderr)
        return 2
    app.processEvents()
    window.view.zoom_fit()
    if args.select:
        window.editor.select(args.select.split(","))
    if args.zoom:
        window.view.set_zoom(args.zoom / 100)
        selected = [window.scene.node_item(i) for i in window.session.selection]
        if selected and selected[0] is not None:
            window.view.centerOn(selected[0])
    if args.find:
        window.view.show_find()
        window.view.find_bar.field.setText(args.find)
    for _ in range(3):
        app.processEvents()
    window.grab().save(args.output)
    print(f"wrote {args.output} ({width}x{height})")
    window.session.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
