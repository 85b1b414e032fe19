"""The frozen bundle's entry point: the same ``debatemap`` command the wheel installs.

PyInstaller needs a script file; running ``desktop/__main__.py`` directly would put ``desktop/``
itself on ``sys.path``, so this stands outside the packages.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
