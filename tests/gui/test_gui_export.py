"""The export dialog: codes the export would use, format-specific choices, the
background export with progress, and opening the result in the system viewer."""

from __future__ import annotations

from pathlib import Path

from gui_helpers import open_window, small_bitext
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog

from editor.gui import exportdialog
from editor.gui.exportdialog import ExportDialog


def _choose(dialog: ExportDialog, fmt: str) -> None:
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))


def test_dialog_shows_the_codes_the_export_would_use_and_builds_the_options(qtbot):
    with open_window(qtbot, small_bitext(3)) as window:
        dialog = ExportDialog(window)
        qtbot.addWidget(dialog)
        assert (dialog.zh_code.text(), dialog.en_code.text()) == ("zh-TW", "en-US")
        _choose(dialog, "xliff")
        assert dialog.xliff_version.isEnabled() and not dialog.pdf_layout.isEnabled()
        dialog.zh_code.setText("zh-Hant-HK")
        dialog.xliff_version.setCurrentIndex(dialog.xliff_version.findData("2.1"))
        dialog.source_lang.setCurrentIndex(dialog.source_lang.findData("en"))
        dialog.confirmed.setChecked(True)
        options = dialog.options()
        assert (options.zh_code, options.xliff_version, options.source_lang) == (
            "zh-Hant-HK", "2.1", "en")
        assert options.confirmed_only and options.include_unpaired
        _choose(dialog, "pdf")
        assert dialog.pdf_layout.isEnabled() and not dialog.xliff_version.isEnabled()
        dialog.pdf_layout.setCurrentIndex(dialog.pdf_layout.findData("alternating"))
        assert dialog.options().pdf_layout == "alternating"


def test_export_writes_the_chosen_codes_and_opens_the_result(qtbot, tmp_path: Path,
                                                             monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    target = tmp_path / "out.xlf"

    def fill(dialog: ExportDialog) -> int:
        _choose(dialog, "xliff")
        dialog.zh_code.setText("zh-HK")
        dialog.open_result.setChecked(True)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportDialog, "exec", fill)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with open_window(qtbot, small_bitext(4)) as window:
        exportdialog.export_dialog(window)
        qtbot.waitUntil(lambda: window.files.job is None, timeout=30_000)
        assert "Exported" in window.statusBar().currentMessage()
    assert opened == [str(target)]
    text = target.read_text(encoding="utf-8")
    assert 'zh-HK' in text and "Sentence 3 of the test." in text
