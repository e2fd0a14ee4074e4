"""Is a text layer usable? A measurable detector for garbage text.

A PDF font without a usable Unicode map yields text that is not what the page shows:
glyph ids read as code points (``ю͑ྗᙄࡰ ##4``: Cyrillic, Tibetan, Syllabics … mixed),
random rare Han characters that look like Chinese but are not, or one character
repeated for every glyph (``佛佛佛佛佛``). The detector scores a piece of text on four
measurable signals and calls it garbage when any is far from what real Chinese or
English text shows:

* **foreign share** — characters outside the scripts a Chinese–English document uses
  (Han, Latin, Greek, digits, common punctuation, kana, CJK symbols), and U+FFFD, which
  MuPDF gives for glyphs without any Unicode mapping;
* **common-Han share** — Han characters among the ~6,700 in everyday use (GB 2312
  level 1 plus Big5 level 1, the simplified and traditional frequency lists built into
  the character-set standards). Real Chinese scores ≥ 0.9; glyph ids that happen to land
  in the Han block score ~0.25;
* **unmapped glyphs** — two or more U+FFFD in a line, even amid good text;
* **repetition** — a run of one Han character three or more times long, or a whole
  line of one repeated character.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import regex

_FOREIGN = regex.compile(
    r"[^\s\p{Han}\p{Latin}\p{Greek}\p{Hiragana}\p{Katakana}\p{Common}\p{Co}"
    r"\u0300-\u036f\u3000-\u303f\uff00-\uffef]|\ufffd"  # U+FFFD: no Unicode for a glyph
)
_HAN = regex.compile(r"\p{Han}")
_REPEAT = regex.compile(r"(\p{Han})\1{2,}|^\s*(\p{Han})\2+\s*$")

#: Thresholds, chosen on the fixtures (tests/test_extract_pdf.py; the detector table of
#: bench/bench_extract.py): their real text scores foreign ≤ 0.01 and common-Han ≥ 0.92
#: document-wide; random Han from glyph ids scores about 0.25.
MAX_FOREIGN_SHARE = 0.2
MIN_COMMON_HAN_SHARE = 0.6
MIN_HAN_FOR_FREQUENCY = 6
MAX_UNMAPPED = 2  # one U+FFFD may be a lone symbol glyph; two mean a broken font


@dataclass(frozen=True, slots=True)
class TextScore:
    """Measurements of one piece of text (see the module docstring)."""

    letters: int  # non-space characters
    foreign: int
    han: int
    common_han: int
    repeated: bool
    unmapped: int = 0  # U+FFFD: glyphs the PDF gives no Unicode for

    @property
    def foreign_share(self) -> float:
        return self.foreign / self.letters if self.letters else 0.0

    @property
    def common_han_share(self) -> float:
        return self.common_han / self.han if self.han else 1.0

    @property
    def garbled(self) -> bool:
        if self.repeated or self.unmapped >= MAX_UNMAPPED:
            return True
        if self.foreign >= 2 and self.foreign_share > MAX_FOREIGN_SHARE:
            return True
        return (self.han >= MIN_HAN_FOR_FREQUENCY
                and self.common_han_share < MIN_COMMON_HAN_SHARE)


@functools.cache
def common_han() -> frozenset[str]:
    """Everyday Han characters: GB 2312 level 1 (simplified) ∪ Big5 level 1 (traditional).

    Both lists are defined by the encodings themselves, so no data file is needed.
    """
    chars: set[str] = set()
    for hi in range(0xB0, 0xD8):  # GB 2312 level 1: rows 16–55
        for lo in range(0xA1, 0xFF):
            chars.update(_decode(bytes((hi, lo)), "gb2312"))
    for hi in range(0xA4, 0xC7):  # Big5 level 1: A440–C67E
        for lo in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            chars.update(_decode(bytes((hi, lo)), "big5"))
    return frozenset(c for c in chars if _HAN.match(c))


def _decode(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return ""


def score_text(text: str) -> TextScore:
    """Measure ``text`` (see :class:`TextScore`)."""
    common = common_han()
    hans = _HAN.findall(text)
    return TextScore(letters=len("".join(text.split())),
                     foreign=len(_FOREIGN.findall(text)), han=len(hans),
                     common_han=sum(1 for c in hans if c in common),
                     repeated=bool(_REPEAT.search(text)), unmapped=text.count("\ufffd"))


def combined(scores: Iterable[TextScore]) -> TextScore:
    """The score of several pieces of text taken together (a block of lines)."""
    items = list(scores)
    return TextScore(sum(s.letters for s in items), sum(s.foreign for s in items),
                     sum(s.han for s in items), sum(s.common_han for s in items),
                     any(s.repeated for s in items), sum(s.unmapped for s in items))


def is_garbled(text: str) -> bool:
    return score_text(text).garbled
