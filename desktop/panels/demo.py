"""Screenshots of the main window with its panels, offscreen, for looking at (and the README).

    python -m desktop.panels.demo OUT_DIR [--seeds DIR]

Writes ``example.png`` (the bundled example, its source texts located in DIR, a claim selected),
``imported.png`` (a map seeded from the documents in DIR, laid out) and ``welcome.png``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def _settle(app, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser()
    parser.add_argument("output", type=Path)
    parser.add_argument("--seeds", type=Path, help="folder holding the example's source texts")
    parser.add_argument("--select", default="n1", help="node to select in the example")
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)

    from desktop.app import application
    from desktop.dialogs.import_wizard import ImportWizard, apply_import
    from desktop.main_window import MainWindow
    from mapping.resources import example_map_path

    app = application()
    size = (1600, 1000)

    welcome = MainWindow()
    welcome.resize(*size)
    welcome.show()
    _settle(app)
    welcome.grab().save(str(args.output / "welcome.png"))

    window = MainWindow()
    window.resize(*size)
    window.show()
    window.open_file(example_map_path())
    if args.seeds:
        documents = window.panels.documents
        first = next(iter(window.session.map.documents.values()))
        documents.show_document(first.id)
        error = documents.locate_file(args.seeds / first.name)
        if error:
            print(error, file=sys.stderr)
    _settle(app)
    window.view.zoom_fit()
    window.session.select([args.select])
    _settle(app)
    window.grab().save(str(args.output / "example.png"))

    if args.seeds:
        wizard = ImportWizard(files=sorted(args.seeds.glob("*.txt")))
        wizard.show()
        wizard.next()
        while not wizard.structure_page.isComplete():
            wizard.structure_page.job and wizard.structure_page.job.done.wait(0.05)
            app.processEvents()
        wizard.next()
        while not wizard.proposal_page.isComplete():
            wizard.proposal_page.job and wizard.proposal_page.job.done.wait(0.05)
            app.processEvents()
        wizard.grab().save(str(args.output / "wizard.png"))
        session = apply_import(wizard, None)
        wizard.close()
        imported = MainWindow()
        imported.resize(*size)
        imported.show()
        imported.set_session(session)
        _settle(app)
        claim = next(n for n in session.map.nodes.values() if n.kind == "claim" and n.sources)
        session.select([claim.id])
        _settle(app)
        imported.grab().save(str(args.output / "imported.png"))
    for path in sorted(args.output.glob("*.png")):
        print(path)
    os._exit(0)  # skip Qt's teardown of several windows; the pictures are written


if __name__ == "__main__":
    sys.exit(main())
