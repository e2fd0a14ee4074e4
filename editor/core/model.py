"""The bitext model: sources, sentences with provenance, and the ordered links between them.

Values are frozen dataclasses; a :class:`Bitext` holds them in a dict (sentences by id)
and a list (links in order). The only way the model changes is
:func:`editor.core.edits.apply`, which replaces a run of links and a few sentences and
returns the inverse change, so an edit never copies the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, make_dataclass
from typing import Any, Literal

from editor.core.errors import InvariantError

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, Lang] = ("zh", "en")
Status = Literal["auto", "confirmed"]
STATUSES: tuple[Status, Status] = ("auto", "confirmed")
RectTuple = tuple[float, float, float, float]
OrderKey = tuple[int, ...]


def other_lang(lang: Lang) -> Lang:
    return "en" if lang == "zh" else "zh"


@dataclass(frozen=True, slots=True)
class Source:
    """An input document, identified so a project can find and verify it later."""

    id: str
    path: str
    sha256: str = ""
    kind: str = ""  # pdf, txt, docx, html, md, tmx, tsv, xlsx …
    languages: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True, init=False)
class Provenance:
    """Where a sentence sits in its source: page and one rectangle per line it spans.

    Rectangles are PDF coordinates (points, origin top-left as PyMuPDF reports them).
    """

    source: str | None = None
    page: int | None = None
    rects: tuple[RectTuple, ...] = ()
    paragraph: int | None = None

    def __init__(self, source: str | None = None, page: int | None = None,
                 rects: tuple[RectTuple, ...] = (), paragraph: int | None = None) -> None:
        _set_provenance(self, source, page, rects, paragraph)


@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    """One sentence of one language.

    ``order`` places the sentence in its language's document order; a split gives the
    second half a longer key that sorts right after the first, so keys never need
    renumbering. ``original`` is the extracted text, kept when the user edits ``text``.
    """

    id: str
    lang: Lang
    text: str
    original: str
    order: OrderKey
    provenance: Provenance | None = None
    flags: frozenset[str] = frozenset()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, id: str, lang: Lang, text: str, original: str, order: OrderKey,
                 provenance: Provenance | None = None, flags: frozenset[str] = frozenset(),
                 extra: Mapping[str, Any] | None = None) -> None:
        _set_sentence(self, id, lang, text, original, order, provenance, flags,
                      {} if extra is None else extra)

    @property
    def edited(self) -> bool:
        return self.text != self.original


@dataclass(frozen=True, slots=True, init=False)
class Link:
    """Chinese and English sentence ids joined as one translation unit (a bead)."""

    zh: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    status: Status = "auto"
    confidence: float | None = None
    note: str = ""
    flags: frozenset[str] = frozenset()
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, zh: tuple[str, ...] = (), en: tuple[str, ...] = (),
                 status: Status = "auto", confidence: float | None = None, note: str = "",
                 flags: frozenset[str] = frozenset(),
                 extra: Mapping[str, Any] | None = None) -> None:
        _set_link(self, zh, en, status, confidence, note, flags, {} if extra is None else extra)

    def side(self, lang: Lang) -> tuple[str, ...]:
        return self.zh if lang == "zh" else self.en

    def with_side(self, lang: Lang, ids: tuple[str, ...]) -> Link:
        from dataclasses import replace

        return replace(self, zh=ids) if lang == "zh" else replace(self, en=ids)

    @property
    def shape(self) -> str:
        """``"2-1"`` for two Chinese sentences joined to one English sentence."""
        return f"{len(self.zh)}-{len(self.en)}"

    @property
    def is_empty(self) -> bool:
        return not self.zh and not self.en


def _slot_setter(cls: type, names: str) -> Any:
    """Set the named slots of a frozen instance directly (used only by ``__init__``).

    A frozen dataclass's generated ``__init__`` goes through ``object.__setattr__`` per
    field, which makes loading 100,000 sentences several times slower than this.
    """
    setters = [cls.__dict__[name].__set__ for name in names.split()]
    if len(setters) == 4:
        a, b, c, d = setters

        def set4(obj: Any, v1: Any, v2: Any, v3: Any, v4: Any) -> None:
            a(obj, v1), b(obj, v2), c(obj, v3), d(obj, v4)
        return set4
    if len(setters) == 7:
        a, b, c, d, e, f, g = setters

        def set7(obj: Any, v1: Any, v2: Any, v3: Any, v4: Any, v5: Any, v6: Any,
                 v7: Any) -> None:
            a(obj, v1), b(obj, v2), c(obj, v3), d(obj, v4), e(obj, v5), f(obj, v6), g(obj, v7)
        return set7
    a, b, c, d, e, f, g, h = setters

    def set8(obj: Any, v1: Any, v2: Any, v3: Any, v4: Any, v5: Any, v6: Any, v7: Any,
             v8: Any) -> None:
        a(obj, v1), b(obj, v2), c(obj, v3), d(obj, v4), e(obj, v5), f(obj, v6), g(obj, v7)
        h(obj, v8)
    return set8


_set_provenance = _slot_setter(Provenance, "source page rects paragraph")
_set_sentence = _slot_setter(Sentence, "id lang text original order provenance flags extra")
_set_link = _slot_setter(Link, "zh en status confidence note flags extra")


# -- bulk construction (loading a project) -----------------------------------------------
# A frozen class cannot use plain attribute stores in ``__init__``; a twin class with the
# same slots can, and an instance of it may then become a frozen one by assigning
# ``__class__`` (allowed between classes of identical layout). For the hundreds of
# thousands of values a project load builds, this halves the construction time. The
# twins are private: nothing else ever sees an instance of them.
def _twin(cls: type) -> Any:
    """A plain (unfrozen) slots class with ``cls``'s fields in the same order."""
    twin = make_dataclass(f"_{cls.__name__}Twin", [(f.name, f.type) for f in fields(cls)],
                          slots=True, eq=False, repr=False, match_args=False)
    if twin.__slots__ != cls.__slots__:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: the twin's layout differs")
    return twin


_ProvenanceTwin = _twin(Provenance)
_SentenceTwin = _twin(Sentence)
_LinkTwin = _twin(Link)


def new_provenance(source: str | None, page: int | None, rects: tuple[RectTuple, ...],
                   paragraph: int | None) -> Provenance:
    """``Provenance(...)`` for bulk construction: all arguments, no defaults."""
    obj: Any = _ProvenanceTwin(source, page, rects, paragraph)
    obj.__class__ = Provenance
    return obj


def new_sentence(id: str, lang: Lang, text: str, original: str, order: OrderKey,
                 provenance: Provenance | None, flags: frozenset[str],
                 extra: Mapping[str, Any]) -> Sentence:
    """``Sentence(...)`` for bulk construction: all arguments, no defaults."""
    obj: Any = _SentenceTwin(id, lang, text, original, order, provenance, flags, extra)
    obj.__class__ = Sentence
    return obj


def new_link(zh: tuple[str, ...], en: tuple[str, ...], status: Status,
             confidence: float | None, note: str, flags: frozenset[str],
             extra: Mapping[str, Any]) -> Link:
    """``Link(...)`` for bulk construction: all arguments, no defaults."""
    obj: Any = _LinkTwin(zh, en, status, confidence, note, flags, extra)
    obj.__class__ = Link
    return obj


@dataclass(slots=True)
class Bitext:
    """Sources, sentences by id, and the ordered links.

    Invariants (checked by :meth:`check`): every sentence is in exactly one link; within
    each language the sentences appear in document order; no link is empty on both
    sides; every link's ids name sentences of the right language.
    """

    sources: list[Source] = field(default_factory=list)
    sentences: dict[str, Sentence] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)

    # -- reading -------------------------------------------------------------------
    def texts(self, link: Link, lang: Lang) -> list[str]:
        return [self.sentences[sid].text for sid in link.side(lang)]

    def sentence_ids(self, lang: Lang) -> Iterator[str]:
        """Sentence ids of one language in link (= document) order."""
        for link in self.links:
            yield from link.side(lang)

    def ordered_sentences(self, lang: Lang) -> list[Sentence]:
        return [self.sentences[sid] for sid in self.sentence_ids(lang)]

    def source(self, source_id: str | None) -> Source | None:
        for src in self.sources:
            if src.id == source_id:
                return src
        return None

    def snapshot(self, *, order_keys: bool = False) -> tuple[Any, ...]:
        """A value that compares equal exactly when two bitexts hold the same document.

        Order keys are left out unless asked for: the links already fix the order, and a
        saved project renumbers the keys (see ``PROJECT_FORMAT.md``).
        """
        from dataclasses import replace

        items = sorted(self.sentences.items())
        if not order_keys:
            items = [(sid, replace(s, order=())) for sid, s in items]
        return (tuple(self.sources), tuple(items), tuple(self.links))

    # -- building ------------------------------------------------------------------
    @classmethod
    def from_beads(
        cls,
        zh: Sequence[Sentence],
        en: Sequence[Sentence],
        beads: Iterable[tuple[Sequence[int], Sequence[int]]],
        sources: Sequence[Source] = (),
        confidences: Sequence[float | None] | None = None,
    ) -> Bitext:
        """Build from sentences in document order and beads of zero-based positions."""
        links = []
        for k, (zi, ei) in enumerate(beads):
            conf = confidences[k] if confidences is not None else None
            links.append(
                Link(zh=tuple(zh[i].id for i in zi), en=tuple(en[i].id for i in ei),
                     confidence=conf)
            )
        bt = cls(sources=list(sources), sentences={s.id: s for s in (*zh, *en)}, links=links)
        bt.check()
        return bt

    # -- invariants ----------------------------------------------------------------
    def check(self) -> None:
        """Raise :class:`InvariantError` naming the first broken invariant."""
        seen: set[str] = set()
        last: dict[str, OrderKey | None] = {"zh": None, "en": None}
        for index, link in enumerate(self.links):
            if link.is_empty:
                raise InvariantError(f"link {index + 1} is empty on both sides")
            if link.status not in STATUSES:
                raise InvariantError(f"link {index + 1} has unknown status {link.status!r}")
            if link.confidence is not None and not 0.0 <= link.confidence <= 1.0:
                raise InvariantError(f"link {index + 1} has confidence outside [0, 1]")
            for lang in LANGS:
                for sid in link.side(lang):
                    self._check_member(index, lang, sid, seen, last)
        missing = self.sentences.keys() - seen
        if missing:
            raise InvariantError(f"sentence {sorted(missing)[0]} is in no link")

    def _check_member(self, index: int, lang: Lang, sid: str, seen: set[str],
                      last: dict[str, OrderKey | None]) -> None:
        sentence = self.sentences.get(sid)
        if sentence is None:
            raise InvariantError(f"link {index + 1} names unknown sentence {sid}")
        if sentence.lang != lang:
            raise InvariantError(f"sentence {sid} is {sentence.lang} but on the {lang} side")
        if sid in seen:
            raise InvariantError(f"sentence {sid} is in more than one link")
        seen.add(sid)
        previous = last[lang]
        if previous is not None and not previous < sentence.order:
            raise InvariantError(f"sentence {sid} is out of document order (link {index + 1})")
        last[lang] = sentence.order


def make_sentences(lang: Lang, texts: Iterable[str], *, prefix: str | None = None,
                   provenances: Iterable[Provenance | None] | None = None) -> list[Sentence]:
    """Fresh sentences numbered in document order (ids ``z0, z1 …`` / ``e0, e1 …``)."""
    tag = prefix if prefix is not None else lang[0]
    provs = list(provenances) if provenances is not None else None
    return [
        Sentence(id=f"{tag}{i}", lang=lang, text=t, original=t, order=(i,),
                 provenance=provs[i] if provs is not None else None)
        for i, t in enumerate(texts)
    ]
