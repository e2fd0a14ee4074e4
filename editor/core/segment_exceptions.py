"""The user's segmentation exceptions: files, settings, projects and the effective list.

An *exception* is a string after which a sentence never ends ("Fig.", "Sch.", "et al.").
The built-in lists are :data:`~editor.core.segment_lexicon.DEFAULT_EXCEPTIONS`; the user
keeps only a list of *changes* per language, so later improvements to the built-in lists
still reach old settings and projects:

- ``Sch.`` adds an entry (an English entry typed without its final period gets one);
- ``-Fig.`` removes a built-in entry (a ``-`` before an entry that is not built in does
  nothing);
- blank lines and lines starting with ``#`` are ignored.

An exception list file is plain UTF-8 text (UTF-16 with a byte-order mark is accepted
too) in exactly that form, one language per file
(``bitext extract --exceptions-en FILE --exceptions-zh FILE``). The same form is what
Preferences stores and what a project records under ``settings.segmentation_exceptions``
(``{"en": [...], "zh": [...]}``).

English entries are matched against the last two words before a period, so an entry
has at most two words and must end with a period; a Chinese entry is a plain suffix
(Chinese has no spaces between words) and may end with any character ("Yahoo!" keeps
"我用Yahoo!奇摩搜尋。" one sentence). The built-in Chinese list is empty.
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from editor.core.atomic import write_text_atomic
from editor.core.errors import FileProblem
from editor.core.model import LANGS, Lang
from editor.core.segment_lexicon import DEFAULT_EXCEPTIONS

__all__ = ["REMOVE", "SETTINGS_KEY", "EntryError", "ExceptionListError", "ExceptionLists",
           "apply_changes", "changes_from_full_list", "effective_exceptions",
           "format_exceptions", "from_settings", "normalize_entry", "parse_exceptions",
           "read_exceptions_file", "to_settings", "write_exceptions_file"]

log = logging.getLogger(__name__)

#: Per language, the user's changes to the built-in list (additions, ``-`` removals).
ExceptionLists = dict[Lang, list[str]]

SETTINGS_KEY = "segmentation_exceptions"  # key in a project's ``settings`` object
REMOVE = "-"  # an entry starting with this removes a built-in entry
COMMENT = "#"
MAX_ENTRY = 40  # characters: English rules look at most this far back from a period
MAX_WORDS_EN = 2  # English rules look at the last two words before a period
MAX_FILE_BYTES = 1_000_000  # far more than any real list; anything bigger is a mistake

_LANG_NAMES = {"en": "English", "zh": "Chinese"}


class EntryError(ValueError):
    """One entry that cannot be an exception (the message says why)."""


class ExceptionListError(FileProblem):
    """An exception list file that cannot be read or written (names the file)."""


# -- entries ----------------------------------------------------------------------------------

def normalize_entry(entry: str, lang: Lang) -> str | None:
    """``entry`` in canonical form (``-`` kept in front), or None when it is blank.

    Spaces are collapsed; an English entry ending in a letter or digit gets its period
    ("Sch" -> "Sch."). Raises :class:`EntryError` for an entry that could never match.
    """
    text = " ".join(entry.split())
    removing = text.startswith(REMOVE)
    if removing:
        text = text[len(REMOVE):].strip()
    if not text:
        if removing:
            raise EntryError(f"'{entry.strip()}' names no entry to remove")
        return None
    if lang == "en":
        text = _english_entry(text)
    if len(text) > MAX_ENTRY:
        raise EntryError(f"'{text[:20]}…' is longer than {MAX_ENTRY} characters")
    return REMOVE + text if removing else text


def _english_entry(text: str) -> str:
    if text[-1].isalnum():
        text += "."
    if not text.endswith("."):
        raise EntryError(f"'{text}' must end with a period: only a period after an "
                         "abbreviation can be mistaken for the end of a sentence")
    if len(text.split()) > MAX_WORDS_EN:
        raise EntryError(f"'{text}' has more than {MAX_WORDS_EN} words")
    return text


def normalized(entries: Iterable[str], lang: Lang) -> list[str]:
    """Canonical entries, blanks and repeats dropped (raises :class:`EntryError`)."""
    out: dict[str, None] = {}
    for entry in entries:
        clean = normalize_entry(entry, lang)
        if clean is not None:
            out[clean] = None
    return list(out)


def apply_changes(lang: Lang, changes: Sequence[str]) -> frozenset[str]:
    """The built-in entries of ``lang`` with the user's additions and removals applied,
    in order (the later of "X." and "-X." wins). Invalid entries are skipped."""
    current = set(DEFAULT_EXCEPTIONS.get(lang, ()))
    for entry in changes:
        try:
            clean = normalize_entry(entry, lang)
        except EntryError:
            continue
        if clean is None:
            continue
        if clean.startswith(REMOVE):
            current.discard(clean[len(REMOVE):])
        else:
            current.add(clean)
    return frozenset(current)


def effective_exceptions(lang: Lang, changes: Sequence[str]) -> list[str]:
    """The list a user sees: built-in entries still in force, in their order, then the
    additions in the user's order."""
    active = apply_changes(lang, changes)
    builtin = [e for e in DEFAULT_EXCEPTIONS.get(lang, ()) if e in active]
    added = [e for e in normalized_quietly(changes, lang) if e in active and e not in builtin]
    return builtin + added


def changes_from_full_list(lang: Lang, full: Iterable[str]) -> list[str]:
    """The changes that turn the built-in list into ``full`` (what an editor of the whole
    list stores). A ``-X.`` line in ``full`` also removes ``X.``. Raises
    :class:`EntryError` for an invalid entry."""
    entries = normalized(full, lang)
    removed = {e[len(REMOVE):] for e in entries if e.startswith(REMOVE)}
    kept = [e for e in entries if not e.startswith(REMOVE) and e not in removed]
    defaults = DEFAULT_EXCEPTIONS.get(lang, ())
    additions = [e for e in kept if e not in defaults]
    removals = [REMOVE + e for e in defaults if e not in kept]
    return additions + removals


def normalized_quietly(entries: Iterable[str], lang: Lang) -> list[str]:
    """Like :func:`normalized` but dropping invalid entries (logged): for stored lists
    that a newer rule may have made invalid, which must not stop anything opening."""
    out: dict[str, None] = {}
    for entry in entries:
        try:
            clean = normalize_entry(entry, lang)
        except EntryError as exc:
            log.warning("ignoring a %s segmentation exception: %s", _LANG_NAMES[lang], exc)
            continue
        if clean is not None:
            out[clean] = None
    return list(out)


# -- text and files ---------------------------------------------------------------------------

def parse_exceptions(text: str, lang: Lang) -> list[str]:
    """Entries of an exception list text (one per line, ``#`` comments).

    Raises :class:`EntryError` whose message starts with the line number."""
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line.lstrip().startswith(COMMENT):
            continue
        try:
            clean = normalize_entry(line, lang)
        except EntryError as exc:
            raise EntryError(f"line {number}: {exc}") from None
        if clean is not None and clean not in entries:
            entries.append(clean)
    return entries


def read_exceptions_file(path: str | Path, lang: Lang) -> list[str]:
    """The entries of an exception list file; :class:`ExceptionListError` names the file
    when it is missing, a folder, unreadable, too large, not UTF-8 or has a bad line."""
    file = Path(path)
    data = _read_bytes(file)
    try:  # UTF-16 only with its byte-order mark (as Windows Notepad writes it)
        text = data.decode("utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
                           else "utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExceptionListError(file, f"is not UTF-8 text (invalid byte at offset "
                                       f"{exc.start}); save the list as UTF-8") from None
    if "\x00" in text:
        raise ExceptionListError(file, "is not a text file (it holds NUL bytes)")
    try:
        return parse_exceptions(text, lang)
    except EntryError as exc:
        raise ExceptionListError(file, f"{exc} (in the {_LANG_NAMES[lang]} exception "
                                       "list)") from None


def _read_bytes(file: Path) -> bytes:
    try:
        if file.is_dir():
            raise ExceptionListError(file, "is a folder, not an exception list file")
        if file.stat().st_size > MAX_FILE_BYTES:
            raise ExceptionListError(file, f"is too large for an exception list (over "
                                           f"{MAX_FILE_BYTES // 1_000_000} MB)")
        return file.read_bytes()
    except FileNotFoundError:
        raise ExceptionListError(file, "does not exist") from None
    except PermissionError:
        raise ExceptionListError(file, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise ExceptionListError(file, f"cannot be read ({exc.strerror or exc})") from None


def format_exceptions(entries: Iterable[str], lang: Lang) -> str:
    """The text of an exception list file for ``entries`` (with an explanatory header)."""
    header = (f"# {_LANG_NAMES[lang]} segmentation exceptions for Bitext Editor: one entry "
              "per line;\n# an entry adds to the built-in list, '-' in front removes a "
              "built-in entry.\n")
    return header + "".join(f"{entry}\n" for entry in entries)


def write_exceptions_file(path: str | Path, lang: Lang, entries: Iterable[str]) -> None:
    """Write ``entries`` atomically; :class:`ExceptionListError` names the file on failure."""
    try:
        write_text_atomic(path, format_exceptions(normalized(entries, lang), lang))
    except OSError as exc:
        raise ExceptionListError(path, f"cannot be written ({exc.strerror or exc})") from None


# -- settings and projects ----------------------------------------------------------------------

def to_settings(lists: Mapping[Lang, Sequence[str]] | None) -> dict[str, Any]:
    """The project ``settings`` entry recording the exceptions an import used."""
    lists = lists or {}
    return {SETTINGS_KEY: {lang: list(lists.get(lang, ())) for lang in LANGS}}


def from_settings(settings: Mapping[str, Any] | None) -> ExceptionLists:
    """The exceptions a project recorded; a malformed record is ignored entry by entry
    (logged), since a hand-edited setting must not stop a project from opening."""
    raw = (settings or {}).get(SETTINGS_KEY)
    lists: ExceptionLists = {lang: [] for lang in LANGS}
    if not isinstance(raw, Mapping):
        if raw is not None:
            log.warning("ignoring %s: expected an object by language", SETTINGS_KEY)
        return lists
    for lang in LANGS:
        values = raw.get(lang, [])
        if not isinstance(values, list):
            log.warning("ignoring %s.%s: expected a list of strings", SETTINGS_KEY, lang)
            continue
        lists[lang] = normalized_quietly((v for v in values if isinstance(v, str)), lang)
    return lists
