"""Bitexts for the export tests: a small realistic one and one full of hostile text."""

from __future__ import annotations

from dataclasses import replace

from editor.core.model import Bitext, Provenance, make_sentences

ZH = ["香港特別行政區政府今日公布新措施。", "措施包括三個部分：", "第一，支援創新科技。",
      "這是沒有英文對應的一句。", "「新質生產力」是重點。"]
EN = ["The HKSAR Government announced new measures today.",
      "The measures have three parts: first, support for innovation and technology.",
      "An English sentence with no Chinese counterpart.",
      '"New quality productive forces" are the focus.']
BEADS = [([0], [0]), ([1, 2], [1]), ([3], []), ([], [2]), ([4], [3])]

HOSTILE_ZH = ["<script>alert('x')</script>：危險", "甲&乙]]>丙", "=1+1 開頭的公式",
              "私用字\ue000\uf8ff香港", "控制\x00字元\x1f與\ufffe"]
HOSTILE_EN = ["<b>bold</b> & \"quotes\" 'single'", "]]> end of CDATA", "-2+3 @cmd|' /C calc'",
              "+plus, comma; \"quoted\"\ttab\nnewline", "bell\x07 and \ud800 surrogate"]


def sample_bitext() -> Bitext:
    """Five links: 1-1, 2-1, 1-0, 0-1, 1-1; statuses, a note, an edited sentence."""
    provs = [Provenance("s0", 0, (), p) for p in (0, 0, 0, 1, 2)]
    zh = make_sentences("zh", ZH, provenances=provs)
    en = make_sentences("en", EN)
    bt = Bitext.from_beads(zh, en, BEADS, confidences=[0.9, 0.55, None, None, 0.8])
    bt.links[0] = replace(bt.links[0], status="confirmed", note="checked by 陳")
    bt.links[4] = replace(bt.links[4], status="confirmed")
    bt.sentences["e0"] = replace(bt.sentences["e0"],
                                 text="The HKSAR Government announced measures today.")
    return bt


def hostile_bitext() -> Bitext:
    zh = make_sentences("zh", HOSTILE_ZH)
    en = make_sentences("en", HOSTILE_EN)
    bt = Bitext.from_beads(zh, en, [([k], [k]) for k in range(len(zh))])
    bt.links[1] = replace(bt.links[1], note="<note> & ]]> \x01")
    return bt
