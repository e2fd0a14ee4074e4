"""Long jobs off the GUI thread: import, alignment, re-alignment, export.

A :class:`Job` wraps a plain function ``fn(progress, cancelled)``; it runs on a thread
the caller picks (imports on the PDF thread, because PyMuPDF must stay on one thread),
reports progress as a signal, and ends with ``finished(result)`` or ``failed(exc)``.
The function gets immutable inputs; the GUI applies the result.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[..., None]
JobFn = Callable[[ProgressFn, Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised inside a job's progress callback once the user pressed Cancel."""


class _Runner(QObject):
    """Lives on the worker thread and calls the job's function there."""

    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(object)
    start = Signal()

    def __init__(self, fn: JobFn, cancel: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = cancel
        self.start.connect(self.run)

    def report(self, *args: Any) -> None:
        """Accept ``(message, fraction)``, ``(fraction,)`` or ``(done, total)``."""
        if self._cancel.is_set():
            raise Cancelled()
        message, fraction = "", 0.0
        for arg in args:
            if isinstance(arg, str):
                message = arg
        numbers = [a for a in args if isinstance(a, int | float) and not isinstance(a, bool)]
        if len(numbers) == 1:
            fraction = float(numbers[0])
        elif len(numbers) >= 2 and numbers[1]:
            fraction = float(numbers[0]) / float(numbers[1])
        self.progress.emit(message, max(0.0, min(1.0, fraction)))

    @Slot()
    def run(self) -> None:
        try:
            result = self._fn(self.report, self._cancel.is_set)
        except Exception as exc:  # handed to the GUI, which decides how to show it
            if not self._cancel.is_set():
                log.info("job %s failed: %s", self.objectName(), exc, exc_info=True)
            self.failed.emit(Cancelled() if self._cancel.is_set() else exc)
            return
        if self._cancel.is_set():
            self.failed.emit(Cancelled())
        else:
            self.finished.emit(result)


class Job(QObject):
    """GUI-thread handle of a job: its signals arrive on the GUI thread.

    The function runs in a :class:`_Runner` moved to the worker thread; the runner's
    signals reach this object's slots through queued connections, so whatever listens
    to :attr:`finished` may touch widgets.
    """

    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: JobFn, name: str = "job") -> None:
        super().__init__()
        self.setObjectName(name)
        self._cancel = threading.Event()
        self._runner = _Runner(fn, self._cancel)
        self._runner.setObjectName(name)
        self._runner.progress.connect(self._on_progress)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(self._on_failed)

    def start_on(self, thread: QThread) -> None:
        _RUNNING.add(self)
        self._runner.moveToThread(thread)
        self._runner.start.emit()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot(str, float)
    def _on_progress(self, message: str, fraction: float) -> None:
        self.progress.emit(message, fraction)

    @Slot(object)
    def _on_finished(self, result: object) -> None:
        self.finished.emit(result)
        self._done()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self.failed.emit(exc)
        self._done()

    def _done(self) -> None:
        """Let go of the job only after this slot has returned: listeners commonly drop
        their reference to it while handling :attr:`finished`, and a QObject freed
        inside its own signal emission crashes the interpreter."""
        self._runner.deleteLater()
        QTimer.singleShot(0, lambda: _RUNNING.discard(self))


_RUNNING: set[Job] = set()  # jobs between start_on and a moment after they end


class JobThread(QThread):
    """A named worker thread that is stopped cleanly at exit."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)

    def stop(self) -> None:
        self.quit()
        self.wait(10_000)


_THREAD: list[JobThread] = []


def worker_thread() -> JobThread:
    """The thread for jobs without PyMuPDF (import, alignment, export), started on
    first use; PyMuPDF stays on the page renderer's thread."""
    if not _THREAD or not _THREAD[0].isRunning():
        _THREAD[:] = [JobThread("align-thread")]
        _THREAD[0].start()
    return _THREAD[0]


def stop_thread() -> None:
    for thread in _THREAD:
        thread.stop()
    _THREAD.clear()
