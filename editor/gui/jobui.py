"""Running a background job from the window: one progress dialog, one ending.

Export and re-alignment (and any later job on the worker thread) share this: a
progress dialog with Cancel, the window's ``files.job`` set while it runs, the keys
given back to the link view at the end, and one answer for a job that did not finish:
Cancel is a status-bar message, an expected problem a message box with details, a
feature missing from this build a status-bar message, and anything else goes on to
the crash handler.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog

from editor.core.errors import BitextError
from editor.gui.workers import Cancelled, Job, JobThread

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


@dataclass(frozen=True, slots=True)
class JobTexts:
    """What the user reads about one kind of job (already translated)."""

    label: str  # in the progress dialog
    title: str  # of the progress dialog
    problem: str  # title of the message box for an expected failure
    cancelled: str  # status bar, after Cancel
    unavailable: str = ""  # status bar, when this build lacks the feature ("" = crash)


def run_job(window: MainWindow, job: Job, texts: JobTexts, on_done: Callable[[Any], None],
            thread: JobThread, modal: bool = False,
            expected: tuple[type[BaseException], ...] = (BitextError,)) -> QProgressDialog:
    """Start ``job`` on ``thread`` with a progress dialog; ``on_done(result)`` runs on
    the GUI thread after the dialog is gone; failures are answered by :func:`report`."""
    # Qt's own word for Cancel, translated by the qtbase catalogue already loaded
    cancel = QCoreApplication.translate("QPlatformTheme", "Cancel")
    dialog = QProgressDialog(texts.label, cancel, 0, 1000, window)
    dialog.setObjectName(f"{job.objectName()}_progress")
    dialog.setWindowTitle(texts.title)
    dialog.setMinimumDuration(400)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if modal
                             else Qt.WindowModality.NonModal)
    dialog.canceled.connect(job.cancel)
    job.progress.connect(lambda _text, fraction: dialog.setValue(int(fraction * 1000)))
    def finished(result: object) -> None:
        end(window, dialog)
        on_done(result)

    def failed(exc: object) -> None:
        end(window, dialog)
        report(window, exc, texts, expected)

    job.finished.connect(finished)
    job.failed.connect(failed)
    window.files.job = job
    job.start_on(thread)
    return dialog


def end(window: MainWindow, dialog: QProgressDialog) -> None:
    """Close the progress dialog and hand the keys back to the links."""
    dialog.reset()
    dialog.deleteLater()
    window.files.job = None
    window.activateWindow()
    window.view.setFocus()


def report(window: MainWindow, exc: object, texts: JobTexts,
           expected: tuple[type[BaseException], ...] = (BitextError,)) -> None:
    """The one answer to a job that did not finish (see the module docstring)."""
    from editor.gui.dialogs import show_problem

    if isinstance(exc, Cancelled):
        window.say(texts.cancelled)
    elif texts.unavailable and isinstance(exc, NotImplementedError | ImportError):
        window.say(texts.unavailable)
    elif isinstance(exc, expected):
        show_problem(window, texts.problem, exc)
    else:
        raise exc  # type: ignore[misc]  # unexpected: the crash handler takes it
