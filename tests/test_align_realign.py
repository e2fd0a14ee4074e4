"""Re-alignment between confirmed links: confirmed links never move."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from editor.core import edits
from editor.core.align import align_bitext, realign, realign_after
from editor.core.model import Bitext, Link, make_sentences

ZH = ["今天早上下雨了。", "我带着一把红色的雨伞去了学校。", "老师讲了一个关于月亮的故事。",
      "下课以后，我和朋友一起吃了午饭。", "我们吃了米饭和鱼。", "晚上我写了作业。"]
EN = ["It rained this morning.", "I took a red umbrella to school.",
      "The teacher told a story about the moon.", "After class, my friend and I had lunch.",
      "We ate rice and fish.", "In the evening I did my homework."]


def scrambled(n_zh: int, n_en: int, cuts: list[int], confirmed: list[bool]) -> Bitext:
    """A bitext whose links group sentences arbitrarily (some confirmed)."""
    zh = make_sentences("zh", [ZH[k % len(ZH)] for k in range(n_zh)])
    en = make_sentences("en", [EN[k % len(EN)] for k in range(n_en)])
    links, i, j = [], 0, 0
    for k, cut in enumerate(cuts):
        a, b = min(cut // 3, n_zh - i), min(cut % 3, n_en - j)
        if a + b == 0:
            continue
        status = "confirmed" if confirmed[k % len(confirmed)] else "auto"
        links.append(Link(zh=tuple(s.id for s in zh[i:i + a]),
                          en=tuple(s.id for s in en[j:j + b]), status=status))
        i, j = i + a, j + b
    if i < n_zh or j < n_en:
        links.append(Link(zh=tuple(s.id for s in zh[i:]), en=tuple(s.id for s in en[j:])))
    bt = Bitext(sentences={s.id: s for s in (*zh, *en)}, links=links)
    bt.check()
    return bt


@settings(max_examples=150, deadline=None)
@given(n_zh=st.integers(0, 12), n_en=st.integers(0, 12),
       cuts=st.lists(st.integers(0, 8), min_size=1, max_size=14),
       confirmed=st.lists(st.booleans(), min_size=1, max_size=5),
       data=st.data())
def test_confirmed_links_never_change(n_zh: int, n_en: int, cuts: list[int],
                                      confirmed: list[bool], data: st.DataObject) -> None:
    bt = scrambled(n_zh, n_en, cuts, confirmed)
    start = data.draw(st.integers(0, len(bt.links)))
    stop = data.draw(st.integers(start, len(bt.links)))
    before = list(bt.links)
    kept = [link for link in before[start:stop] if link.status == "confirmed"]
    undo = edits.apply(bt, realign(bt, start, stop, mode="fast"))
    bt.check()
    assert bt.links[:start] == before[:start]
    assert bt.links[len(bt.links) - (len(before) - stop):] == before[stop:]
    assert [link for link in bt.links if link.status == "confirmed"] == \
        [link for link in before if link.status == "confirmed"]
    assert all(link in bt.links for link in kept)
    edits.apply(bt, undo)
    assert bt.links == before


def test_realign_fixes_a_scrambled_stretch_and_keeps_notes() -> None:
    zh = make_sentences("zh", ZH)
    en = make_sentences("en", EN)
    right = align_bitext(zh, en)
    assert [link.shape for link in right.links] == ["1-1"] * 6
    noted = replace(right.links[0], note="checked by hand")
    wrong = [noted, Link(zh=("z1", "z2"), en=("e1",)), Link(zh=(), en=("e2",)),
             *right.links[3:]]
    bt = Bitext(sentences=dict(right.sentences), links=wrong)
    edits.apply(bt, realign(bt, 0, len(bt.links)))
    assert [(link.zh, link.en) for link in bt.links] == \
        [(link.zh, link.en) for link in right.links]
    assert bt.links[0].note == "checked by hand"


def test_realign_after_leaves_earlier_links_alone() -> None:
    zh = make_sentences("zh", ZH)
    en = make_sentences("en", EN)
    bt = align_bitext(zh, en, mode="fast")
    first = bt.links[0]
    edit = realign_after(bt, 0, mode="fast")
    assert edit.start == 1
    edits.apply(bt, edit)
    assert bt.links[0] is first
    bt.check()
