"""Painting and editing of the link table's cells.

:class:`SideDelegate` lays out a side's sentences one under another, each with its
document number in a left margin; the same layout serves painting, row heights and
mouse hit-testing, so what the user clicks is what was drawn. :class:`GutterDelegate`
paints a link's shape, status and confidence. Editing uses a plain-text editor holding
one line per sentence; it never writes to the model: it hands the new texts to
``commit`` (which pushes undo commands).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from editor.core.model import Lang, Link
from editor.gui.linkmodel import LinkRole, SentencesRole, SentenceView

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 4
NUMBER_WIDTH = 34
FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
CONFIRMED_TINT = QColor(46, 160, 67, 28)
EDITED_MARK = QColor(230, 140, 0)
NOTE_MARK = QColor(70, 110, 220)


def confidence_colour(conf: float | None) -> QColor:
    """Red (doubtful) through amber to green (sure); grey when unknown."""
    if conf is None:
        return QColor(150, 150, 150)
    c = max(0.0, min(1.0, conf))
    hue = int(120 * c)  # 0 red … 120 green
    return QColor.fromHsv(hue, 200, 210)


def sentence_rects(font: QFont, width: int, texts: list[str], top: int = 0,
                   left: int = 0) -> list[QRect]:
    """Rectangles of each sentence's text in a cell ``width`` wide (the shared layout)."""
    fm = QFontMetrics(font)
    text_w = max(20, width - NUMBER_WIDTH - 2 * PAD)
    y = top + PAD
    rects = []
    for text in texts:
        h = fm.boundingRect(QRect(0, 0, text_w, 1_000_000), FLAGS, text or " ").height()
        rects.append(QRect(left + PAD + NUMBER_WIDTH, y, text_w, h))
        y += h + PAD
    return rects


class SideDelegate(QStyledItemDelegate):
    """Paints and edits the Chinese or English cell of a link row."""

    def __init__(self, lang: Lang, commit: Callable[[QModelIndex, list[str]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.font = QFont()
        self.show_original = False
        self.focus: tuple[int, Lang, int] | None = None  # (source row, lang, k)
        self._commit = commit
        self.tab_pressed: Callable[[QPersistentModelIndex, bool], None] | None = None

    # -- layout and painting ---------------------------------------------------------
    def texts(self, sentences: list[SentenceView]) -> list[str]:
        if self.show_original:
            return [s.original if s.edited else s.text for s in sentences]
        return [s.text for s in sentences]

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        sentences = index.data(SentencesRole) or []
        rects = sentence_rects(self.font, option.rect.width(), self.texts(sentences))
        height = (rects[-1].bottom() + PAD + 1) if rects else QFontMetrics(self.font).height()
        return QSize(option.rect.width(), max(height, QFontMetrics(self.font).height() + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        painter.save()
        link: Link | None = index.data(LinkRole)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, _tint(palette, 45))
        elif link is not None and link.status == "confirmed":
            painter.fillRect(rect, CONFIRMED_TINT)
        sentences: list[SentenceView] = index.data(SentencesRole) or []
        rects = sentence_rects(self.font, rect.width(), self.texts(sentences), rect.top(),
                               rect.left())
        source_row = _source_row(index)
        for k, (sentence, r) in enumerate(zip(sentences, rects, strict=True)):
            focused = self.focus == (source_row, self.lang, k)
            self._paint_sentence(painter, palette, sentence, r, focused,
                                 bool(state & QStyle.StateFlag.State_HasFocus))
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_sentence(self, painter: QPainter, palette: QPalette, sentence: SentenceView,
                        r: QRect, focused: bool, has_focus: bool) -> None:
        number_rect = QRect(r.left() - NUMBER_WIDTH, r.top(), NUMBER_WIDTH - 4, r.height())
        small = QFont(self.font)
        small.setPointSizeF(max(6.0, self.font.pointSizeF() * 0.75))
        painter.setFont(small)
        painter.setPen(EDITED_MARK if sentence.edited else palette.placeholderText().color())
        mark = "✎" if sentence.edited else ""
        painter.drawText(number_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                         f"{mark}{sentence.number}")
        if focused:
            painter.fillRect(r.adjusted(-2, -1, 2, 1), _tint(palette, 70 if has_focus else 40))
        painter.setFont(self.font)
        painter.setPen(palette.text().color())
        text = sentence.original if self.show_original and sentence.edited else sentence.text
        painter.drawText(r, FLAGS, text)

    def sentence_at(self, option_rect: QRect, index: AnyIndex, y: int) -> int:
        """Which sentence of the cell (k) lies at view y-coordinate ``y``."""
        sentences = index.data(SentencesRole) or []
        rects = sentence_rects(self.font, option_rect.width(), self.texts(sentences),
                               option_rect.top(), option_rect.left())
        for k, r in enumerate(rects):
            if y <= r.bottom() + PAD // 2:
                return k
        return max(0, len(rects) - 1)

    # -- editing ----------------------------------------------------------------------
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: AnyIndex) -> QWidget:
        editor = SentenceEditor(parent)
        editor.setObjectName(f"editor_{self.lang}")
        editor.setFont(self.font)
        editor.index = QPersistentModelIndex(index)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, SentenceEditor)
        sentences: list[SentenceView] = index.data(SentencesRole) or []
        editor.setPlainText("\n".join(s.text for s in sentences))
        editor.sentence_count = len(sentences)
        k = self.focus[2] if self.focus and self.focus[0] == _source_row(index) else 0
        editor.move_to_end_of(min(k, max(0, len(sentences) - 1)))

    def setModelData(self, editor: QWidget, model: object, index: AnyIndex) -> None:
        assert isinstance(editor, SentenceEditor)
        self._commit(_plain(index), editor.toPlainText().split("\n"))

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: AnyIndex) -> None:
        rect: QRect = option.rect
        editor.setGeometry(rect.adjusted(NUMBER_WIDTH, 0, 0, 0))

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter commits, Esc cancels (base class), Tab commits and edits the other side."""
        if event.type() == QEvent.Type.KeyPress and isinstance(editor, SentenceEditor):
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    mods & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
                            | Qt.KeyboardModifier.ControlModifier)):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if self.tab_pressed is not None and editor.index is not None:
                    self.tab_pressed(editor.index, key == Qt.Key.Key_Backtab)
                return True
        return super().eventFilter(editor, event)


class SentenceEditor(QPlainTextEdit):
    """One line per sentence; knows which cell it edits (for Tab)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sentence_count = 0
        self.index: QPersistentModelIndex | None = None
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(PAD - 1)

    def move_to_end_of(self, k: int) -> None:
        block = self.document().findBlockByNumber(k)
        cursor = self.textCursor()
        cursor.setPosition(block.position() + block.length() - 1)
        self.setTextCursor(cursor)

    def cursor_place(self) -> tuple[int, int]:
        """(sentence k, character offset) of the text cursor."""
        cursor = self.textCursor()
        return cursor.blockNumber(), cursor.positionInBlock()


class GutterDelegate(QStyledItemDelegate):
    """Shape, status (✓ when confirmed), confidence colour, note and bookmark marks."""

    WIDTH = 64

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(self.WIDTH, 2 * PAD + QFontMetrics(QFont()).height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        link: Link | None = index.data(LinkRole)
        if link is None:
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, _tint(palette, 45))
        bar = QRect(rect.left() + 2, rect.top() + 2, 5, rect.height() - 4)
        painter.fillRect(bar, confidence_colour(link.confidence))
        painter.setPen(palette.text().color())
        text_rect = rect.adjusted(10, PAD, -2, 0)
        status = "✓ " if link.status == "confirmed" else ""
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                         status + link.shape)
        marks = ("●" if link.note else "") + ("★" if "bookmark" in link.flags else "")
        if marks:
            painter.setPen(NOTE_MARK)
            painter.drawText(text_rect.adjusted(0, QFontMetrics(QFont()).height(), 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, marks)
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


def _plain(index: AnyIndex) -> QModelIndex:
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    return model.index(index.row(), index.column()) if model is not None else QModelIndex()


def _tint(palette: QPalette, alpha: int) -> QColor:
    colour = QColor(palette.highlight().color())
    colour.setAlpha(alpha)
    return colour


def _source_row(index: AnyIndex) -> int:
    """Row in the link model, whether ``index`` comes from it or from the filter proxy."""
    model = index.model()
    mapper = getattr(model, "mapToSource", None)
    if mapper is not None:
        return int(mapper(index).row())
    return index.row()
