"""The one primitive change to a bitext, and applying it.

Every operation in :mod:`editor.core.ops` is a pure function of the current state that
returns an :class:`Edit`: "replace the links ``old_links`` found at ``start`` by
``new_links``, and these sentences by those". Applying an edit costs time in the size of
the edit (plus one ``memmove`` of the link list), never a copy of the document, and
returns the exact inverse edit. Undo is therefore the same code as redo.
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.core.errors import OperationError
from editor.core.model import Bitext, Link, Sentence


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``old_links`` at ``start`` by ``new_links``; swap sentences likewise.

    ``old_sentences`` are the sentences as they are before the edit (removed or
    replaced); ``new_sentences`` as they are after (added or replacing, matched by id).
    """

    label: str
    start: int
    old_links: tuple[Link, ...] = ()
    new_links: tuple[Link, ...] = ()
    old_sentences: tuple[Sentence, ...] = ()
    new_sentences: tuple[Sentence, ...] = ()

    def inverse(self) -> Edit:
        return Edit(self.label, self.start, self.new_links, self.old_links,
                    self.new_sentences, self.old_sentences)

    @property
    def stop(self) -> int:
        """End (exclusive) of the replaced range before the edit."""
        return self.start + len(self.old_links)

    @property
    def changes_alignment(self) -> bool:
        """True when links are added, removed or regrouped (not only their fields)."""
        if len(self.old_links) != len(self.new_links):
            return True
        return any((a.zh, a.en) != (b.zh, b.en)
                   for a, b in zip(self.old_links, self.new_links, strict=True))


def check_applicable(bitext: Bitext, edit: Edit) -> None:
    """Raise :class:`OperationError` unless ``edit`` applies to ``bitext`` as planned."""
    links = bitext.links
    if not 0 <= edit.start <= len(links) or edit.stop > len(links):
        raise OperationError(f"{edit.label}: link range {edit.start + 1}–{edit.stop} is gone")
    current = links[edit.start:edit.stop]
    if any(a is not b and a != b for a, b in zip(current, edit.old_links, strict=True)):
        raise OperationError(f"{edit.label}: the links have changed since it was planned")
    for old in edit.old_sentences:
        if bitext.sentences.get(old.id) != old:
            raise OperationError(f"{edit.label}: sentence {old.id} has changed")


def apply(bitext: Bitext, edit: Edit) -> Edit:
    """Apply ``edit`` to ``bitext`` in place and return its inverse.

    Raises :class:`OperationError` (leaving the bitext unchanged) when the edit was
    planned against a different state.
    """
    check_applicable(bitext, edit)
    sentences = bitext.sentences
    for old in edit.old_sentences:
        del sentences[old.id]
    for new in edit.new_sentences:
        sentences[new.id] = new
    bitext.links[edit.start:edit.stop] = edit.new_links
    return edit.inverse()
