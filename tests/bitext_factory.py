"""Random and hand-made bitexts for tests and benchmarks (no Qt)."""

from __future__ import annotations

import random

from editor.core import ops
from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.model import LANGS, Bitext, Lang, Link, Provenance, make_sentences

ZH_WORDS = ["新質生產力", "香港", "發展", "科技", "創新", "產業", "政府", "國家", "2024年",
            "AI", "「", "」", "，", "的"]
EN_WORDS = ["Hong", "Kong", "new", "quality", "productivity", "the", "of", "innovation",
            "government", "2024", "Mr.", "e.g.", "AI"]


def random_text(rng: random.Random, lang: Lang) -> str:
    words = ZH_WORDS if lang == "zh" else EN_WORDS
    sep = "" if lang == "zh" else " "
    body = sep.join(rng.choice(words) for _ in range(rng.randint(1, 8)))
    return body + ("。" if lang == "zh" else ".")


def random_bitext(rng: random.Random, n_zh: int, n_en: int) -> Bitext:
    """Sentences in order, grouped into random beads (0..3 per side, never empty)."""
    zh = make_sentences("zh", [random_text(rng, "zh") for _ in range(n_zh)],
                        provenances=[Provenance("s0", 0, ((1.0, 2.0, 3.0, 4.0),), 0)] * n_zh)
    en = make_sentences("en", [random_text(rng, "en") for _ in range(n_en)])
    beads: list[tuple[list[int], list[int]]] = []
    i = j = 0
    while i < n_zh or j < n_en:
        a = min(rng.choice([0, 1, 1, 1, 2, 3]), n_zh - i)
        b = min(rng.choice([0, 1, 1, 1, 2, 3]), n_en - j)
        if a == b == 0:
            a, b = (1, 0) if i < n_zh else (0, 1)
        beads.append((list(range(i, i + a)), list(range(j, j + b))))
        i, j = i + a, j + b
    return Bitext.from_beads(zh, en, beads)


def plan_random_edit(bt: Bitext, rng: random.Random) -> Edit:
    """Plan one random operation; raises OperationError when the draw is impossible."""
    n = len(bt.links)
    i = rng.randrange(max(n, 1))
    lang: Lang = rng.choice(LANGS)
    kind = rng.randrange(13)
    link = bt.links[i] if n else Link()
    k = rng.randrange(max(len(link.side(lang)), 1))
    if kind == 0:
        return ops.merge_with_next(bt, i)
    if kind == 1:
        return ops.split_link(bt, i, rng.randint(0, len(link.zh)), rng.randint(0, len(link.en)))
    if kind == 2:
        return ops.shift_up(bt, i, lang)
    if kind == 3:
        return ops.shift_down(bt, i, lang)
    if kind == 4:
        return ops.insert_empty(bt, i, lang)
    if kind == 5:
        return ops.delete_empty(bt, i)
    if kind == 6:
        sid = link.side(lang)[k] if link.side(lang) else "missing"
        text = bt.sentences[sid].text if sid in bt.sentences else "x"
        return ops.split_sentence(bt, i, lang, k, rng.randint(0, len(text)))
    if kind == 7:
        return ops.join_sentences(bt, i, lang, k)
    if kind == 8:
        sid = rng.choice(list(bt.sentences)) if bt.sentences else "missing"
        return ops.edit_text(bt, sid, random_text(rng, bt.sentences[sid].lang)
                             if sid in bt.sentences else "x")
    if kind == 9:
        sid = rng.choice(list(bt.sentences)) if bt.sentences else "missing"
        return ops.restore_original(bt, sid)
    if kind == 10:
        stop = rng.randint(i + 1, min(n, i + 4)) if n else 1
        return ops.set_status(bt, i, stop, rng.choice(["auto", "confirmed"]))
    if kind == 11:
        return ops.set_note(bt, i, rng.choice(["", "check term", "註釋"]))
    return _random_regroup(bt, rng, i)


def _random_regroup(bt: Bitext, rng: random.Random, start: int) -> Edit:
    """Re-align a few links at random (what the aligner's replace-range does)."""
    stop = min(len(bt.links), start + rng.randint(1, 4))
    zh = [s for link in bt.links[start:stop] for s in link.zh]
    en = [s for link in bt.links[start:stop] for s in link.en]
    new: list[Link] = []
    while zh or en:
        a, b = rng.randint(0, min(2, len(zh))), rng.randint(0, min(2, len(en)))
        if a == b == 0:
            a, b = (1, 0) if zh else (0, 1)
        new.append(Link(zh=tuple(zh[:a]), en=tuple(en[:b])))
        zh, en = zh[a:], en[b:]
    return ops.replace_links(bt, start, stop, new)


def try_plan(bt: Bitext, rng: random.Random) -> Edit | None:
    try:
        return plan_random_edit(bt, rng)
    except OperationError:
        return None
