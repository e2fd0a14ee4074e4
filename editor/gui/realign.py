"""Background re-alignment of the selection, or of everything after the current link.

The job gets an immutable snapshot (a sub-bitext of the range: frozen links and
sentences); the core's ``realign`` keeps confirmed links in place. The resulting edit
is pushed as one undo command only if the range is unchanged meanwhile (``apply``
refuses otherwise and the user is told).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.model import Bitext
from editor.gui.jobui import JobTexts, run_job
from editor.gui.workers import Job, worker_thread

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Realign", text)


def snapshot(bt: Bitext, start: int, stop: int) -> Bitext:
    """Links ``start:stop`` with just their sentences (values are frozen: no deep copy)."""
    links = list(bt.links[start:stop])
    ids = [sid for link in links for sid in (*link.zh, *link.en)]
    return Bitext(list(bt.sources), {sid: bt.sentences[sid] for sid in ids}, links)


def realign_range(part: Bitext, start: int, progress: Any, cancel: Any) -> Edit:
    """Re-align all of ``part`` (a snapshot) and shift the edit to the real position."""
    from editor.core.align import realign

    edit = realign(part, 0, len(part.links), progress=progress, cancel=cancel)
    return replace(edit, start=edit.start + start)


def start_realign(window: MainWindow, rest: bool) -> None:
    window.finish_editing()
    rows = window.selected_rows()
    links = len(window.session.bitext.links)
    if not rows or not links:
        return
    start, stop = (rows[-1] + 1, links) if rest else (rows[0], rows[-1] + 1)
    if stop - start < 2:
        window.say(_tr("Select at least two links to re-align.") if not rest
                   else _tr("There is nothing after this link to re-align."))
        return
    part = snapshot(window.session.bitext, start, stop)
    job = Job(lambda progress, cancel: realign_range(part, start, progress, cancel), "realign")
    texts = JobTexts(label=_tr("Re-aligning links {a}–{b}…").format(a=start + 1, b=stop),
                     title=_tr("Re-align"), problem=_tr("Cannot re-align"),
                     cancelled=_tr("Re-alignment cancelled."),
                     unavailable=_tr("Re-alignment is not available in this build."))
    run_job(window, job, texts, lambda edit: _done(window, edit), worker_thread(), modal=True)


def _done(window: MainWindow, edit: Edit) -> None:
    if not edit.old_links and not edit.new_links:
        window.say(_tr("Re-alignment changed nothing."))
        return
    window.session.perform(lambda bt: _unchanged(bt, edit))


def _unchanged(bt: Bitext, edit: Edit) -> Edit:
    """The edit, if the links it replaces are still as the job saw them."""
    if tuple(bt.links[edit.start:edit.stop]) != edit.old_links:
        raise OperationError(_tr("The links changed during re-alignment; run it again."))
    return edit
