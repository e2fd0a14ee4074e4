"""Bundles: one zip holding a project and the source documents it was built from.

A colleague opens the bundle on another machine: it is unpacked into a folder beside
it (``NAME.bundle-files``) and the project inside is opened from there. Unpacking
accepts only plain relative member names, so a crafted bundle can never write outside
its own folder. Plain Python (no Qt).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath
from typing import Any

from editor.core.atomic import atomic_writer
from editor.core.errors import InputError, ProjectFormatError
from editor.core.model import Bitext
from editor.core.project import SUFFIX, Project, load_project, save_project

BUNDLE_SUFFIX = ".bitext-bundle"
PROJECT_MEMBER = "project" + SUFFIX
MAX_MEMBER_BYTES = 2 << 30


def save_bundle(bitext: Bitext, target: str | Path, view_state: Mapping[str, Any],
                source_paths: Mapping[str, Path | None], *,
                settings: Mapping[str, Any] | None = None,
                extra: Mapping[str, Any] | None = None) -> list[str]:
    """Write the bundle atomically; return the ids of sources that could not be embedded.

    ``settings`` and ``extra`` are the project's own (e.g. the segmentation exceptions it
    was imported with, fields of a newer editor): a colleague opening the bundle gets them.
    """
    missing: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "sources").mkdir()
        sources = []
        for n, src in enumerate(bitext.sources):
            path = source_paths.get(src.id)
            if path is None or not Path(path).is_file():
                missing.append(src.id)
                sources.append(src)
                continue
            name = f"sources/{n:02d}-{Path(path).name}"
            shutil.copyfile(path, folder / name)
            sources.append(replace(src, path=str(folder / name)))
        packed = Bitext(sources, bitext.sentences, bitext.links)
        save_project(packed, folder / PROJECT_MEMBER, view_state, backup=False,
                     settings=settings, extra=extra)
        with atomic_writer(Path(target), "wb", encoding=None) as out, zipfile.ZipFile(
                out, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    archive.write(file, file.relative_to(folder).as_posix())
    return missing


def unpack_bundle(bundle: str | Path) -> Path:
    """Unpack beside the bundle; return the project file's path inside that folder."""
    bundle = Path(bundle)
    dest = bundle.with_name(bundle.name.removesuffix(BUNDLE_SUFFIX) + ".bundle-files")
    try:
        with zipfile.ZipFile(bundle) as archive:
            members = archive.infolist()
            if PROJECT_MEMBER not in {m.filename for m in members}:
                raise InputError(bundle, "is not a Bitext Editor bundle (no project inside)")
            for member in members:
                _check_member(bundle, member)
            dest.mkdir(exist_ok=True)
            for member in members:
                if not member.is_dir():
                    archive.extract(member, dest)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:  # damaged headers or data
        raise InputError(bundle, f"is not a valid bundle ({exc})") from None
    except NotImplementedError as exc:  # a compression method zipfile cannot read
        raise InputError(bundle, f"cannot be unpacked ({exc})") from None
    except OSError as exc:
        raise InputError(bundle, f"cannot be unpacked ({exc.strerror or exc})") from None
    return dest / PROJECT_MEMBER


def load_bundle(bundle: str | Path) -> Project:
    """Unpack and load a bundle; a damaged project inside is reported against the bundle.

    The user chose the bundle, not ``NAME.bundle-files/project.bitext``, so that is the
    file the message names.
    """
    bundle = Path(bundle)
    unpacked = unpack_bundle(bundle)
    try:
        return load_project(unpacked)
    except ProjectFormatError as exc:
        raise ProjectFormatError(bundle, f"holds a damaged project ({exc.problem})") from None


def _check_member(bundle: Path, member: zipfile.ZipInfo) -> None:
    name = PurePosixPath(member.filename)
    if (name.is_absolute() or ".." in name.parts or "\\" in member.filename
            or ":" in member.filename):
        raise InputError(bundle, f"holds an unsafe file name {member.filename!r}")
    if member.file_size > MAX_MEMBER_BYTES:
        raise InputError(bundle, f"holds an oversized file {member.filename!r}")
