"""Atomic file writes: a reader sees the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import OutputError

__all__ = ["write_atomic", "write_output", "looks_written_by_instnet"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, data: str | bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Text is written as UTF-8. A file whose content is already ``data`` is left
    untouched (its modification time too). A new file gets the usual
    permissions (0666 less the umask), a replaced one keeps its own.
    Returns True if the file changed.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_file() and path.read_bytes() == raw:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _about(exc, path) from exc
    try:
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _about(exc, path) from exc
        raise
    return True


def _about(exc: OSError, path: Path) -> OSError:
    """The error, naming the file the user asked for rather than its temporary twin (a disk full, say)."""
    return OSError(exc.errno, exc.strerror or str(exc), str(path))


def looks_written_by_instnet(path: Path, data: bytes) -> bool:
    """Whether the existing file at ``path`` names instnet, or starts as ``data`` does (same kind of export)."""
    with path.open("rb") as handle:
        head = handle.read(65536)
    return b"instnet" in head or head.splitlines()[:2] == data[:65536].splitlines()[:2]


def write_output(path: str | Path, data: str | bytes, *, force: bool = False) -> bool:
    """:func:`write_atomic` for a file the user named: it never replaces a file instnet did not write.

    Raises
    ------
    OutputError
        When ``path`` is a folder, or an existing file that does not look like
        one instnet wrote (and ``force`` is false).
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if path.is_dir():
        raise OutputError(f"{path} is a folder: give a file name")
    if path.exists() and not force and not looks_written_by_instnet(path, raw):
        raise OutputError(
            f"{path} exists and was not written by instnet: choose another name, or use --force to replace it"
        )
    return write_atomic(path, raw)
