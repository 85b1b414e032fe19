"""OVA3 analyses (``.ova.json``): AIF plus node coordinates and the analysed text.

The work is done in :mod:`mapping.formats.aif`, which reads both shapes; this module gives the
format registry an OVA writer under its own name.
"""

from __future__ import annotations

from mapping.formats.aif import read, write_ova

write = write_ova

__all__ = ["read", "write"]
