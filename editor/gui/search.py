"""Find and replace over sentence texts (plain Python; the dialog and commands use it).

A :class:`SearchSpec` compiles the user's options once: plain or regular expression,
case, whole word, which languages. ``\\b`` is wrong for Chinese (no spaces between
words), so "whole word" for a CJK pattern only requires that no Latin letter or digit
touches the match.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from editor.core.model import Bitext, Lang, Link


@dataclass(frozen=True, slots=True)
class SearchSpec:
    pattern: str
    use_regex: bool = False
    case: bool = False
    whole_word: bool = False
    langs: tuple[Lang, ...] = ("zh", "en")

    def compiled(self) -> regex.Pattern[str]:
        """Raise ``regex.error`` (shown to the user) when the expression is invalid."""
        body = self.pattern if self.use_regex else regex.escape(self.pattern)
        if self.whole_word:
            edge = "A-Za-z0-9_" if any(ord(c) >= 0x2E80 for c in self.pattern) else r"\p{L}\p{N}_"
            body = rf"(?<![{edge}])(?:{body})(?![{edge}])"
        flags = regex.V1 if self.case else regex.V1 | regex.IGNORECASE
        return regex.compile(body, flags)

    def matches_link(self, bitext: Bitext, link: Link) -> bool:
        pat = _cached(self)
        return any(pat.search(bitext.sentences[sid].text)
                   for lang in self.langs for sid in link.side(lang))


_CACHE: dict[SearchSpec, regex.Pattern[str]] = {}


def _cached(spec: SearchSpec) -> regex.Pattern[str]:
    pat = _CACHE.get(spec)
    if pat is None:
        if len(_CACHE) > 32:
            _CACHE.clear()
        pat = _CACHE[spec] = spec.compiled()
    return pat


@dataclass(frozen=True, slots=True)
class Hit:
    row: int
    lang: Lang
    k: int
    sid: str
    start: int
    stop: int


def hits(bitext: Bitext, spec: SearchSpec, first_row: int = 0,
         backwards: bool = False) -> Iterator[Hit]:
    """Every match, in reading order from ``first_row`` (wrapping round the end)."""
    pat = _cached(spec)
    n = len(bitext.links)
    step = -1 if backwards else 1
    for r in range(n):
        row = (first_row + step * r) % n
        link = bitext.links[row]
        found = [Hit(row, lang, k, sid, m.start(), m.end())
                 for lang in spec.langs for k, sid in enumerate(link.side(lang))
                 for m in pat.finditer(bitext.sentences[sid].text)]
        yield from (reversed(found) if backwards else found)


def replaced_texts(bitext: Bitext, spec: SearchSpec, replacement: str) -> dict[str, str]:
    """New text of every sentence a replace-all changes, by sentence id.

    ``replacement`` is a ``regex`` template (escape backslashes for literal text)."""
    pat = _cached(spec)
    template = replacement
    out: dict[str, str] = {}
    for link in bitext.links:
        for lang in spec.langs:
            for sid in link.side(lang):
                text = bitext.sentences[sid].text
                new = pat.sub(template, text)
                if new != text and new.strip():
                    out[sid] = new
    return out
