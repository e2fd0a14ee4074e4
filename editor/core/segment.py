"""Sentence segmentation for Chinese and English, and sentences from an extraction.

A sentence ends at a run of terminal punctuation plus any closing quotes or brackets
that follow it. Candidate ends are found with one regular expression; language rules
then veto the ones that are not sentence ends (abbreviations, initials, list markers,
ellipses inside a clause, book titles …). Rules are general, not tuned to a corpus:
they are measured on MAC-Dev by ``bench/bench_segment.py``.

Users extend the rules with *exceptions*: strings after which no sentence ever ends
("Cap.", "Sch."), or remove a built-in one ("-Fig."); the lists are kept in the
settings and in the project (:mod:`editor.core.segment_exceptions`) and passed in here.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from editor.core.extract.types import Extraction, LineSpan, Paragraph
from editor.core.model import Lang, Provenance, RectTuple, Sentence
from editor.core.segment_exceptions import apply_changes
from editor.core.segment_lexicon import (
    DEFAULT_EXCEPTIONS,
    FLEXIBLE_ABBREVIATIONS,
    NUMBER_ABBREVIATIONS,
    SENTENCE_OPENERS,
    SPEECH_VERBS,
)

__all__ = ["DEFAULT_EXCEPTIONS", "segment_extraction", "split_sentences"]

_CLOSERS = "”’」』）》〉】〕］｝)]}\"'»›"
_OPENERS = "“‘「『（《〈【〔［｛([{\"'«‹"
_CLOSE_CLASS = regex.escape(_CLOSERS)
_QUOTE_CLOSERS = "”’」』\"'»›"
_INITIAL = regex.compile(r"\p{Lu}\.,?")
_AFTER_INITIAL = regex.compile(r"(?<!\p{L})\p{Lu}\.\s+I\.$")  # "J. I." is a name, "said I." not

_CANDIDATE_ZH = regex.compile(
    rf"(?:[。！？；｡]|[!?]|…+|\.(?:[^\S\n]?\.){{2,}}|(?<=\p{{Han}}[{_CLOSE_CLASS}]?)\.(?!\d)"
    rf"|(?<![0-9０-９])．(?![0-9０-９])"
    rf"|[—–]+(?=[{_CLOSE_CLASS}]))+"
    rf"(?:[{_CLOSE_CLASS}]|\s+[”’」』）》])*"
)
_CANDIDATE_EN = regex.compile(
    rf"(?:\.(?:[^\S\n]?\.){{2,}}|[.!?…。！？｡]|[—–]+(?=[{_CLOSE_CLASS}]))+"
    rf"(?:[{_CLOSE_CLASS}])*"
)
_URL = regex.compile(r"(?:https?://|ftp://|www\.)[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_EMAIL = regex.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+"
                       r"(?:\.[A-Za-z0-9\-]+)+")
_DOTTED = regex.compile(r"(?:\p{L}\.){2,}")
_ONE_CAPITAL = regex.compile(r"\p{Lu}\.")
_TRAILING_URL_PUNCT = ".,;:!?)'\""
#: Blank lines, and line breaks before a list item, always end a sentence.
_HARD_BREAK = regex.compile(
    r"\n[^\S\n]*\n\s*|\n(?=[^\S\n]*(?:(?:\(?[0-9]{1,3}|\(?[a-zA-Z]|\(?[ivx]+)[.)]\s"
    r"|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、))"
)
_LIST_MARKER = regex.compile(
    r"\s*(?:\(?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[A-Za-z]|[ivxlcdmIVXLCDM]{1,6})[.)])\s*"
)
_WORD_BEFORE = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}.])(?:(?:\p{L}[\p{L}\p{M}]*\.)+|[\p{L}\p{M}]+\.)$"
)
_ELLIPSIS = regex.compile(r"^(?:…+|\.(?:\s?\.){2,})$")
_NUMBER_AFTER = regex.compile(r"[\d(#]|[IVXivx]{2,}\b|[VXvx]\b")
_ITEM_MARKER = regex.compile(r"\(?[0-9]{1,3}\)|\([a-zA-Z]\)|\([ivxIVX]{1,5}\)")
_SPEECH_TAG = regex.compile(  # '"Why?" Wang asked.', '"No!" Old Liu cried.'
    r"\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:" + "|".join(SPEECH_VERBS) + r")\b"
)
_SOFT_ZH = regex.compile(r"^(?:[；;]|…+|\.{3,})$")
_LAST_WORD = regex.compile(r"(\w+)\W*$")
_FIRST_WORD = regex.compile(r"\W*(\w+)")
_HAN = regex.compile(r"\p{Han}")
_TITLE_MAX = 60  # longest book title 《…》 considered
_NON_SPACE = regex.compile(r"\S")
_NEXT_WORD = regex.compile(r"\S{1,64}")  # bounded: text without spaces must stay linear


@dataclass(frozen=True, slots=True)
class _Candidate:
    """Terminal punctuation ``term_start:term_stop`` ends a sentence at ``stop``."""

    term_start: int
    term_stop: int
    stop: int


# ---------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------

def split_sentences(text: str, lang: Lang,
                    exceptions: Sequence[str] = ()) -> list[tuple[int, int]]:
    """Character spans ``(start, stop)`` of the sentences of ``text``, whitespace trimmed.

    ``exceptions`` are the user's changes to :data:`DEFAULT_EXCEPTIONS`: strings after
    which a sentence never ends, and ``-X.`` to let a sentence end after a built-in
    ``X.`` again (see :mod:`editor.core.segment_exceptions`).
    """
    never = _exception_set(lang, tuple(exceptions))
    protected = _protected_spans(text)
    hard = [m.end() for m in _HARD_BREAK.finditer(text)]
    cuts = list(hard)
    last = 0  # where the current sentence began
    for cand in _candidates(text, lang):
        if _inside(cand.term_start, protected):
            continue
        last = max(last, _last_at_or_before(hard, cand.term_start))
        ends = (_ends_zh(text, cand, never) if lang == "zh"
                else _ends_en(text, cand, never, last))
        if ends:
            cuts.append(cand.stop)
            last = cand.stop
    return _spans(text, cuts)


def segment_extraction(
    extraction: Extraction,
    exceptions: Mapping[Lang, Sequence[str]] | None = None,
) -> tuple[list[Sentence], list[Sentence]]:
    """Chinese and English sentences, in document order, with provenance."""
    out: dict[Lang, list[Sentence]] = {"zh": [], "en": []}
    extra = exceptions or {}
    for paragraph in extraction.paragraphs:
        sentences = out[paragraph.lang]
        for start, stop in split_sentences(paragraph.text, paragraph.lang,
                                           tuple(extra.get(paragraph.lang, ()))):
            sentences.append(_sentence(paragraph, start, stop, len(sentences)))
    return out["zh"], out["en"]


# ---------------------------------------------------------------------------------
# Candidates and spans
# ---------------------------------------------------------------------------------

def _candidates(text: str, lang: Lang) -> list[_Candidate]:
    pattern = _CANDIDATE_ZH if lang == "zh" else _CANDIDATE_EN
    result = []
    for m in pattern.finditer(text):
        term = m.group().rstrip(_CLOSERS + " \t\n\u3000")
        result.append(_Candidate(m.start(), m.start() + len(term), m.end()))
    return result


def _last_at_or_before(points: Sequence[int], pos: int) -> int:
    """The largest of the sorted ``points`` that is ``<= pos`` (0 when none is)."""
    k = bisect.bisect_right(points, pos)
    return points[k - 1] if k else 0


def _spans(text: str, cuts: Sequence[int]) -> list[tuple[int, int]]:
    """Trimmed non-empty spans between the sorted cut points."""
    spans = []
    start = 0
    for cut in [*sorted(set(cuts)), len(text)]:
        if cut <= start:
            continue
        span = _trim(text, start, cut)
        if span is not None:
            spans.append(span)
        start = cut
    return spans


def _trim(text: str, start: int, stop: int) -> tuple[int, int] | None:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return (start, stop) if start < stop else None


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """URLs and e-mail addresses, minus trailing punctuation that may end a sentence."""
    spans = []
    matches = [*(_URL.finditer(text) if "://" in text or "www." in text else ()),
               *(_EMAIL.finditer(text) if "@" in text else ())]
    for m in matches:
        stop = m.end()
        while stop > m.start() and text[stop - 1] in _TRAILING_URL_PUNCT:
            stop -= 1
        spans.append((m.start(), stop))
    return _merged(spans)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same positions (a URL may hold an e-mail)."""
    out: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], stop))
        else:
            out.append((start, stop))
    return out


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, pos, key=lambda span: span[0])  # starts <= pos
    return k > 0 and pos < spans[k - 1][1]


def _next_visible(text: str, pos: int) -> str:
    """The first non-space character at or after ``pos`` ('' at the end)."""
    m = _NON_SPACE.search(text, pos)
    return m.group() if m else ""


# ---------------------------------------------------------------------------------
# Chinese rules
# ---------------------------------------------------------------------------------

def _ends_zh(text: str, cand: _Candidate, never: frozenset[str]) -> bool:
    term = text[cand.term_start:cand.term_stop]
    if any(text.endswith(exc, 0, end) for exc in never for end in (cand.term_stop, cand.stop)):
        return False  # Chinese has no word boundaries: an exception is a plain suffix
    after = _next_visible(text, cand.stop)
    if not after:
        return True
    if _inside_book_title(text, cand.term_start):
        return False
    if _SOFT_ZH.match(term) and text[cand.stop:cand.stop + 1].isspace():
        return False  # a space after "；" or "……" marks a pause: the clause goes on
    if _ELLIPSIS.match(term):
        return _ellipsis_ends_zh(text, cand, after) and not _stutters(text, cand)
    if term.isascii() and not _han_near(text, cand):
        return False  # "?" or "!" in embedded Latin text
    if term == "??" and _UNRESOLVED_REF.search(text, max(0, cand.term_start - 12),
                                                cand.term_start):
        return False  # "如图??所示": LaTeX's mark for a reference it could not resolve
    return after not in "，、,；;：:）)"


#: What LaTeX's "??" (an unresolved \ref) follows: a figure/table/section word or "(".
_UNRESOLVED_REF = regex.compile(
    r"(?:[图圖表节節章式第见見]|[（(]|\b(?:Fig|Figure|Table|Eq|Section|Sec)\.?)[^\S\n]?$")


def _ellipsis_ends_zh(text: str, cand: _Candidate, after: str) -> bool:
    """"……" ends a sentence unless it trails a comma or the clause goes on."""
    before = text[max(0, cand.term_start - 4):cand.term_start].rstrip()
    if before and before[-1] in "，、,：:；;“‘「『（(":
        return False
    return after not in "，、,；;：:）)—"


def _stutters(text: str, cand: _Candidate) -> bool:
    """"I... I can't", "这个…… 这个": the word after an ellipsis repeats the one before."""
    before = _LAST_WORD.search(text, max(0, cand.term_start - 30), cand.term_start)
    after = _FIRST_WORD.match(text, cand.stop, cand.stop + 30)
    if not before or not after:
        return False
    prev, nxt = before.group(1).casefold(), after.group(1).casefold()
    if _HAN.match(nxt):
        return any(prev[-k:] == nxt[:k] for k in (1, 2, 3) if len(prev) >= k)
    return prev == nxt or nxt.startswith(prev + "'")


def _han_near(text: str, cand: _Candidate) -> bool:
    before = text[max(0, cand.term_start - 2):cand.term_start]
    after = text[cand.stop:cand.stop + 3]
    return bool(_HAN.search(before) or _HAN.search(after))


def _inside_book_title(text: str, pos: int) -> bool:
    """True inside 《…》 or 〈…〉 (a title may hold "！" or "？")."""
    window = max(0, pos - _TITLE_MAX)
    opened = max(text.rfind("《", window, pos), text.rfind("〈", window, pos))
    if opened < 0:
        return False
    closed = max(text.rfind("》", opened, pos), text.rfind("〉", opened, pos))
    return closed < 0


# ---------------------------------------------------------------------------------
# English rules
# ---------------------------------------------------------------------------------

@lru_cache(maxsize=64)
def _exception_set(lang: Lang, changes: tuple[str, ...]) -> frozenset[str]:
    """The built-in exceptions with the user's additions and ``-`` removals applied."""
    return apply_changes(lang, changes)


def _ends_en(text: str, cand: _Candidate, never: frozenset[str], start: int) -> bool:
    """Whether ``cand`` ends an English sentence that began at ``start``."""
    term = text[cand.term_start:cand.term_stop]
    if cand.stop < len(text) and not text[cand.stop].isspace() and not _is_cjk_term(term):
        return False  # "3.5", "e.g.x", "file.txt"
    after = _next_word(text, cand.stop)
    if not after:
        return True
    if not _starts_sentence(after):
        return False
    if cand.stop > cand.term_stop and _SPEECH_TAG.match(text, cand.stop):
        return False  # '"Why?" Wang asked.': the quotation is part of the sentence
    if _ELLIPSIS.match(term):
        return not _stutters(text, cand)
    if term[-1] in "—–" or _closes_quote(text, cand):
        return True  # an interrupted or closed quotation: '"But I—" "You what?"'
    if "!" in term or "?" in term or _is_cjk_term(term):
        return True
    return _period_ends_en(text, cand, after, never, start)


def _period_ends_en(text: str, cand: _Candidate, after: str, never: frozenset[str],
                    start: int) -> bool:
    """A single "." before a capitalised word: decide by the word it ends."""
    head = text[max(0, cand.term_stop - 40):cand.term_stop]
    word_match = _WORD_BEFORE.search(head)
    word = word_match.group() if word_match else ""
    if _ends_with_exception(head, never):
        return False
    if word in NUMBER_ABBREVIATIONS:
        return not _NUMBER_AFTER.match(after)
    if word in FLEXIBLE_ABBREVIATIONS or _DOTTED.fullmatch(word):
        return _bare(after) in SENTENCE_OPENERS
    if _ONE_CAPITAL.fullmatch(word) and (word != "I." or _AFTER_INITIAL.search(head)):
        # An initial ("J. R. R. Tolkien") unless a sentence clearly starts ("Plan B. The")
        return _bare(after) in SENTENCE_OPENERS and not _INITIAL.fullmatch(after)
    return not _LIST_MARKER.fullmatch(text, start, cand.term_stop)


def _closes_quote(text: str, cand: _Candidate) -> bool:
    return any(ch in _QUOTE_CLOSERS for ch in text[cand.term_stop:cand.stop])


def _ends_with_exception(head: str, never: frozenset[str]) -> bool:
    """Whether ``head`` ends with an exception that starts at a word boundary.

    Only the suffixes of the last two words are looked up, so the cost does not grow
    with the number of exceptions.
    """
    tail = " ".join(head.split()[-2:])
    for k in range(len(tail)):
        if (k == 0 or not tail[k - 1].isalnum()) and tail[k:] in never:
            return True
    return False


def _next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.search(text, pos)
    return m.group() if m else ""


def _bare(word: str) -> str:
    return word.strip(_OPENERS + _CLOSERS + ",;:.!?")


def _starts_sentence(word: str) -> bool:
    """Opening quotes and brackets, then an upper-case letter, digit or CJK character."""
    if _ITEM_MARKER.match(word):
        return True
    stripped = word.lstrip(_OPENERS + "—–-")
    if not stripped:
        return bool(word)
    first = stripped[0]
    return first.isupper() or first.isdigit() or bool(_HAN.match(first)) or not first.isalpha()


def _is_cjk_term(term: str) -> bool:
    return any(ch in "。！？｡" for ch in term)


# ---------------------------------------------------------------------------------
# Sentences with provenance
# ---------------------------------------------------------------------------------

def _sentence(paragraph: Paragraph, start: int, stop: int, number: int) -> Sentence:
    text = paragraph.text[start:stop]
    lines = [ln for ln in paragraph.lines if ln.start < stop and ln.stop > start]
    prefix = "z" if paragraph.lang == "zh" else "e"
    return Sentence(
        id=f"{prefix}{number}",
        lang=paragraph.lang,
        text=text,
        original=text,
        order=(number,),
        provenance=Provenance(
            source=paragraph.source,
            page=lines[0].page if lines else paragraph.page,
            rects=_rects(lines),
            paragraph=paragraph.index,
        ),
        flags=frozenset({"ocr"}) if paragraph.ocr else frozenset(),
    )


def _rects(lines: Sequence[LineSpan]) -> tuple[RectTuple, ...]:
    return tuple(line.rect for line in lines)
