"""The PDF pane: one page of a source document, zoom, page navigation, highlights.

The pane knows nothing about links: the main window tells it which document and page
to show and which rectangles (in PDF points) to highlight in which colour, and hears
back where the user clicked (:attr:`PdfPane.clicked`, in PDF points).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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
GAP = 10  # between pages


def _tr(text: str) -> str:
    return QCoreApplication.translate("PdfPane", text)


@dataclass(frozen=True, slots=True)
class Highlight:
    rect: QRectF  # PDF points
    colour: QColor
    strong: bool = True


class PageCanvas(QWidget):
    """Every page of the document, one under the other, so the wheel scrolls straight
    through; only the pages in view are painted, and their images come from the
    renderer's cache through :attr:`image_for` (a grey-free white page until a render
    arrives, so painting never waits). Highlights belong to one page (:attr:`page`)."""

    clicked = Signal(int, QPointF)  # page, point in PDF points

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_canvas")
        self.sizes: list[QSizeF] = [QSizeF(595, 842)]
        self.zoom = 1.0
        self.page = 0  # the page the highlights (and to_view) refer to
        self.highlights: list[Highlight] = []
        self.image_for: Callable[[int], QImage | None] = lambda page: None
        self._tops: list[float] = [MARGIN]
        self._width = 595.0
        self.setMouseTracking(False)

    # -- geometry -------------------------------------------------------------------------
    def set_layout(self, sizes: list[QSizeF], zoom: float) -> None:
        self.sizes = list(sizes) or [QSizeF(595, 842)]
        self.zoom = zoom
        self._width = max(s.width() for s in self.sizes)
        y, self._tops = float(MARGIN), []
        for size in self.sizes:
            self._tops.append(y)
            y += size.height() * zoom + GAP
        self.resize(self.sizeHint())

    def page_rect(self, page: int) -> QRectF:
        size = self.sizes[page]
        x = MARGIN + (self._width - size.width()) * self.zoom / 2
        return QRectF(x, self._tops[page], size.width() * self.zoom, size.height() * self.zoom)

    def page_at(self, y: float) -> int:
        """The page at height ``y`` (a gap counts with the page above it)."""
        return max(0, bisect_right(self._tops, y) - 1)

    def to_view(self, r: QRectF, page: int | None = None) -> QRectF:
        origin = self.page_rect(self.page if page is None else page).topLeft()
        z = self.zoom
        return QRectF(origin.x() + r.x() * z, origin.y() + r.y() * z, r.width() * z,
                      r.height() * z)

    def to_page(self, pos: QPointF) -> tuple[int, QPointF]:
        page = self.page_at(pos.y())
        origin = self.page_rect(page).topLeft()
        return page, QPointF((pos.x() - origin.x()) / self.zoom,
                             (pos.y() - origin.y()) / self.zoom)

    @property
    def image(self) -> QImage | None:
        """The highlighted page's image, if rendered (what the user looks at)."""
        return self.image_for(self.page)

    def sizeHint(self) -> QSize:
        bottom = self._tops[-1] + self.sizes[-1].height() * self.zoom + MARGIN
        return QSize(int(self._width * self.zoom) + 2 * MARGIN, int(bottom))

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().window())
        area = QRectF(event.rect())
        first = self.page_at(area.top())
        for page in range(first, len(self.sizes)):
            rect = self.page_rect(page)
            if rect.top() > area.bottom():
                break
            painter.fillRect(rect, Qt.GlobalColor.white)
            image = self.image_for(page)
            if image is not None:
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(rect, image)
        self._paint_highlights(painter)
        painter.end()

    def _paint_highlights(self, painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for h in self.highlights:
            box = self.to_view(h.rect).adjusted(-1, -1, 1, 1)
            fill = QColor(h.colour)
            fill.setAlpha(70 if h.strong else 30)
            painter.fillRect(box, fill)
            if h.strong:
                painter.setPen(QPen(h.colour, 1.2))
                painter.drawRect(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(*self.to_page(event.position()))
        super().mousePressEvent(event)


class PdfScroll(QScrollArea):
    """Scroll area that turns Ctrl+wheel into zoom."""

    zoom_step = Signal(int, QPointF)  # step, the pointer in viewport coordinates

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_step.emit(1 if event.angleDelta().y() > 0 else -1, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        parent = self.parent()
        if isinstance(parent, PdfPane):
            parent.refit()


class PdfPane(QWidget):
    """Toolbar (document, page, zoom) above the pages, scrolled continuously.

    :attr:`page` is the page in the middle of the view (the toolbar shows it and
    follows the scrolling); the highlighted page is the canvas's :attr:`PageCanvas.page`.
    """

    clicked = Signal(str, int, QPointF)  # path, page, point in PDF points
    switch_requested = Signal()

    def __init__(self, renderer: PdfRenderer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdf_pane")
        self.renderer = renderer
        self.path: str | None = None
        self.page = 0
        self.zoom_mode = "fit-width"  # or fit-page or a number as text
        self.canvas = PageCanvas()
        self.canvas.clicked.connect(self._on_canvas_clicked)
        self.canvas.image_for = self._image_for
        self._pending: QRectF | None = None  # focus asked for while the document opened
        self._requests_held = False  # while laying out and scrolling (asked for at the end)
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
        self.switch_button.setEnabled(False)  # until a pair of PDFs is shown (PdfSync)
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
        self.scroll_area.verticalScrollBar().valueChanged.connect(self._on_scrolled)
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
        """A message instead of pages; the page controls only work with pages shown
        (they read "1 / 0" with nothing to page through)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.scroll_area.setVisible(not text)
        for widget in (self.page_spin, self.page_count, self.zoom_box):
            widget.setEnabled(not text)
        if text:
            self.page_count.setText("/ –")

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
            self.canvas.page = 0
            self.renderer.forget_requests()
        sizes = self.renderer.page_sizes(path)
        if sizes is None:
            self.show_message(_tr("Opening {name}…").format(name=label or path))
        else:
            self._after_open(sizes)

    def _after_open(self, sizes: list) -> None:
        self._show_page_controls(sizes)
        self._refresh()

    def _show_page_controls(self, sizes: list) -> None:
        """The pages instead of the message, and the page controls for ``sizes``."""
        self.show_message("")
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(max(1, len(sizes)))
        self.page_spin.setValue(self.page + 1)
        self.page_spin.blockSignals(False)
        self.page_count.setText(f"/ {len(sizes)}")

    def show_page(self, page: int, highlights: list[Highlight] | None = None,
                  focus: QRectF | None = None) -> None:
        """Go to ``page`` (0-based): scroll ``focus`` (points) into view, or the page's
        top when no focus is given; ``highlights`` (when given) mark that page."""
        sizes = self.renderer.page_sizes(self.path) if self.path else None
        if sizes:
            page = max(0, min(page, len(sizes) - 1))
        if highlights is not None:
            self.canvas.page = page
            self.canvas.highlights = highlights
        if not sizes:  # still opening: go there when the page sizes arrive
            self.page, self._pending = page, focus
            return
        with self._one_request_at_the_end():
            self._refresh()
            self._scroll_to(page, focus)
        self._set_current(page)
        self.canvas.update()

    @contextmanager
    def _one_request_at_the_end(self) -> Iterator[None]:
        """Hold the requests for pages: laying out and scrolling would each ask the
        renderer for the pages in view (scrolling through _on_scrolled), and only where
        the view ends up matters; the caller asks once, after the block."""
        self._requests_held = True
        try:
            yield
        finally:
            self._requests_held = False

    def _scroll_to(self, page: int, focus: QRectF | None) -> None:
        if focus is not None:
            r = self.canvas.to_view(focus, page)
            self.scroll_area.ensureVisible(int(r.center().x()), int(r.center().y()),
                                           int(r.width() / 2) + 40, int(r.height() / 2) + 60)
        else:
            top = self.canvas.page_rect(page).top() - MARGIN
            self.scroll_area.verticalScrollBar().setValue(int(top))

    def next_page(self) -> None:
        self.show_page(self.page + 1)

    def previous_page(self) -> None:
        self.show_page(self.page - 1)

    def _set_current(self, page: int) -> None:
        self.page = page
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self._request_visible()

    def _on_scrolled(self, value: int) -> None:
        """Follow the scrolling: the toolbar names the page in the middle of the view."""
        if self.path is None or not self.renderer.page_sizes(self.path):
            return
        middle = value + self.scroll_area.viewport().height() / 2
        self._set_current(self.canvas.page_at(middle))

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

    def zoom_by(self, step: int, anchor: QPointF | None = None) -> None:
        """One zoom step in or out; with ``anchor`` (a point of the viewport, where the
        pointer is for Ctrl+wheel) the spot of the page under it stays under it."""
        current = self.canvas.zoom
        if step > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 1e-3]
            target = bigger[0] if bigger else ZOOM_STEPS[-1]
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 1e-3]
            target = smaller[-1] if smaller else ZOOM_STEPS[0]
        if anchor is None or self.path is None:
            self.set_zoom(str(target))
            return
        viewport = self.scroll_area.viewport()
        page, spot = self.canvas.to_page(QPointF(self.canvas.mapFrom(viewport, anchor.toPoint())))
        self.set_zoom(str(target))
        moved = self.canvas.to_view(QRectF(spot, QSizeF(0, 0)), page).topLeft()
        now = QPointF(self.canvas.mapTo(viewport, moved.toPoint()))
        for bar, delta in ((self.scroll_area.horizontalScrollBar(), now.x() - anchor.x()),
                           (self.scroll_area.verticalScrollBar(), now.y() - anchor.y())):
            bar.setValue(bar.value() + round(delta))

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
            height_zoom = (view.height() - 2 * MARGIN) / max(1.0, size.height())
            return max(0.1, min(width_zoom, height_zoom))
        return float(self.zoom_mode)

    def refit(self) -> None:
        if self.zoom_mode in ("fit-width", "fit-page"):
            self._refresh()

    # -- rendering ---------------------------------------------------------------------
    def _refresh(self) -> None:
        """Lay the pages out at the current zoom, keeping the view on the same spot."""
        if self.path is None:
            return
        sizes = self.renderer.page_sizes(self.path)
        if not sizes:
            return
        zoom = self.effective_zoom()
        if zoom != self.canvas.zoom or sizes != self.canvas.sizes:
            bar = self.scroll_area.verticalScrollBar()
            old = self.canvas.page_rect(min(self.page, len(self.canvas.sizes) - 1))
            offset = (bar.value() - old.top()) / max(old.height(), 1.0)
            self.canvas.set_layout(sizes, zoom)
            new = self.canvas.page_rect(min(self.page, len(sizes) - 1))
            bar.setValue(int(new.top() + offset * new.height()))
        self._request_visible()
        self.canvas.update()

    def _render_zoom(self) -> float:
        return round(self.canvas.zoom * self.devicePixelRatioF(), 3)

    def _image_for(self, page: int) -> QImage | None:
        """The sharp image if rendered, else any zoom of it (scaled), else None."""
        if self.path is None:
            return None
        image = self.renderer.image(self.path, page, self._render_zoom())
        return image if image is not None else self.renderer.cached_any_zoom(self.path, page)

    def visible_pages(self) -> range:
        bar = self.scroll_area.verticalScrollBar()
        top = bar.value()
        first = self.canvas.page_at(top)
        last = self.canvas.page_at(top + self.scroll_area.viewport().height())
        return range(first, last + 1)

    def _request_visible(self) -> None:
        """Ask for the pages in view and one either side; drop requests scrolled past."""
        if self.path is None or self._requests_held:
            return
        shown = self.visible_pages()
        wanted = range(max(0, shown.start - 1), min(len(self.canvas.sizes), shown.stop + 1))
        zoom = self._render_zoom()
        self.renderer.keep_only({(self.path, page, zoom) for page in wanted})
        for page in wanted:
            self.renderer.image(self.path, page, zoom)

    def _on_document_ready(self, path: str) -> None:
        """Go where show_page was asked to while the document opened. Showing the pages
        lays them out (the scroll area's resize), which scrolls and so moves
        :attr:`page`: the page asked for is read first, and show_page asks the renderer
        once, for it."""
        if path != self.path:
            return
        page, focus, self._pending = self.page, self._pending, None
        with self._one_request_at_the_end():
            self._show_page_controls(self.renderer.page_sizes(path) or [])
        self.show_page(page, None, focus)

    def _on_document_failed(self, path: str, message: str) -> None:
        if path == self.path:
            self.show_message(_tr("Cannot show {path}: {message}").format(path=path,
                                                                          message=message))

    def _on_page_ready(self, path: str, page: int) -> None:
        if path == self.path and page in self.visible_pages():
            self.canvas.update(self.canvas.page_rect(page).toAlignedRect())

    def _on_canvas_clicked(self, page: int, point: QPointF) -> None:
        if self.path is not None:
            self.clicked.emit(self.path, page, point)

    def visible_rect(self) -> QRect:
        return self.scroll_area.viewport().rect()
