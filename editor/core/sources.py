"""Source documents on disk: their fingerprint, and finding them again after a move."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from editor.core.model import Source


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def locate_sources(sources: list[Source], folder: Path) -> dict[str, Path | None]:
    """Find each source: by its relative path, else by its hash among the folder's files."""
    found: dict[str, Path | None] = {}
    by_hash: dict[str, Path] | None = None
    for src in sources:
        candidate = (folder / src.path) if src.path else None
        if candidate is not None and _is_file(candidate):
            found[src.id] = candidate
            continue
        if by_hash is None:
            by_hash = _hash_folder(folder, {s.kind for s in sources})
        found[src.id] = by_hash.get(src.sha256) if src.sha256 else None
    return found


def _is_file(path: Path) -> bool:
    """``Path.is_file``, but False for a name the system cannot even look up (too long):
    a path recorded in a project is data, and a damaged project must still open."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def _hash_folder(folder: Path, kinds: set[str], limit: int = 200) -> dict[str, Path]:
    """Hashes of the candidate files in ``folder`` and its sub-folders (bounded)."""
    suffixes = {f".{k}" for k in kinds if k}
    hashes: dict[str, Path] = {}
    try:
        candidates = [p for p in sorted(folder.rglob("*"))[:5000]
                      if p.is_file() and (not suffixes or p.suffix.lower() in suffixes)]
    except OSError:
        return hashes
    for path in candidates[:limit]:
        with contextlib.suppress(OSError):
            hashes.setdefault(sha256_file(path), path)
    return hashes


def verify_source(source: Source, path: Path) -> bool:
    """True when the file at ``path`` is the document the project was built from."""
    return not source.sha256 or sha256_file(path) == source.sha256
