"""Public alignment functions over plain sentence lists and over a :class:`Bitext`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from typing import Literal

import numpy as np

from editor.core.align import boundaries, confidence, dp, encoder, fast, full, limits, path, windows
from editor.core.edits import Edit
from editor.core.errors import OperationError
from editor.core.memory import share_malloc_arenas
from editor.core.model import Bitext, Link, Sentence, Source

Mode = Literal["full", "fast"]
#: ``progress(stage, fraction)``; stage is a short phrase such as ``"embedding"``.
Progress = Callable[[str, float], None]
Cancel = Callable[[], bool]

#: Columns either side of the anchor path searched by the many-to-many pass.
BAND_WIDTH = 10


@dataclass(frozen=True, slots=True)
class Bead:
    """Zero-based Chinese and English sentence positions joined as one link."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    confidence: float = 1.0

    @property
    def shape(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


def align_sentences(zh: Sequence[str], en: Sequence[str], *, mode: Mode = "full",
                    paragraphs_zh: Sequence[int] | None = None,
                    paragraphs_en: Sequence[int] | None = None,
                    progress: Progress | None = None,
                    cancel: Cancel | None = None) -> list[Bead]:
    """Align two sentence lists; every sentence ends up in exactly one bead, in order.

    Blank sentences are set aside and come back as 1-0/0-1 beads where they stood, so
    the positions of the input are kept. Deterministic: same input, same output.
    ``paragraphs_*`` (a paragraph number per sentence, when known) make links that
    straddle a paragraph break costly.
    """
    if mode not in ("full", "fast"):
        raise ValueError(f"unknown alignment mode {mode!r}")
    limits.refuse_too_many(len(zh), len(en))
    zh_keep = [k for k, t in enumerate(zh) if t.strip()]
    en_keep = [k for k, t in enumerate(en) if t.strip()]
    paragraphs = (_kept(paragraphs_zh, zh_keep, len(zh)), _kept(paragraphs_en, en_keep, len(en)))
    beads = _align_nonblank([zh[k] for k in zh_keep], [en[k] for k in en_keep], mode,
                            paragraphs, progress, cancel)
    if len(zh_keep) == len(zh) and len(en_keep) == len(en):
        return beads
    mapped = [Bead(tuple(zh_keep[i] for i in b.zh), tuple(en_keep[j] for j in b.en),
                   b.confidence) for b in beads]
    return _restore_blanks(mapped, len(zh), len(en))


def _kept(marks: Sequence[int] | None, keep: Sequence[int], count: int) -> list[int] | None:
    if marks is None:
        return None
    if len(marks) != count:
        raise ValueError("need one paragraph number per sentence")
    return [marks[k] for k in keep]


def _align_nonblank(zh: Sequence[str], en: Sequence[str], mode: Mode,
                    paragraphs: tuple[list[int] | None, list[int] | None],
                    progress: Progress | None, cancel: Cancel | None) -> list[Bead]:
    if not zh or not en:
        return [Bead((i,), (), 1.0) for i in range(len(zh))] + \
               [Bead((), (j,), 1.0) for j in range(len(en))]
    if mode == "fast":
        with single_thread_blas():
            result = fast.align(zh, en, paragraphs=paragraphs, cancel=cancel)
            beads, confs = result.beads, confidence.of_gains(result)
    else:
        beads, confs = _align_full(zh, en, paragraphs, progress, cancel)
    return [Bead(z, e, c) for (z, e), c in zip(beads, confs, strict=True)]


class _Progress:
    """One fraction for the whole job: sentences embedded plus sentences aligned."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None, total: int) -> None:
        self.progress, self.cancel, self.total = progress, cancel, max(total, 1)
        self.embedded = self.aligned = 0

    def tick(self, *_: object) -> None:
        """Between encoder batches: the user may cancel there."""
        _check(self.cancel)

    def add_embedded(self, count: int) -> None:
        self.embedded += count
        self._report("Embedding sentences…")

    def add_aligned(self, count: int) -> None:
        self.aligned += count
        self._report("Aligning sentences…")

    def _report(self, stage: str) -> None:
        _check(self.cancel)
        if self.progress is not None:
            done = min(self.embedded + self.aligned, 2 * self.total)
            self.progress(stage, done / (2 * self.total))


def _align_full(zh: Sequence[str], en: Sequence[str],
                paragraphs: tuple[list[int] | None, list[int] | None],
                progress: Progress | None, cancel: Cancel | None
                ) -> tuple[windows.Beads, list[float]]:
    """The full mode; documents longer than a window go window by window (``windows``).

    One BLAS thread throughout (also for the background encoding of the next window):
    the same bits on any machine.
    """
    share_malloc_arenas()
    n, m = len(zh), len(en)
    state = _Progress(progress, cancel, n + m)
    simple = encoder.to_simplified(zh)
    with single_thread_blas(), ThreadPoolExecutor(1, thread_name_prefix="prefetch") as pool:
        long = n + m > windows.WINDOW
        clauses = n + m <= full.TURNS_MAX_SENTENCES
        zh_sums = windows.LazySums(simple, "zh", state.add_embedded, state.tick,
                                   pool if long else None, clauses)
        en_sums = windows.LazySums(en, "en", state.add_embedded, state.tick,
                                   pool if long else None, clauses)

        def solve(zr: range, er: range, ahead: tuple[range, range] | None
                  ) -> tuple[windows.Beads, list[float]]:
            sums = [zh_sums.get(zr), en_sums.get(er)]
            if ahead is not None:
                zh_sums.prefetch(ahead[0])
                en_sums.prefetch(ahead[1])
            else:  # the last window: no block is wanted again
                zh_sums.forget()
                en_sums.forget()
            marks = (_part(paragraphs[0], zr), _part(paragraphs[1], er))
            beads, confs = _align_window(zh[zr.start:zr.stop], en[er.start:er.stop], sums,
                                         marks, cancel)
            state.add_aligned(len(zr) + len(er))
            return beads, confs

        try:
            if not long:
                return solve(range(n), range(m), None)
            # The first window starts with the first block of each side whatever the
            # guide says: encode them (and load the model) while the guide is found.
            zh_sums.prefetch(range(min(n, windows.BLOCK)))
            en_sums.prefetch(range(min(m, windows.BLOCK)))
            reach = windows.guide(zh, en, paragraphs, cancel)
            return windows.align_in_windows(n, m, reach, solve)
        finally:
            pool.shutdown(cancel_futures=True)


def _part(marks: list[int] | None, span: range) -> list[int] | None:
    return None if marks is None else marks[span.start:span.stop]


def _align_window(zh: Sequence[str], en: Sequence[str], sums: list[encoder.SideSums],
                  paragraphs: tuple[list[int] | None, list[int] | None],
                  cancel: Cancel | None) -> tuple[windows.Beads, list[float]]:
    """Align one window; ``sums`` (Chinese, English) is emptied as soon as it is used, so
    the token sums are freed before the scores are made."""
    if not zh or not en:
        return ([((i,), ()) for i in range(len(zh))] + [((), (j,)) for j in range(len(en))],
                [1.0] * (len(zh) + len(en)))
    beads, posteriors, clauses = _window_path(zh, en, sums, paragraphs, cancel)
    return beads, confidence.calibrated(posteriors, clauses)


def _window_path(zh: Sequence[str], en: Sequence[str], sums: list[encoder.SideSums],
                 paragraphs: tuple[list[int] | None, list[int] | None],
                 cancel: Cancel | None) -> tuple[windows.Beads, np.ndarray, np.ndarray | None]:
    """The window's path, its beads' posteriors and the clause check of its
    boundaries (``None`` when the clauses were not encoded)."""
    with ThreadPoolExecutor(1, thread_name_prefix="clauses") as helper, single_thread_blas():
        zh_side = full.Embedded(zh, sums[0], "zh", paragraphs[0])
        en_side = full.Embedded(en, sums[1], "en", paragraphs[1])
        # The clause units are embedded on a helper thread while this one finds
        # the path: the DP is pure Python on one core, the products take the other.
        units = helper.submit(_units, zh, en, list(sums), paragraphs, cancel) \
            if boundaries.affordable(sums) else None
        sums.clear()
        band = _band(zh_side.runs[0][1:].astype(np.float32),
                     en_side.runs[0][1:].astype(np.float32), cancel)
        scorer = full.FullScorer(zh_side, en_side, band)
        skip = scorer.skip_en()
        result = dp.run(full.SHAPES, band, scorer, skip, cancel=cancel)
        _check(cancel)
        posteriors = confidence.of_path(full.SHAPES, band, scorer, skip, result, cancel)
        del scorer, zh_side, en_side  # the kept scores, before the clauses' own
        _check(cancel)
        clauses = None if units is None else boundaries.check(*units.result(), result,
                                                              cancel)
        return result.beads, posteriors, clauses


def _units(zh: Sequence[str], en: Sequence[str], sums: list[encoder.SideSums],
           paragraphs: tuple[list[int] | None, list[int] | None], cancel: Cancel | None
           ) -> tuple[boundaries.Units, boundaries.Units]:
    """Both sides' clause units (on the helper thread of :func:`_window_path`)."""
    with single_thread_blas():
        zh_units = boundaries.Units.of(zh, sums[0], "zh", paragraphs[0])
        _check(cancel)  # a cancelled alignment waits for one side at most
        return zh_units, boundaries.Units.of(en, sums[1], "en", paragraphs[1])


def confidence_features(zh: Sequence[str], en: Sequence[str]
                        ) -> tuple[windows.Beads, np.ndarray, np.ndarray | None]:
    """The full mode's beads of a document of one window with what their confidence is
    made of (for ``bench/fit_confidence.py``): posteriors and the clause check."""
    simple = encoder.to_simplified(zh)
    sums = [encoder.side_sums(simple, "zh"), encoder.side_sums(en, "en")]
    return _window_path(zh, en, sums, (None, None), None)


def _check(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise OperationError("alignment cancelled")


def single_thread_blas() -> AbstractContextManager[None]:
    """One BLAS thread for the many small products of the DP (and the same bits
    whatever the machine; see :func:`encoder.one_blas_thread`)."""
    return encoder.one_blas_thread()


def _band(zv: np.ndarray, ev: np.ndarray, cancel: Cancel | None) -> dp.Band:
    n, m = len(zv), len(ev)
    if (n + 1) * (m + 1) <= path.FULL_CELLS:
        return dp.Band.full(n, m)
    anchors = path.anchor_path(zv, ev, cancel)
    low, high = anchors.extremes(n)
    return dp.Band.around(low, high, m, BAND_WIDTH)


def _restore_blanks(beads: list[Bead], n_zh: int, n_en: int) -> list[Bead]:
    """Insert a 1-0/0-1 bead for every position no bead holds, keeping both orders."""
    held_zh = {i for b in beads for i in b.zh}
    held_en = {j for b in beads for j in b.en}
    out: list[Bead] = []
    next_zh = next_en = 0
    for bead in [*beads, Bead((n_zh,), (n_en,))]:
        first_zh = bead.zh[0] if bead.zh else next_zh
        first_en = bead.en[0] if bead.en else next_en
        out.extend(Bead((i,), (), 1.0) for i in range(next_zh, first_zh) if i not in held_zh)
        out.extend(Bead((), (j,), 1.0) for j in range(next_en, first_en) if j not in held_en)
        next_zh = bead.zh[-1] + 1 if bead.zh else next_zh
        next_en = bead.en[-1] + 1 if bead.en else next_en
        out.append(bead)
    return out[:-1]


# -- over the bitext model -------------------------------------------------------------
def align_to_links(zh: Sequence[Sentence], en: Sequence[Sentence], *, mode: Mode = "full",
                   progress: Progress | None = None,
                   cancel: Cancel | None = None) -> list[Link]:
    """Links joining sentences of the model, automatic, with their confidence."""
    beads = align_sentences([s.text for s in zh], [s.text for s in en], mode=mode,
                            paragraphs_zh=_paragraphs(zh), paragraphs_en=_paragraphs(en),
                            progress=progress, cancel=cancel)
    return [Link(zh=tuple(zh[i].id for i in b.zh), en=tuple(en[j].id for j in b.en),
                 confidence=round(b.confidence, 4)) for b in beads]


def _paragraphs(sentences: Sequence[Sentence]) -> list[int] | None:
    marks = [s.provenance.paragraph if s.provenance else None for s in sentences]
    return None if any(p is None for p in marks) else [int(p) for p in marks if p is not None]


def align_bitext(zh: Sequence[Sentence], en: Sequence[Sentence], *, mode: Mode = "full",
                 sources: Sequence[Source] = (), progress: Progress | None = None,
                 cancel: Cancel | None = None) -> Bitext:
    """A new bitext holding ``zh`` and ``en`` aligned.

    An input over :data:`limits.MAX_SENTENCES` is refused with an error naming
    ``sources`` before any work.
    """
    limits.refuse_too_many(len(zh), len(en), ", ".join(s.path for s in sources) or "input")
    links = align_to_links(zh, en, mode=mode, progress=progress, cancel=cancel)
    bt = Bitext(sources=list(sources), sentences={s.id: s for s in (*zh, *en)}, links=links)
    bt.check()
    return bt


def realign(bitext: Bitext, start: int, stop: int, *, mode: Mode = "full",
            progress: Progress | None = None, cancel: Cancel | None = None) -> Edit:
    """An edit that re-aligns links ``start:stop``, never moving a confirmed link.

    Each stretch of unconfirmed links between confirmed ones is aligned on its own, so
    confirmed links stay exactly as they are and act as fixed anchors. A new link that
    groups the same sentences as an old one keeps the old one's note and flags.
    """
    from editor.core.ops import replace_links

    if not 0 <= start <= stop <= len(bitext.links):
        raise OperationError(f"link range {start + 1}–{stop} does not exist")
    old = bitext.links[start:stop]
    new: list[Link] = []
    stretch: list[Link] = []
    for link in [*old, None]:
        if link is None or link.status == "confirmed":
            new.extend(_realign_stretch(bitext, stretch, mode, progress, cancel))
            stretch = []
            if link is not None:
                new.append(link)
        else:
            stretch.append(link)
    return replace_links(bitext, start, stop, new, label="Re-align")


def realign_after(bitext: Bitext, index: int, *, mode: Mode = "full",
                  progress: Progress | None = None, cancel: Cancel | None = None) -> Edit:
    """Re-align every link after link ``index`` (the GUI's "re-align the rest")."""
    return realign(bitext, index + 1, len(bitext.links), mode=mode, progress=progress,
                   cancel=cancel)


def _realign_stretch(bitext: Bitext, links: Sequence[Link], mode: Mode,
                     progress: Progress | None, cancel: Cancel | None) -> list[Link]:
    if not links:
        return []
    zh = [bitext.sentences[sid] for link in links for sid in link.zh]
    en = [bitext.sentences[sid] for link in links for sid in link.en]
    fresh = align_to_links(zh, en, mode=mode, progress=progress, cancel=cancel)
    before = {(link.zh, link.en): link for link in links}
    out = []
    for link in fresh:
        kept = before.get((link.zh, link.en))
        out.append(replace(kept, confidence=link.confidence) if kept is not None else link)
    return out
