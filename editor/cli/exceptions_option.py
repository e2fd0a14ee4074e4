"""``--exceptions-en FILE`` / ``--exceptions-zh FILE``: the user's segmentation exceptions.

Shared by ``bitext extract`` and ``bitext align`` so both read the same files the same
way (format: :mod:`editor.core.segment_exceptions`). The files are read before any
document, so a bad list fails at once with one line naming it, not after a long import.
The reader is imported only when a list is given: ``bitext --version`` and ``--help``
do not load it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from editor.core.model import LANGS

if TYPE_CHECKING:
    from editor.core.segment_exceptions import ExceptionLists

HELP = ("segmentation exceptions: --exceptions-en/--exceptions-zh FILE is UTF-8 text,\n"
        "  one entry per line ('#' starts a comment line); an entry is a string after\n"
        "  which a sentence never ends ('Fig.', 'Sch.', 'et al.'; an English entry has\n"
        "  at most two words and gets its final period if missing) and adds to the\n"
        "  built-in list; '-' before an entry removes a built-in one ('-Fig.').\n"
        "  A Chinese entry is a plain suffix: 'Yahoo!' keeps 'Yahoo!奇摩' whole.")


def add_exception_options(parser: argparse.ArgumentParser) -> None:
    for lang, name in (("en", "English"), ("zh", "Chinese")):
        parser.add_argument(f"--exceptions-{lang}", metavar="FILE", dest=f"exceptions_{lang}",
                            help=f"{name} segmentation exceptions, one per line "
                                 "(see below)")


def exceptions_from_args(args: argparse.Namespace) -> ExceptionLists | None:
    """The lists named on the command line (None when none was given).

    Raises :class:`~editor.core.segment_exceptions.ExceptionListError` naming a bad file.
    """
    paths = {lang: getattr(args, f"exceptions_{lang}", None) for lang in LANGS}
    if not any(paths.values()):
        return None
    from editor.core.segment_exceptions import read_exceptions_file

    return {lang: read_exceptions_file(path, lang) if path else [] for lang, path in
            paths.items()}
