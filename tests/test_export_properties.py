"""Property tests: writing with our exporters and reading with our readers is the identity
on link text, status, confidence (not in XLIFF) and note, for every text XML can carry."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from editor.core.export import ExportOptions, export_bitext, read_bitext
from editor.core.export.common import clean, join_sentences
from editor.core.model import Bitext, make_sentences

# Any character except those XML 1.0 forbids (they become U+FFFD, tested elsewhere).
TEXT = st.text(st.characters(blacklist_categories=("Cs",),
                             blacklist_characters="".join(map(chr, [*range(0, 9), 11, 12,
                                                               *range(14, 32)]))
                             + "\ufffe\uffff"), min_size=1, max_size=30)
LINK = st.tuples(st.lists(TEXT, min_size=0, max_size=2), st.lists(TEXT, min_size=0, max_size=2),
                 st.sampled_from(["auto", "confirmed"]),
                 st.one_of(st.none(), st.floats(0, 1)), st.sampled_from(["", "註", "a\tb <x>"]))


def build(links: list) -> Bitext:
    zh_texts = [t for zh, _en, *_ in links for t in zh]
    en_texts = [t for _zh, en, *_ in links for t in en]
    zh, en = make_sentences("zh", zh_texts), make_sentences("en", en_texts)
    beads, i, j = [], 0, 0
    for z, e, *_ in links:
        beads.append((list(range(i, i + len(z))), list(range(j, j + len(e)))))
        i, j = i + len(z), j + len(e)
    bt = Bitext.from_beads(zh, en, beads)
    for k, (_z, _e, status, confidence, note) in enumerate(links):
        bt.links[k] = replace(bt.links[k], status=status, confidence=confidence, note=note)
    return bt


def expected(bt: Bitext, *, paired_only: bool) -> list[tuple]:
    out = []
    for link in bt.links:
        zh = join_sentences(bt.texts(link, "zh"), "zh")
        en = join_sentences(bt.texts(link, "en"), "en")
        if paired_only and not (zh and en):
            continue
        out.append((zh, en, link.status, _rounded(link.confidence), link.note))
    return out


def observed(bt: Bitext) -> list[tuple]:
    return [("".join(bt.texts(link, "zh")), "".join(bt.texts(link, "en")), link.status,
             _rounded(link.confidence), link.note) for link in bt.links]


def _rounded(value: float | None) -> float | None:
    """Excel keeps 15 significant digits; a confidence needs far fewer."""
    return None if value is None else round(value, 12)


LINKS = st.lists(LINK.filter(lambda lk: bool(lk[0] or lk[1])), min_size=1, max_size=6)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(links=LINKS, fmt=st.sampled_from(["tmx", "tsv", "csv", "xlsx", "xlf"]),
       bom=st.booleans())
def test_write_then_read_is_identity(links: list, fmt: str, bom: bool) -> None:
    bt = build(links)
    assume(fmt != "tmx" or expected(bt, paired_only=True))  # a TMX needs one full unit
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"round.{fmt}"
        export_bitext(bt, out, fmt, ExportOptions(bom=bom, column_order="en-zh"))
        back = read_bitext(out)
    found, wanted = observed(back), expected(bt, paired_only=fmt == "tmx")
    if fmt == "xlf":  # XLIFF has no place for a confidence
        found = [(*row[:3], None, row[4]) for row in found]
        wanted = [(*row[:3], None, row[4]) for row in wanted]
    assert found == wanted


@given(text=st.text(max_size=40))
def test_clean_only_replaces_forbidden_characters(text: str) -> None:
    cleaned = clean(text)
    assert len(cleaned) == len(text)
    for before, after in zip(text, cleaned, strict=True):
        forbidden = (ord(before) < 32 and before not in "\t\n\r") or before in "\ufffe\uffff" \
            or 0xD800 <= ord(before) <= 0xDFFF
        assert after == ("\ufffd" if forbidden else before)
