"""Start-up and shutdown: ``main()``, the sample, the crash handler, logging."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

import pytest
from gui_helpers import open_window, press, small_bitext
from PySide6.QtWidgets import QApplication

from editor.gui import app as app_mod
from editor.gui.files import sample_path


@pytest.fixture
def restore_process_state():
    """main() configures logging and the excepthook for the whole process: undo that."""
    handlers = list(logging.getLogger().handlers)
    hook = sys.excepthook
    yield
    for handler in logging.getLogger().handlers:
        if handler not in handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    sys.excepthook = hook


def test_main_opens_the_window_and_quits_cleanly(qtbot, restore_process_state):
    assert app_mod.main(["--no-sample", "--quit-after", "300"]) == 0
    assert app_mod.log_file().is_file()
    assert not [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "main_window" and w.isVisible()]


def test_crash_handler_saves_unsaved_work(qtbot, restore_process_state, capsys):
    with open_window(qtbot, small_bitext(4)) as window:
        window.select_row(0)
        press(window, "Ctrl+M")
        app_mod._windows.append(window)
        try:
            try:
                raise RuntimeError("boom")
            except RuntimeError:
                app_mod.excepthook(*sys.exc_info())
        finally:
            app_mod._windows.remove(window)
        assert window.files.recovery_file.is_file()
        assert "RuntimeError: boom" in capsys.readouterr().err
        press(window, "Ctrl+Z")
        window.session.undo_stack.setClean()


@pytest.mark.slow
def test_sample_imports_aligns_and_shows_its_page(qtbot):
    if not sample_path().is_file():
        pytest.skip("the bundled sample has not been generated")
    with open_window(qtbot, small_bitext(1)) as window:
        window.files.import_documents([str(sample_path())])
        qtbot.waitUntil(lambda: window.files.job is None, timeout=120_000)
        for dialog in QApplication.topLevelWidgets():
            if dialog.objectName() == "import_warnings":
                dialog.close()
        bitext = window.session.bitext
        assert len(bitext.links) > 10
        assert window.files.name == "seed-sample"
        assert any("新質生產力" in s.text for s in bitext.sentences.values())
        window.select_row(5, "zh")
        qtbot.waitUntil(lambda: window.pdf.canvas.image is not None, timeout=10_000)
        assert window.pdf.canvas.highlights
        assert Path(window.pdf.path).name == "seed-sample.pdf"
