"""The PDF pane: one page of a source document, zoom, page navigation, highlights.

The pane knows nothing about links: the main window tells it which document and page
to show and which rectangles (in PDF points) to highlight in which colour, and hears
back where the user clicked (:attr:`PdfPane.clicked`, in PDF points).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.gui.pdfrender import PdfRenderer

ZH_COLOUR = QColor(220, 50, 47)
EN_COLOUR = QColor(38, 110, 220)
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
MARGIN = 8


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPane", text)


@dataclass(frozen=True, slots=True)
class Highlight:
    rect: QRectF  # PDF points
    colour: QColor
    strong: bool = True


class PageCanvas(QWidget):
    """Paints the current page image and its highlights; reports clicks in points."""

    clicked = Signal(QPointF)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_canvas")
        self.page_size = QSizeF(595, 842)
        self.zoom = 1.0
        self.image: QImage | None = None
        self.highlights: list[Highlight] = []
        self.setMouseTracking(False)

    def to_view(self, r: QRectF) -> QRectF:
        z = self.zoom
        return QRectF(r.x() * z + MARGIN, r.y() * z + MARGIN, r.width() * z, r.height() * z)

    def to_page(self, pos: QPointF) -> QPointF:
        return QPointF((pos.x() - MARGIN) / self.zoom, (pos.y() - MARGIN) / self.zoom)

    def sizeHint(self) -> QSize:
        return QSize(int(self.page_size.width() * self.zoom) + 2 * MARGIN,
                     int(self.page_size.height() * self.zoom) + 2 * MARGIN)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        page = QRectF(MARGIN, MARGIN, self.page_size.width() * self.zoom,
                      self.page_size.height() * self.zoom)
        painter.fillRect(self.rect(), self.palette().window())
        painter.fillRect(page, Qt.GlobalColor.white)
        if self.image is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(page, self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for h in self.highlights:
            fill = QColor(h.colour)
            fill.setAlpha(70 if h.strong else 30)
            painter.fillRect(self.to_view(h.rect).adjusted(-1, -1, 1, 1), fill)
            if h.strong:
                painter.setPen(QPen(h.colour, 1.2))
                painter.drawRect(self.to_view(h.rect).adjusted(-1, -1, 1, 1))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.to_page(event.position()))
        super().mousePressEvent(event)


class PdfScroll(QScrollArea):
    """Scroll area that turns Ctrl+wheel into zoom, and the wheel past the bottom (top)
    of a page into the next (previous) page, as a reader scrolling through expects.

    Touchpads send many small deltas: a page turns once a whole wheel notch (120) has
    been pushed against the edge, so a flick that just reaches the edge does not skip.
    """

    zoom_step = Signal(int)
    page_step = Signal(int)
    NOTCH = 120

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pushed = 0  # wheel delta pushed against the top or bottom edge

    def wheelEvent(self, event: QWheelEvent) -> None:
        dy = event.angleDelta().y()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step.emit(1 if dy > 0 else -1)
            event.accept()
            return
        bar = self.verticalScrollBar()
        if (dy < 0 and bar.value() >= bar.maximum()) or (dy > 0 and bar.value() <= bar.minimum()):
            self._pushed = self._pushed + dy if self._pushed * dy >= 0 else dy
            if abs(self._pushed) >= self.NOTCH:
                self._pushed = 0
                self.page_step.emit(1 if dy < 0 else -1)
            event.accept()
            return
        self._pushed = 0
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.parent()
        if isinstance(parent, PdfPane):
            parent.refit()


class PdfPane(QWidget):
    """Toolbar (document, page, zoom) above a scrollable page canvas."""

    clicked = Signal(str, int, QPointF)  # path, page, point in PDF points
    switch_requested = Signal()

    def __init__(self, renderer: PdfRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_pane")
        self.renderer = renderer
        self.path: str | None = None
        self.page = 0
        self.zoom_mode = "fit-width"  # or fit-page or a number as text
        self._marks: tuple[int, list[Highlight]] = (0, [])  # highlights and their page
        self.canvas = PageCanvas()
        self.canvas.clicked.connect(self._on_canvas_clicked)
        self._build()
        renderer.document_ready.connect(self._on_document_ready)
        renderer.document_failed.connect(self._on_document_failed)
        renderer.page_ready.connect(self._on_page_ready)

    def _build(self) -> None:
        self.doc_label = QLabel()
        self.doc_label.setObjectName("pdf_document")
        self.switch_button = QToolButton()
        self.switch_button.setText("⇄")
        self.switch_button.clicked.connect(self.switch_requested)
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("pdf_page")
        self.page_spin.setMinimum(1)
        self.page_spin.valueChanged.connect(lambda v: self.show_page(v - 1))
        self.page_count = QLabel("/ 0")
        self.zoom_box = QComboBox()
        self.zoom_box.setObjectName("pdf_zoom")
        self.zoom_box.addItem("", "fit-width")
        self.zoom_box.addItem("", "fit-page")
        for z in ZOOM_STEPS:
            self.zoom_box.addItem(f"{int(z * 100)} %", str(z))
        self.zoom_box.activated.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.addWidget(self.doc_label)
        bar.addWidget(self.switch_button)
        bar.addStretch(1)
        for widget in (self.page_spin, self.page_count, self.zoom_box):
            bar.addWidget(widget)
        self.message = QLabel()
        self.message.setObjectName("pdf_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = PdfScroll()
        self.scroll_area.setWidget(self.canvas)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll_area.zoom_step.connect(self.zoom_by)
        self.scroll_area.page_step.connect(self.turn_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self.show_message(_tr("No source document."))
        self.retranslate()

    def retranslate(self) -> None:
        """Toolbar texts in the current UI language."""
        self.switch_button.setToolTip(_tr("Show the other document"))
        self.zoom_box.setItemText(0, _tr("Fit width"))
        self.zoom_box.setItemText(1, _tr("Fit page"))

    # -- what to show ------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.scroll_area.setVisible(not text)

    def show_document(self, path: str | None, label: str = "", missing: str = "") -> None:
        """Show ``path`` (None: no PDF for this text; ``missing`` says why)."""
        self.doc_label.setText(label)
        if path is None:
            self.path = None
            self.show_message(missing or _tr("No source document."))
            return
        if path != self.path:
            self.path = path
            self.page = 0
            self.canvas.highlights = []
            self._marks = (0, [])
            self.renderer.forget_requests()
        sizes = self.renderer.page_sizes(path)
        if sizes is None:
            self.show_message(_tr("Opening {name}…").format(name=label or path))
        else:
            self._after_open(sizes)

    def _after_open(self, sizes: list) -> None:
        self.show_message("")
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, len(sizes)))
        self.page_spin.setValue(self.page + 1)
        self.page_spin.blockSignals(False)
        self.page_count.setText(f"/ {len(sizes)}")
        self._refresh()

    def show_page(self, page: int, highlights: list[Highlight] | None = None,
                  focus: QRectF | None = None) -> None:
        """Go to ``page`` (0-based), set highlights, scroll ``focus`` (points) into view."""
        sizes = self.renderer.page_sizes(self.path) if self.path else None
        if sizes:
            page = max(0, min(page, len(sizes) - 1))
        if highlights is not None:
            self._marks = (page, highlights)
        self.canvas.highlights = self._marks[1] if self._marks[0] == page else []
        if page != self.page:
            self.page = page
            self.renderer.forget_requests()
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self._refresh()
        if focus is not None:
            r = self.canvas.to_view(focus)
            self.scroll_area.ensureVisible(int(r.center().x()), int(r.center().y()),
                                      int(r.width() / 2) + 40, int(r.height() / 2) + 60)

    def next_page(self) -> None:
        self.show_page(self.page + 1)

    def turn_page(self, step: int) -> None:
        """The wheel went past an edge: show the neighbouring page from its other end.
        The neighbours are prefetched, so the new page is usually drawn at once; if not,
        the nearest cached zoom (or a blank page) shows until the render arrives."""
        sizes = self.renderer.page_sizes(self.path) if self.path else None
        if not sizes or not 0 <= self.page + step < len(sizes):
            return
        self.show_page(self.page + step)
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(bar.minimum() if step > 0 else bar.maximum())

    def previous_page(self) -> None:
        self.show_page(self.page - 1)

    # -- zoom --------------------------------------------------------------------------
    def set_zoom(self, mode: str) -> None:
        self.zoom_mode = mode
        index = self.zoom_box.findData(mode)
        if index >= 0:
            self.zoom_box.setCurrentIndex(index)
        else:
            self.zoom_box.setEditText(f"{float(mode) * 100:.0f} %")
        self.renderer.forget_requests()
        self._refresh()

    def zoom_by(self, step: int) -> None:
        current = self.canvas.zoom
        if step > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 1e-3]
            target = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 1e-3]
            target = smaller[-1] if smaller else ZOOM_STEPS[0]
        self.set_zoom(str(target))

    def effective_zoom(self) -> float:
        sizes = self.renderer.page_sizes(self.path) if self.path else None
        if not sizes:
            return 1.0
        size = sizes[min(self.page, len(sizes) - 1)]
        view = self.scroll_area.viewport().size()
        width_zoom = max(0.1, (view.width() - 2 * MARGIN) / max(1.0, size.width()))
        if self.zoom_mode == "fit-width":
            return width_zoom
        if self.zoom_mode == "fit-page":
            return max(0.1, min(width_zoom, (view.height() - 2 * MARGIN) / max(1.0, size.height())))
        return float(self.zoom_mode)

    def refit(self) -> None:
        if self.zoom_mode in ("fit-width", "fit-page"):
            self._refresh()

    # -- rendering ---------------------------------------------------------------------
    def _refresh(self) -> None:
        if self.path is None:
            return
        sizes = self.renderer.page_sizes(self.path)
        if not sizes:
            return
        zoom = self.effective_zoom()
        self.canvas.page_size = sizes[min(self.page, len(sizes) - 1)]
        self.canvas.zoom = zoom
        ratio = self.devicePixelRatioF()
        image = self.renderer.image(self.path, self.page, round(zoom * ratio, 3))
        if image is None:
            image = self.renderer.cached_any_zoom(self.path, self.page)
        self.canvas.image = image
        self.canvas.resize(self.canvas.sizeHint())
        self.canvas.update()
        self._prefetch(len(sizes), zoom * ratio)

    def _prefetch(self, count: int, zoom: float) -> None:
        for neighbour in (self.page + 1, self.page - 1):
            if self.path is not None and 0 <= neighbour < count:
                self.renderer.image(self.path, neighbour, round(zoom, 3))

    def _on_document_ready(self, path: str) -> None:
        if path == self.path:
            sizes = self.renderer.page_sizes(path) or []
            self._after_open(sizes)

    def _on_document_failed(self, path: str, message: str) -> None:
        if path == self.path:
            self.show_message(_tr("Cannot show {path}: {message}").format(path=path,
                                                                          message=message))

    def _on_page_ready(self, path: str, page: int) -> None:
        if path == self.path and page == self.page:
            self._refresh()

    def _on_canvas_clicked(self, point: QPointF) -> None:
        if self.path is not None:
            self.clicked.emit(self.path, self.page, point)

    def visible_rect(self) -> QRect:
        return self.scroll_area.viewport().rect()
