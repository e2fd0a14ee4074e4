"""The aligned text view: one table row per link, Chinese | gutter | English.

Row heights follow the wrapped text, but measuring 50,000 rows up front would take
seconds, so only the rows on screen are measured (after every scroll, resize and
model change). Keyboard: Enter or F2 or typing edits the current side; Left/Right
jump between the two sides; a click inside a cell also picks the sentence under it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QWidget,
)

from editor.core.model import Lang
from editor.gui.delegates import GutterDelegate, SideDelegate
from editor.gui.linkmodel import COL_EN, COL_GUTTER, COL_ZH, COLUMN_LANG

#: scroll-and-measure rounds when revealing a far row (each round measures one screen)
MAX_REVEAL_PASSES = 6


class LinkView(QTableView):
    #: the user pointed at sentence k of a side cell (proxy index)
    sentence_clicked = Signal(QModelIndex, int)

    def __init__(self, zh: SideDelegate, en: SideDelegate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("link_view")
        self.side_delegates = {"zh": zh, "en": en}
        self.setItemDelegateForColumn(COL_ZH, zh)
        self.setItemDelegateForColumn(COL_EN, en)
        self.gutter = GutterDelegate(self)
        self.setItemDelegateForColumn(COL_GUTTER, self.gutter)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        vertical.setDefaultSectionSize(43)
        vertical.hide()  # link numbers are in the gutter (see GutterDelegate)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_visible_rows)
        self._dirty_rows: set[int] = set()
        self._measured: set[int] = set()  # rows sized to their text (see forget_heights)
        self._pending: QPersistentModelIndex | None = None
        self._refit_all = False
        self.verticalScrollBar().valueChanged.connect(self.schedule_fit)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        horizontal = self.horizontalHeader()
        horizontal.setSectionResizeMode(COL_ZH, QHeaderView.ResizeMode.Stretch)
        horizontal.setSectionResizeMode(COL_GUTTER, QHeaderView.ResizeMode.Fixed)
        horizontal.setSectionResizeMode(COL_EN, QHeaderView.ResizeMode.Stretch)
        horizontal.resizeSection(COL_GUTTER, GutterDelegate.WIDTH)
        horizontal.sectionResized.connect(self.refit_all)
        m = self.model()
        m.rowsRemoved.connect(self.schedule_fit)
        # after a reset or a re-filter a row number may hold another link: the heights
        # measured for the old rows say nothing about the new ones
        m.modelReset.connect(self.forget_heights)
        m.layoutChanged.connect(self.forget_heights)
        m.rowsInserted.connect(lambda parent, first, last: self._dirty(first, last))
        m.dataChanged.connect(lambda top, bottom, roles=(): self._dirty(top.row(), bottom.row()))
        self.refit_all()

    # -- row heights -------------------------------------------------------------------
    def schedule_fit(self, *args: object) -> None:
        self._fit_timer.start()

    def forget_heights(self, *args: object) -> None:
        """Every row back to the default height ("not measured yet"), then measure the
        rows on screen: the header keeps its section sizes across a reset, so rows off
        screen would otherwise keep the heights of the links shown there before."""
        default = self.verticalHeader().defaultSectionSize()
        count = self.model().rowCount() if self.model() is not None else 0
        for row in self._measured:  # the header offers no reset of sizes
            if row < count:
                self.setRowHeight(row, default)
        self._measured.clear()
        self.refit_all()

    def _measure(self, row: int) -> None:
        self.resizeRowToContents(row)
        self._measured.add(row)

    def refit_all(self, *args: object) -> None:
        """Widths or fonts changed: every row on screen must be measured again."""
        self._refit_all = True
        self._fit_timer.start()

    def _dirty(self, first: int, last: int) -> None:
        if last - first < 500:
            self._dirty_rows.update(range(first, last + 1))
        else:
            self._refit_all = True
        self._fit_timer.start()

    def fit_visible_rows(self) -> None:
        """Measure rows on screen (and a few below) that are new, changed or never measured.

        A row still at the default height has not been measured yet (or happens to be
        that tall, and measuring it again is cheap).
        """
        dirty, everything = self._dirty_rows, self._refit_all
        self._dirty_rows, self._refit_all = set(), False
        self._measure_on_screen(dirty, everything)
        self._show_pending()

    def _measure_on_screen(self, dirty: set[int] | None = None, everything: bool = False
                           ) -> None:
        model = self.model()
        first = self.rowAt(0) if model is not None else -1
        if first < 0 or model is None:
            return
        height, default = self.viewport().height(), self.verticalHeader().defaultSectionSize()
        row, used, count = first, -self.rowViewportPosition(first), model.rowCount()
        editing = (self.currentIndex().row()
                   if self.state() == QAbstractItemView.State.EditingState else -1)
        dirty = dirty or set()
        while row < count and used < height + 200:
            if row != editing and (everything or row in dirty or self.rowHeight(row) == default):
                self._measure(row)
            used += self.rowHeight(row)
            row += 1

    def reveal(self, index: QModelIndex) -> None:
        """Scroll ``index`` into view now, and again once its row has been measured."""
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        self._pending = QPersistentModelIndex(index)
        self._fit_timer.start()

    def currentChanged(self, current: QModelIndex | QPersistentModelIndex,
                       previous: QModelIndex | QPersistentModelIndex) -> None:
        """Qt scrolls a new current row into view using the heights it has; once the
        rows are measured the row may sit lower, cut off or out of view (Ctrl+End, Page
        Down, Down onto a tall link): check again after measuring."""
        super().currentChanged(current, previous)
        if current.isValid():
            self._pending = QPersistentModelIndex(current)
            self._fit_timer.start()

    def _show_pending(self) -> None:
        """Show the pending row whole: measure it and a screen of rows around it first,
        so the scroll uses true heights (measuring after scrolling pushed a far row down
        again, out of view or cut off at the bottom)."""
        pending, self._pending = self._pending, None
        if pending is None or not pending.isValid():
            return
        index = self.model().index(pending.row(), pending.column())
        for _ in range(MAX_REVEAL_PASSES):
            if self.viewport().rect().contains(self.visualRect(index)):
                return
            self._measure_around(index.row())
            self.updateGeometries()  # the scroll range must include the new heights now
            self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            self._measure_on_screen()

    def _measure_around(self, row: int) -> None:
        """Measure ``row`` and, each way, the unmeasured rows a screen could hold."""
        height, default = self.viewport().height(), self.verticalHeader().defaultSectionSize()
        count = self.model().rowCount()
        if self.rowHeight(row) == default:
            self._measure(row)
        for step in (-1, 1):
            r, used = row + step, 0
            while 0 <= r < count and used < height:
                if self.rowHeight(r) == default:
                    self._measure(r)
                used += self.rowHeight(r)
                r += step

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """The editor grew its row while typing; once it closes (also on Esc, when no
        text changes) the row must fit its text again."""
        index = getattr(editor, "index", None)
        super().closeEditor(editor, hint)
        if isinstance(index, QPersistentModelIndex) and index.isValid():
            self._dirty(index.row(), index.row())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit_all()

    # -- keyboard and mouse ------------------------------------------------------------
    def current_lang(self) -> Lang | None:
        return COLUMN_LANG.get(self.currentIndex().column())

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Left/Right (and Tab) jump between the Chinese and English cells."""
        sideways = (QAbstractItemView.CursorAction.MoveLeft,
                    QAbstractItemView.CursorAction.MoveRight,
                    QAbstractItemView.CursorAction.MoveNext,
                    QAbstractItemView.CursorAction.MovePrevious)
        current = self.currentIndex()
        if action in sideways and current.isValid():
            target = COL_ZH if action in (QAbstractItemView.CursorAction.MoveLeft,
                                          QAbstractItemView.CursorAction.MovePrevious) else COL_EN
            if current.column() == target:
                target = COL_EN if target == COL_ZH else COL_ZH
            return current.siblingAtColumn(target)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() and self.state() != QAbstractItemView.State.EditingState):
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.edit(index)
                return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        index = self.indexAt(event.position().toPoint())
        lang = COLUMN_LANG.get(index.column())
        if index.isValid() and lang is not None:
            delegate = self.side_delegates[lang]
            k = delegate.sentence_at(self.visualRect(index), index, event.position().toPoint().y())
            self.sentence_clicked.emit(index, k)

    def edit_other_side(self, index: QPersistentModelIndex, backwards: bool) -> None:
        """After Tab in an editor: edit the same link's other side."""
        if not index.isValid():
            return
        other = COL_EN if index.column() == COL_ZH else COL_ZH
        target = self.model().index(index.row(), other)
        self.setCurrentIndex(target)
        if target.flags() & Qt.ItemFlag.ItemIsEditable:
            self.edit(target)
