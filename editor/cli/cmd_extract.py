"""``bitext extract FILE [FILE2] [--password PW] [--json] [--exceptions-en FILE]
[--exceptions-zh FILE]``: the sentences an import yields.

Plain output is one sentence per line, ``LANG<TAB>PAGE<TAB>TEXT`` (page one-based, ``-``
for text documents), after a summary of layout and warnings on stderr. ``--json`` prints
one document with every sentence and its provenance, the detected layout, the sources
and the warnings (stable codes), for tools and tests.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from editor.cli.exceptions_option import HELP, add_exception_options, exceptions_from_args

if TYPE_CHECKING:  # the importer loads PyMuPDF: only ``run`` needs it, not ``bitext --help``
    from editor.core.extract.api import ImportResult
    from editor.core.model import Sentence

def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "extract", help="extract located sentences from a bilingual document or a pair",
        description="Import one bilingual document (PDF, DOCX, TXT, HTML, Markdown) or a\n"
                    "pair (Chinese and English, in either order) and print its sentences.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=HELP)
    parser.add_argument("files", nargs="+", metavar="FILE", help="one or two documents")
    parser.add_argument("--password", help="password of an encrypted PDF")
    parser.add_argument("--json", action="store_true",
                        help="print sentences, provenance, layout and warnings as JSON")
    parser.add_argument("--no-ocr", action="store_true",
                        help="do not run Tesseract on scanned pages or unreadable text "
                             "(they are still reported)")
    add_exception_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if len(args.files) > 2:
        print("bitext extract: give one bilingual document or a pair (two files)",
              file=sys.stderr)
        return 2
    exceptions = exceptions_from_args(args)
    from editor.core.extract.api import import_documents
    from editor.core.extract.limits import pdf_stall_seconds

    result = import_documents(args.files, password=args.password,
                              timeout=pdf_stall_seconds(not args.no_ocr),
                              ocr=not args.no_ocr, exceptions=exceptions)
    if args.json:
        json.dump(to_json(result), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for line in summary(result):
        print(line, file=sys.stderr)
    for sentence in sorted_sentences(result):
        page = sentence.provenance.page if sentence.provenance else None
        shown = "-" if page is None else str(page + 1)
        print(f"{sentence.lang}\t{shown}\t{sentence.text}")
    return 0


def sorted_sentences(result: ImportResult) -> list[Sentence]:
    """Chinese then English, each in document order."""
    return [*result.zh, *result.en]


def summary(result: ImportResult) -> list[str]:
    lines = [f"layout: {result.layout}; {len(result.zh)} Chinese and {len(result.en)} "
             "English sentences"]
    lines.extend(f"warning {w.code}: {w.message}" for w in result.warnings)
    return lines


def to_json(result: ImportResult) -> dict[str, Any]:
    ex = result.extraction
    return {
        "layout": ex.layout,
        "sources": [{"id": s.id, "path": s.path, "sha256": s.sha256, "kind": s.kind,
                     "languages": list(s.languages), "extra": dict(s.extra)}
                    for s in ex.sources],
        "warnings": [{"code": w.code, "source": w.source, "page": w.page,
                      "message": w.message} for w in ex.warnings],
        "paragraphs": {"zh": len(ex.of("zh")), "en": len(ex.of("en"))},
        "sentences": [_sentence_json(s) for s in sorted_sentences(result)],
    }


def _sentence_json(sentence: Sentence) -> dict[str, Any]:
    prov = sentence.provenance
    return {
        "id": sentence.id, "lang": sentence.lang, "text": sentence.text,
        "source": prov.source if prov else None,
        "page": prov.page if prov else None,
        "paragraph": prov.paragraph if prov else None,
        "rects": [[round(v, 2) for v in rect] for rect in prov.rects] if prov else [],
        "flags": sorted(sentence.flags),
    }
