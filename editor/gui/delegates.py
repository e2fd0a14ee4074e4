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

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QPlainTextEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from editor.core.model import Lang, Link
from editor.gui.linkmodel import COLUMN_LANG, LinkTableModel, SentenceView

AnyIndex = QModelIndex | QPersistentModelIndex
PAD = 4
NUMBER_WIDTH = 34
FLAGS = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
TOP_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
SELECTED = QStyle.StateFlag.State_Selected
HAS_FOCUS = QStyle.StateFlag.State_HasFocus
CONFIRMED_TINT = QColor(46, 160, 67, 28)
EDITED_MARK = QColor(230, 140, 0)
NOTE_MARK = QColor(70, 110, 220)
MATCH_MARK = QColor(255, 214, 0, 150)  # every match of the open search
CURRENT_MATCH_MARK = QColor(255, 140, 0, 190)  # the match Find Next went to


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
    text_w = max(20, width - NUMBER_WIDTH - 2 * PAD)
    y = top + PAD
    rects = []
    font_key = _font_key(font)
    for text in texts:
        h = _text_height(font, font_key, text_w, text)
        rects.append(QRect(left + PAD + NUMBER_WIDTH, y, text_w, h))
        y += h + PAD
    return rects


_HEIGHTS: dict[tuple[str, int, str], int] = {}
_KEYS: dict[int, tuple[QFont, str]] = {}


def _font_key(font: QFont) -> str:
    """``font.key()``, remembered per font object (a delegate keeps its font)."""
    entry = _KEYS.get(id(font))
    if entry is None or entry[0] is not font:
        entry = _KEYS[id(font)] = (font, font.key())
    return entry[1]


def _text_height(font: QFont, font_key: str, width: int, text: str) -> int:
    """Wrapped height of ``text``, remembered: layout is the costly part of painting."""
    key = (font_key, width, text)
    height = _HEIGHTS.get(key)
    if height is None:
        if len(_HEIGHTS) > 20_000:
            _HEIGHTS.clear()
        fm = QFontMetrics(font)
        height = fm.boundingRect(QRect(0, 0, width, 1_000_000), FLAGS, text or " ").height()
        _HEIGHTS[key] = height
    return height


def span_rects(font: QFont, width: int, text: str, spans: list[tuple[int, int]]
               ) -> list[list[QRectF]]:
    """Where characters ``start:stop`` of each span sit in ``text`` drawn wrapped
    ``width`` wide from (0, 0), one list of line pieces per span: the lines laid out as
    ``QPainter.drawText`` with word wrap lays them out (QTextLayout, word wrap, the
    font's leading between lines). One layout serves every span of the text."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    leading = QFontMetrics(font).leading()
    lines = []
    y = -float(leading)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        y += leading
        line.setPosition(QPointF(0, y))
        y += line.height()
        lines.append(line)
    layout.endLayout()
    out: list[list[QRectF]] = []
    for start, stop in spans:
        pieces = []
        for line in lines:
            first, last = line.textStart(), line.textStart() + line.textLength()
            a, b = max(start, first), min(stop, last)
            if a < b:
                x0, x1 = _cursor_x(line, a), _cursor_x(line, b)
                pieces.append(QRectF(min(x0, x1), line.y(), abs(x1 - x0), line.height()))
        out.append(pieces)
    return out


def _cursor_x(line: QTextLine, position: int) -> float:
    x = line.cursorToX(position)  # PySide returns (x, position)
    return float(x[0] if isinstance(x, tuple) else x)  # type: ignore[arg-type]


class SideDelegate(QStyledItemDelegate):
    """Paints and edits the Chinese or English cell of a link row."""

    def __init__(self, lang: Lang, commit: Callable[[QModelIndex, list[str]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.set_font(QFont())
        self.show_original = False
        self.focus: tuple[int, Lang, int] | None = None  # (source row, lang, k)
        self._commit = commit
        self.tab_pressed: Callable[[QPersistentModelIndex, bool], None] | None = None
        #: the open search (a compiled pattern), and the (sentence id, start, stop) that
        #: Find Next went to: both are marked in the text
        self.search: Callable[[str], list[tuple[int, int]]] | None = None
        self.current_match: tuple[str, int, int] | None = None

    def set_font(self, font: QFont) -> None:
        """The pane's font, and the smaller one of the sentence numbers (made once)."""
        self.font = font
        self.small_font = QFont(font)
        self.small_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))

    # -- layout and painting ---------------------------------------------------------
    def texts(self, sentences: list[SentenceView]) -> list[str]:
        if self.show_original:
            return [s.original if s.edited else s.text for s in sentences]
        return [s.text for s in sentences]

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        sentences = cell_sentences(index)
        rects = sentence_rects(self.font, option.rect.width(), self.texts(sentences))
        height = (rects[-1].bottom() + PAD + 1) if rects else QFontMetrics(self.font).height()
        return QSize(option.rect.width(), max(height, QFontMetrics(self.font).height() + 2 * PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        state = option.state
        palette: QPalette = option.palette
        painter.save()
        painter.fillRect(rect, palette.base())  # over the style's solid selection panel
        link = cell_link(index)
        selected = bool(state & SELECTED)
        if selected:
            painter.fillRect(rect, _tint(palette, 45))
        elif link is not None and link.status == "confirmed":
            painter.fillRect(rect, CONFIRMED_TINT)
        sentences = cell_sentences(index)
        rects = sentence_rects(self.font, rect.width(), self.texts(sentences), rect.top(),
                               rect.left())
        source_row = _source_row(index)
        for k, (sentence, r) in enumerate(zip(sentences, rects, strict=True)):
            focused = self.focus == (source_row, self.lang, k)
            self._paint_sentence(painter, palette, sentence, r, focused,
                                 bool(state & HAS_FOCUS))
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _paint_sentence(self, painter: QPainter, palette: QPalette, sentence: SentenceView,
                        r: QRect, focused: bool, has_focus: bool) -> None:
        number_rect = QRect(r.left() - NUMBER_WIDTH, r.top(), NUMBER_WIDTH - 4, r.height())
        painter.setFont(self.small_font)
        painter.setPen(EDITED_MARK if sentence.edited else palette.placeholderText().color())
        mark = "✎" if sentence.edited else ""
        painter.drawText(number_rect, TOP_RIGHT, f"{mark}{sentence.number}")
        if focused:
            painter.fillRect(r.adjusted(-2, -1, 2, 1), _tint(palette, 70 if has_focus else 40))
        original = self.show_original and sentence.edited
        text = sentence.original if original else sentence.text
        if self.search is not None and not original:  # matches are in the edited text
            self._mark_matches(painter, sentence.id, text, r)
        painter.setFont(self.font)
        painter.setPen(palette.text().color())
        painter.drawText(r, FLAGS, text)

    def _mark_matches(self, painter: QPainter, sid: str, text: str, r: QRect) -> None:
        assert self.search is not None
        spans = self.search(text)
        if not spans:
            return
        current = self.current_match
        pieces = span_rects(self.font, r.width(), text, spans)
        for (start, stop), rects in zip(spans, pieces, strict=True):
            colour = (CURRENT_MATCH_MARK if current is not None
                      and current == (sid, start, stop) else MATCH_MARK)
            for rect in rects:
                painter.fillRect(rect.translated(r.topLeft()), colour)

    def sentence_at(self, option_rect: QRect, index: AnyIndex, y: int) -> int:
        """Which sentence of the cell (k) lies at view y-coordinate ``y``."""
        sentences = cell_sentences(index)
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
        view = parent.parent()
        if isinstance(view, QAbstractItemView):
            editor.textChanged.connect(lambda: _grow_row(view, editor, self.font))
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, SentenceEditor)
        sentences = cell_sentences(index)
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
    """Link number, shape, status (✓ confirmed), confidence colour, note and bookmark.

    The link number is painted here rather than in a vertical header: a header asks
    the model for a hundred section labels after every inserted or removed row.
    """

    WIDTH = 72

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(self.WIDTH, 2 * PAD + 2 * QFontMetrics(QFont()).height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        rect: QRect = option.rect
        palette: QPalette = option.palette
        link = cell_link(index)
        if link is None:
            return
        painter.save()
        painter.fillRect(rect, palette.base())
        if option.state & SELECTED:
            painter.fillRect(rect, _tint(palette, 45))
        elif link.status == "confirmed":
            painter.fillRect(rect, CONFIRMED_TINT)
        bar = QRect(rect.left() + 2, rect.top() + 2, 5, rect.height() - 4)
        painter.fillRect(bar, confidence_colour(link.confidence))
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        line = QFontMetrics(painter.font()).height()
        text_rect = rect.adjusted(10, PAD, -2, 0)
        painter.setPen(palette.placeholderText().color())
        painter.drawText(text_rect, top_left, str(_source_row(index) + 1))
        painter.setPen(palette.text().color())
        status = "✓ " if link.status == "confirmed" else ""
        painter.drawText(text_rect.adjusted(0, line, 0, 0), top_left, status + link.shape)
        marks = ("●" if link.note else "") + ("★" if "bookmark" in link.flags else "")
        if marks:  # on the first line: a one- or two-line row has no third line to show
            painter.setPen(NOTE_MARK)
            top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            painter.drawText(text_rect.adjusted(0, 0, -2, 0), top_right, marks)
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


def _grow_row(view: QAbstractItemView, editor: SentenceEditor, font: QFont) -> None:
    """Make the edited row tall enough for the editor's text (typing never hides it)."""
    index = editor.index
    rects = sentence_rects(font, editor.width() + NUMBER_WIDTH, editor.toPlainText().split("\n"))
    needed = (rects[-1].bottom() if rects else 0) + 5 * PAD
    if index is None or not index.isValid() or not hasattr(view, "rowHeight"):
        return
    if needed > view.rowHeight(index.row()):
        view.setRowHeight(index.row(), needed)  # type: ignore[attr-defined]


def _plain(index: AnyIndex) -> QModelIndex:
    if isinstance(index, QModelIndex):
        return index
    model = index.model()
    return model.index(index.row(), index.column()) if model is not None else QModelIndex()


def _tint(palette: QPalette, alpha: int) -> QColor:
    colour = QColor(palette.highlight().color())
    colour.setAlpha(alpha)
    return colour


def _resolve(index: AnyIndex) -> tuple[LinkTableModel | None, int]:
    """The link model and its row, whether ``index`` is from it or from the filter proxy.

    Delegates read the model directly instead of through ``index.data(role)``: that
    round trip through QVariant costs time, and in PySide6 6.12 a ``None`` coming back
    through it loses a reference to ``None`` each time (which eventually aborts).
    """
    model = index.model()
    row = index.row()
    if isinstance(model, QSortFilterProxyModel):
        plain = _plain(index)
        row = model.mapToSource(plain).row()
        model = model.sourceModel()
    return (model if isinstance(model, LinkTableModel) else None), row


def _source_row(index: AnyIndex) -> int:
    return _resolve(index)[1]


def cell_link(index: AnyIndex) -> Link | None:
    model, row = _resolve(index)
    if model is None or not 0 <= row < model.rowCount():
        return None
    return model.link(row)


def cell_sentences(index: AnyIndex) -> list[SentenceView]:
    model, row = _resolve(index)
    lang = COLUMN_LANG.get(index.column())
    if model is None or lang is None or not 0 <= row < model.rowCount():
        return []
    return model.sentences(row, lang)
