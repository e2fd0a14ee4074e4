"""What the text-document readers share: raw blocks of text and how lines are re-joined.

Each reader (plain text, Markdown, HTML, DOCX) turns its format into :class:`RawBlock`
objects — one paragraph of one language as far as the markup tells — and
:mod:`editor.core.extract.text` decides languages, variants and warnings for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import regex

_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")
_SHARED_PUNCT = "\u2018\u2019\u201c\u201d\u2026\u2014"  # used by both languages
_SPACES = regex.compile(r"[^\S\n]+")
_ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A paragraph as a reader found it.

    ``lang_tag`` is a language tag from the markup (``"zh-hant"``, ``"en"`` …) or None;
    ``strong`` says the tag was set on this block or a nearby ancestor (rather than
    inherited from the whole page), so it outranks detection by script.
    """

    text: str
    lang_tag: str | None = None
    strong: bool = False


def join_lines(lines: Iterable[str]) -> str:
    """Re-join wrapped lines: no space between two CJK characters, one space otherwise."""
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if parts and not (_cjk_at(parts[-1].rstrip(_SHARED_PUNCT + ",.;:!?")[-1:])
                          and _cjk_at(line.lstrip(_SHARED_PUNCT)[:1])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _cjk_at(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


_CJK_PUNCT = r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
_SPACE_AROUND_CJK_PUNCT = regex.compile(
    rf"(?<={_CJK_PUNCT})[^\S\n]+(?=[\p{{Han}}\p{{L}}\p{{N}}]|{_CJK_PUNCT})"
    rf"|(?<=[\p{{Han}}\p{{L}}\p{{N}}])[^\S\n]+(?={_CJK_PUNCT})"
)


def tidy_chinese(text: str) -> str:
    """Drop spaces next to full-width punctuation ("特性， 使得" → "特性，使得").

    Full-width punctuation carries its own spacing; a space beside it is left over from
    wrapping or markup, never meant.
    """
    return _SPACE_AROUND_CJK_PUNCT.sub("", text)


def clean_inline(text: str) -> str:
    """Collapse runs of spaces and drop zero-width characters and soft hyphens."""
    text = _ZERO_WIDTH.sub("", text.replace("\u00a0", " "))
    return _SPACES.sub(" ", text).strip()
