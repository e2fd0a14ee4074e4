"""Exporters (TMX, XLIFF, DOCX, PDF, HTML, TSV/CSV, XLSX, text) and the memory readers.

``export_bitext`` is the one entry point the GUI, the CLI and ``bitext align -o`` call:
it resolves the language codes once, hands the format's writer a :class:`Job`, and
turns any failure into :class:`ExportError` naming the file. Every writer writes
through :mod:`editor.core.atomic`, so a failed or cancelled export leaves the user's
old file as it was. Format modules are imported on first use: the PDF and DOCX
libraries are not loaded for a TMX export, and neither the readers nor the XML and zip
modules whose errors they raise are loaded by ``bitext --version`` or ``--help``.

Progress: ``progress(done, total)`` is called every 1000 links; raising from it
cancels the export (the exception propagates unchanged, nothing is written).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from editor.core.errors import ExportError, InputError
from editor.core.model import Bitext

from .common import Job, Progress
from .options import ExportOptions, resolve_codes
from .text import paired_paths

__all__ = ["FORMATS", "READABLE", "ExportError", "ExportOptions", "FormatInfo",
           "export_bitext", "format_for_path", "paired_paths", "read_bitext"]


class FormatInfo(NamedTuple):
    description: str
    extension: str  # with the dot


#: Export formats by name, in the order the export dialog lists them.
FORMATS: dict[str, FormatInfo] = {
    "tmx": FormatInfo("TMX 1.4b translation memory", ".tmx"),
    "xliff": FormatInfo("XLIFF 1.2 / 2.1 bilingual file", ".xlf"),
    "docx": FormatInfo("Word document, two-column table", ".docx"),
    "pdf": FormatInfo("PDF, side by side or alternating", ".pdf"),
    "html": FormatInfo("Web page, side by side", ".html"),
    "tsv": FormatInfo("Tab-separated values (UTF-8)", ".tsv"),
    "csv": FormatInfo("Comma-separated values (UTF-8)", ".csv"),
    "xlsx": FormatInfo("Excel workbook", ".xlsx"),
    "txt": FormatInfo("Plain text, one sentence or paragraph per line", ".txt"),
}

#: module:function of each writer, imported on first use.
_WRITERS: dict[str, str] = {
    "tmx": "tmx:write", "xliff": "xliff:write", "docx": "docx:write", "pdf": "pdf:write",
    "html": "html:write", "tsv": "delimited:write_tsv", "csv": "delimited:write_csv",
    "xlsx": "xlsx:write", "txt": "text:write",
}
#: Formats ``read_bitext`` opens, by file extension.
READABLE: dict[str, str] = {
    ".tmx": "tmx:read", ".tsv": "delimited:read", ".tab": "delimited:read",
    ".csv": "delimited:read", ".xlsx": "xlsx:read", ".xlf": "xliff:read",
    ".xliff": "xliff:read",
}
_ALIASES = {"text": "txt", "xlf": "xliff", "xlif": "xliff", "htm": "html", "excel": "xlsx"}


def _resolve(spec: str) -> Callable:
    module, func = spec.split(":")
    return getattr(importlib.import_module(f"{__name__}.{module}"), func)


def format_for_path(path: str | Path) -> str | None:
    """The format a file name implies (``out.xlf`` → ``"xliff"``), or ``None``."""
    ext = Path(path).suffix.lower().lstrip(".")
    name = _ALIASES.get(ext, ext)
    return name if name in FORMATS else None


def export_bitext(bitext: Bitext, path: str | Path, fmt: str,
                  options: ExportOptions | None = None,
                  progress: Progress | None = None) -> None:
    """Write ``bitext`` to ``path`` as ``fmt``; raise :class:`ExportError` on failure."""
    import zipfile  # here, not at the top: see the module docstring

    name = _ALIASES.get(fmt.lower(), fmt.lower())
    if name not in FORMATS:
        raise ExportError(path, f"unknown export format {fmt!r} "
                                f"(known: {', '.join(FORMATS)})")
    options = options or ExportOptions()
    job = Job(bitext=bitext, options=options, codes=resolve_codes(bitext, options),
              progress=progress)
    target = Path(path)
    try:
        _resolve(_WRITERS[name])(job, target)
    except ExportError:
        raise
    except OSError as exc:
        raise ExportError(target, exc.strerror or str(exc)) from exc
    except (ValueError, RuntimeError, zipfile.BadZipFile) as exc:
        raise ExportError(target, f"cannot write {name.upper()}: {exc}") from exc


def read_bitext(path: str | Path) -> Bitext:
    """Open a TMX, XLIFF, TSV/CSV or XLSX file as a bitext (one link per unit or row)."""
    import zipfile  # these three here, not at the top: see the module docstring
    from xml.etree.ElementTree import ParseError

    from .readers import refuse_oversized

    target = Path(path)
    spec = READABLE.get(target.suffix.lower())
    if spec is None:
        raise InputError(target, "not a file type that can be read back "
                                 f"(readable: {', '.join(READABLE)})")
    try:
        refuse_oversized(target)
        return _resolve(spec)(target)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(target, exc.strerror or str(exc)) from exc
    except ParseError as exc:
        raise InputError(target, f"not well-formed XML ({exc})") from exc
    except (ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise InputError(target, f"cannot read the file ({exc})") from exc
