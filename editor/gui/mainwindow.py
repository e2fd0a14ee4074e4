"""The main window: PDF pane | Chinese | gutter | English, menus, status bar.

The window wires things together; the work lives elsewhere: the link model and its
undo commands (:mod:`commands`), the fix handlers (:mod:`fixes`), files
(:mod:`files`), the PDF pane (:mod:`pdfpane`), find/replace (:mod:`findbar`).
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor import APP_NAME
from editor.core.model import Bitext, Lang, other_lang
from editor.gui import actions as actions_mod
from editor.gui import settings
from editor.gui.commands import EditSession
from editor.gui.delegates import SentenceEditor, SideDelegate
from editor.gui.files import Files
from editor.gui.filters import FILTERS, LinkFilterProxy
from editor.gui.findbar import FindBar
from editor.gui.fixes import Fixes
from editor.gui.linkmodel import COLUMN_LANG, LANG_COLUMN
from editor.gui.linkview import LinkView
from editor.gui.pdfpane import PdfPane
from editor.gui.pdfrender import PdfRenderer
from editor.gui.pdfsync import PdfSync

log = logging.getLogger(__name__)
Focus = tuple[int, Lang, int]


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.focus: Focus | None = None
        self.pdf_other_side = False
        self.renderer = PdfRenderer(self)
        self.session = EditSession(Bitext(), self)
        self.proxy = LinkFilterProxy(self)
        self.proxy.setSourceModel(self.session.model)
        self.delegates = {lang: SideDelegate(lang, self._commit_from_editor, self)
                          for lang in ("zh", "en")}
        self.view = LinkView(self.delegates["zh"], self.delegates["en"])
        self.view.setModel(self.proxy)
        for delegate in self.delegates.values():
            delegate.tab_pressed = self.view.edit_other_side
        self.pdf = PdfPane(self.renderer)
        self.findbar = FindBar(self)
        self.fixes = Fixes(self)
        self.files = Files(self)
        self.pdf_sync = PdfSync(self)
        self._build_layout()
        self.action_map = actions_mod.build_actions(self, self._handlers())
        self._build_menus()
        self._build_status()
        self._connect()
        self.apply_fonts()
        self.setAcceptDrops(True)
        self.set_bitext(Bitext(), None, {}, "")
        self._restore_window()

    # -- construction --------------------------------------------------------------------
    def _build_layout(self) -> None:
        text_panel = QWidget()
        layout = QVBoxLayout(text_panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.findbar)
        self.findbar.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.pdf)
        self.splitter.addWidget(text_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)
        self.resize(1400, 860)

    def _handlers(self) -> dict[str, Any]:
        f, fx, pdf = self.files, self.fixes, self.pdf
        handlers: dict[str, Any] = {
            "open": f.open_dialog, "import": f.import_dialog, "open_sample": f.open_sample,
            "save": f.save, "save_as": f.save_as, "save_bundle": f.save_bundle,
            "export": f.export_dialog, "quit": self.close,
            "undo": lambda: self._undo(True), "redo": lambda: self._undo(False),
            "edit_sentence": self.start_editing, "show_original": self._toggle_original,
            "restore_original": fx.restore_original, "find": self.findbar.open,
            "find_next": self.findbar.find_next,
            "find_previous": lambda: self.findbar.find_next(backwards=True),
            "replace_all": self.findbar.replace_all, "goto": self._goto,
            "next_sentence": lambda: self.step_sentence(1),
            "previous_sentence": lambda: self.step_sentence(-1),
            "merge": fx.merge, "split_link": fx.split_link, "shift_up": fx.shift_up,
            "shift_down": fx.shift_down, "insert_empty": fx.insert_empty,
            "delete_empty": fx.delete_empty, "split_sentence": fx.split_sentence,
            "join_sentence": fx.join_sentence, "swap": fx.swap,
            "realign_selection": lambda: f.realign(rest=False),
            "realign_rest": lambda: f.realign(rest=True),
            "confirm_next": fx.confirm_next, "unconfirm": fx.unconfirm,
            "next_doubtful": fx.next_doubtful, "previous_doubtful": fx.previous_doubtful,
            "lowest_confidence": fx.lowest_confidence, "bookmark": fx.bookmark,
            "next_bookmark": fx.next_bookmark,
            "previous_bookmark": lambda: fx.next_bookmark(backwards=True), "note": fx.note,
            "filter_clear": self.clear_filters,
            "zoom_in": lambda: pdf.zoom_by(1), "zoom_out": lambda: pdf.zoom_by(-1),
            "fit_width": lambda: pdf.set_zoom("fit-width"),
            "fit_page": lambda: pdf.set_zoom("fit-page"),
            "next_page": pdf.next_page, "previous_page": pdf.previous_page,
            "switch_document": self._switch_document,
            "shortcuts": f.shortcuts_dialog, "preferences": f.preferences_dialog,
            "about": f.about,
        }
        for name in FILTERS:
            handlers[f"filter_{name}"] = self.apply_filters
        return handlers

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {}
        for menu_id, _ in actions_mod.MENUS:
            menu = bar.addMenu(actions_mod.menu_title(menu_id))
            menu.setObjectName(f"menu_{menu_id}")
            self.menus[menu_id] = menu
            for spec in actions_mod.specs_of(menu_id):
                if spec.id == "quit":
                    self.recent_menu = menu.addMenu(_tr("Open &Recent"))
                    self.recent_menu.setObjectName("menu_recent")
                    menu.addSeparator()
                menu.addAction(self.action_map[spec.id])
        self.files.refresh_recent_menu()

    def _build_status(self) -> None:
        self.position_label = QLabel()
        self.position_label.setObjectName("status_position")
        self.counts_label = QLabel()
        self.counts_label.setObjectName("status_counts")
        self.modified_label = QLabel()
        self.modified_label.setObjectName("status_modified")
        status = self.statusBar()
        for label in (self.position_label, self.counts_label, self.modified_label):
            label.setContentsMargins(10, 0, 10, 0)
        status.addPermanentWidget(self.position_label)
        status.addPermanentWidget(self.counts_label)
        status.addPermanentWidget(self.modified_label)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(50)
        self._status_timer.timeout.connect(self.update_status)

    def _connect(self) -> None:
        selection = self.view.selectionModel()
        selection.currentChanged.connect(self._on_current_changed)
        self.view.sentence_clicked.connect(self._on_sentence_clicked)
        self.pdf.switch_requested.connect(self._switch_document)
        self.proxy.layoutChanged.connect(self.schedule_status)
        self.proxy.modelReset.connect(self.schedule_status)

    # -- the document ----------------------------------------------------------------------
    def set_bitext(self, bitext: Bitext, path: Path | None, view_state: dict[str, Any],
                   name: str, source_paths: dict[str, Path | None] | None = None) -> None:
        """Show ``bitext`` (a fresh undo history); restore the saved view state."""
        old = self.session
        self.session = EditSession(bitext, self)
        self.session.refused.connect(self.say)
        self.session.model.edited.connect(self._on_edited)
        stack = self.session.undo_stack
        stack.cleanChanged.connect(self._on_clean_changed)
        stack.indexChanged.connect(self.schedule_status)
        stack.canUndoChanged.connect(self.action_map["undo"].setEnabled)
        stack.canRedoChanged.connect(self.action_map["redo"].setEnabled)
        self.action_map["undo"].setEnabled(False)
        self.action_map["redo"].setEnabled(False)
        self.proxy.setSourceModel(self.session.model)
        if old is not None and old is not self.session:
            old.deleteLater()
            # loading froze every live object out of the cyclic collector (see
            # editor.core.project): the document being replaced must be collectable again
            gc.unfreeze()
        self.files.set_document(path, name, source_paths or {})
        self.focus = None
        self.restore_view_state(view_state)
        self._on_clean_changed(True)
        self.schedule_status()

    def view_state(self) -> dict[str, Any]:
        """What reopening the project restores: position, scroll, filters, pane sizes."""
        focus = self.focus
        return {
            "current_link": focus[0] if focus else 0,
            "current_side": focus[1] if focus else "zh",
            "current_sentence": focus[2] if focus else 0,
            "scroll": self.view.verticalScrollBar().value(),
            "top_link": self._top_link(),
            "filters": sorted(self.proxy.state.active),
            "splitter": self.splitter.sizes(),
            "pdf_zoom": self.pdf.zoom_mode,
        }

    def restore_view_state(self, state: dict[str, Any]) -> None:
        active = {f for f in state.get("filters", []) if f in FILTERS and f != "search"}
        for name in FILTERS:
            self.action_map[f"filter_{name}"].setChecked(name in active)
        self.apply_filters()
        sizes = state.get("splitter")
        if isinstance(sizes, list) and len(sizes) == 2 and all(isinstance(s, int) for s in sizes):
            self.splitter.setSizes(sizes)
        zoom = state.get("pdf_zoom")
        if isinstance(zoom, str):
            self.pdf.set_zoom(zoom)
        rows = len(self.session.bitext.links)
        if rows:
            row = _clamp(state.get("current_link", 0), rows)
            lang: Lang = "en" if state.get("current_side") == "en" else "zh"
            self.select_row(row, lang, int(state.get("current_sentence", 0) or 0))
            top, scroll = state.get("top_link"), state.get("scroll")
            if isinstance(top, int) and 0 <= top < rows:
                self._scroll_to_top(top)
            elif isinstance(scroll, int):  # projects saved before top_link
                self.view.fit_visible_rows()
                self.view.verticalScrollBar().setValue(scroll)

    def _top_link(self) -> int:
        """The link at the top of the text panes (a pixel offset would depend on
        which rows happened to be measured)."""
        index = self.view.indexAt(self.view.viewport().rect().topLeft())
        return self.proxy.mapToSource(index).row() if index.isValid() else 0

    def _scroll_to_top(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.session.model.index(row, 0))
        if not index.isValid():
            return
        for _ in range(2):  # again once the rows brought on screen are measured
            self.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
            self.view.fit_visible_rows()

    # -- focus and selection -----------------------------------------------------------------
    def select_row(self, row: int, lang: Lang | None = None, k: int = 0) -> None:
        """Make link ``row`` current (side ``lang``, sentence ``k``), showing it."""
        model = self.session.model
        if not 0 <= row < model.rowCount():
            return
        lang = lang or (self.focus[1] if self.focus else "zh")
        index = self.proxy.mapFromSource(model.index(row, LANG_COLUMN[lang]))
        if not index.isValid():
            self.say(_tr("Link {n} is hidden by the filters: showing all links.").format(n=row + 1))
            self.clear_filters()
            index = self.proxy.mapFromSource(model.index(row, LANG_COLUMN[lang]))
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect
                 | QItemSelectionModel.SelectionFlag.Rows)
        self.view.selectionModel().setCurrentIndex(index, flags)
        # always: Qt's own scroll on a current change uses the heights of rows not yet
        # measured, so a row that looks visible now may be pushed out once they are
        self.view.reveal(index)
        self._set_focus(row, lang, k)

    def selected_rows(self) -> list[int]:
        rows = [self.proxy.mapToSource(i).row() for i in self.view.selectionModel().selectedRows()]
        if not rows and self.focus is not None:
            rows = [self.focus[0]]
        return sorted(rows)

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.proxy.mapToSource(current).row()
        lang = COLUMN_LANG.get(current.column()) or (self.focus[1] if self.focus else "zh")
        k = self.focus[2] if self.focus and self.focus[:2] == (row, lang) else 0
        self._set_focus(row, lang, k)

    def _on_sentence_clicked(self, index: QModelIndex, k: int) -> None:
        lang = COLUMN_LANG.get(index.column())
        if lang is not None:
            self._set_focus(self.proxy.mapToSource(index).row(), lang, k)

    def _set_focus(self, row: int, lang: Lang, k: int) -> None:
        link = self.session.bitext.links[row]
        k = max(0, min(k, len(link.side(lang)) - 1))
        if self.focus is None or self.focus[1] != lang:
            self.pdf_other_side = False
        self.focus = (row, lang, k)
        for delegate in self.delegates.values():
            delegate.focus = self.focus
        self.view.viewport().update()
        self.update_pdf()
        self.schedule_status()

    def _on_edited(self, start: int, count: int) -> None:
        """Follow an applied edit (or its undo): keep the focus inside what changed."""
        rows = self.session.model.rowCount()
        self.view.viewport().update()
        self.schedule_status()
        if rows == 0:
            self.focus = None
            return
        if count == 0:
            if self.focus is not None:
                self._set_focus(min(self.focus[0], rows - 1), self.focus[1], self.focus[2])
            return
        current = self.focus[0] if self.focus else start
        row = min(max(current, start), start + count - 1, rows - 1)
        lang = self.focus[1] if self.focus else "zh"
        k = self.focus[2] if self.focus and row == self.focus[0] else 0
        self.select_row(row, lang, k)

    # -- editing ----------------------------------------------------------------------------
    def _commit_from_editor(self, index: QModelIndex, lines: list[str]) -> None:
        lang = COLUMN_LANG.get(index.column())
        if lang is not None and index.isValid():
            self.fixes.commit_text(self.proxy.mapToSource(index).row(), lang, lines)

    def open_editor(self) -> QWidget | None:
        widget = QApplication.focusWidget()
        return widget if isinstance(widget, SentenceEditor) else None

    def start_editing(self) -> None:
        index = self.view.currentIndex()
        if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
            self.view.edit(index)

    def finish_editing(self) -> None:
        """Commit and close an open sentence editor before another action runs."""
        editor = self.open_editor()
        if editor is not None:
            delegate = self.delegates["zh" if editor.objectName() == "editor_zh" else "en"]
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, SideDelegate.EndEditHint.NoHint)

    def step_sentence(self, step: int) -> None:
        """Move the focus one sentence on the current side, crossing into the next link
        (or the previous one) at the ends, so every sentence is reachable by keyboard."""
        if self.focus is None:
            return
        self.finish_editing()
        row, lang, k = self.focus
        links = self.session.bitext.links
        k += step
        while not 0 <= k < len(links[row].side(lang)):
            row += step
            if not 0 <= row < len(links):
                return
            k = 0 if step > 0 else len(links[row].side(lang)) - 1
        index = self.proxy.mapFromSource(self.session.model.index(row, LANG_COLUMN[lang]))
        if row != self.focus[0] or not index.isValid():
            self.select_row(row, lang, k)
        else:
            self._set_focus(row, lang, k)

    def _undo(self, undo: bool) -> None:
        self.finish_editing()
        stack = self.session.undo_stack
        stack.undo() if undo else stack.redo()

    def _toggle_original(self) -> None:
        on = self.action_map["show_original"].isChecked()
        for delegate in self.delegates.values():
            delegate.show_original = on
        self.view.refit_all()
        self.view.viewport().update()
        self.update_status()

    def _goto(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        rows = len(self.session.bitext.links)
        if not rows:
            return
        current = self.focus[0] + 1 if self.focus else 1
        number, ok = QInputDialog.getInt(self, _tr("Go to Link"), _tr("Link number:"),
                                         current, 1, rows)
        self.activateWindow()  # shortcuts work at once, with or without a window manager
        if ok:
            self.select_row(number - 1)

    # -- filters ---------------------------------------------------------------------------
    def apply_filters(self) -> None:
        active = {name for name in FILTERS if self.action_map[f"filter_{name}"].isChecked()}
        self.proxy.set_state(active, self.threshold(), self.findbar.spec())
        if self.focus is not None:
            index = self.proxy.mapFromSource(self.session.model.index(self.focus[0], 0))
            if index.isValid():
                self.view.scrollTo(index)
        self.view.schedule_fit()
        self.schedule_status()

    def clear_filters(self) -> None:
        for name in FILTERS:
            self.action_map[f"filter_{name}"].setChecked(False)
        self.apply_filters()

    def threshold(self) -> float:
        return float(settings.get("review/threshold"))

    # -- PDF pane -----------------------------------------------------------------------------
    def _switch_document(self) -> None:
        self.pdf_other_side = not self.pdf_other_side
        self.update_pdf()

    def update_pdf(self) -> None:
        self.pdf_sync.show_focus()

    # -- status, title, fonts -------------------------------------------------------------
    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 6000)

    def schedule_status(self, *args: object) -> None:
        self._status_timer.start()

    def update_status(self) -> None:
        links = self.session.bitext.links
        total = len(links)
        confirmed = self.session.model.confirmed_count
        share = 100.0 * confirmed / total if total else 0.0
        shown = self.proxy.rowCount()
        counts = _tr("{n} links · {p:.0f} % confirmed").format(n=total, p=share)
        if shown != total:
            counts += " · " + _tr("{m} shown").format(m=shown)
        self.counts_label.setText(counts)
        if self.focus is not None:
            row, lang, k = self.focus
            if not self.session.bitext.links[row].side(lang):
                lang, k = other_lang(lang), 0
            number = self.session.model.sentence_number(row, lang, k)
            side = _tr("Chinese") if lang == "zh" else _tr("English")
            position = _tr("Link {i} / {n} · {side} sentence {s}").format(
                i=row + 1, n=total, side=side, s=number)
            if self.action_map["show_original"].isChecked():  # easy to forget it is on
                position += " · " + _tr("showing the original text")
            self.position_label.setText(position)
        else:
            self.position_label.setText("")
        clean = self.session.undo_stack.isClean()
        self.modified_label.setText("" if clean else _tr("Unsaved changes"))

    def _on_clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not self.session.undo_stack.isClean())
        self.update_title()
        self.schedule_status()

    def update_title(self) -> None:
        self.setWindowTitle(f"{self.files.name or _tr('Untitled')}[*] — {APP_NAME}")

    def apply_fonts(self) -> None:
        from editor.gui.fonts import pane_font

        for lang, delegate in self.delegates.items():
            delegate.set_font(pane_font(lang))  # type: ignore[arg-type]
        self.view.refit_all()
        self.view.viewport().update()

    # -- UI language -----------------------------------------------------------------------
    def switch_language(self) -> None:
        """Load the language now set; Qt then sends LanguageChange (see changeEvent)."""
        from editor.gui.app import install_translations

        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_translations(app)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "menus"):
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Menus, actions, panes and status in the current UI language."""
        actions_mod.retranslate_actions(self.action_map)
        for menu_id, menu in self.menus.items():
            menu.setTitle(actions_mod.menu_title(menu_id))
        self.recent_menu.setTitle(_tr("Open &Recent"))
        self.findbar.retranslate()
        self.pdf.retranslate()
        self.session.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)
        self.update_title()
        self.update_status()

    # -- window lifecycle --------------------------------------------------------------------
    def _restore_window(self) -> None:
        geometry = settings.get("ui/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        sizes = [int(s) for s in settings.get("ui/splitter") if str(s).isdigit()]
        if len(sizes) == 2:
            self.splitter.setSizes(sizes)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.finish_editing()
        if not self.files.maybe_save():
            event.ignore()
            return
        settings.put("ui/geometry", bytes(self.saveGeometry().data()))
        settings.put("ui/splitter", self.splitter.sizes())
        self.files.shutdown()
        self.renderer.shutdown()
        from editor.gui.workers import stop_thread

        stop_thread()
        event.accept()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_paths(paths)


def _clamp(value: object, rows: int) -> int:
    try:
        number = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        number = 0
    return max(0, min(number, rows - 1))

