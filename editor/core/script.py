"""Tell Chinese from English by the script of the characters, not by position.

Counts Han characters (and CJK punctuation) against Latin letters. Digits, spaces and
common punctuation are neutral, so "2024年3月" is Chinese and "Article 23" is English.
"""

from __future__ import annotations

import regex

from editor.core.model import Lang

_HAN = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uff0f\uff1a-\uff20\u3400-\u4dbf]")
_LATIN = regex.compile(r"\p{Latin}")
_PRIVATE_USE = regex.compile(r"[\p{Co}]")


def script_counts(text: str) -> tuple[int, int]:
    """(number of Han/CJK characters, number of Latin letters) in ``text``."""
    return len(_HAN.findall(text)), len(_LATIN.findall(text))


def detect_lang(text: str, *, han_weight: float = 2.0) -> Lang | None:
    """``"zh"``, ``"en"`` or ``None`` when the text has neither script.

    A Han character carries about as much content as two Latin letters, so with the
    default weight a Chinese sentence holding an English name stays Chinese.
    """
    han, latin = script_counts(text)
    if han == 0 and latin == 0:
        return None
    return "zh" if han * han_weight >= latin else "en"


def is_han(ch: str) -> bool:
    return bool(_HAN.match(ch))


def private_use_chars(text: str) -> list[str]:
    """Private-use code points (e.g. Hong Kong EUDC characters) found in ``text``."""
    return _PRIVATE_USE.findall(text)
