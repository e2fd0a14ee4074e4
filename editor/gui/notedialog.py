"""The note on a link: a text box that answers the keyboard.

``QInputDialog.getMultiLineText`` gives no keyboard way out: Tab and Enter type into
the box, so a translator working by keys had to reach for the mouse to press OK. Here
Ctrl+Enter saves, Esc cancels and Tab leaves the box.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("NoteDialog", text)


class NoteDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, text: str) -> None:
        super().__init__(parent)
        self.setObjectName("note_dialog")
        self.setWindowTitle(title)
        self.box = QPlainTextEdit(text)
        self.box.setObjectName("note_text")
        self.box.setTabChangesFocus(True)
        label = QLabel(prompt)
        label.setBuddy(self.box)
        hint = QLabel(_tr("Ctrl+Enter saves the note; Esc leaves it as it was."))
        hint.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.accept)
        layout = QVBoxLayout(self)
        for widget in (label, self.box, hint, buttons):
            layout.addWidget(widget)
        self.resize(520, 280)
        self.box.setFocus()
        self.box.moveCursor(self.box.textCursor().MoveOperation.End)

    def text(self) -> str:
        return self.box.toPlainText().strip()


def ask_note(parent: QWidget | None, title: str, prompt: str, text: str) -> tuple[str, bool]:
    """(the new note, whether the user saved it)."""
    dialog = NoteDialog(parent, title, prompt, text)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    note = dialog.text()
    dialog.deleteLater()  # one per note edited: do not keep them under the window
    if parent is not None:  # keys go back to the window (without a window manager too)
        parent.activateWindow()
    return note, ok
