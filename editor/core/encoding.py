"""Decode a text file whose encoding nobody wrote down.

Order: a byte-order mark settles it; NUL bytes mean UTF-16 or binary; then strict
UTF-8 (the usual case; random bytes are almost never valid UTF-8); then the Chinese
legacy encodings GB18030 and Big5-HKSCS. Both decode most Chinese byte strings *without
error* (Big5 bytes read as GB18030 give kana and symbols, GB bytes read as Big5 give rare
characters), so each successful decoding is scored by how common its Chinese characters
are, after folding Traditional to Simplified, using the character frequencies of jieba's
dictionary; undefined Big5 double bytes in the end-user-defined rows become the
private-use characters Windows maps them to, so Hong Kong EUDC characters survive (and
are reported by the importer). If neither reads as plausible Chinese: UTF-8 with a few
broken bytes (replaced, and the encoding name says how many), Windows-1252 for English
files, then charset-normalizer (good at other encodings, but it mistakes short GB18030
text for Korean cp949, which is why it comes last).
"""

from __future__ import annotations

import codecs
import importlib.util
import math
import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from charset_normalizer import from_bytes

from editor.core.errors import InputError

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Chinese legacy encodings tried in turn; cp950 adds a few Microsoft Big5 extensions.
CHINESE_ENCODINGS: tuple[str, ...] = ("gb18030", "big5hkscs", "cp950")

#: A decoding is plausible Chinese when most non-ASCII characters are Han and their
#: mean log-frequency reaches this (ordinary text scores 9-11; mis-decodings 2-5).
MIN_CHINESE_SCORE = 7.0
SAMPLE_BYTES = 64 * 1024
#: Invalid sequences tolerated in an otherwise valid UTF-8 file: a few, and in a long
#: file one per ``BAD_UTF8_SPAN`` bytes (a damaged copy of a 20 MB corpus keeps its text;
#: another encoding read as UTF-8 breaks at nearly every non-ASCII character).
MAX_BAD_UTF8 = 8
BAD_UTF8_SPAN = 100_000

_HAN = regex.compile(r"\p{Han}")
#: A Han character beside another non-ASCII character. A Western file misread as GB18030
#: gives only lone Han characters among Latin letters ("Don’t" → "Don抰").
_HAN_IN_CONTEXT = regex.compile(r"\p{Han}(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\p{Han}")
_NON_ASCII = regex.compile(r"[^\x00-\x7f\s]")
_CJK_PUNCT = regex.compile(r"[\u3000-\u303f\uff00-\uffef\u2010-\u206f]")
_WESTERN = regex.compile(r"[\t\n\r\f\x20-\x7e\u00a0-\u00ff\u2013-\u2026\u20ac\u2122]*")
_BAD_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, path: str | Path) -> tuple[str, str, bool]:
    """``(text, encoding name, guessed?)``; raise :class:`InputError` when undecodable.

    ``guessed`` is False only when a byte-order mark or valid UTF-8 leaves no doubt.
    """
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], name, path), name.removesuffix("-sig"), False
    if b"\x00" in data:
        return _utf16_without_bom(data, path)
    try:
        return data.decode("utf-8"), "utf-8", False
    except UnicodeDecodeError:
        pass
    text, name = (_chinese(data) or _nearly_utf8(data) or _western(data)
                  or _normalizer(data, path))
    if _looks_binary(text):
        raise InputError(path, "not a text file (binary data, unknown encoding)")
    return text, name, True


def _strict(data: bytes, encoding: str, path: str | Path) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"declares {encoding} but is not valid {encoding} "
                               f"(byte {exc.start})") from None


def _utf16_without_bom(data: bytes, path: str | Path) -> tuple[str, str, bool]:
    """UTF-16 text without a mark has NUL in most high bytes; anything else is binary."""
    even, odd = data[0::2], data[1::2]
    for name, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if len(data) % 2 == 0 and zeros.count(0) > 0.3 * len(zeros):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text, name, True
    raise InputError(path, "not a text file (binary data, unknown encoding)")


def _chinese(data: bytes) -> tuple[str, str] | None:
    """The most plausible Chinese decoding of ``data``, or None."""
    best: tuple[float, str, str] | None = None
    for name in CHINESE_ENCODINGS:
        errors = "strict" if name == "gb18030" else EUDC_ERRORS
        try:
            text = data.decode(name, errors)
        except UnicodeDecodeError:
            continue
        sample = text[: SAMPLE_BYTES // 2]
        if not _HAN_IN_CONTEXT.search(sample):
            continue
        score = chinese_score(sample)
        if score >= MIN_CHINESE_SCORE and (best is None or score > best[0]):
            best = (score, text, name)
    return (best[1], best[2]) if best else None


def chinese_score(text: str) -> float:
    """Mean log-frequency of the non-ASCII characters, as if the text were Chinese.

    Characters that are neither Han nor CJK punctuation (kana, bopomofo, Hangul, box
    drawing, private use …) count as zero: they are what a wrong decoding produces.
    """
    total = len(_NON_ASCII.findall(text))
    if not total:
        return 0.0
    han = sum(map(_log_frequency, _HAN.findall(text)))
    punct = len(_CJK_PUNCT.findall(text))
    return (han + punct * 10.0) / total


def _nearly_utf8(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few broken bytes (a truncated copy, one bad paste): keep the rest."""
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    if bad > max(MAX_BAD_UTF8, len(data) // BAD_UTF8_SPAN) or bad * 200 > len(data):
        return None  # too many to be accidents: another encoding
    valid = len(_NON_ASCII.findall(text)) - bad
    if valid < 2 * bad:
        return None  # ASCII with a few high bytes: a single-byte encoding (cp1252)
    return text, f"utf-8 ({bad} invalid byte sequence(s) replaced by U+FFFD)"


# -- Big5 end-user-defined characters ---------------------------------------------------

#: Big5 EUDC rows → first private-use code point (Microsoft cp950 mapping, 157 cells a
#: row). Hong Kong and Taiwan documents use them for characters missing from Big5.
EUDC_ROWS: tuple[tuple[int, int, int], ...] = (
    (0xFA, 0xFE, 0xE000), (0x8E, 0xA0, 0xE311), (0x81, 0x8D, 0xEEB8),
)
EUDC_ERRORS = "bitext-big5-eudc"


def _eudc_char(lead: int, trail: int) -> str | None:
    if 0x40 <= trail <= 0x7E:
        cell = trail - 0x40
    elif 0xA1 <= trail <= 0xFE:
        cell = trail - 0xA1 + 63
    else:
        return None
    for first, last, base in EUDC_ROWS:
        if first <= lead <= last:
            return chr(base + (lead - first) * 157 + cell)
    return None


def _big5_eudc(error: UnicodeError) -> tuple[str, int]:
    """Decode an undefined Big5 double byte in the EUDC rows to its private-use point."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    pair = error.object[error.start:error.start + 2]
    char = _eudc_char(pair[0], pair[1]) if len(pair) == 2 else None
    if char is None:
        raise error
    return char, error.start + 2


codecs.register_error(EUDC_ERRORS, _big5_eudc)


def _western(data: bytes) -> tuple[str, str] | None:
    """Windows-1252 when every non-ASCII character is a Latin letter or typographic mark.

    English files from Windows editors are cp1252 ("smart quotes", dashes); the general
    detector sometimes calls them cp1250 and turns "naïve" into "naďve".
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    foreign = sum(1 for ch in text if ord(ch) > 0x7F and ch.isalpha())
    if foreign > 0.3 * letters or not _WESTERN.fullmatch(text):
        return None  # mostly non-ASCII letters: another alphabet (Cyrillic, Greek …)
    return text, "cp1252"


def _normalizer(data: bytes, path: str | Path) -> tuple[str, str]:
    match = from_bytes(data[:SAMPLE_BYTES * 4]).best()
    if match is None or match.encoding is None:
        raise InputError(path, "text in an unknown encoding (not UTF-8, UTF-16, "
                               "GB18030 or Big5)")
    try:
        return data.decode(match.encoding), match.encoding
    except (UnicodeDecodeError, LookupError):
        raise InputError(path, f"text in an unknown encoding (looks like "
                               f"{match.encoding} but does not decode)") from None


def _looks_binary(text: str) -> bool:
    sample = text[:SAMPLE_BYTES]
    return len(_BAD_CONTROL.findall(sample)) > max(2, len(sample) // 200)


@lru_cache(maxsize=1)
def _char_frequencies() -> dict[str, int]:
    """Single-character word frequencies from jieba's bundled dictionary (~0.15 s)."""
    spec = importlib.util.find_spec("jieba")  # its data file, without importing jieba
    if spec is None or not spec.submodule_search_locations:
        return {}
    path = os.path.join(next(iter(spec.submodule_search_locations)), "dict.txt")
    with open(path, encoding="utf-8") as handle:
        data = handle.read()
    return {ch: int(count) for ch, count in re.findall(r"^(\S) (\d+)", data, re.M)}


@lru_cache(maxsize=1)
def _converter() -> Any:
    from opencc import OpenCC

    return OpenCC("t2s")


@lru_cache(maxsize=65536)
def _log_frequency(char: str) -> float:
    """log(1 + frequency) of a character, Traditional ones counted as their Simplified form."""
    freq = _char_frequencies()
    simplified: str = _converter().convert(char)
    return math.log1p(max(freq.get(char, 0), freq.get(simplified[:1], 0)))
