"""Entry point of ``bitext``: parse arguments, run one sub-command, map errors to exit 2.

Each sub-command lives in its own module ``editor.cli.cmd_<name>`` exposing
``add_parser(subparsers)`` (which sets ``func``) so commands stay independent. Every
command module is imported to build the parser, so each imports the core modules only
its ``run`` needs inside the function: ``bitext --version`` and ``--help`` stay quick.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from editor import __version__
from editor.core.errors import BitextError

#: Sub-command modules, in the order ``bitext --help`` lists them.
COMMANDS: tuple[str, ...] = ("info", "extract", "export", "align", "score")

EXIT_OK = 0
EXIT_FAILURE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bitext",
        description="Extract, align, inspect and export Chinese–English bitexts.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--debug", action="store_true",
                        help="show the full traceback when something goes wrong")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"editor.cli.cmd_{name}")
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_FAILURE
    try:
        return int(args.func(args) or EXIT_OK)
    except BitextError as exc:
        return _fail(args, str(exc))
    except OSError as exc:
        where = exc.filename if exc.filename is not None else _input_of(args)
        return _fail(args, f"{where}: {exc.strerror or exc}")
    except MemoryError:
        return _fail(args, "out of memory: the input is too large for this machine")
    except KeyboardInterrupt:
        return _fail(args, "interrupted")
    except Exception as exc:  # the promise is one line, never a traceback
        return _fail(args, f"{_input_of(args)}: unexpected error ({type(exc).__name__}: "
                           f"{exc}); run with --debug for details")


def _input_of(args: argparse.Namespace) -> str:
    """The file a command was reading, to name it in an unexpected error."""
    for name in ("project", "files", "inputs", "job", "gold"):
        value = getattr(args, name, None)
        if isinstance(value, list | tuple) and value:
            return ", ".join(str(v) for v in value)
        if isinstance(value, str) and value:
            return value
    return "bitext"


def _fail(args: argparse.Namespace, message: str) -> int:
    if getattr(args, "debug", False):
        import traceback

        traceback.print_exc()
    print(f"bitext: {' '.join(message.splitlines())}", file=sys.stderr)
    return EXIT_FAILURE


if __name__ == "__main__":
    raise SystemExit(main())
