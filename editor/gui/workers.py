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

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)

ProgressFn = Callable[..., None]
JobFn = Callable[[ProgressFn, Callable[[], bool]], Any]


class Cancelled(Exception):
    """Raised inside a job's progress callback once the user pressed Cancel."""


class Job(QObject):
    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(object)
    _start = Signal()

    def __init__(self, fn: JobFn, name: str = "job") -> None:
        super().__init__()
        self.setObjectName(name)
        self._fn = fn
        self._cancel = threading.Event()
        self._start.connect(self._run)

    def start_on(self, thread: QThread) -> None:
        self.moveToThread(thread)
        self._start.emit()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _report(self, *args: Any) -> None:
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
    def _run(self) -> None:
        try:
            result = self._fn(self._report, self.cancelled)
        except Exception as exc:  # handed to the GUI, which decides how to show it
            if not self._cancel.is_set():
                log.info("job %s failed: %s", self.objectName(), exc, exc_info=True)
            self.failed.emit(Cancelled() if self._cancel.is_set() else exc)
            return
        if self._cancel.is_set():
            self.failed.emit(Cancelled())
        else:
            self.finished.emit(result)


class JobThread(QThread):
    """A named worker thread that is stopped cleanly at exit."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)

    def stop(self) -> None:
        self.quit()
        self.wait(10_000)
