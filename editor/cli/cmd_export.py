"""``bitext export PROJECT -f FORMAT -o OUT``: write a project (or a memory) in any format.

PROJECT is a ``.bitext`` project file, or a TMX / XLIFF / TSV / CSV / XLSX file read as one, so
a memory can be converted (``bitext export old.tmx -f xlsx -o review.xlsx``). Without
``-f`` the format follows the output file's extension.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editor.core.errors import ExportError
from editor.core.export import FORMATS, READABLE, ExportOptions, export_bitext, read_bitext
from editor.core.export import format_for_path as _format_for_path
from editor.core.export.text import paired_paths
from editor.core.model import Bitext

PROGRESS_FROM = 5000  # links: smaller exports finish before a percentage is worth reading


def add_parser(sub: argparse._SubParsersAction) -> None:
    formats = ", ".join(FORMATS)
    parser = sub.add_parser(
        "export", help="write a project as TMX, XLIFF, DOCX, PDF, HTML, TSV/CSV, XLSX or text",
        description=f"Export a project (or a TMX/XLIFF/TSV/CSV/XLSX file) as one of: "
                    f"{formats}.")
    parser.add_argument("project", help="a .bitext project, or a .tmx/.xlf/.tsv/.csv/.xlsx file")
    parser.add_argument("-o", "--output", required=True, help="the file to write")
    parser.add_argument("-f", "--format", choices=sorted(FORMATS),
                        help="output format (default: from the output file's extension)")
    _add_filter_options(parser)
    _add_layout_options(parser)
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing on success")
    parser.set_defaults(func=run)


def _add_filter_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("what to export")
    group.add_argument("--confirmed-only", action="store_true", help="only confirmed links")
    group.add_argument("--no-unpaired", action="store_true",
                       help="leave out 1-0 and 0-1 links (a sentence with no counterpart)")
    group.add_argument("--original", action="store_true",
                       help="the extracted text instead of the edited text")
    group.add_argument("--zh-code", help="Chinese language code (default: zh-TW for "
                                         "Traditional, zh-CN for Simplified, e.g. zh-Hant-HK)")
    group.add_argument("--en-code", help="English language code (default: en-US, e.g. en-GB)")
    group.add_argument("--source-lang", choices=["zh", "en"], default="zh",
                       help="source side for TMX srclang and XLIFF (default: zh)")


def _add_layout_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("layout")
    group.add_argument("--xliff-version", choices=["1.2", "2.1"], default="1.2")
    group.add_argument("--english-first", action="store_true",
                       help="English column (or paragraph) before Chinese")
    group.add_argument("--numbers", action="store_true", help="show link numbers")
    group.add_argument("--no-notes", action="store_true", help="leave out link notes")
    group.add_argument("--title", default="", help="document title (DOCX, PDF, HTML)")
    group.add_argument("--pdf-layout", choices=["columns", "alternating"], default="columns")
    group.add_argument("--text-unit", choices=["sentence", "paragraph"], default="sentence",
                       help="plain text: one sentence or one paragraph per line")
    group.add_argument("--text-side", choices=["zh", "en", "both"], default="both",
                       help="plain text: Chinese, English, or both as OUT.zh.txt + OUT.en.txt")
    group.add_argument("--bom", action="store_true", help="TSV/CSV: start with a UTF-8 BOM")


def options_from_args(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        confirmed_only=args.confirmed_only, include_unpaired=not args.no_unpaired,
        use_original_text=args.original, zh_code=args.zh_code, en_code=args.en_code,
        source_lang=args.source_lang, xliff_version=args.xliff_version,
        column_order="en-zh" if args.english_first else "zh-en",
        link_numbers=args.numbers, notes=not args.no_notes, title=args.title,
        pdf_layout=args.pdf_layout, text_unit=args.text_unit, bom=args.bom,
        text_side=args.text_side)


def _show_progress(done: int, total: int) -> None:
    """``exporting… 42%`` on one terminal line (only when stderr is a terminal)."""
    print(f"\rexporting… {100 * done // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)


def load_bitext(path: str | Path) -> Bitext:
    """A project file, or a memory/table read as one."""
    if Path(path).suffix.lower() in READABLE:
        return read_bitext(path)
    from editor.core.project import load_project

    return load_project(path).bitext


def run(args: argparse.Namespace) -> int:
    fmt = args.format or _format_for_path(args.output)
    if fmt is None:
        raise ExportError(args.output, "cannot tell the format from the extension; "
                                       f"use -f ({', '.join(FORMATS)})")
    bitext = load_bitext(args.project)
    options = options_from_args(args)
    show = not args.quiet and sys.stderr.isatty() and len(bitext.links) >= PROGRESS_FROM
    export_bitext(bitext, args.output, fmt, options, progress=_show_progress if show else None)
    if show:
        print(file=sys.stderr)
    if not args.quiet:
        written = ([str(p) for p in paired_paths(args.output).values()]
                   if fmt == "txt" and options.text_side == "both" else [args.output])
        print(f"wrote {' and '.join(written)} ({FORMATS[fmt].description})", file=sys.stdout)
    return 0
