"""Sentence segmentation accuracy on MAC-Dev: recovered gold sentence boundaries.

Each chapter's gold sentences (one per line) are joined — Chinese with no separator,
English with one space — and split again; a boundary is the character offset between
two gold sentences. Prints precision and recall per chapter and overall, per language.

Run: ``.venv/bin/python bench/bench_segment.py [--errors N]`` (N shows missed/extra
boundaries per language, for studying the data).
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from editor.core.extract.text import extract_text
from editor.core.model import Lang
from editor.core.segment import segment_extraction, split_sentences

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MAC_DEV = SHARED / "data" / "mac-dev"
TEXT_FIXTURES = SHARED / "fixtures" / "text"
SEPARATOR: dict[Lang, str] = {"zh": "", "en": " "}


@dataclass
class Score:
    """Boundary counts: true positives, predicted, gold."""

    hits: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.hits / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 1.0

    def add(self, other: Score) -> None:
        self.hits += other.hits
        self.predicted += other.predicted
        self.gold += other.gold


def gold_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def join_gold(lines: list[str], lang: Lang) -> tuple[str, set[int]]:
    """The joined chapter and the offsets where gold sentences end (the last excluded)."""
    text = SEPARATOR[lang].join(lines)
    bounds, pos = set(), 0
    for line in lines[:-1]:
        pos += len(line)
        bounds.add(pos)
        pos += len(SEPARATOR[lang])
    return text, bounds


def score_chapter(lines: list[str], lang: Lang) -> tuple[Score, list[tuple[str, int]]]:
    """Score and the boundary errors as (kind, offset) with kind "missed" or "extra"."""
    text, gold = join_gold(lines, lang)
    spans = split_sentences(text, lang)
    predicted = {stop for _, stop in spans[:-1]}
    errors = [("missed", b) for b in sorted(gold - predicted)]
    errors += [("extra", b) for b in sorted(predicted - gold)]
    return Score(len(gold & predicted), len(predicted), len(gold)), errors


def chapters() -> list[str]:
    return sorted(p.stem for p in MAC_DEV.glob("*.zh"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, metavar="N",
                        help="show up to N boundary errors per chapter and language")
    args = parser.parse_args(argv)
    if not MAC_DEV.is_dir():
        print(f"skipped: {MAC_DEV} is absent")
    else:
        mac_dev_table(args.errors)
    text_import_table()
    if MAC_DEV.is_dir():
        encoding_table()
    return 0


def mac_dev_table(show: int) -> None:
    """Boundary precision and recall per chapter and language."""
    print("| chapter | lang | gold | predicted | precision | recall |")
    print("|---|---|---:|---:|---:|---:|")
    totals: dict[Lang, Score] = {"zh": Score(), "en": Score()}
    started = time.perf_counter()
    chars = 0
    for stem in chapters():
        for lang in ("zh", "en"):
            lines = gold_lines(MAC_DEV / f"{stem}.{lang}")
            chars += sum(map(len, lines))
            score, errors = score_chapter(lines, lang)
            totals[lang].add(score)
            print(f"| {stem} | {lang} | {score.gold} | {score.predicted} | "
                  f"{score.precision:.3f} | {score.recall:.3f} |")
            show_errors(lines, lang, errors[:show])
    elapsed = time.perf_counter() - started
    for lang, score in totals.items():
        print(f"| **all** | {lang} | {score.gold} | {score.predicted} | "
              f"**{score.precision:.3f}** | **{score.recall:.3f}** |")
    print(f"\n{chars:,} characters segmented in {elapsed:.2f} s "
          f"({chars / max(elapsed, 1e-9) / 1e6:.2f} M chars/s)")


def encoding_samples() -> list[tuple[str, str, str]]:
    """(length bucket, encoding, text): every MAC-Dev Chinese sentence in GB18030, and in
    Big5-HKSCS after conversion to Traditional characters (when encodable); every English
    sentence with typographic quotes and dashes in Windows-1252."""
    from opencc import OpenCC

    to_traditional = OpenCC("s2t")
    samples = []
    for stem in chapters():
        for line in gold_lines(MAC_DEV / f"{stem}.zh"):
            samples.append((_bucket(line), "gb18030", line))
            samples += _if_encodable(to_traditional.convert(line), "big5hkscs")
        for line in gold_lines(MAC_DEV / f"{stem}.en"):
            samples += _if_encodable(_typographic(line), "cp1252")
    return samples


def _bucket(text: str) -> str:
    return "1-8" if len(text) <= 8 else "9-20" if len(text) <= 20 else "21+"


def _if_encodable(text: str, encoding: str) -> list[tuple[str, str, str]]:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return []
    return [] if data.isascii() else [(_bucket(text), encoding, text)]


def _typographic(text: str) -> str:
    """Curly quotes, ellipses and dashes, as a word processor writes them."""
    text = re.sub(r'"([^"]*)"', "\u201c\\1\u201d", text.replace("'", "\u2019"))
    return text.replace("...", "\u2026").replace(" - ", " \u2014 ")


def encoding_accuracy(samples: list[tuple[str, str, str]]) -> dict[tuple[str, str], list[int]]:
    """(encoding, bucket) → [decoded exactly, total]."""
    from editor.core.encoding import decode_bytes
    from editor.core.errors import InputError

    counts: dict[tuple[str, str], list[int]] = {}
    for bucket, encoding, text in samples:
        cell = counts.setdefault((encoding, bucket), [0, 0])
        cell[1] += 1
        with contextlib.suppress(InputError):
            cell[0] += decode_bytes(text.encode(encoding), "sample")[0] == text
    return counts


def encoding_table() -> None:
    """Legacy-encoding detection on single sentences (short texts are the hard case)."""
    started = time.perf_counter()
    counts = encoding_accuracy(encoding_samples())
    elapsed = time.perf_counter() - started
    print("\n| encoding | sentence length (chars) | decoded exactly | sentences |")
    print("|---|---|---:|---:|")
    for (encoding, bucket), (good, total) in sorted(counts.items()):
        print(f"| {encoding} | {bucket} | {good / total:.3f} | {total} |")
    print(f"\n{sum(t for _, t in counts.values())} detections in {elapsed:.2f} s")


def text_import_table() -> None:
    """Import + segmentation time and counts for the real bilingual text documents."""
    docs = [TEXT_FIXTURES / "w3c-clreq_en-zhHans-zhHant.html",
            *sorted((TEXT_FIXTURES / "effective-go_zh-en").glob("[0-9]*.md"))]
    docs = [d for d in docs if d.exists()]
    if not docs:
        print(f"\nskipped text import: {TEXT_FIXTURES} is absent")
        return
    print("\n| document | paragraphs zh/en | sentences zh/en | seconds |")
    print("|---|---:|---:|---:|")
    groups = {"w3c-clreq (html)": docs[:1], f"Effective Go ({len(docs) - 1} md)": docs[1:]}
    for name, paths in groups.items():
        started = time.perf_counter()
        counts = [0, 0, 0, 0]
        for path in paths:
            extraction = extract_text(path)
            zh, en = segment_extraction(extraction)
            for k, n in enumerate((len(extraction.of("zh")), len(extraction.of("en")),
                                   len(zh), len(en))):
                counts[k] += n
        elapsed = time.perf_counter() - started
        print(f"| {name} | {counts[0]}/{counts[1]} | {counts[2]}/{counts[3]} | "
              f"{elapsed:.2f} |")


def show_errors(lines: list[str], lang: Lang, errors: list[tuple[str, int]]) -> None:
    text, _ = join_gold(lines, lang)
    for kind, offset in errors:
        context = text[max(0, offset - 40):offset] + " ‖ " + text[offset:offset + 30]
        print(f"    {kind:6} {context!r}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
