"""``bitext align``: align two documents (or one bilingual PDF) and write the result.

``bitext align ZH EN -o OUT [-f project|tmx|tsv|ids] [--presegmented] [--mode fast|full]
[--exceptions-en FILE] [--exceptions-zh FILE]`` and ``bitext align --job FILE`` (lines
``ZH<TAB>EN<TAB>OUT``; relative paths are taken from the job file's folder; ``#`` starts
a comment). A job loads the models once, shows progress on stderr, carries on past a
failed line and exits with status 2 if any failed.

``--presegmented`` reads one sentence per line (UTF-8) and keeps the numbering of the
lines: a blank line stays a (blank) sentence of its own, aligned alone as 1-0/0-1, so
``ids`` output can be scored against a gold file of the same lines.

The segmentation exceptions given are used for every document and recorded in a
project's ``settings`` (``segmentation_exceptions``).
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from editor.cli.exceptions_option import HELP, add_exception_options, exceptions_from_args
from editor.core.atomic import write_text_atomic
from editor.core.errors import BitextError, ExportError, InputError
from editor.core.model import Bitext, Sentence, Source, make_sentences

if TYPE_CHECKING:
    from editor.core.segment_exceptions import ExceptionLists

FORMATS = ("project", "tmx", "tsv", "ids")
_BY_SUFFIX = {".bitext": "project", ".tmx": "tmx", ".tsv": "tsv", ".ids": "ids",
              ".align": "ids"}


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "align", help="align a Chinese and an English document",
        description="Align ZH and EN (PDF, DOCX, TXT, HTML; or one bilingual PDF alone) "
                    "and write a project, TMX, TSV or bead ids.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="formats by extension: .bitext project, .tmx, .tsv, .ids/.align bead ids\n"
               "  (one [zh…]:[en…] line per link, zero-based, Chinese first).\n"
               "--presegmented keeps every line, blank ones too (aligned alone as 1-0/0-1),\n"
               "  so the numbering is the files' line numbering.\n"
               "--job FILE: one ZH<TAB>EN<TAB>OUT per line, paths relative to FILE's folder,\n"
               "  '#' comments; models load once; exit status 2 if any line failed.\n"
               + HELP)
    parser.add_argument("inputs", nargs="*", metavar="ZH EN",
                        help="the Chinese then the English document, or one bilingual PDF")
    parser.add_argument("-o", "--output", help="output file")
    parser.add_argument("-f", "--format", choices=FORMATS,
                        help="output format (default: from the output's extension)")
    parser.add_argument("--presegmented", action="store_true",
                        help="inputs are UTF-8 text with one sentence per line; keep them")
    parser.add_argument("--mode", choices=("full", "fast"), default="full",
                        help="full: sentence embeddings (default); fast: lengths only")
    parser.add_argument("--password", help="password of encrypted PDFs")
    parser.add_argument("--job", metavar="FILE", help="align every ZH<TAB>EN<TAB>OUT line")
    add_exception_options(parser)
    parser.set_defaults(func=run)


@dataclass(frozen=True, slots=True)
class Task:
    inputs: tuple[Path, ...]
    output: Path


def run(args: argparse.Namespace) -> int:
    args.exceptions = exceptions_from_args(args)
    if args.exceptions is not None and args.presegmented:
        raise InputError(args.exceptions_en or args.exceptions_zh,
                         "segmentation exceptions do not apply to --presegmented input "
                         "(its lines are the sentences)")
    if args.job:
        if args.inputs or args.output:
            raise InputError(args.job, "give either --job or documents with -o, not both")
        return _run_job(Path(args.job), args)
    if not args.output:
        raise InputError("-o", "an output file is required (-o OUT)")
    if len(args.inputs) not in (1, 2):
        raise InputError(" ".join(args.inputs) or "align",
                         "give ZH and EN documents, or one bilingual PDF")
    task = Task(tuple(Path(p) for p in args.inputs), Path(args.output))
    bitext = align_task(task, args)
    write_output(bitext, task.output, args.format, project_settings(args))
    return 0


def align_task(task: Task, args: argparse.Namespace, label: str = "") -> Bitext:
    """Read the task's documents and align them."""
    def progress(stage: str, fraction: float) -> None:
        print(f"\r{label}{stage} {fraction:4.0%}", end="", file=sys.stderr, flush=True)

    if args.presegmented:
        if len(task.inputs) != 2:
            raise InputError(task.inputs[0], "--presegmented needs two files, ZH and EN")
        zh, en, sources = _presegmented(task.inputs[0], task.inputs[1])
    else:
        zh, en, sources = _imported(task.inputs, args.password, args.exceptions)
    from editor.core.align import align_bitext  # numpy and the encoder: only when aligning

    bitext = align_bitext(zh, en, mode=args.mode, sources=sources,
                          progress=progress if label else None)
    if label:
        print(file=sys.stderr)
    return bitext


def read_lines(path: Path) -> list[str]:
    """Lines of a UTF-8 text file (a BOM is dropped); ``InputError`` if not UTF-8."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 text (invalid byte at offset {exc.start}); "
                               "--presegmented needs UTF-8") from exc
    return text.splitlines()


def _presegmented(zh_path: Path, en_path: Path) -> tuple[list[Sentence], list[Sentence],
                                                         list[Source]]:
    zh = make_sentences("zh", read_lines(zh_path))
    en = make_sentences("en", read_lines(en_path))
    sources = [Source(id="zh", path=str(zh_path.resolve()), kind="txt", languages=("zh",)),
               Source(id="en", path=str(en_path.resolve()), kind="txt", languages=("en",))]
    return zh, en, sources


def _imported(paths: tuple[Path, ...], password: str | None,
              exceptions: ExceptionLists | None = None
              ) -> tuple[list[Sentence], list[Sentence], list[Source]]:
    try:
        from editor.core.extract.api import import_documents
    except ImportError as exc:  # the import pipeline ships with another part
        raise InputError(paths[0], "document import is not available in this build; "
                                   "use --presegmented text") from exc
    from editor.core.extract.limits import pdf_stall_seconds

    result = import_documents([str(p) for p in paths], password=password,
                              exceptions=exceptions, timeout=pdf_stall_seconds(True))
    return list(result.zh), list(result.en), list(result.extraction.sources)


def output_format(path: Path, given: str | None) -> str:
    if given:
        return str(given)
    fmt = _BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise ExportError(path, "cannot tell the format from the extension; give -f "
                                f"({', '.join(FORMATS)})")
    return fmt


def project_settings(args: argparse.Namespace) -> dict[str, Any]:
    """What a written project records of how it was made: the segmentation exceptions
    used (none for ``--presegmented`` input, which is not segmented)."""
    from editor.core.segment_exceptions import to_settings  # not for ``bitext --version``

    return {} if args.presegmented else to_settings(args.exceptions)


def write_output(bitext: Bitext, path: Path, given: str | None,
                 settings: dict[str, Any] | None = None) -> None:
    fmt = output_format(path, given)
    if fmt == "ids":
        write_text_atomic(path, bead_lines(bitext))
    elif fmt == "project":
        from editor.core.project import save_project

        save_project(bitext, path, settings=settings)
    else:
        from editor.core.export import export_bitext

        export_bitext(bitext, path, fmt)


def bead_lines(bitext: Bitext) -> str:
    """One ``[zh…]:[en…]`` line per link, positions in each language's document order."""
    from editor.core.score import format_bead  # not for ``bitext --version``

    position = {sid: k for lang in ("zh", "en")
                for k, sid in enumerate(bitext.sentence_ids(lang))}
    lines = [format_bead([position[s] for s in link.zh], [position[s] for s in link.en])
             for link in bitext.links]
    return "".join(line + "\n" for line in lines)


def read_job(path: Path) -> list[Task]:
    """Tasks of a job file; ``InputError`` names the file and line of a bad line."""
    tasks = []
    for number, line in enumerate(read_lines(path), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or not all(f.strip() for f in fields):
            raise InputError(path, f"line {number}: expected ZH<TAB>EN<TAB>OUT")
        zh, en, out = (path.parent / f.strip() for f in fields)
        tasks.append(Task((zh, en), out))
    return tasks


def _run_job(path: Path, args: argparse.Namespace) -> int:
    tasks = read_job(path)
    failed = 0
    for k, task in enumerate(tasks, start=1):
        label = f"[{k}/{len(tasks)}] {task.output.name}: "
        started = time.perf_counter()
        try:
            bitext = align_task(task, args, label)
            write_output(bitext, task.output, args.format, project_settings(args))
        except (BitextError, OSError) as exc:
            failed += 1
            print(f"{label}failed: {exc}", file=sys.stderr)
            continue
        print(f"{label}{len(bitext.links)} links in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
    return 2 if failed else 0
