"""``bitext score GOLD AUTO``: strict and lax precision, recall and F1 of an alignment.

Both files hold one bead per line (``[8,9]:[8]``, zero-based, same side first); several
pairs may be given (``GOLD1 AUTO1 GOLD2 AUTO2 …``), scored together as the field does.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from editor.core.errors import InputError

if TYPE_CHECKING:
    from editor.core.score import Scores


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "score", help="score an alignment against a gold alignment",
        description="Strict/lax precision, recall and F1 over beads (Vecalign's measure). "
                    "1-0 and 0-1 beads count in precision, not in recall.")
    parser.add_argument("files", nargs="+", metavar="GOLD AUTO",
                        help="gold then automatic bead file; repeat for several documents")
    parser.add_argument("--swap-gold", action="store_true",
                        help="the gold files list the other language first")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=run)


def format_table(scores: Scores) -> str:
    return "\n".join([
        "            strict    lax",
        f"precision   {scores.precision_strict:6.4f}  {scores.precision_lax:6.4f}",
        f"recall      {scores.recall_strict:6.4f}  {scores.recall_lax:6.4f}",
        f"F1          {scores.f1_strict:6.4f}  {scores.f1_lax:6.4f}",
    ])


def run(args: argparse.Namespace) -> int:
    from editor.core.score import read_beads, score_many  # not for ``bitext --version``

    files = list(args.files)
    if len(files) % 2:
        raise InputError(files[-1], "needs a matching file: give GOLD AUTO pairs")
    pairs = [(read_beads(gold, swap=args.swap_gold), read_beads(auto))
             for gold, auto in zip(files[0::2], files[1::2], strict=True)]
    scores = score_many(pairs)
    print(json.dumps(scores.as_dict(), indent=2) if args.json else format_table(scores))
    return 0
