"""The table model: one row per link, columns Chinese | gutter | English.

A thin adapter over a :class:`~editor.core.model.Bitext`. It never changes the bitext
on its own: :meth:`LinkTableModel.apply_edit` is the one entry point, called by undo
commands, and it turns the edit's link range into the matching row signals so views
and the filter proxy update only what changed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from editor.core.edits import Edit, apply, check_applicable
from editor.core.model import LANGS, Bitext, Lang, Link, Sentence

COL_ZH, COL_GUTTER, COL_EN = 0, 1, 2
COLUMN_LANG: dict[int, Lang] = {COL_ZH: "zh", COL_EN: "en"}
LANG_COLUMN: dict[str, int] = {"zh": COL_ZH, "en": COL_EN}

LinkRole = Qt.ItemDataRole.UserRole + 1
SentencesRole = Qt.ItemDataRole.UserRole + 2  # list[SentenceView] of the cell's side
ShapeRole = Qt.ItemDataRole.UserRole + 3
ConfidenceRole = Qt.ItemDataRole.UserRole + 4
StatusRole = Qt.ItemDataRole.UserRole + 5

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("LinkTableModel", text)


class SentenceView:
    """What a delegate needs to paint one sentence: number, text, edited state, id."""

    __slots__ = ("edited", "id", "number", "original", "text")

    def __init__(self, number: int, sentence: Sentence) -> None:
        self.number = number
        self.id = sentence.id
        self.text = sentence.text
        self.original = sentence.original
        self.edited = sentence.edited


class LinkTableModel(QAbstractTableModel):
    """Rows are links; the zh/en cells hold that side's sentences, the gutter the link."""

    #: first row touched by an applied edit, and how many rows it now covers
    edited = Signal(int, int)

    def __init__(self, bitext: Bitext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bitext = bitext
        self._numbers = SentenceNumbers()
        self.confirmed_count = sum(1 for link in bitext.links if link.status == "confirmed")
        self.show_original = False

    # -- access --------------------------------------------------------------------
    @property
    def bitext(self) -> Bitext:
        return self._bitext

    def link(self, row: int) -> Link:
        return self._bitext.links[row]

    def sentence_number(self, row: int, lang: Lang, k: int = 0) -> int:
        """1-based position of the k-th ``lang`` sentence of link ``row`` in its document."""
        return self._numbers.first(self._bitext.links, lang, row) + k + 1

    def sentences(self, row: int, lang: Lang) -> list[SentenceView]:
        link = self._bitext.links[row]
        first = self.sentence_number(row, lang)
        sentences = self._bitext.sentences
        return [SentenceView(first + k, sentences[sid]) for k, sid in enumerate(link.side(lang))]

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._bitext.links)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        lang = COLUMN_LANG.get(index.column())
        if lang is not None and self._bitext.links[index.row()].side(lang):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._bitext.links):
            return None
        row, column = index.row(), index.column()
        lang = COLUMN_LANG.get(column)
        if lang is not None:
            return self._side_data(row, lang, role)
        return self._gutter_data(row, role)

    def _side_data(self, row: int, lang: Lang, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            texts = self._bitext.texts(self._bitext.links[row], lang)
            return "\n".join(texts)
        if role == SentencesRole:
            return self.sentences(row, lang)
        if role == Qt.ItemDataRole.ToolTipRole:
            edited = [s for s in self.sentences(row, lang) if s.edited]
            if edited:
                return "\n\n".join(_tr("Sentence {n}, original text:\n{text}")
                                   .format(n=s.number, text=s.original) for s in edited)
            return None
        if role == LinkRole:
            return self._bitext.links[row]
        return None

    def _gutter_data(self, row: int, role: int) -> Any:
        link = self._bitext.links[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return link.shape
        if role == ShapeRole:
            return link.shape
        if role == ConfidenceRole:
            return link.confidence
        if role == StatusRole:
            return link.status
        if role == LinkRole:
            return link
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._gutter_tooltip(row, link)
        return None

    def _gutter_tooltip(self, row: int, link: Link) -> str:
        conf = _tr("unknown") if link.confidence is None else f"{link.confidence:.2f}"
        status = _tr("confirmed") if link.status == "confirmed" else _tr("automatic")
        lines = [_tr("Link {n} · {shape} · confidence {conf} · {status}")
                 .format(n=row + 1, shape=link.shape, conf=conf, status=status)]
        if link.note:
            lines.append(_tr("Note: {note}").format(note=link.note))
        if "bookmark" in link.flags:
            lines.append(_tr("Bookmarked"))
        return "\n".join(lines)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return {COL_ZH: _tr("Chinese"), COL_GUTTER: "", COL_EN: _tr("English")}.get(section)

    # -- the one way the bitext changes --------------------------------------------------
    def apply_edit(self, edit: Edit, rows: tuple[int, ...] = ()) -> Edit:
        """Apply ``edit`` with the row signals it implies; return the inverse edit.

        Views must see rows removed or inserted while the other rows keep their data,
        so the edit is applied in two steps: the links that disappear (or appear) at
        the end of the range, and the rows replaced in place (then ``dataChanged``).
        ``rows`` names rows whose cells show sentences a text-only edit changes (a text
        edit carries no link range of its own).
        """
        check_applicable(self._bitext, edit)  # both steps will succeed, or nothing happens
        old_n, new_n = len(edit.old_links), len(edit.new_links)
        start, common = edit.start, min(old_n, new_n)
        head = Edit(edit.label, start, edit.old_links[:common], edit.new_links[:common],
                    edit.old_sentences, edit.new_sentences)
        if new_n < old_n:
            self.beginRemoveRows(QModelIndex(), start + new_n, start + old_n - 1)
            apply(self._bitext, Edit(edit.label, start + new_n, edit.old_links[new_n:]))
            self._numbers.replace(start + new_n, edit.old_links[new_n:], ())
            self.endRemoveRows()
        apply(self._bitext, head)
        self._numbers.replace(start, head.old_links, head.new_links)
        if new_n > old_n:
            self.beginInsertRows(QModelIndex(), start + old_n, start + new_n - 1)
            apply(self._bitext, Edit(edit.label, start + old_n, (), edit.new_links[old_n:]))
            self._numbers.replace(start + old_n, (), edit.new_links[old_n:])
            self.endInsertRows()
        self.confirmed_count += (sum(1 for link in edit.new_links if link.status == "confirmed")
                                 - sum(1 for link in edit.old_links if link.status == "confirmed"))
        self._emit_changed(start, common, rows)
        self.edited.emit(start, new_n)
        return edit.inverse()

    def _emit_changed(self, start: int, common: int, rows: tuple[int, ...]) -> None:
        """Rows whose content changed in place. Rows below a split or join of sentences
        show new sentence numbers too; views repaint on :attr:`edited` for that."""
        if common:
            self.dataChanged.emit(self.index(start, 0), self.index(start + common - 1, 2))
        for row in rows:
            if 0 <= row < self.rowCount():
                self.dataChanged.emit(self.index(row, 0), self.index(row, 2))

    def reset_bitext(self, bitext: Bitext) -> None:
        self.beginResetModel()
        self._bitext = bitext
        self._numbers = SentenceNumbers()
        self.confirmed_count = sum(1 for link in bitext.links if link.status == "confirmed")
        self.endResetModel()


class SentenceNumbers:
    """How many sentences of each language come before each link (for the numbers shown).

    Kept as cumulative counts in numpy arrays: built once on first use, then updated
    per edit by splicing the edited range and shifting what follows, which costs
    microseconds for 50,000 links where recounting in Python would cost milliseconds.
    """

    def __init__(self) -> None:
        self._before: dict[Lang, np.ndarray] | None = None

    def first(self, links: list[Link], lang: Lang, row: int) -> int:
        if self._before is None:
            self._before = {
                lang_: _cumulative((len(link.side(lang_)) for link in links), len(links), 0)
                for lang_ in LANGS
            }
        return int(self._before[lang][row])

    def replace(self, start: int, old: Sequence[Link], new: Sequence[Link]) -> None:
        """Links ``old`` at ``start`` became ``new`` (call after each applied piece)."""
        if self._before is None:
            return
        for lang, before in self._before.items():
            base = int(before[start])
            counts = _cumulative((len(link.side(lang)) for link in new), len(new), base)
            end_new = int(counts[-1])
            delta = end_new - int(before[start + len(old)])
            tail = before[start + len(old) + 1:] + delta
            self._before[lang] = np.concatenate((before[:start], counts, tail))


def _cumulative(counts: Iterable[int], n: int, base: int) -> np.ndarray:
    """``[base, base + c0, base + c0 + c1, …]`` (n + 1 entries)."""
    out = np.empty(n + 1, dtype=np.int64)
    out[0] = base
    out[1:] = np.fromiter(counts, dtype=np.int64, count=n)
    np.cumsum(out, out=out)
    return out
