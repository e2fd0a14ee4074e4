"""Locate files under ``resources/`` from a source checkout or a PyInstaller build.

``resources/`` lives beside the package, not inside it, so one function decides where
it is: PyInstaller unpacks data under ``sys._MEIPASS``; a checkout has it one level
above ``editor/``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root is not None:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. ``resource_path("samples", "seed.pdf")``."""
    return resources_dir().joinpath(*parts)
