"""The export dialog and the background export it starts.

The dialog offers every :class:`~editor.core.export.ExportOptions` choice a translator
makes (language codes prefilled with what the export would derive from the document,
so the user sees and can correct them), enables only the choices the chosen format
uses, and remembers the last format. The export itself runs on the worker thread with
a progress dialog and Cancel; on request the result opens in the system's viewer.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from editor.gui import settings

if TYPE_CHECKING:
    from editor.core.export import ExportOptions
    from editor.gui.mainwindow import MainWindow

log = logging.getLogger(__name__)

#: which formats use a choice (the rest ignore it; the widget is disabled for them)
USED_BY: dict[str, frozenset[str]] = {
    "source_lang": frozenset({"tmx", "xliff"}),
    "xliff_version": frozenset({"xliff"}),
    "pdf_layout": frozenset({"pdf"}),
    "column_order": frozenset({"docx", "pdf", "html", "tsv", "csv", "xlsx"}),
    "codes": frozenset({"tmx", "xliff", "html", "docx", "pdf"}),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialog", text)


def _combo(items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    for label, value in items:
        box.addItem(label, value)
    return box


class ExportDialog(QDialog):
    """Format and options; :meth:`options` builds the ``ExportOptions`` chosen."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        from editor.core.export import FORMATS, ExportOptions
        from editor.core.export.options import resolve_codes

        super().__init__(parent or window)
        self.setObjectName("export_dialog")
        self.setWindowTitle(_tr("Export"))
        self._title = window.files.name
        codes = resolve_codes(window.session.bitext, ExportOptions())
        self.format = _combo([(f"{i.description} ({i.extension})", n) for n, i in FORMATS.items()])
        self.zh_code, self.en_code = QLineEdit(codes.zh), QLineEdit(codes.en)
        self.zh_code.setObjectName("export_zh_code")
        self.en_code.setObjectName("export_en_code")
        self.source_lang = _combo([(_tr("Chinese"), "zh"), (_tr("English"), "en")])
        self.xliff_version = _combo([("XLIFF 1.2", "1.2"), ("XLIFF 2.1", "2.1")])
        self.pdf_layout = _combo([(_tr("Side by side (two columns)"), "columns"),
                                  (_tr("Alternating (one language under the other)"),
                                   "alternating")])
        self.column_order = _combo([(_tr("Chinese | English"), "zh-en"),
                                    (_tr("English | Chinese"), "en-zh")])
        self.confirmed = QCheckBox(_tr("Confirmed links only"))
        self.unpaired = QCheckBox(_tr("Include 1-0 and 0-1 links"))
        self.unpaired.setChecked(True)
        self.original = QCheckBox(_tr("Use the extracted text instead of the edited text"))
        self.notes = QCheckBox(_tr("Include notes"))
        self.notes.setChecked(True)
        self.numbers = QCheckBox(_tr("Include link numbers"))
        self.open_result = QCheckBox(_tr("Open the result when it is written"))
        self.open_result.setChecked(bool(settings.get("export/open_result")))
        self._lay_out()
        last = settings.get("export/format")
        if (found := self.format.findData(last)) >= 0:
            self.format.setCurrentIndex(found)
        self.format.currentIndexChanged.connect(self._format_changed)
        self._format_changed()

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        form.addRow(_tr("Format:"), self.format)
        form.addRow(_tr("Chinese language code:"), self.zh_code)
        form.addRow(_tr("English language code:"), self.en_code)
        form.addRow(_tr("Source language:"), self.source_lang)
        form.addRow(_tr("XLIFF version:"), self.xliff_version)
        form.addRow(_tr("PDF layout:"), self.pdf_layout)
        form.addRow(_tr("Column order:"), self.column_order)
        for box in (self.confirmed, self.unpaired, self.original, self.notes, self.numbers,
                    self.open_result):
            form.addRow(box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    def _format_changed(self) -> None:
        """Only the choices this format uses stay enabled."""
        name = self.format_name
        for widget, key in ((self.source_lang, "source_lang"),
                            (self.xliff_version, "xliff_version"),
                            (self.pdf_layout, "pdf_layout"), (self.column_order, "column_order"),
                            (self.zh_code, "codes"), (self.en_code, "codes")):
            widget.setEnabled(name in USED_BY[key])
        self.unpaired.setEnabled(name != "tmx")  # a TMX unit always needs both sides

    def options(self) -> ExportOptions:
        from editor.core.export import ExportOptions

        return ExportOptions(
            confirmed_only=self.confirmed.isChecked(),
            include_unpaired=self.unpaired.isChecked(),
            use_original_text=self.original.isChecked(),
            zh_code=self.zh_code.text().strip() or None,
            en_code=self.en_code.text().strip() or None,
            source_lang=self.source_lang.currentData(),
            xliff_version=self.xliff_version.currentData(),
            column_order=self.column_order.currentData(),
            link_numbers=self.numbers.isChecked(), notes=self.notes.isChecked(),
            title=self._title, pdf_layout=self.pdf_layout.currentData())

    def remember(self) -> None:
        settings.put("export/format", self.format_name)
        settings.put("export/open_result", self.open_result.isChecked())


def export_dialog(window: MainWindow) -> None:
    """Ask for the format and options, then the file name; export in the background."""
    dialog = ExportDialog(window)
    try:
        if dialog.exec():
            dialog.remember()
            _export_chosen(window, dialog)
    finally:
        dialog.deleteLater()  # one per export: do not keep them under the window


def _export_chosen(window: MainWindow, dialog: ExportDialog) -> None:
    from editor.core.export import FORMATS

    ext = FORMATS[dialog.format_name].extension
    folder = export_folder(window)
    suggested = str(folder / ((window.files.name or "export") + ext))
    path, _ = QFileDialog.getSaveFileName(window, _tr("Export As"), suggested, f"*{ext}")
    if path:
        export_in_background(window, path, dialog.format_name, dialog.options(),
                             open_result=dialog.open_result.isChecked())


def export_folder(window: MainWindow) -> Path:
    """Where the export goes by default: beside the project, else beside the first
    source document that is still there (an imported document not yet saved), else home."""
    if window.files.path is not None:
        return window.files.path.parent
    for path in window.files.source_paths.values():
        if path is not None and path.parent.is_dir():
            return path.parent
    return Path.home()


def export_in_background(window: MainWindow, path: str, fmt: str, options: Any,
                         open_result: bool = False) -> None:
    """Write the export on the worker thread from a snapshot of the current links,
    with a progress dialog and Cancel; the window stays usable meanwhile."""
    from editor.core.errors import BitextError
    from editor.core.export import export_bitext
    from editor.gui.jobui import JobTexts, run_job
    from editor.gui.realign import snapshot
    from editor.gui.workers import Job, worker_thread

    bt = window.session.bitext
    frozen = snapshot(bt, 0, len(bt.links))
    job = Job(lambda progress, cancel: export_bitext(frozen, path, fmt, options,
                                                    progress=progress), "export")
    texts = JobTexts(label=_tr("Exporting {name}…").format(name=Path(path).name),
                     title=_tr("Export"), problem=_tr("Export failed"),
                     cancelled=_tr("Export cancelled."))
    run_job(window, job, texts, lambda _: _exported(window, path, open_result),
            worker_thread(), expected=(BitextError, OSError))


def _exported(window: MainWindow, path: str, open_result: bool) -> None:
    window.say(_tr("Exported {path}").format(path=path))
    if open_result:
        open_in_viewer(window, path)


def open_in_viewer(window: MainWindow, path: str) -> bool:
    """Hand the written file to the system's viewer; say so when none takes it."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
        return True
    window.say(_tr("No program opens {name}; it is in {folder}.").format(
        name=Path(path).name, folder=Path(path).parent))
    return False
