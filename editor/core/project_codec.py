"""Encode model values as JSON records and decode them back, checking every field's type.

Records keep fields they do not know in ``extra`` so a newer editor's additions survive a
round trip through this one.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, cast

from editor.core.model import (
    STATUSES,
    Link,
    Provenance,
    RectTuple,
    Sentence,
    Source,
    new_link,
    new_provenance,
    new_sentence,
)


class FormatProblem(ValueError):
    """A field of the document is missing or of the wrong type (message says which)."""


_SOURCE_KEYS = ("id", "path", "sha256", "kind", "languages")
#: "order" was written by early version-1 files: accepted and dropped (a sentence's place
#: in the file is its order), so such files take the fast path and lose the stale key.
_SENTENCE_KEYS = ("id", "lang", "text", "original", "source", "page", "rects", "paragraph",
                  "flags", "order")
_LINK_KEYS = ("zh", "en", "status", "confidence", "note", "flags")


# -- encoding ------------------------------------------------------------------------------
def encode_source(src: Source, folder: Path) -> dict[str, Any]:
    path = src.path
    if path and os.path.isabs(path):
        with contextlib.suppress(ValueError):  # another drive on Windows
            path = os.path.relpath(path, folder)
    record = {"id": src.id, "path": Path(path).as_posix() if path else "",
              "sha256": src.sha256, "kind": src.kind, "languages": list(src.languages)}
    record.update(src.extra)
    return record


def encode_sentence(s: Sentence) -> dict[str, Any]:
    """``original`` is written only when it differs from ``text``.

    The order key is not written: sentences are stored in document order, so their
    position is their order (keys are renumbered on load).
    """
    record: dict[str, Any] = {"id": s.id, "lang": s.lang, "text": s.text}
    if s.original != s.text:
        record["original"] = s.original
    prov = s.provenance
    if prov is not None:
        record["source"] = prov.source
        record["page"] = prov.page
        record["rects"] = [[round(v, 2) for v in rect] for rect in prov.rects]
        record["paragraph"] = prov.paragraph
    if s.flags:
        record["flags"] = sorted(s.flags)
    record.update(s.extra)
    return record


def encode_link(link: Link) -> dict[str, Any]:
    record: dict[str, Any] = {"zh": list(link.zh), "en": list(link.en), "status": link.status}
    if link.confidence is not None:
        record["confidence"] = round(link.confidence, 4)
    if link.note:
        record["note"] = link.note
    if link.flags:
        record["flags"] = sorted(link.flags)
    record.update(link.extra)
    return record


# -- decoding ------------------------------------------------------------------------------
def _record(item: Any, what: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise FormatProblem(f"{what} is not an object")
    return item


def _get(rec: dict[str, Any], key: str, kind: type | tuple[type, ...], what: str,
         default: Any = ..., optional: bool = False) -> Any:
    if key not in rec:
        if default is ...:
            raise FormatProblem(f"{what} has no '{key}'")
        return default
    value = rec[key]
    if value is None and optional:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise FormatProblem(f"{what}: '{key}' has the wrong type ({type(value).__name__})")
    return value


def _str_list(rec: dict[str, Any], key: str, what: str) -> tuple[str, ...]:
    value = _get(rec, key, list, what, default=[])
    if not all(isinstance(v, str) for v in value):
        raise FormatProblem(f"{what}: '{key}' must be a list of strings")
    return tuple(value)


def _extra(rec: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in known}


def decode_source(item: Any, n: int) -> Source:
    what = f"source {n + 1}"
    rec = _record(item, what)
    return Source(id=_get(rec, "id", str, what), path=_get(rec, "path", str, what, ""),
                  sha256=_get(rec, "sha256", str, what, ""), kind=_get(rec, "kind", str, what, ""),
                  languages=_str_list(rec, "languages", what), extra=_extra(rec, _SOURCE_KEYS))


_SENTENCE_KEYSET = frozenset(_SENTENCE_KEYS)
_LINK_KEYSET = frozenset(_LINK_KEYS)


def decode_sentences(items: list[Any]) -> dict[str, Sentence]:
    """Sentences by id, in file order; a sentence's order key is its rank in its language.

    The usual, consistent file is decoded in one comprehension over a path with few
    checks; if any record needs more (unknown fields, a wrong type), the whole array is
    decoded again record by record, so an error names the first bad record.
    """
    ranks = {"zh": 0, "en": 0}
    fast = _fast_sentence
    decoded = [fast(item, ranks) for item in items]
    if all(decoded):
        sentences = {s.id: s for s in cast("list[Sentence]", decoded)}
        if len(sentences) == len(decoded):
            return sentences
    return _checked_sentences(items)


def _checked_sentences(items: list[Any]) -> dict[str, Sentence]:
    sentences: dict[str, Sentence] = {}
    ranks = {"zh": 0, "en": 0}
    for n, item in enumerate(items):
        sentence = decode_sentence(item, n, ranks)
        if sentence.id in sentences:
            raise FormatProblem(f"sentence id {sentence.id!r} appears twice")
        sentences[sentence.id] = sentence
    return sentences


def decode_sentence(item: Any, n: int, ranks: dict[str, int]) -> Sentence:
    """Decode the n-th sentence record; its order key is its rank in its language.

    ``ranks`` counts the sentences decoded so far per language. The checked slow path
    runs only to explain a problem.
    """
    sentence = _fast_sentence(item, ranks)
    return sentence if sentence is not None else _checked_sentence(item, n, ranks)


def _fast_sentence(rec: Any, ranks: dict[str, int]) -> Sentence | None:
    """Common case in few checks; ``None`` sends the record to the explaining path."""
    if type(rec) is not dict or not rec.keys() <= _SENTENCE_KEYSET:
        return None
    get = rec.get
    sid, lang, text = get("id"), get("lang"), get("text")
    original = get("original", text)
    if (type(sid) is not str or type(text) is not str or type(original) is not str
            or (lang != "zh" and lang != "en")):
        return None
    flags = get("flags")
    if flags is not None and (type(flags) is not list or set(map(type, flags)) - _STR):
        return None
    provenance = None
    if "page" in rec or "source" in rec or "rects" in rec or "paragraph" in rec:
        provenance = _fast_provenance(get("source"), get("page"), get("rects", ()),
                                      get("paragraph"))
        if provenance is None:
            return None
    rank = ranks[lang]
    ranks[lang] = rank + 1
    return new_sentence(sid, lang, text, original, (rank,), provenance,
                        frozenset(flags) if flags else _NO_FLAGS, _NO_EXTRA)


_NO_FLAGS: frozenset[str] = frozenset()
#: Shared by every record without unknown fields; read-only, so sharing is safe.
_NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


def _fast_provenance(source: Any, page: Any, rects: Any, paragraph: Any) -> Provenance | None:
    if ((source is not None and type(source) is not str)
            or (page is not None and type(page) is not int)
            or (paragraph is not None and type(paragraph) is not int)
            or type(rects) is not list):
        return None
    boxes = _fast_boxes(rects)
    return None if boxes is None else new_provenance(source, page, boxes, paragraph)


def _fast_boxes(rects: list[Any]) -> tuple[RectTuple, ...] | None:
    """Rectangles of four numbers, checked by plain type tests (the cheapest in CPython).

    No finiteness test: orjson refuses NaN, infinities and numbers that overflow.
    """
    boxes = []
    for rect in rects:
        if type(rect) is not list or len(rect) != 4:
            return None
        a, b, c, d = rect
        if type(a) is float and type(b) is float and type(c) is float and type(d) is float:
            boxes.append((a, b, c, d))
        elif (type(a) in _NUMBER_TYPES and type(b) in _NUMBER_TYPES
              and type(c) in _NUMBER_TYPES and type(d) in _NUMBER_TYPES):
            boxes.append((a + 0.0, b + 0.0, c + 0.0, d + 0.0))
        else:
            return None
    return tuple(boxes)
_NUMBER_TYPES = frozenset((int, float))


def _checked_sentence(item: Any, n: int, ranks: dict[str, int]) -> Sentence:
    what = f"sentence {n + 1}"
    rec = _record(item, what)
    lang = _get(rec, "lang", str, what)
    if lang not in ("zh", "en"):
        raise FormatProblem(f"{what}: language {lang!r} is neither 'zh' nor 'en'")
    text = _get(rec, "text", str, what)
    sentence = Sentence(id=_get(rec, "id", str, what), lang=lang, text=text,
                        original=_get(rec, "original", str, what, text),
                        order=(ranks[lang],), provenance=_provenance(rec, what),
                        flags=frozenset(_str_list(rec, "flags", what)),
                        extra=_extra(rec, _SENTENCE_KEYS))
    ranks[lang] += 1
    return sentence


def _provenance(rec: dict[str, Any], what: str) -> Provenance | None:
    if not any(k in rec for k in ("source", "page", "rects", "paragraph")):
        return None
    rects = []
    for rect in _get(rec, "rects", list, what, []):
        if (not isinstance(rect, list) or len(rect) != 4
                or not all(_is_number(v) for v in rect)):
            raise FormatProblem(f"{what}: each rectangle must be four numbers")
        rects.append((float(rect[0]), float(rect[1]), float(rect[2]), float(rect[3])))
    return Provenance(source=_get(rec, "source", str, what, None, optional=True),
                      page=_get(rec, "page", int, what, None, optional=True),
                      rects=tuple(rects),
                      paragraph=_get(rec, "paragraph", int, what, None, optional=True))


def _is_number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def decode_links(items: list[Any]) -> list[Link]:
    """Links in file order: one fast comprehension, or record by record to explain."""
    fast = _fast_link
    links = [fast(item) for item in items]
    if all(links):
        return cast("list[Link]", links)
    return [decode_link(item, n) for n, item in enumerate(items)]


def decode_link(item: Any, n: int) -> Link:
    link = _fast_link(item)
    return link if link is not None else _checked_link(item, n)


def _fast_link(rec: Any) -> Link | None:
    if type(rec) is not dict or not rec.keys() <= _LINK_KEYSET:
        return None
    get = rec.get
    zh, en, status = get("zh", ()), get("en", ()), get("status", "auto")
    conf, note, flags = get("confidence"), get("note", ""), get("flags")
    if (type(zh) is not list or type(en) is not list or status not in STATUSES
            or type(note) is not str or set(map(type, zh)) - _STR or set(map(type, en)) - _STR):
        return None
    if conf is not None and (type(conf) not in _NUMBER_TYPES or not 0 <= conf <= 1):
        return None
    if flags is not None and (type(flags) is not list or set(map(type, flags)) - _STR):
        return None
    return new_link(tuple(zh), tuple(en), status, None if conf is None else float(conf), note,
                    frozenset(flags) if flags else _NO_FLAGS, _NO_EXTRA)


_STR = frozenset((str,))


def _checked_link(item: Any, n: int) -> Link:
    what = f"link {n + 1}"
    rec = _record(item, what)
    status = _get(rec, "status", str, what, "auto")
    if status not in STATUSES:
        raise FormatProblem(f"{what}: unknown status {status!r}")
    confidence = _get(rec, "confidence", (int, float), what, None, optional=True)
    if confidence is not None and (not _is_number(confidence) or not 0 <= confidence <= 1):
        raise FormatProblem(f"{what}: confidence must be a number in [0, 1]")
    return Link(zh=_str_list(rec, "zh", what), en=_str_list(rec, "en", what), status=status,
                confidence=None if confidence is None else float(confidence),
                note=_get(rec, "note", str, what, ""),
                flags=frozenset(_str_list(rec, "flags", what)), extra=_extra(rec, _LINK_KEYS))
