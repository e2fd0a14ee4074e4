"""PDF page rendering on one dedicated thread, with a page cache.

PyMuPDF is not thread-safe, so every PyMuPDF call of the GUI happens in
:class:`PdfWorker`, which lives on the thread :class:`PdfRenderer` owns (import jobs are
queued on the same thread, see :mod:`editor.gui.workers`). The GUI asks for pages; a
finished page arrives through :attr:`PdfRenderer.page_ready` and stays in a small LRU
cache so paging back and forth is instant. Requests no longer wanted (the user scrolled
on) are dropped before rendering.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from PySide6.QtCore import QObject, QSizeF, QThread, Signal, Slot
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)

CACHE_PAGES = 24
PageKey = tuple[str, int, float]


def render_page(doc: object, page: int, zoom: float) -> QImage:
    """Render one page of an open ``pymupdf.Document`` at ``zoom`` (1.0 = 72 dpi)."""
    import pymupdf

    assert isinstance(doc, pymupdf.Document)
    pix = doc[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
    image = QImage(pix.samples, pix.width, pix.height, pix.stride, QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: pix.samples dies with pix


class PdfWorker(QObject):
    """Owns the open documents; runs only on the renderer's thread."""

    opened = Signal(str, list)  # path, [(width, height) in points]
    failed = Signal(str, str)  # path, message
    rendered = Signal(str, int, float, QImage)

    def __init__(self) -> None:
        super().__init__()
        self._docs: OrderedDict[str, object] = OrderedDict()
        self.wanted: set[PageKey] = set()
        self.lock = threading.Lock()

    def _doc(self, path: str) -> object:
        import pymupdf

        doc = self._docs.get(path)
        if doc is None:
            doc = pymupdf.open(path)
            self._docs[path] = doc
            while len(self._docs) > 4:
                _, old = self._docs.popitem(last=False)
                old.close()  # type: ignore[attr-defined]
        self._docs.move_to_end(path)
        return doc

    @Slot(str)
    def open_document(self, path: str) -> None:
        try:
            doc = self._doc(path)
            sizes = [(p.rect.width, p.rect.height) for p in doc]  # type: ignore[attr-defined]
        except Exception as exc:  # PyMuPDF raises its own types for broken files
            log.warning("cannot open %s: %s", path, exc)
            self.failed.emit(path, str(exc))
            return
        self.opened.emit(path, sizes)

    @Slot(str, int, float)
    def render(self, path: str, page: int, zoom: float) -> None:
        key = (path, page, zoom)
        with self.lock:
            if key not in self.wanted:
                return
            self.wanted.discard(key)
        try:
            image = render_page(self._doc(path), page, zoom)
        except Exception as exc:
            log.warning("cannot render %s page %d: %s", path, page + 1, exc)
            self.failed.emit(path, str(exc))
            return
        self.rendered.emit(path, page, zoom, image)

    @Slot()
    def close_all(self) -> None:
        for doc in self._docs.values():
            doc.close()  # type: ignore[attr-defined]
        self._docs.clear()


class PdfRenderer(QObject):
    """GUI-side facade: page sizes, cached images, and asynchronous requests."""

    document_ready = Signal(str)
    document_failed = Signal(str, str)
    page_ready = Signal(str, int)

    _open = Signal(str)
    _render = Signal(str, int, float)
    _close = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pdf_thread = QThread()
        self.pdf_thread.setObjectName("pdf-thread")
        self.worker = PdfWorker()
        self.worker.moveToThread(self.pdf_thread)
        self._open.connect(self.worker.open_document)
        self._render.connect(self.worker.render)
        self._close.connect(self.worker.close_all)
        self.worker.opened.connect(self._on_opened)
        self.worker.failed.connect(self.document_failed)
        self.worker.rendered.connect(self._on_rendered)
        self._sizes: dict[str, list[QSizeF]] = {}
        self._requested: set[str] = set()
        self._cache: OrderedDict[PageKey, QImage] = OrderedDict()
        self.pdf_thread.start()

    def shutdown(self) -> None:
        """Close documents and stop the thread (call before the application exits)."""
        if self.pdf_thread.isRunning():
            self._close.emit()
            self.pdf_thread.quit()
            self.pdf_thread.wait(5000)

    def page_sizes(self, path: str) -> list[QSizeF] | None:
        """Sizes in points, or None while the document is still being opened."""
        sizes = self._sizes.get(path)
        if sizes is None and path not in self._requested:
            self._requested.add(path)
            self._open.emit(path)
        return sizes

    def image(self, path: str, page: int, zoom: float) -> QImage | None:
        key = (path, page, round(zoom, 3))
        image = self._cache.get(key)
        if image is not None:
            self._cache.move_to_end(key)
            return image
        with self.worker.lock:
            fresh = key not in self.worker.wanted
            self.worker.wanted.add(key)
        if fresh:
            self._render.emit(*key)
        return None

    def cached_any_zoom(self, path: str, page: int) -> QImage | None:
        """Some rendering of the page at any zoom, to show scaled while the sharp one comes."""
        for (p, n, _), image in reversed(self._cache.items()):
            if p == path and n == page:
                return image
        return None

    def keep_only(self, keys: set[PageKey]) -> None:
        """Drop queued renderings other than ``keys`` (pages scrolled out of view)."""
        with self.worker.lock:
            self.worker.wanted &= keys

    def forget_requests(self) -> None:
        """Drop queued renderings nobody waits for any more (after a jump or zoom)."""
        with self.worker.lock:
            self.worker.wanted.clear()

    def _on_opened(self, path: str, sizes: list[tuple[float, float]]) -> None:
        self._sizes[path] = [QSizeF(w, h) for w, h in sizes]
        self.document_ready.emit(path)

    def _on_rendered(self, path: str, page: int, zoom: float, image: QImage) -> None:
        self._cache[(path, page, zoom)] = image
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        self.page_ready.emit(path, page)
