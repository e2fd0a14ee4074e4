"""Which links the view shows: a filter proxy whose criteria combine with AND.

Criteria read the link and its sentences straight from the bitext, so they stay right
after edits without any index of their own; with no criterion active every row passes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from editor.core.model import Bitext, Link
from editor.gui.linkmodel import LinkTableModel
from editor.gui.search import SearchSpec

FILTERS: tuple[str, ...] = ("unconfirmed", "low", "edited", "empty", "notes", "search",
                            "bookmarks")


@dataclass(slots=True)
class FilterState:
    active: set[str] = field(default_factory=set)
    threshold: float = 0.5
    search: SearchSpec | None = None


def is_doubtful(link: Link, threshold: float) -> bool:
    """Unconfirmed and below the threshold (an unknown confidence counts as doubtful)."""
    if link.status == "confirmed":
        return False
    return link.confidence is None or link.confidence < threshold


def passes(bitext: Bitext, link: Link, name: str, state: FilterState) -> bool:
    if name == "unconfirmed":
        return link.status != "confirmed"
    if name == "low":
        return is_doubtful(link, state.threshold)
    if name == "edited":
        return any(bitext.sentences[s].edited for s in (*link.zh, *link.en))
    if name == "empty":
        return not link.zh or not link.en
    if name == "notes":
        return bool(link.note)
    if name == "bookmarks":
        return "bookmark" in link.flags
    if name == "search":
        return state.search is None or state.search.matches_link(bitext, link)
    raise ValueError(f"unknown filter {name!r}")


class LinkFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = FilterState()
        self.setDynamicSortFilter(True)

    def link_model(self) -> LinkTableModel:
        model = self.sourceModel()
        assert isinstance(model, LinkTableModel)
        return model

    def set_state(self, active: set[str], threshold: float,
                  search: SearchSpec | None) -> None:
        self.beginFilterChange()
        self.state = FilterState(set(active), threshold, search)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.state.active:
            return True
        model = self.link_model()
        bitext = model.bitext
        link = bitext.links[source_row]
        return all(passes(bitext, link, name, self.state) for name in self.state.active)
