"""Same input, same output: the machine's thread count and load never change a result.

BLAS products split over several threads sum in another order, so a thread count that
followed the machine's load made confidences wobble in the fourth digit between runs.
"""

from __future__ import annotations

import numpy as np
import pytest
from align_samples import STORY_EN, STORY_ZH
from threadpoolctl import threadpool_limits

from editor.core.align import Bead, align_sentences, encoder

ZH = [*STORY_ZH, "他说：“明天见！”"]
EN = [*STORY_EN, "He said, \"See you tomorrow!\""]


def _numbered(lines: list[str], copies: int) -> list[str]:
    """Enough text for several micro-batches and table slices, no two lines alike."""
    return [f"{line} ({k})" for k in range(copies) for line in lines]


def _align_with(threads: int, workers: int, monkeypatch: pytest.MonkeyPatch) -> list[Bead]:
    monkeypatch.setattr(encoder, "worker_count", lambda: workers)
    with threadpool_limits(limits=threads, user_api="blas"):
        return align_sentences(_numbered(ZH, 12), _numbered(EN, 12))


def test_alignment_is_identical_under_any_thread_count(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _align_with(1, 1, monkeypatch)
    for threads, workers in ((2, 2), (4, 3), (2, 1)):
        again = _align_with(threads, workers, monkeypatch)
        assert [(b.zh, b.en) for b in again] == [(b.zh, b.en) for b in first]
        # exact float equality: the same bits, not merely close
        assert [b.confidence for b in again] == [b.confidence for b in first]


def test_token_sums_are_the_same_bits_for_any_worker_count() -> None:
    texts = _numbered(EN, 30) + _numbered(ZH, 30)
    one = encoder.token_sums(texts, workers=1)
    for workers in (2, 3):
        other = encoder.token_sums(texts, workers=workers)
        assert np.array_equal(other.sums, one.sums)
        assert np.array_equal(other.counts, one.counts)
    runs = encoder.run_embeddings(one, 2, workers=1)
    assert np.array_equal(encoder.run_embeddings(one, 2, workers=2), runs)


def test_worker_count_follows_the_cpus_not_the_load(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    before = encoder.worker_count()
    monkeypatch.setattr(os, "getloadavg", lambda: (50.0, 50.0, 50.0))
    assert encoder.worker_count() == before >= 1


def test_window_by_window_alignment_is_identical_under_any_thread_count(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Long documents: windows, background encoding of the next one, any worker count."""
    from editor.core.align import windows

    monkeypatch.setattr(windows, "WINDOW", 40)
    monkeypatch.setattr(windows, "BLOCK", 16)
    first = _align_with(1, 1, monkeypatch)
    again = _align_with(2, 2, monkeypatch)
    assert [(b.zh, b.en, b.confidence) for b in again] == \
        [(b.zh, b.en, b.confidence) for b in first]
