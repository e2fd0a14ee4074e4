"""Mutate real and generated files and feed them to the ``bitext`` CLI.

Each case must end with success or exit status 2 and one line on stderr naming the file,
within the time limit, without a traceback, under a memory cap. Used by
``tests/test_fuzz.py`` (a few dozen cases in every run) and by the dedicated run in
``bench/reliability.py`` (thousands).
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.export import export_bitext
from editor.core.model import Bitext, make_sentences
from editor.core.project import save_project

TIME_LIMIT = 30.0
MEMORY_LIMIT = 3 << 30  # address space of one case (bytes)

ZH = ["全國兩會於3月中旬圓滿結束。", "這次兩會的焦點之一是「新質生產力」。", "香港需要抓緊機遇。",
      "私用區字元\ue000也要保留。"]
EN = ["The Two Sessions concluded in mid-March.", "One highlight was \"new quality productivity.\"",
      "Hong Kong must seize the opportunity.", "Private-use characters are kept."]


def sample_bitext() -> Bitext:
    zh, en = make_sentences("zh", ZH), make_sentences("en", EN)
    return Bitext.from_beads(zh, en, [([i], [i]) for i in range(len(ZH))])


def make_seeds(folder: Path) -> list[Path]:
    """Our own files of every kind the CLI reads: the seeds for mutation."""
    folder.mkdir(parents=True, exist_ok=True)
    bt = sample_bitext()
    seeds = [folder / "project.bitext"]
    save_project(bt, seeds[0])
    for fmt, name in (("tmx", "memory.tmx"), ("xliff", "memory.xlf"), ("docx", "table.docx"),
                      ("tsv", "table.tsv"), ("csv", "table.csv"), ("xlsx", "table.xlsx"),
                      ("html", "page.html")):
        export_bitext(bt, folder / name, fmt)
        seeds.append(folder / name)
    text = "\n\n".join(f"{e}\n\n{z}" for z, e in zip(ZH, EN, strict=True))
    for encoding, name in (("utf-8", "utf8.txt"), ("utf-16", "utf16.txt"),
                           ("gb18030", "gb.txt"), ("big5hkscs", "big5.txt")):
        path = folder / name
        path.write_bytes(text.replace("\ue000", "").encode(encoding))
        seeds.append(path)
    (folder / "notes.md").write_text("# Title\n\n" + text, encoding="utf-8")
    seeds.append(folder / "notes.md")
    return seeds


# -- mutations -----------------------------------------------------------------------
def flip_bits(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        if out:
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data) + 1)]


def splice(data: bytes, rng: random.Random, other: bytes) -> bytes:
    i, j = rng.randrange(len(data) + 1), rng.randrange(len(other) + 1)
    return data[:i] + other[j:j + rng.randint(1, 4096)] + data[i + rng.randint(0, 64):]


def huge_numbers(data: bytes, rng: random.Random) -> bytes:
    """Replace some numbers (lengths, counts, offsets) by huge or negative ones."""
    import re

    numbers = list(re.finditer(rb"\d+", data[:200_000]))
    out = bytearray(data)
    for match in sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 8))),
                        key=lambda m: -m.start()):
        out[match.start():match.end()] = rng.choice(
            [b"999999999999", b"2147483648", b"-1", b"0", b"4294967295"])
    return bytes(out)


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    chunk = data[i:i + rng.randint(1, 512)]
    return data[:i] + chunk * rng.randint(2, 200) + data[i:]


MUTATIONS: dict[str, Callable[..., bytes]] = {
    "flip": flip_bits, "truncate": truncate, "splice": splice, "huge": huge_numbers,
    "repeat": repeat_chunk,
}


# -- running --------------------------------------------------------------------------
def command_for(path: Path, out: Path) -> list[str]:
    """The CLI call that reads a file of this kind."""
    kind = path.suffix.lower()
    if kind == ".bitext":
        return ["info", str(path)]
    if kind in (".tmx", ".tsv", ".csv", ".xlsx"):
        return ["export", str(path), "-f", "tsv", "-o", str(out / "out.tsv")]
    # OCR is tested on its own; here it would only spend the time limit on Tesseract.
    return ["extract", "--json", "--no-ocr", str(path)]


@dataclass
class Outcome:
    case: str
    status: int | None
    seconds: float
    problem: str | None  # None when the promise held


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(path: Path, out: Path, label: str) -> Outcome:
    args = [sys.executable, "-m", "editor.cli.main", *command_for(path, out)]
    start = time.monotonic()
    try:
        proc = subprocess.run(args, capture_output=True, text=True, timeout=TIME_LIMIT,
                              preexec_fn=_limit_memory, errors="replace")
    except subprocess.TimeoutExpired:
        return Outcome(label, None, TIME_LIMIT, f"no answer within {TIME_LIMIT:.0f} s")
    took = time.monotonic() - start
    return Outcome(label, proc.returncode, took, judge(proc, path))


def judge(proc: subprocess.CompletedProcess[str], path: Path) -> str | None:
    if "Traceback" in proc.stderr:
        return "printed a traceback: " + proc.stderr.strip().splitlines()[-1][:200]
    if proc.returncode == 0:
        return None
    if proc.returncode != 2:
        return f"exit status {proc.returncode}: {proc.stderr.strip()[-300:]}"
    lines = proc.stderr.strip().splitlines()
    if len(lines) != 1:
        return f"{len(lines)} lines on stderr: {proc.stderr.strip()[:300]}"
    if str(path) not in lines[0] and path.name not in lines[0]:
        return f"message does not name the file: {lines[0][:200]}"
    return None


def mutate_cases(seeds: Sequence[Path], count: int, seed: int,
                 folder: Path) -> list[tuple[Path, str]]:
    """``count`` mutated files written under ``folder``, with a label saying how."""
    rng = random.Random(seed)
    contents = {p: p.read_bytes() for p in seeds}
    cases = []
    for n in range(count):
        source = seeds[n % len(seeds)]
        name = rng.choice(sorted(MUTATIONS))
        mutate = MUTATIONS[name]
        data = contents[source]
        if name == "splice":
            data = mutate(data, rng, contents[rng.choice(list(seeds))])
        else:
            data = mutate(data, rng)
        path = folder / f"case{n:05d}-{name}{source.suffix}"
        path.write_bytes(data)
        cases.append((path, f"{source.name} {name} #{n}"))
    return cases
