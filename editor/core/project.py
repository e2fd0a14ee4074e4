"""The project file: a versioned, human-readable, diff-friendly UTF-8 JSON document.

The format is specified in :file:`editor/core/PROJECT_FORMAT.md` (kept beside this module).
Saving is atomic and keeps the previous file as ``NAME.bak``; loading validates every
field, migrates older versions, preserves fields it does not know, and raises
:class:`ProjectFormatError` naming the file and the first problem.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from editor import __version__
from editor.core.atomic import atomic_writer
from editor.core.errors import InvariantError, ProjectFormatError
from editor.core.model import Bitext, Source
from editor.core.project_codec import (
    FormatProblem,
    decode_links,
    decode_sentences,
    decode_source,
    encode_link,
    encode_sentence,
    encode_source,
)
from editor.core.sources import locate_sources, sha256_file

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "MIGRATIONS", "SUFFIX", "Project", "load_project",
           "locate_sources", "save", "save_project", "sha256_file"]

FORMAT_NAME = "bitext-editor-project"
FORMAT_VERSION = 1
SUFFIX = ".bitext"
_KNOWN_TOP = {"format", "version", "generator", "sources", "settings", "view",
              "sentences", "links"}

#: ``MIGRATIONS[v]`` turns a version-``v`` document into a version ``v + 1`` one.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


@dataclass(slots=True)
class Project:
    """A loaded project: the bitext plus what the editor needs to reopen it as left."""

    bitext: Bitext
    path: Path | None = None
    view_state: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level fields
    source_paths: dict[str, Path | None] = field(default_factory=dict)

    @property
    def missing_sources(self) -> list[Source]:
        return [s for s in self.bitext.sources if self.source_paths.get(s.id) is None]


# -- saving ---------------------------------------------------------------------------------
def save_project(bitext: Bitext, path: str | Path, view_state: Mapping[str, Any] | None = None,
                 *, settings: Mapping[str, Any] | None = None,
                 extra: Mapping[str, Any] | None = None, backup: bool = True) -> None:
    """Write ``bitext`` to ``path`` atomically, keeping the previous file as ``.bak``."""
    target = Path(path)
    folder = target.resolve().parent
    remove_stale_temporaries(target)
    with atomic_writer(target, "w", encoding="utf-8", newline="\n") as out:
        _write_document(out, bitext, folder, view_state or {}, settings or {}, extra or {})
        if backup:
            _keep_backup(target)


def save(project: Project, path: str | Path | None = None) -> None:
    target = Path(path) if path is not None else project.path
    if target is None:
        raise ValueError("the project has no path yet")
    save_project(project.bitext, target, project.view_state, settings=project.settings,
                 extra=project.extra)
    project.path = target


def _write_document(out: Any, bitext: Bitext, folder: Path, view: Mapping[str, Any],
                    settings: Mapping[str, Any], extra: Mapping[str, Any]) -> None:
    """One record per line inside the arrays, so a diff shows the sentences that changed."""
    def dump(value: Any) -> str:
        return orjson.dumps(value).decode("utf-8")

    out.write("{\n")
    out.write(f'"format": "{FORMAT_NAME}",\n"version": {FORMAT_VERSION},\n')
    out.write(f'"generator": {dump(f"Bitext Editor {__version__}")},\n')
    for key in sorted(extra):
        if key not in _KNOWN_TOP:
            out.write(f"{dump(key)}: {dump(extra[key])},\n")
    out.write(f'"settings": {dump(dict(settings))},\n"view": {dump(dict(view))},\n')
    _write_array(out, "sources", [dump(encode_source(s, folder)) for s in bitext.sources])
    out.write(",\n")
    order = [*bitext.sentence_ids("zh"), *bitext.sentence_ids("en")]
    _write_array(out, "sentences", [dump(encode_sentence(bitext.sentences[sid]))
                                    for sid in order])
    out.write(",\n")
    _write_array(out, "links", [dump(encode_link(link)) for link in bitext.links])
    out.write("\n}\n")


def _write_array(out: Any, key: str, rows: list[str]) -> None:
    if not rows:
        out.write(f'"{key}": []')
        return
    out.write(f'"{key}": [\n')
    out.write(",\n".join(rows))
    out.write("\n]")


def remove_stale_temporaries(target: Path, older_than: float = 5.0) -> None:
    """Delete temporary files that a save killed mid-write left beside ``target``."""
    import time

    limit = time.time() - older_than
    for tmp in target.parent.glob(f".{target.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.stat().st_mtime < limit:
                tmp.unlink()


def _keep_backup(target: Path) -> None:
    """Keep the file about to be replaced as ``NAME.bak`` (a hard link: no copy, atomic)."""
    if not target.exists():
        return
    backup = target.with_name(target.name + ".bak")
    with contextlib.suppress(OSError):
        if os.path.samefile(target, backup):  # a killed save already made this backup
            return
    tmp = target.with_name(f".{target.name}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(target, tmp)
    except OSError:
        import shutil

        shutil.copy2(target, tmp)
    os.replace(tmp, backup)


# -- loading --------------------------------------------------------------------------------
def load_project(path: str | Path) -> Project:
    """Read, migrate and validate a project file; find its sources."""
    source = Path(path)
    try:
        raw = source.read_bytes()
    except IsADirectoryError:
        raise ProjectFormatError(source, "is a folder, not a project file") from None
    except OSError as exc:
        raise ProjectFormatError(source, f"cannot be read ({exc.strerror or exc})") from None
    with _collector_paused():
        doc = _parse(source, raw)
        try:
            project = _decode(migrate(doc))
        except FormatProblem as exc:
            raise ProjectFormatError(source, str(exc)) from None
        try:
            _check_loaded(project.bitext)
        except InvariantError as exc:
            raise ProjectFormatError(source, f"is inconsistent: {exc}") from None
    project.path = source
    project.source_paths = locate_sources(project.bitext.sources, source.resolve().parent)
    return project


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off a large, acyclic object tree being built.

    Left running, CPython scans the growing heap every 700 allocations, which for 100,000
    sentences doubles the load time. Merely pausing it is not enough: on resuming, the
    first collection would walk every new object (a quarter of a second for 50,000
    links), and every later full collection again, freezing the editor each time. So the
    objects alive after a successful load are moved to the permanent generation
    (``gc.freeze``), which collections skip. The model's values cannot form reference
    cycles (they hold strings, numbers and tuples of them); reference counting still frees
    them when the project is closed. ``gc.freeze`` takes every live object, though, so a
    long-running caller that later drops other objects (the editor replacing a document)
    calls ``gc.unfreeze()`` then, letting their cycles be collected again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        doc = orjson.loads(raw.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        if b"\x00" in raw[:1024] or not _is_utf8(raw):
            raise ProjectFormatError(path, "is not UTF-8 text (is it a project file?)") from None
        raise ProjectFormatError(
            path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_NAME:
        raise ProjectFormatError(path, "is not a Bitext Editor project")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise ProjectFormatError(path, "has no valid format version")
    if version > FORMAT_VERSION:
        raise ProjectFormatError(
            path, f"was written by a newer Bitext Editor (format {version}; this version "
                  f"reads up to {FORMAT_VERSION}): please update the application")
    return doc


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to :data:`FORMAT_VERSION`, one version at a time."""
    while doc["version"] < FORMAT_VERSION:
        step = MIGRATIONS.get(doc["version"])
        if step is None:
            raise FormatProblem(f"format version {doc['version']} is no longer supported")
        doc = step(doc)
    return doc


def _check_loaded(bitext: Bitext) -> None:
    """The invariants, checked in C-speed comparisons for the usual, consistent file.

    A loaded sentence's order key is its rank in the file, so the invariants hold exactly
    when each language's ids, read link by link, equal that language's ids in file order
    (ids are unique, statuses and confidences were checked while decoding). Anything else
    goes to :meth:`Bitext.check`, which names the first problem.
    """
    by_lang: dict[str, list[str]] = {"zh": [], "en": []}
    for sid, sentence in bitext.sentences.items():  # dicts keep the file's order
        by_lang[sentence.lang].append(sid)
    consistent = (
        not any(not link.zh and not link.en for link in bitext.links)
        and [sid for link in bitext.links for sid in link.zh] == by_lang["zh"]
        and [sid for link in bitext.links for sid in link.en] == by_lang["en"]
    )
    if not consistent:
        bitext.check()


def _decode(doc: dict[str, Any]) -> Project:
    for key, kind in (("sources", list), ("sentences", list), ("links", list),
                      ("settings", dict), ("view", dict)):
        if key in doc and not isinstance(doc[key], kind):
            raise FormatProblem(f"'{key}' must be a {'list' if kind is list else 'object'}")
    sources = [decode_source(item, n) for n, item in enumerate(doc.get("sources", []))]
    sentences = decode_sentences(doc.get("sentences", []))
    links = decode_links(doc.get("links", []))
    extra = {k: v for k, v in doc.items() if k not in _KNOWN_TOP}
    return Project(Bitext(sources, sentences, links), view_state=doc.get("view", {}),
                   settings=doc.get("settings", {}), extra=extra)
