"""Dialogs: problems, import warnings, About, export, keyboard shortcuts, preferences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontDialog,
    QFormLayout,
    QGroupBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor import APP_NAME, __version__
from editor.core.model import Lang
from editor.core.segment_exceptions import (
    EntryError,
    changes_from_full_list,
    effective_exceptions,
    parse_exceptions,
)
from editor.core.segment_lexicon import DEFAULT_EXCEPTIONS
from editor.gui import actions as actions_mod
from editor.gui import settings

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("dialogs", text)


def show_problem(parent: QWidget, title: str, exc: BaseException) -> None:
    """A short message naming the file and the problem; the details on demand."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc), QMessageBox.StandardButton.Ok,
                      parent)
    box.setObjectName("problem_box")
    box.setDetailedText(f"{type(exc).__name__}: {exc}")
    box.open() if _offscreen() else box.exec()


def _offscreen() -> bool:
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.platformName() in ("offscreen", "minimal")


def show_import_warnings(parent: QWidget, warnings: list[Any],
                         go_to: Callable[[Any], None]) -> QDialog:
    """The import's warnings, by document and page, each line whole (wrapped, never cut
    off); Enter or a double-click on one with a page shows that page."""
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per import
    dialog.setObjectName("import_warnings")
    dialog.setWindowTitle(_tr("Import warnings"))
    layout = QVBoxLayout(dialog)
    intro = QLabel(_tr("The import found {n} things worth checking. Press Enter or "
                       "double-click one to see its page.").format(n=len(warnings)))
    intro.setWordWrap(True)
    items = QListWidget()
    items.setObjectName("import_warning_list")
    items.setWordWrap(True)
    items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    names = _source_names(parent)
    for warning in sorted(warnings, key=lambda w: (names.get(w.source or "", ""),
                                                   -1 if w.page is None else w.page)):
        item = QListWidgetItem(_warning_text(warning, names))
        item.setData(Qt.ItemDataRole.UserRole, warning)
        items.addItem(item)
    items.itemActivated.connect(lambda item: go_to(item.data(Qt.ItemDataRole.UserRole)))
    items.setCurrentRow(0)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    close.setAutoDefault(False)  # Enter in the list opens a page and keeps the list open
    close.setDefault(False)
    for widget in (intro, items, buttons):
        layout.addWidget(widget)
    items.setSpacing(2)
    items.setAlternatingRowColors(True)
    dialog.resize(760, 380)
    dialog.show()
    dialog.activateWindow()  # the keys go to the list (Enter opens a page), not the panes
    items.setFocus()
    return dialog


def _source_names(window: QWidget) -> dict[str, str]:
    """File names of the window's source documents by source id (a pair has two)."""
    from pathlib import Path

    session = getattr(window, "session", None)
    sources = getattr(getattr(session, "bitext", None), "sources", [])
    return {s.id: Path(s.path).name for s in sources}


def _warning_text(warning: Any, names: dict[str, str]) -> str:
    """"zh.pdf, page 8 · Unreadable text layer: message"; the page is left out when the
    message names it. The title, from the warning's stable code, is in the interface's
    language; the detail is the importer's (English)."""
    page = warning.page
    where = names.get(warning.source or "", "")
    if page is not None and f"page {page + 1}" not in warning.message:
        where = _tr("{doc}, page {n}").format(doc=where, n=page + 1) if where else _tr(
            "page {n}").format(n=page + 1)
    title = warning_title(warning.code)
    where = " · ".join(part for part in (where, title) if part)
    return f"{where}: {warning.message}" if where else warning.message


def warning_title(code: str) -> str:
    """A short, translated name for an import warning's code ("" for an unknown one)."""
    titles = {
        "garbled-text": _tr("Unreadable text layer"),
        "no-text-layer": _tr("No text layer (scanned page)"),
        "ocr-used": _tr("Read by OCR"),
        "ocr-unavailable": _tr("OCR is not installed"),
        "encrypted": _tr("Encrypted document"),
        "repeated-text-removed": _tr("Repeated text left out"),
        "private-use-characters": _tr("Private-use characters"),
        "encoding-guessed": _tr("Encoding guessed"),
        "layout-uncertain": _tr("Layout uncertain"),
        "language-missing": _tr("A language is missing"),
        "page-text-over-limit": _tr("Page too dense, left out"),
        "damaged-file": _tr("Damaged file"),
        "rotated-text-skipped": _tr("Rotated or vertical text skipped"),
    }
    return titles.get(code, "")


def about(parent: QWidget) -> None:
    QMessageBox.about(parent, _tr("About {app}").format(app=APP_NAME), about_text())


def about_text() -> str:
    from editor.licences import as_html

    return _tr(
        "<h3>{app} {version}</h3>"
        "<p>Align, revise and export Chinese–English bilingual documents beside their "
        "source PDF.</p>"
        "<p>PDF rendering: PyMuPDF (AGPL). User interface: Qt for Python (LGPL).</p>"
    ).format(app=APP_NAME, version=__version__) + "<p>Bundled components:</p>" + as_html()


# -- export (the dialog lives in exportdialog) ------------------------------------------------
def export_dialog(window: MainWindow) -> None:
    try:
        import editor.core.export  # noqa: F401  (the dialog needs it; a build may lack it)
        from editor.gui.exportdialog import export_dialog as run
    except ImportError as exc:
        QMessageBox.information(window, _tr("Export"), _tr("Export is unavailable: {e}")
                                .format(e=exc))
        return
    run(window)


# -- keyboard shortcuts -----------------------------------------------------------------------
class ShortcutsDialog(QDialog):
    """Every action with its shortcut; edit a cell to change it (stored in settings)."""

    def __init__(self, parent: QWidget, actions: dict[str, QAction]) -> None:
        super().__init__(parent)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(_tr("Keyboard Shortcuts"))
        self.action_map = actions
        self.table = QTableWidget(len(actions_mod.ACTIONS), 3)
        self.table.setHorizontalHeaderLabels([_tr("Menu"), _tr("Action"), _tr("Shortcut")])
        self.table.verticalHeader().hide()
        self.edits: dict[str, QKeySequenceEdit] = {}
        for row, spec in enumerate(actions_mod.ACTIONS):
            for column, text in enumerate((actions_mod.menu_title(spec.menu),
                                           actions[spec.id].text())):
                item = QTableWidgetItem(plain_label(text))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
            edit = QKeySequenceEdit(actions[spec.id].shortcut())
            edit.setObjectName(f"shortcut_{spec.id}")
            edit.setClearButtonEnabled(True)  # an action may have no shortcut
            edit.setMaximumSequenceLength(1)
            self.edits[spec.id] = edit
            self.table.setCellWidget(row, 2, edit)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.search = QLineEdit()
        self.search.setObjectName("shortcut_search")
        self.search.setPlaceholderText(_tr("Search actions"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.show_matching)
        defaults = QPushButton(_tr("Restore Defaults"))
        defaults.clicked.connect(self.restore_defaults)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.addButton(defaults, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 680)

    def show_matching(self, text: str) -> None:
        """Only the actions whose menu, name or shortcut contain ``text``."""
        needle = text.casefold().strip()
        for row, spec in enumerate(actions_mod.ACTIONS):
            cells = [item.text() for c in (0, 1) if (item := self.table.item(row, c))]
            cells.append(self.edits[spec.id].keySequence().toString(
                QKeySequence.SequenceFormat.NativeText))
            cells += [plain_label(spec.text), spec.id]  # English names in any UI language
            self.table.setRowHidden(row, bool(needle) and not any(
                needle in cell.casefold() for cell in cells))

    def restore_defaults(self) -> None:
        for spec in actions_mod.ACTIONS:
            self.edits[spec.id].setKeySequence(QKeySequence(spec.shortcut))

    def accept(self) -> None:
        chosen = {spec.id: self.edits[spec.id].keySequence().toString()
                  for spec in actions_mod.ACTIONS}
        clashes = _clashes(chosen)
        if clashes:
            QMessageBox.warning(self, _tr("Keyboard Shortcuts"),
                                _tr("{key} is used twice.").format(key=clashes[0]))
            return
        overrides = {k: v for k, v in chosen.items() if v != actions_mod.BY_ID[k].shortcut}
        settings.put("shortcuts", overrides)
        actions_mod.apply_shortcuts(self.action_map, overrides)
        super().accept()


def plain_label(text: str) -> str:
    """A menu text without its mnemonic: "&Open…" and the Chinese "打开(&O)…" → "Open…",
    "打开…" (Qt shows the Chinese form's "(O)" only in menus, where it is underlined)."""
    import re

    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace(
        "\0", "&")


def _clashes(chosen: dict[str, str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for key in chosen.values():
        if key and key in seen:
            out.append(key)
        seen.add(key)
    return out


# -- preferences ------------------------------------------------------------------------------
#: UI languages by code; each is named in its own language ("" follows the system)
LANGUAGES = (("en", "English"), ("zh_CN", "简体中文"), ("zh_TW", "繁體中文"))


class PreferencesDialog(QDialog):
    """Interface language, review threshold, pane fonts and segmentation exceptions."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(_tr("Preferences"))
        form = QFormLayout(self)
        self.language = QComboBox()
        self.language.addItem(_tr("System language"), "")
        for code, label in LANGUAGES:
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.get("ui/language"))))
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.0, 1.0)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(float(settings.get("review/threshold")))
        self.fonts = {lang: settings.get(f"fonts/{lang}") for lang in ("zh", "en")}
        form.addRow(_tr("Interface language:"), self.language)
        form.addRow(_tr("Doubtful below confidence:"), self.threshold)
        for lang, label in (("zh", _tr("Chinese font…")), ("en", _tr("English font…"))):
            button = QPushButton(label)
            button.clicked.connect(lambda checked=False, lg=lang: self._pick_font(lg))
            form.addRow(button)
        self.exceptions = ExceptionsEditor()
        form.addRow(self.exceptions)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _pick_font(self, lang: str) -> None:
        from editor.gui.fonts import pane_font

        ok, font = QFontDialog.getFont(pane_font(lang), self)  # type: ignore[arg-type]
        if ok:
            self.fonts[lang] = font.toString()

    def accept(self) -> None:
        try:
            exceptions = self.exceptions.changes()
        except ExceptionsProblem as problem:
            self.exceptions.show_tab(problem.lang)
            QMessageBox.warning(self, _tr("Preferences"), str(problem))
            return
        settings.put_segmentation_exceptions(exceptions)
        settings.put("ui/language", self.language.currentData())
        settings.put("review/threshold", self.threshold.value())
        for lang, value in self.fonts.items():
            settings.put(f"fonts/{lang}", value)
        super().accept()


class ExceptionsProblem(ValueError):
    """An entry of one language's box that cannot be an exception."""

    def __init__(self, lang: Lang, message: str) -> None:
        super().__init__(message)
        self.lang = lang


class ExceptionsEditor(QGroupBox):
    """One plain-text box per language holding the whole exception list in force (the
    built-in entries plus the user's); only the changes to the built-in list are stored,
    so later improvements to it still reach the user."""

    def __init__(self) -> None:
        super().__init__(_tr("Sentence segmentation exceptions"))
        self.setObjectName("segmentation_exceptions")
        self.tabs = QTabWidget()
        self.boxes: dict[Lang, QPlainTextEdit] = {}
        stored = settings.segmentation_exceptions()
        languages: tuple[tuple[Lang, str], ...] = (("en", _tr("English")),
                                                    ("zh", _tr("Chinese")))
        for lang, label in languages:
            self.tabs.addTab(self._page(lang, stored[lang]), label)
        hint = QLabel(_tr("One entry per line: a sentence never ends right after it "
                          "(\"Fig.\", \"et al.\"). Delete a line to let sentences end "
                          "there again; lines starting with # are comments."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tabs)

    def _page(self, lang: Lang, changes: list[str]) -> QWidget:
        page = QWidget()
        box = QPlainTextEdit("\n".join(effective_exceptions(lang, changes)))
        box.setObjectName(f"exceptions_{lang}")
        box.setTabChangesFocus(True)
        self.boxes[lang] = box
        restore = QPushButton(_tr("Restore Defaults"))
        restore.setObjectName(f"exceptions_defaults_{lang}")
        restore.clicked.connect(lambda checked=False, lg=lang: self.restore_defaults(lg))
        layout = QVBoxLayout(page)
        layout.addWidget(box)
        layout.addWidget(restore, 0, Qt.AlignmentFlag.AlignRight)
        return page

    def restore_defaults(self, lang: Lang) -> None:
        self.boxes[lang].setPlainText("\n".join(DEFAULT_EXCEPTIONS.get(lang, ())))

    def show_tab(self, lang: Lang) -> None:
        self.tabs.setCurrentIndex(0 if lang == "en" else 1)

    def changes(self) -> dict[Lang, list[str]]:
        """The changes to the built-in lists that the boxes hold; raises
        :class:`ExceptionsProblem` for an entry that could never match."""
        out: dict[Lang, list[str]] = {}
        for lang, box in self.boxes.items():
            try:
                out[lang] = changes_from_full_list(lang, parse_exceptions(
                    box.toPlainText(), lang))
            except EntryError as exc:
                name = _tr("English") if lang == "en" else _tr("Chinese")
                raise ExceptionsProblem(lang, _tr("{language} exceptions, {problem}").format(
                    language=name, problem=exc)) from None
        return out


def system_language() -> str:
    name = QLocale.system().name()
    if name.startswith("zh"):
        return "zh_TW" if name in ("zh_TW", "zh_HK", "zh_MO") or "Hant" in name else "zh_CN"
    return "en"
