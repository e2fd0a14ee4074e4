"""resources/ is found from a checkout and from a PyInstaller build."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from editor.resources import resource_path, resources_dir


def test_checkout_finds_the_app_icon() -> None:
    assert resource_path("app", "bitext-editor.svg").is_file()
    assert resources_dir() == Path(__file__).resolve().parents[1] / "resources"


def test_frozen_build_looks_under_meipass(monkeypatch: pytest.MonkeyPatch,
                                          tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("samples", "x.pdf") == tmp_path / "resources" / "samples" / "x.pdf"
