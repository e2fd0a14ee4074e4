"""Promise: no sequence of edits loses, duplicates or reorders text, and undo is exact."""

from __future__ import annotations

import random

import regex
from bitext_factory import random_bitext, try_plan
from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core import edits
from editor.core.model import LANGS, Bitext

_SPACE = regex.compile(r"\s+")


def _letters(bt: Bitext, lang: str, override: dict[str, str] | None = None) -> str:
    """Text of one language in document order with whitespace removed."""
    texts = []
    for sid in bt.sentence_ids(lang):  # type: ignore[arg-type]
        text = (override or {}).get(sid, bt.sentences[sid].text)
        texts.append(_SPACE.sub("", text))
    return "".join(texts)


@given(seed=st.integers(0, 2**32 - 1), n_zh=st.integers(0, 12), n_en=st.integers(0, 12),
       steps=st.integers(1, 200))
def test_random_edit_sequences_keep_invariants_text_and_undo(
        seed: int, n_zh: int, n_en: int, steps: int) -> None:
    rng = random.Random(seed)
    bt = random_bitext(rng, max(n_zh, 1), n_en)
    start = bt.snapshot(order_keys=True)
    undo: list[edits.Edit] = []
    for _ in range(steps):
        edit = try_plan(bt, rng)
        if edit is None:
            continue
        before = {lang: _letters(bt, lang) for lang in LANGS}
        override = {s.id: s.text for s in edit.new_sentences if s.id in bt.sentences}
        text_edit = not edit.old_links and not edit.new_links
        expected = {lang: _letters(bt, lang, override) if text_edit else before[lang]
                    for lang in LANGS}
        undo.append(edits.apply(bt, edit))
        bt.check()
        for lang in LANGS:
            assert _letters(bt, lang) == expected[lang], edit.label
    for inverse in reversed(undo):
        edits.apply(bt, inverse)
    assert bt.snapshot(order_keys=True) == start


@settings(max_examples=300)
@given(seed=st.integers(0, 2**32 - 1))
def test_a_failed_request_leaves_the_bitext_unchanged(seed: int) -> None:
    rng = random.Random(seed)
    bt = random_bitext(rng, 5, 5)
    before = bt.snapshot(order_keys=True)
    for _ in range(30):
        try_plan(bt, rng)  # planning alone never changes anything
    assert bt.snapshot(order_keys=True) == before
