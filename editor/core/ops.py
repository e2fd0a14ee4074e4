"""Operations on a bitext: pure planners that return an :class:`~editor.core.edits.Edit`.

Each function reads the bitext, never changes it, and either returns the edit that would
carry out the request or raises :class:`OperationError` saying why it is impossible.
``edits.apply(bitext, edit)`` performs the edit and returns its inverse, so every
operation comes with its undo. Links are addressed by index, sentences inside a link by
``(index, lang, k)`` (the k-th sentence of that side), text edits by sentence id.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.model import (
    LANGS,
    STATUSES,
    Bitext,
    Lang,
    Link,
    OrderKey,
    Sentence,
    Status,
    other_lang,
)


def _link(bt: Bitext, i: int) -> Link:
    if not 0 <= i < len(bt.links):
        raise OperationError(f"there is no link {i + 1} (the bitext has {len(bt.links)})")
    return bt.links[i]


def _unconfirmed(link: Link) -> Link:
    """A regrouped link is a new judgement: it becomes automatic with unknown confidence."""
    return replace(link, status="auto", confidence=None)


def _replace(label: str, bt: Bitext, start: int, stop: int, new: Sequence[Link],
             old_sentences: Sequence[Sentence] = (),
             new_sentences: Sequence[Sentence] = ()) -> Edit:
    return Edit(label, start, tuple(bt.links[start:stop]), tuple(new),
                tuple(old_sentences), tuple(new_sentences))


# -- alignment operations -------------------------------------------------------------
def merge_with_next(bt: Bitext, i: int) -> Edit:
    """Join link ``i`` and link ``i + 1`` into one link."""
    first, second = _link(bt, i), _link(bt, i + 1) if i + 1 < len(bt.links) else None
    if second is None:
        raise OperationError("the last link has no next link to merge with")
    notes = "\n".join(n for n in (first.note, second.note) if n)
    merged = Link(zh=first.zh + second.zh, en=first.en + second.en, note=notes,
                  flags=first.flags | second.flags)
    return _replace("Merge links", bt, i, i + 2, [merged])


def split_link(bt: Bitext, i: int, zh_at: int, en_at: int) -> Edit:
    """Split link ``i`` into two: the first keeps ``zh[:zh_at]`` and ``en[:en_at]``."""
    link = _link(bt, i)
    if not (0 <= zh_at <= len(link.zh) and 0 <= en_at <= len(link.en)):
        raise OperationError("the split point lies outside the link")
    head = Link(zh=link.zh[:zh_at], en=link.en[:en_at], note=link.note, flags=link.flags)
    tail = Link(zh=link.zh[zh_at:], en=link.en[en_at:])
    if head.is_empty or tail.is_empty:
        raise OperationError("splitting there would leave an empty link")
    return _replace("Split link", bt, i, i + 1, [head, tail])


def shift_up(bt: Bitext, i: int, lang: Lang) -> Edit:
    """Move the first ``lang`` sentence of link ``i`` to the end of link ``i - 1``."""
    link = _link(bt, i)
    if i == 0:
        raise OperationError("the first link has no previous link")
    ids = link.side(lang)
    if not ids:
        raise OperationError(f"link {i + 1} has no {lang} sentence to move up")
    prev = bt.links[i - 1]
    new_prev = _unconfirmed(prev.with_side(lang, prev.side(lang) + ids[:1]))
    rest = _unconfirmed(link.with_side(lang, ids[1:]))
    new = [new_prev] if rest.is_empty else [new_prev, rest]
    return _replace("Shift sentence up", bt, i - 1, i + 1, new)


def shift_down(bt: Bitext, i: int, lang: Lang) -> Edit:
    """Move the last ``lang`` sentence of link ``i`` to the start of link ``i + 1``."""
    link = _link(bt, i)
    if i + 1 >= len(bt.links):
        raise OperationError("the last link has no next link")
    ids = link.side(lang)
    if not ids:
        raise OperationError(f"link {i + 1} has no {lang} sentence to move down")
    nxt = bt.links[i + 1]
    rest = _unconfirmed(link.with_side(lang, ids[:-1]))
    new_next = _unconfirmed(nxt.with_side(lang, ids[-1:] + nxt.side(lang)))
    new = [new_next] if rest.is_empty else [rest, new_next]
    return _replace("Shift sentence down", bt, i, i + 2, new)


def insert_empty(bt: Bitext, i: int, lang: Lang) -> Edit:
    """Give the ``lang`` side of link ``i`` an empty counterpart.

    The link becomes two: its ``lang`` sentences alone (an untranslated 1-0 link),
    followed by the other side alone. :func:`delete_empty` on the first undoes it.
    """
    link = _link(bt, i)
    mine, theirs = link.side(lang), link.side(other_lang(lang))
    if not mine or not theirs:
        raise OperationError(f"link {i + 1} already has an empty side")
    alone = Link(note=link.note, flags=link.flags).with_side(lang, mine)
    rest = Link().with_side(other_lang(lang), theirs)
    return _replace("Insert empty counterpart", bt, i, i + 1, [alone, rest])


def delete_empty(bt: Bitext, i: int) -> Edit:
    """Remove the empty side of link ``i`` by merging it into the next link.

    The last link merges into the previous one instead.
    """
    link = _link(bt, i)
    if link.zh and link.en:
        raise OperationError(f"link {i + 1} has sentences on both sides")
    if len(bt.links) < 2:
        raise OperationError("there is no other link to merge the sentences into")
    if i + 1 < len(bt.links):
        return replace(merge_with_next(bt, i), label="Delete empty counterpart")
    return replace(merge_with_next(bt, i - 1), label="Delete empty counterpart")


def replace_links(bt: Bitext, start: int, stop: int, new_links: Sequence[Link],
                  label: str = "Re-align") -> Edit:
    """Replace links ``start:stop`` by ``new_links`` holding exactly the same sentences."""
    if not 0 <= start <= stop <= len(bt.links):
        raise OperationError(f"link range {start + 1}–{stop} does not exist")
    for lang in LANGS:
        before = [s for link in bt.links[start:stop] for s in link.side(lang)]
        after = [s for link in new_links for s in link.side(lang)]
        if before != after:
            raise OperationError(f"the new links do not hold the same {lang} sentences")
    if any(link.is_empty for link in new_links):
        raise OperationError("a new link is empty on both sides")
    return _replace(label, bt, start, stop, new_links)


# -- sentence operations ----------------------------------------------------------------
def _side_sentence(bt: Bitext, i: int, lang: Lang, k: int) -> tuple[Link, Sentence]:
    link = _link(bt, i)
    ids = link.side(lang)
    if not 0 <= k < len(ids):
        raise OperationError(f"link {i + 1} has no {lang} sentence {k + 1}")
    return link, bt.sentences[ids[k]]


def _fresh_id(bt: Bitext, base: str) -> str:
    n = 1
    while f"{base}.{n}" in bt.sentences:
        n += 1
    return f"{base}.{n}"


def split_sentence(bt: Bitext, i: int, lang: Lang, k: int, offset: int) -> Edit:
    """Split the k-th ``lang`` sentence of link ``i`` at character ``offset``.

    Whitespace around the cut goes with neither half. The second half gets a new id and
    an order key that sorts right after the first; both stay in link ``i``.
    """
    link, sentence = _side_sentence(bt, i, lang, k)
    text = sentence.text
    left, right = text[:offset].rstrip(), text[offset:].lstrip()
    if not 0 < offset < len(text) or not left or not right:
        raise OperationError("a sentence can only be split between two non-empty parts")
    if sentence.edited:
        left_orig, right_orig = sentence.original, right
    else:
        left_orig, right_orig = left, right
    first = replace(sentence, text=left, original=left_orig)
    following = _next_sentence(bt, i, lang, k)
    second = replace(sentence, id=_fresh_id(bt, sentence.id), text=right,
                     original=right_orig,
                     order=_key_between(sentence.order,
                                        bt.sentences[following[1]].order if following else None))
    ids = link.side(lang)
    new_link = link.with_side(lang, (*ids[:k], first.id, second.id, *ids[k + 1:]))
    return _replace("Split sentence", bt, i, i + 1, [new_link], [sentence], [first, second])


def _key_between(before: OrderKey, after: OrderKey | None) -> OrderKey:
    """An order key greater than ``before`` and less than ``after`` (its successor)."""
    n = len(before)
    if after is not None and len(after) > n and after[:n] == before:
        return (*before, after[n] - 1)
    return (*before, 0)


def _next_sentence(bt: Bitext, i: int, lang: Lang, k: int) -> tuple[int, str] | None:
    """(link index, id) of the ``lang`` sentence after the k-th one of link ``i``."""
    ids = bt.links[i].side(lang)
    if k + 1 < len(ids):
        return i, ids[k + 1]
    for j in range(i + 1, len(bt.links)):
        side = bt.links[j].side(lang)
        if side:
            return j, side[0]
    return None


def join_text(left: str, right: str) -> str:
    """Join two sentence texts: no space between CJK characters, one space otherwise."""
    if not left or not right:
        return left + right
    if _is_wide(left[-1]) or _is_wide(right[0]):
        return left + right
    return f"{left} {right}"


def _is_wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80 and not 0xFF61 <= ord(ch) <= 0xFFDC


def join_sentences(bt: Bitext, i: int, lang: Lang, k: int) -> Edit:
    """Join the k-th ``lang`` sentence of link ``i`` with the next sentence of its language.

    When that sentence sits in a later link it moves into link ``i``; a link left empty
    disappears.
    """
    link, first = _side_sentence(bt, i, lang, k)
    ids = link.side(lang)
    following = _next_sentence(bt, i, lang, k)
    if following is None:
        raise OperationError(f"there is no {lang} sentence after this one")
    j, second_id = following
    second = bt.sentences[second_id]
    joined = replace(first, text=join_text(first.text, second.text),
                     original=join_text(first.original, second.original),
                     flags=first.flags | second.flags)
    new_ids = (*ids[:k + 1], *ids[k + 2:]) if j == i else ids
    new = [link.with_side(lang, new_ids), *bt.links[i + 1:j]]
    if j != i:
        new[0] = _unconfirmed(new[0])
        rest = _unconfirmed(bt.links[j].with_side(lang, bt.links[j].side(lang)[1:]))
        if not rest.is_empty:
            new.append(rest)
    return _replace("Join sentences", bt, i, j + 1, new, [first, second], [joined])


def _sentence(bt: Bitext, sid: str) -> Sentence:
    try:
        return bt.sentences[sid]
    except KeyError:
        raise OperationError(f"there is no sentence {sid}") from None


def edit_text(bt: Bitext, sid: str, text: str) -> Edit:
    """Change a sentence's text; its extracted original is kept."""
    sentence = _sentence(bt, sid)
    if not text.strip():
        raise OperationError("a sentence cannot be empty; join or delete it instead")
    if text == sentence.text:
        raise OperationError("the text is unchanged")
    return Edit("Edit text", 0, (), (), (sentence,), (replace(sentence, text=text),))


def restore_original(bt: Bitext, sid: str) -> Edit:
    """Put back the extracted text of an edited sentence."""
    sentence = _sentence(bt, sid)
    if not sentence.edited:
        raise OperationError("the sentence has not been edited")
    return Edit("Restore original", 0, (), (), (sentence,),
                (replace(sentence, text=sentence.original),))


# -- link fields ------------------------------------------------------------------------
def set_status(bt: Bitext, start: int, stop: int, status: Status) -> Edit:
    """Set the status of links ``start:stop`` (confirming keeps the confidence)."""
    if status not in STATUSES:
        raise OperationError(f"unknown status {status!r}")
    if not 0 <= start < stop <= len(bt.links):
        raise OperationError(f"link range {start + 1}–{stop} does not exist")
    new = [replace(link, status=status) for link in bt.links[start:stop]]
    label = "Confirm" if status == "confirmed" else "Unconfirm"
    return _replace(label, bt, start, stop, new)


def set_note(bt: Bitext, i: int, note: str) -> Edit:
    link = _link(bt, i)
    if note == link.note:
        raise OperationError("the note is unchanged")
    return _replace("Edit note", bt, i, i + 1, [replace(link, note=note)])


def set_flag(bt: Bitext, i: int, flag: str, on: bool) -> Edit:
    """Add or remove a flag (e.g. ``"bookmark"``) on link ``i``."""
    link = _link(bt, i)
    flags = link.flags | {flag} if on else link.flags - {flag}
    if flags == link.flags:
        raise OperationError(f"the link is already {'flagged' if on else 'not flagged'}")
    return _replace("Bookmark" if flag == "bookmark" else "Flag", bt, i, i + 1,
                    [replace(link, flags=frozenset(flags))])


def locate(bt: Bitext, sid: str) -> tuple[int, Lang, int]:
    """(link index, language, position in side) of a sentence. Linear; for tools, not loops."""
    lang = _sentence(bt, sid).lang
    for i, link in enumerate(bt.links):
        ids = link.side(lang)
        if sid in ids:
            return i, lang, ids.index(sid)
    raise OperationError(f"sentence {sid} is in no link")
