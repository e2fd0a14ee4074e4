"""Find and replace bar under the text panes.

Searching walks the links from the current one (wrapping round); Replace changes the
occurrence found last; Replace All changes every match in one undo step. The current
search also drives the "search results" filter.
"""

from __future__ import annotations

from functools import partial
from itertools import pairwise
from typing import TYPE_CHECKING

import regex
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from editor.core import ops
from editor.core.model import Lang
from editor.gui.commands import Planner
from editor.gui.search import Hit, SearchSpec, hits, replaced_texts

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindBar", text)


class FindBar(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("find_bar")
        self.w = window
        self.last_hit: Hit | None = None
        self.pattern = QLineEdit()
        self.pattern.setObjectName("find_pattern")
        self.replacement = QLineEdit()
        self.replacement.setObjectName("find_replacement")
        self.use_regex, self.case, self.whole_word = QCheckBox(), QCheckBox(), QCheckBox()
        self.langs = QComboBox()
        for langs in (("zh", "en"), ("zh",), ("en",)):
            self.langs.addItem("", langs)
        buttons = []
        for slot, name in ((self.find_next, "find_next_button"),
                           (partial(self.find_next, backwards=True), "find_previous_button"),
                           (self.replace_one, "replace_button"),
                           (self.replace_all, "replace_all_button")):
            button = QPushButton()
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.append(button)
        self.buttons = buttons
        self.retranslate()
        close = QToolButton()
        close.setText("×")
        close.clicked.connect(self.close_bar)
        # two rows (find, replace) so the bar never needs more width than the text
        # panes have: one long row pushed the splitter into the PDF pane
        layout = QGridLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setVerticalSpacing(2)
        find_row = (self.pattern, buttons[0], buttons[1], self.use_regex, self.case,
                    self.whole_word, self.langs, close)
        for column, widget in enumerate(find_row):
            layout.addWidget(widget, 0, column)
        for column, widget in enumerate((self.replacement, buttons[2], buttons[3])):
            layout.addWidget(widget, 1, column)
        layout.setColumnStretch(0, 1)
        order = (self.pattern, self.replacement, self.use_regex, self.case, self.whole_word,
                 self.langs, *buttons, close)
        for first, second in pairwise(order):  # Tab: Find, Replace, …
            QWidget.setTabOrder(first, second)
        for field in (self.pattern, self.replacement):  # the fields take the spare room
            field.setMinimumWidth(120)
            field.installEventFilter(self)
        self.pattern.returnPressed.connect(self.find_next)
        self.pattern.textChanged.connect(self._spec_changed)
        for box in (self.use_regex, self.case, self.whole_word):
            box.toggled.connect(self._spec_changed)
        self.langs.currentIndexChanged.connect(self._spec_changed)

    def retranslate(self) -> None:
        """Every text of the bar, in the current UI language."""
        self.pattern.setPlaceholderText(_tr("Find"))
        self.replacement.setPlaceholderText(_tr("Replace with"))
        for box, text in ((self.use_regex, _tr("Regex")), (self.case, _tr("Case")),
                          (self.whole_word, _tr("Whole word"))):
            box.setText(text)
        for i, text in enumerate((_tr("Both languages"), _tr("Chinese"), _tr("English"))):
            self.langs.setItemText(i, text)
        for button, text in zip(self.buttons, (_tr("Next"), _tr("Previous"), _tr("Replace"),
                                               _tr("Replace All")), strict=True):
            button.setText(text)

    def open(self) -> None:
        self.show()
        self.pattern.setFocus()
        self.pattern.selectAll()
        self.mark_matches()

    def close_bar(self) -> None:
        self.hide()
        self.mark_matches()
        self.w.view.setFocus()

    def mark_matches(self) -> None:
        """Show every match of the search in the panes while the bar is open, the one
        Find Next went to more strongly (the whole sentence alone said too little)."""
        spec = self.spec() if self.isVisible() else None
        try:
            pattern = spec.compiled() if spec is not None else None
        except regex.error:
            pattern = None
        hit = self.last_hit
        for lang, delegate in self.w.delegates.items():
            wanted = pattern is not None and spec is not None and lang in spec.langs
            delegate.search = partial(_spans, pattern) if wanted else None
            delegate.current_match = ((hit.sid, hit.start, hit.stop)
                                      if wanted and hit is not None and hit.lang == lang
                                      else None)
        self.w.view.viewport().update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Z / Ctrl+Shift+Z in a field with nothing of its own to undo reach the
        document: after Replace All the user means the replacement, not the typing."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit):
            assert isinstance(event, QKeyEvent)
            if ((event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable())
                    or (event.matches(QKeySequence.StandardKey.Redo)
                        and not watched.isRedoAvailable())):
                return True  # not accepted: the window's Undo/Redo shortcut runs
        return super().eventFilter(watched, event)

    def _forget_typing(self) -> None:
        """Drop the fields' own undo history (setText does), so the next Ctrl+Z there
        undoes the replacement just made."""
        for field in (self.pattern, self.replacement):
            field.blockSignals(True)
            field.setText(field.text())
            field.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    def spec(self) -> SearchSpec | None:
        if not self.pattern.text():
            return None
        langs: tuple[Lang, ...] = self.langs.currentData()
        return SearchSpec(self.pattern.text(), self.use_regex.isChecked(),
                          self.case.isChecked(), self.whole_word.isChecked(), langs)

    def _valid_spec(self) -> SearchSpec | None:
        spec = self.spec()
        if spec is None:
            return None
        try:
            spec.compiled()
        except regex.error as exc:
            self.w.say(_tr("Invalid regular expression: {e}").format(e=exc))
            return None
        return spec

    def _spec_changed(self) -> None:
        self.last_hit = None
        self.mark_matches()
        if self.w.action_map["filter_search"].isChecked() and self._valid_spec() is not None:
            self.w.apply_filters()

    def find_next(self, backwards: bool = False) -> Hit | None:
        spec = self._valid_spec()
        if spec is None:
            if not self.isVisible():
                self.open()
            return None
        start = self.w.focus[0] if self.w.focus else 0
        found = self._next_hit(spec, start, backwards)
        if found is None:
            self.w.say(_tr("Not found: {p}").format(p=spec.pattern))
            return None
        self.last_hit = found
        self.w.select_row(found.row, found.lang, found.k)
        self.mark_matches()
        self.w.say(_tr("Found in link {n}").format(n=found.row + 1))
        return found

    def _next_hit(self, spec: SearchSpec, start: int, backwards: bool) -> Hit | None:
        last = self.last_hit
        for hit in hits(self.w.session.bitext, spec, start, backwards):
            if last is None or hit.row != last.row:
                return hit
            if _key(hit) != _key(last) and (_key(hit) < _key(last)) == backwards:
                return hit
        return None

    def replace_one(self) -> None:
        spec, hit = self._valid_spec(), self.last_hit
        if spec is None or hit is None:
            self.find_next()
            return
        text = self.w.session.bitext.sentences.get(hit.sid)
        match = spec.compiled().match(text.text, hit.start) if text else None
        if text is None or match is None or match.end() != hit.stop:
            self.last_hit = None
            self.find_next()
            return
        new = text.text[:hit.start] + match.expand(self._template(spec)) + text.text[hit.stop:]
        if self.w.session.perform(partial(ops.edit_text, sid=hit.sid, text=new), (hit.row,)):
            self._forget_typing()
        self.find_next()

    def replace_all(self) -> int:
        spec = self._valid_spec()
        if spec is None:
            self.open()
            return 0
        bt = self.w.session.bitext
        changed = replaced_texts(bt, spec, self._template(spec))
        rows = _rows_of(bt, changed)
        steps: list[tuple[Planner, tuple[int, ...]]] = [
            (partial(ops.edit_text, sid=sid, text=text), (rows[sid],))
            for sid, text in changed.items()]
        if steps and self.w.session.perform_all("Replace all", steps):
            self._forget_typing()
            self.w.say(_tr("Replaced in {n} sentences.").format(n=len(steps)))
        elif not steps:
            self.w.say(_tr("Nothing to replace."))
        return len(steps)

    def _template(self, spec: SearchSpec) -> str:
        text = self.replacement.text()
        return text if spec.use_regex else text.replace("\\", "\\\\")


def _spans(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]


def _key(hit: Hit) -> tuple[int, int, int]:
    return (0 if hit.lang == "zh" else 1, hit.k, hit.start)


def _rows_of(bt: object, sids: dict[str, str]) -> dict[str, int]:
    rows: dict[str, int] = {}
    for row, link in enumerate(bt.links):  # type: ignore[attr-defined]
        for sid in (*link.zh, *link.en):
            if sid in sids:
                rows[sid] = row
    return rows
