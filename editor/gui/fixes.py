"""Handlers of the alignment, wording and review actions.

Each handler reads where the user is (link row, side, sentence), plans one core
operation and pushes it through the :class:`~editor.gui.commands.EditSession`; a
refused request (e.g. merging the last link) becomes a status-bar message.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor.core import ops
from editor.core.edits import Edit
from editor.core.model import Bitext, Lang, Status, other_lang
from editor.gui.commands import Planner
from editor.gui.delegates import SentenceEditor
from editor.gui.filters import is_doubtful
from editor.gui.notedialog import ask_note

if TYPE_CHECKING:
    from editor.gui.mainwindow import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("Fixes", text)


def runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows grouped into [start, stop) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if out and out[-1][1] == row:
            out[-1] = (out[-1][0], row + 1)
        else:
            out.append((row, row + 1))
    return out


class Fixes:
    def __init__(self, window: MainWindow) -> None:
        self.w = window

    # -- shorthands ---------------------------------------------------------------------
    @property
    def bitext(self) -> Bitext:
        return self.w.session.bitext

    def _here(self) -> tuple[int, Lang, int] | None:
        self.w.finish_editing()
        return self.w.focus

    def _do(self, planner: Planner, rows: tuple[int, ...] = ()) -> bool:
        return self.w.session.perform(planner, rows)

    # -- alignment ----------------------------------------------------------------------
    def merge(self) -> None:
        if (here := self._here()) is not None:
            self._do(lambda bt: ops.merge_with_next(bt, here[0]))

    def split_link(self) -> None:
        """Split after the focused sentence; the other side is cut in proportion."""
        if (here := self._here()) is None:
            return
        row, lang, k = here
        link = self.bitext.links[row]
        mine, theirs = len(link.side(lang)), len(link.side(other_lang(lang)))
        at = k + 1 if k + 1 < mine else max(1, mine - 1)
        # half up, not Python's half-to-even: splitting a 1-2 link after its first
        # sentence keeps the lone counterpart with the first part, as read
        other_at = int(theirs * at / mine + 0.5) if mine else 0
        zh_at, en_at = (at, other_at) if lang == "zh" else (other_at, at)
        self._do(lambda bt: ops.split_link(bt, row, zh_at, en_at))

    def shift_up(self) -> None:
        if (here := self._here()) is not None:
            self._do(lambda bt: ops.shift_up(bt, here[0], here[1]))

    def shift_down(self) -> None:
        if (here := self._here()) is not None:
            self._do(lambda bt: ops.shift_down(bt, here[0], here[1]))

    def insert_empty(self) -> None:
        if (here := self._here()) is not None:
            self._do(lambda bt: ops.insert_empty(bt, here[0], here[1]))

    def delete_empty(self) -> None:
        if (here := self._here()) is not None:
            self._do(lambda bt: ops.delete_empty(bt, here[0]))

    def split_sentence(self) -> None:
        """Split at the text cursor of the open editor (opens one when none is open)."""
        editor = self.w.open_editor()
        if editor is None:
            if self.w.focus is not None:
                self.w.start_editing()
                self.w.say(_tr("Put the cursor where the sentence should split, "
                               "then press Split Sentence again."))
            return
        assert isinstance(editor, SentenceEditor)
        k, offset = editor.cursor_place()
        self.w.finish_editing()
        if self.w.focus is None:
            return
        row, lang, _ = self.w.focus
        self._do(lambda bt: ops.split_sentence(bt, row, lang, k, offset), (row,))

    def join_sentence(self) -> None:
        if (here := self._here()) is not None:
            row, lang, k = here
            self._do(lambda bt: ops.join_sentences(bt, row, lang, k), (row,))

    def swap(self) -> None:
        """Swap the focused side's text with the next link's (both single sentences)."""
        if (here := self._here()) is None:
            return
        row, lang, _ = here
        links = self.bitext.links
        if row + 1 >= len(links) or len(links[row].side(lang)) != 1 or len(
                links[row + 1].side(lang)) != 1:
            self.w.say(_tr("Swap needs one sentence on this side here and in the next link."))
            return
        a, b = links[row].side(lang)[0], links[row + 1].side(lang)[0]
        ta, tb = self.bitext.sentences[a].text, self.bitext.sentences[b].text
        self.w.session.perform_all("Swap", [
            (partial(ops.edit_text, sid=a, text=tb), (row,)),
            (partial(ops.edit_text, sid=b, text=ta), (row + 1,)),
        ])

    # -- wording ------------------------------------------------------------------------
    def commit_text(self, row: int, lang: Lang, lines: list[str]) -> None:
        """The editor closed with ``lines`` (one per sentence) for link ``row``'s side."""
        ids = self.bitext.links[row].side(lang)
        if len(lines) != len(ids):
            self.w.say(_tr("Keep one line per sentence: use Split Sentence or Join "
                           "Sentence to change how many there are."))
            return
        steps: list[tuple[Planner, tuple[int, ...]]] = [
            (partial(ops.edit_text, sid=sid, text=text.strip()), (row,))
            for sid, text in zip(ids, lines, strict=True)
            if text.strip() != self.bitext.sentences[sid].text
        ]
        self.w.session.perform_all("Edit text", steps)

    def restore_original(self) -> None:
        if (here := self._here()) is None:
            return
        row, lang, k = here
        ids = self.bitext.links[row].side(lang)
        if k < len(ids):
            self._do(lambda bt: ops.restore_original(bt, ids[k]), (row,))

    # -- review -------------------------------------------------------------------------
    def confirm_next(self) -> None:
        """Confirm the selected links, then go to the next unconfirmed one."""
        self.w.finish_editing()
        rows = self.w.selected_rows()
        if not rows:
            return
        steps: list[tuple[Planner, tuple[int, ...]]] = [
            (partial(_set_status, start=a, stop=b, status="confirmed"), ())
            for a, b in runs(rows)
            if any(link.status != "confirmed" for link in self.bitext.links[a:b])
        ]
        self.w.session.perform_all("Confirm", steps)
        target = self._find(max(rows) + 1, lambda i: self.bitext.links[i].status != "confirmed")
        if target is None:
            self.w.say(_tr("Every link is confirmed."))
        else:
            self.w.select_row(target)

    def unconfirm(self) -> None:
        self.w.finish_editing()
        steps: list[tuple[Planner, tuple[int, ...]]] = [
            (partial(_set_status, start=a, stop=b, status="auto"), ())
            for a, b in runs(self.w.selected_rows())
            if any(link.status == "confirmed" for link in self.bitext.links[a:b])
        ]
        self.w.session.perform_all("Unconfirm", steps)

    def _find(self, start: int, wanted: object, backwards: bool = False) -> int | None:
        """First row from ``start`` (wrapping) for which ``wanted(row)`` holds."""
        n = len(self.bitext.links)
        step = -1 if backwards else 1
        for r in range(n):
            row = (start + step * r) % n
            if wanted(row):  # type: ignore[operator]
                return row
        return None

    def _doubtful(self, row: int) -> bool:
        return is_doubtful(self.bitext.links[row], self.w.threshold())

    def next_doubtful(self) -> None:
        self._go(self._current_row() + 1, self._doubtful, _tr("No doubtful link is left."))

    def previous_doubtful(self) -> None:
        self._go(self._current_row() - 1, self._doubtful, _tr("No doubtful link is left."),
                 backwards=True)

    def lowest_confidence(self) -> None:
        candidates = [(link.confidence if link.confidence is not None else -1.0, i)
                      for i, link in enumerate(self.bitext.links) if link.status != "confirmed"]
        if candidates:
            self.w.select_row(min(candidates)[1])
        else:
            self.w.say(_tr("Every link is confirmed."))

    def bookmark(self) -> None:
        if (here := self._here()) is not None:
            on = "bookmark" not in self.bitext.links[here[0]].flags
            self._do(lambda bt: ops.set_flag(bt, here[0], "bookmark", on))

    def next_bookmark(self, backwards: bool = False) -> None:
        start = self._current_row() + (-1 if backwards else 1)
        self._go(start, lambda i: "bookmark" in self.bitext.links[i].flags,
                 _tr("There are no bookmarks."), backwards=backwards)

    def note(self) -> None:
        if (here := self._here()) is None:
            return
        row = here[0]
        text, ok = ask_note(self.w, _tr("Note"), _tr("Note on link {n}:").format(n=row + 1),
                            self.bitext.links[row].note)
        if ok:
            self._do(lambda bt: ops.set_note(bt, row, text))

    def _current_row(self) -> int:
        return self.w.focus[0] if self.w.focus is not None else -1

    def _go(self, start: int, wanted: object, none_left: str, backwards: bool = False) -> None:
        if not self.bitext.links:
            return
        row = self._find(start, wanted, backwards)
        if row is None:
            self.w.say(none_left)
        else:
            self.w.select_row(row)


def _set_status(bt: Bitext, start: int, stop: int, status: Status) -> Edit:
    return ops.set_status(bt, start, stop, status)
