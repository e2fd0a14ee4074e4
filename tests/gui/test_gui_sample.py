"""The bundled sample opens at once from the project shipped beside it, and that
project is exactly what importing the sample produces today."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from gui_helpers import open_window, pdf_bitext, small_bitext

from editor.core.model import Bitext
from editor.core.project import load_project, save_project
from editor.gui.files import Files, sample_path


def _ship(tmp_path: Path, digest: str | None = None) -> Path:
    """A PDF with a project beside it that records ``digest`` (default: the PDF's)."""
    bt, pdf = pdf_bitext(tmp_path)
    real = hashlib.sha256(pdf.read_bytes()).hexdigest()
    bt.sources = [replace(s, sha256=digest or real) for s in bt.sources]
    save_project(bt, pdf.with_suffix(".bitext"), {}, backup=False)
    return pdf


def test_a_project_shipped_beside_a_document_opens_without_importing(qtbot, tmp_path: Path):
    pdf = _ship(tmp_path)
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)], cache=True)
        assert window.files.job is None  # nothing runs in the background
        assert [window.session.bitext.texts(link, "en")[0]
                for link in window.session.bitext.links][1] == "Second sentence."
        assert window.files.pdf_for("s1")[0] == str(pdf)


def test_a_shipped_project_of_another_version_of_the_document_is_ignored(qtbot,
                                                                          tmp_path: Path):
    pdf = _ship(tmp_path, digest="0" * 64)
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)], cache=True)
        job = window.files.job
        assert job is not None  # imported afresh instead
        job.cancel()
        qtbot.waitUntil(lambda: window.files.job is None, timeout=60_000)


def test_a_first_import_reads_the_document_once_for_the_cache_and_fills_it(
        qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _, pdf = pdf_bitext(tmp_path)  # no project beside it: a cache miss
    hashed: list[list[str]] = []
    digest = Files._digest

    def counting(paths: list[str]) -> str | None:
        hashed.append(paths)
        return digest(paths)

    monkeypatch.setattr(Files, "_digest", staticmethod(counting))
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(pdf)], cache=True)
        qtbot.waitUntil(lambda: window.files.job is None, timeout=60_000)
        assert len(hashed) == 1
        window.files.import_documents([str(pdf)], cache=True)  # the second start
        assert window.files.job is None  # opened from the cache, no import
        assert len(window.session.bitext.links) == 3


def _generator() -> ModuleType:
    path = sample_path().with_name("make_sample_project.py")
    spec = importlib.util.spec_from_file_location("make_sample_project", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_shipped_sample_project_is_current(tmp_path: Path):
    shipped = sample_path().with_suffix(".bitext")
    if not shipped.is_file():
        pytest.skip("the sample project has not been generated")
    if shutil.which("tesseract") is None:
        pytest.skip("the sample's garbled author block needs Tesseract OCR to import alike")
    pdf = tmp_path / sample_path().name
    shutil.copyfile(sample_path(), pdf)
    fresh = _generator().build(pdf, tmp_path / shipped.name)
    old, new = load_project(shipped).bitext, load_project(fresh).bitext
    digest = hashlib.sha256(sample_path().read_bytes()).hexdigest()
    assert [s.sha256 for s in old.sources] == [digest], "the sample PDF changed: regenerate"
    assert _without_confidence(old) == _without_confidence(new), (
        "import or alignment changed: regenerate")
    for a, b in zip(old.links, new.links, strict=True):  # the aligner's last digits vary
        assert a.confidence == b.confidence or abs((a.confidence or 0) - (b.confidence or 0)) < 0.01


def _without_confidence(bt: Bitext) -> tuple[object, ...]:
    sources, sentences, links = bt.snapshot()
    return sources, sentences, tuple(replace(link, confidence=None) for link in links)
