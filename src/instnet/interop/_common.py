"""What every reader returns, the safe XML parser, and the import error."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InstnetError

__all__ = ["ImportFailed", "Parsed", "parse_xml", "local", "read_bytes", "instnet_meta", "MAX_BYTES"]

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused: no network of institutions needs more."""


class ImportFailed(InstnetError):
    """A file could not be imported: unreadable, unsafe, or not in the format its name says."""


@dataclass
class Parsed:
    """A graph as read from another tool's file, before mapping to instnet's format.

    ``meta`` is the network's metadata when the file is an instnet export
    (then the attributes are instnet's columns and are kept as they are).
    """

    nodes: list[tuple[str, dict]]
    edges: list[tuple[str, str, dict]]
    meta: dict | None = None
    notes: list[str] = field(default_factory=list)
    directed: bool = True


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a clear error for a missing, unreadable or huge file."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read the file ({exc.strerror or exc})") from exc
    if size > MAX_BYTES:
        raise ImportFailed(f"{path}: {size} bytes is too large to import (the limit is {MAX_BYTES} bytes)")
    return path.read_bytes()


def parse_xml(path: Path, data: bytes):
    """Parse XML safely: no DTD entities, no external references, no expansion bombs.

    Raises
    ------
    ImportFailed
        For XML that declares entities or refers to outside files (refused
        before anything is expanded) and for XML that is not well formed.
    """
    from xml.etree.ElementTree import ParseError

    import defusedxml
    import defusedxml.ElementTree as DET

    try:
        return DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.DTDForbidden as exc:
        raise ImportFailed(f"{path}: refused: the file declares a DTD ({exc}); remove the <!DOCTYPE ...> line") from exc
    except defusedxml.EntitiesForbidden as exc:
        raise ImportFailed(
            f"{path}: refused: the file declares an XML entity ({exc.name!r}); entities can expand without bound "
            "(the 'billion laughs' attack) or read other files, so instnet does not expand them. "
            "Remove the <!DOCTYPE ...> block and export the file again"
        ) from exc
    except defusedxml.ExternalReferenceForbidden as exc:
        raise ImportFailed(
            f"{path}: refused: the file refers to an outside resource ({exc.sysid or exc.pubid}); instnet does not load it"
        ) from exc
    except defusedxml.DefusedXmlException as exc:
        raise ImportFailed(f"{path}: refused: unsafe XML ({exc})") from exc
    except ParseError as exc:
        raise ImportFailed(f"{path}:{exc.position[0]}: not well-formed XML: {exc}") from exc


def local(tag: str) -> str:
    """An element's name without its namespace: ``{ns}node`` -> ``node``."""
    return tag.rsplit("}", 1)[-1]


def instnet_meta(value) -> dict | None:
    """The network metadata an instnet export carries, or None if ``value`` is not one."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if isinstance(value, dict) and isinstance(value.get("references"), (dict, str)) and "id" in value:
        refs = value["references"]
        if isinstance(refs, str):
            try:
                refs = json.loads(refs)
            except ValueError:
                return None
        columns = value.get("columns", {})
        if isinstance(columns, str):
            try:
                columns = json.loads(columns)
            except ValueError:
                columns = {}
        return {**value, "references": refs, "columns": columns}
    return None
