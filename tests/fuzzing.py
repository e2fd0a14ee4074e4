"""Mutate real and generated files and feed them to the ``bitext`` CLI.

Each case must end with success or exit status 2 and one line on stderr naming the file,
within the time limit, without a traceback, under a memory cap. Used by
``tests/test_fuzz.py`` (a few dozen cases in every run) and by the dedicated run in
``bench/reliability.py`` (thousands). Bundles cannot be opened by the CLI, so they go
through :func:`open_like_the_window` (the window's own open path) in a child process.
"""

from __future__ import annotations

import io
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor.core.export import ExportOptions, export_bitext
from editor.core.model import Bitext, Source, make_sentences
from editor.core.project import save_project
from editor.gui.bundle import BUNDLE_SUFFIX, save_bundle

TIME_LIMIT = 30.0
MEMORY_LIMIT = 3 << 30  # address space of one case (bytes)

ZH = ["全國兩會於3月中旬圓滿結束。", "這次兩會的焦點之一是「新質生產力」。", "香港需要抓緊機遇。",
      "私用區字元\ue000也要保留。"]
EN = ["The Two Sessions concluded in mid-March.", "One highlight was \"new quality productivity.\"",
      "Hong Kong must seize the opportunity.", "Private-use characters are kept."]
#: Text seeds: (encoding, file name). Legacy Chinese code pages, every Unicode form with
#: and without its byte-order mark.
TEXT_ENCODINGS = (("utf-8", "utf8.txt"), ("utf-8-sig", "utf8bom.txt"), ("utf-16", "utf16.txt"),
                  ("utf-16-be", "utf16be-nobom.txt"), ("utf-32", "utf32.txt"),
                  ("gb18030", "gb.txt"), ("big5hkscs", "big5.txt"))


def sample_bitext(sources: Sequence[Source] = ()) -> Bitext:
    zh, en = make_sentences("zh", ZH), make_sentences("en", EN)
    return Bitext.from_beads(zh, en, [([i], [i]) for i in range(len(ZH))], sources=sources)


def make_seeds(folder: Path) -> list[Path]:
    """Our own files of every kind the program reads: the seeds for mutation."""
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(f"{e}\n\n{z}" for z, e in zip(ZH, EN, strict=True))
    seeds = []
    for encoding, name in TEXT_ENCODINGS:
        (folder / name).write_bytes(text.replace("\ue000", "").encode(encoding))
        seeds.append(folder / name)
    (folder / "english.txt").write_bytes("\n\n".join(EN).replace('"', "\u201c").encode("cp1252"))
    (folder / "notes.md").write_text("# Title\n\n" + text, encoding="utf-8")
    seeds += [folder / "english.txt", folder / "notes.md"]
    source = Source("s0", "utf8.txt", kind="txt", languages=("zh", "en"))
    bt = sample_bitext([source])
    save_project(bt, folder / "project.bitext", {"selected": 2})
    save_bundle(bt, folder / f"project{BUNDLE_SUFFIX}", {"selected": 2},
                {"s0": folder / "utf8.txt"})
    seeds += [folder / "project.bitext", folder / f"project{BUNDLE_SUFFIX}"]
    for fmt, name, options in (
            ("tmx", "memory.tmx", None), ("xliff", "memory.xlf", None),
            ("xliff", "memory21.xliff", ExportOptions(xliff_version="2.1")),
            ("docx", "table.docx", None), ("tsv", "table.tsv", None), ("csv", "table.csv", None),
            ("xlsx", "table.xlsx", None), ("html", "page.html", None)):
        export_bitext(bt, folder / name, fmt, options)
        seeds.append(folder / name)
    return seeds


def kind_of(path: Path) -> str:
    """The kind of file a case is, for the figures ("bundle", "pdf", "text" …)."""
    if path.name.endswith(BUNDLE_SUFFIX):
        return "bundle"
    suffix = path.suffix.lower().lstrip(".")
    kinds = {"bitext": "project", "xlf": "xliff", "md": "markdown", "txt": "text",
             "csv": "tsv/csv", "tsv": "tsv/csv"}
    return kinds.get(suffix, suffix)


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
    """Replace some written numbers (lengths, counts, offsets) by huge or negative ones."""
    numbers = list(re.finditer(rb"\d+", data[:200_000]))
    out = bytearray(data)
    for match in sorted(rng.sample(numbers, min(len(numbers), rng.randint(1, 8))),
                        key=lambda m: -m.start()):
        out[match.start():match.end()] = rng.choice(
            [b"999999999999", b"2147483648", b"-1", b"0", b"4294967295"])
    return bytes(out)


#: Offsets of the size, count and offset fields after each ZIP record's signature.
_ZIP_FIELDS = {b"PK\x03\x04": (18, 22, 26, 28), b"PK\x01\x02": (20, 24, 28, 30, 42),
               b"PK\x05\x06": (8, 10, 12, 16)}


def huge_fields(data: bytes, rng: random.Random) -> bytes:
    """Overwrite binary length fields with huge values: a ZIP record's sizes, counts and
    offsets when the file is a ZIP, else bytes anywhere."""
    spots = [m.start() + field for sig, fields in _ZIP_FIELDS.items()
             for m in re.finditer(re.escape(sig), data) for field in fields]
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        at = rng.choice(spots) if spots else rng.randrange(max(len(out) - 3, 1))
        value = rng.choice([0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF, 0])
        out[at:at + 4] = value.to_bytes(4, rng.choice(["little", "big"]))
    return bytes(out)


def repeat_chunk(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    chunk = data[i:i + rng.randint(1, 512)]
    return data[:i] + chunk * rng.randint(2, 200) + data[i:]


def nest(data: bytes, rng: random.Random) -> bytes:
    """Deep nesting at a random place: XML elements, or JSON arrays in other files."""
    depth = rng.choice([200, 5_000, 100_000])
    opening, closing = (b"<g>", b"</g>") if data.lstrip()[:1] == b"<" else (b"[", b"]")
    i = rng.randrange(len(data) + 1)
    return data[:i] + opening * depth + closing * depth + data[i:]


MUTATIONS: dict[str, Callable[..., bytes]] = {
    "flip": flip_bits, "truncate": truncate, "splice": splice, "huge": huge_numbers,
    "fields": huge_fields, "repeat": repeat_chunk, "nest": nest,
}


def mutate_member(data: bytes, rng: random.Random) -> bytes:
    """A ZIP (DOCX, XLSX, bundle) rewritten with one member mutated, so the mutation
    reaches the XML or project inside instead of stopping at a checksum."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        members = [(info, src.read(info)) for info in src.infolist()]
    victim = rng.randrange(len(members))
    name = rng.choice(sorted(set(MUTATIONS) - {"splice"}))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for k, (info, content) in enumerate(members):
            dst.writestr(info, MUTATIONS[name](content, rng) if k == victim else content)
    return buffer.getvalue()


# -- running --------------------------------------------------------------------------
def command_for(path: Path, out: Path) -> list[str]:
    """The call that reads a file of this kind, as the user would make it."""
    if path.name.endswith(BUNDLE_SUFFIX):
        return [str(Path(__file__).resolve()), "open", str(path)]
    kind = path.suffix.lower()
    cli = ["-m", "editor.cli.main"]
    if kind == ".bitext":
        return [*cli, "info", str(path)]
    if kind in (".tmx", ".tsv", ".csv", ".xlsx", ".xlf", ".xliff"):
        return [*cli, "export", str(path), "-f", "tsv", "-o", str(out / f"{path.stem}.tsv")]
    # OCR is tested on its own; here it would only spend the time limit on Tesseract.
    return [*cli, "extract", "--json", "--no-ocr", str(path)]


@dataclass
class Outcome:
    case: str
    status: int | None
    seconds: float
    problem: str | None  # None when the promise held
    max_rss: int = 0  # bytes, the case's largest process (worker processes included)


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_case(path: Path, out: Path, label: str) -> Outcome:
    """Run one case in a child under the memory cap; kill it at the time limit."""
    args = [sys.executable, *command_for(path, out)]
    start = time.monotonic()
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        proc = subprocess.Popen(args, stdout=stdout, stderr=stderr, preexec_fn=_limit_memory)
        status, rss = _wait(proc, start + TIME_LIMIT)
        took = time.monotonic() - start
        if status is None:
            return Outcome(label, None, took, f"no answer within {TIME_LIMIT:.0f} s", rss)
        stderr.seek(0)
        err = stderr.read().decode("utf-8", "replace")
    return Outcome(label, status, took, judge(status, err, path), rss)


def _wait(proc: subprocess.Popen[bytes], deadline: float) -> tuple[int | None, int]:
    """Exit status (None after a kill at the deadline) and peak memory, from wait4."""
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return proc.returncode, usage.ru_maxrss * 1024
        if time.monotonic() > deadline:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return None, usage.ru_maxrss * 1024
        time.sleep(0.02)


def judge(status: int, stderr: str, path: Path) -> str | None:
    if "Traceback" in stderr:
        return "printed a traceback: " + stderr.strip().splitlines()[-1][:200]
    if status == 0:
        return None
    if status != 2:
        return f"exit status {status}: {stderr.strip()[-300:]}"
    lines = stderr.strip().splitlines()
    if len(lines) != 1:
        return f"{len(lines)} lines on stderr: {stderr.strip()[:300]}"
    if str(path) not in lines[0] and path.name not in lines[0]:
        return f"message does not name the file: {lines[0][:200]}"
    if "unexpected error" in lines[0]:  # the CLI's last resort: a reader let it escape
        return lines[0][:300]
    return None


def mutate_cases(seeds: Sequence[Path], count: int, seed: int,
                 folder: Path) -> list[tuple[Path, str]]:
    """``count`` mutated files written under ``folder``, with a label saying how."""
    rng = random.Random(seed)
    contents = {p: p.read_bytes() for p in seeds}
    cases = []
    for n in range(count):
        source = seeds[n % len(seeds)]
        data = contents[source]
        names = sorted(MUTATIONS) + (["member"] if data.startswith(b"PK\x03\x04") else [])
        name = rng.choice(names)
        if name == "splice":
            data = splice(data, rng, contents[rng.choice(list(seeds))])
        elif name == "member":
            data = mutate_member(data, rng)
        else:
            data = MUTATIONS[name](data, rng)
        suffix = BUNDLE_SUFFIX if source.name.endswith(BUNDLE_SUFFIX) else source.suffix
        path = folder / f"case{n:05d}-{name}{suffix}"
        path.write_bytes(data)
        cases.append((path, f"{source.name} {name} #{n}"))
    return cases


def open_like_the_window(path: Path) -> int:
    """What the window does with a file opened from the menu (bundles and projects): the
    expected problems become one line naming the file, anything else a traceback."""
    from editor.core.errors import BitextError
    from editor.core.project import load_project
    from editor.gui.bundle import load_bundle

    try:
        project = load_project(path) if path.suffix.lower() == ".bitext" else load_bundle(path)
        project.bitext.check()
    except BitextError as exc:
        print(f"bitext-editor: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__" and sys.argv[1:2] == ["open"]:
    raise SystemExit(open_like_the_window(Path(sys.argv[2])))
