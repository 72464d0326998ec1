"""Map another tool's attributes to instnet's kinds, relations and roles.

A mapping file (``--kind-map MAP.toml``) says which attribute holds what and
how its values translate; anything it leaves out falls back to the default:

.. code-block:: toml

    [attributes]                 # where to look, first attribute found wins
    kind = ["kind", "type", "element type", "category"]
    relation = ["relation", "type", "connection type", "label"]
    role = ["role", "tags"]

    [kinds]                      # value in the file = instnet kind
    "Government agency" = "ministry"

    [relations]
    "reports to" = "directs"

    [roles]
    "Think tank" = "think_tank"
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..model import NODE_KINDS, RELATIONS, ROLES, Term
from ._common import ImportFailed

__all__ = ["KindMap", "DEFAULT_ATTRIBUTES", "read_kind_map", "normalize", "suggest"]

DEFAULT_ATTRIBUTES = {
    "kind": ["kind", "type", "element type", "category", "group", "class"],
    "relation": ["relation", "type", "connection type", "relationship", "label", "interaction"],
    "role": ["role", "tags"],
}
_VOCABULARIES: dict[str, Mapping[str, Term]] = {"kinds": NODE_KINDS, "relations": RELATIONS, "roles": ROLES}


def normalize(value: str) -> str:
    """A value as an instnet key would be written.

    >>> normalize(" Central-Bank ")
    'central_bank'
    """
    return "_".join(value.strip().lower().replace("-", " ").split())


def suggest(value: str, options) -> str:
    """`` Did you mean 'x'?`` for the closest option, or an empty string."""
    close = difflib.get_close_matches(normalize(value), list(options), n=1, cutoff=0.5)
    return f" Did you mean '{close[0]}'?" if close else ""


@dataclass
class KindMap:
    """Which attributes hold kind, relation and role, and how values translate."""

    attributes: dict[str, list[str]] = field(
        default_factory=lambda: {k: list(v) for k, v in DEFAULT_ATTRIBUTES.items()}
    )
    values: dict[str, dict[str, str]] = field(default_factory=lambda: {"kinds": {}, "relations": {}, "roles": {}})
    source: str = "the default mapping"

    def translate(self, table: str, value: str) -> str | None:
        """The instnet key for ``value``, or None when neither the map nor the vocabulary knows it.

        >>> KindMap().translate("kinds", "Central bank")
        'central_bank'
        >>> KindMap().translate("relations", "member of")
        'member_of'
        """
        vocabulary = _VOCABULARIES[table]
        if value in self.values[table]:
            return self.values[table][value]
        lowered = {k.lower(): v for k, v in self.values[table].items()}
        if value.strip().lower() in lowered:
            return lowered[value.strip().lower()]
        key = normalize(value)
        if key in vocabulary:
            return key
        by_label = {t.label.lower(): k for k, t in vocabulary.items()}
        return by_label.get(value.strip().lower())


def read_kind_map(path: str | Path | None) -> KindMap:
    """The mapping in ``path`` over the default one (the default alone for None).

    Raises
    ------
    ImportFailed
        For a file that is not TOML, an unknown table, or a value that is not
        an instnet kind, relation or role (with the closest one).
    """
    mapping = KindMap()
    if path is None:
        return mapping
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ImportFailed(f"{path}: cannot read the mapping file ({exc.strerror or exc})") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ImportFailed(f"{path}: not a valid TOML mapping file: {exc}") from exc
    mapping.source = str(path)
    for table, content in data.items():
        if table not in ("attributes", *_VOCABULARIES):
            raise ImportFailed(
                f"{path}: unknown table [{table}].{suggest(table, ['attributes', *_VOCABULARIES])} Use [attributes], [kinds], [relations] or [roles]"
            )
        if not isinstance(content, dict):
            raise ImportFailed(f"{path}: [{table}] must be a table of name = value")
        if table == "attributes":
            for what, names in content.items():
                if what not in DEFAULT_ATTRIBUTES:
                    raise ImportFailed(
                        f"{path}: [attributes] {what!r} is not kind, relation or role.{suggest(what, DEFAULT_ATTRIBUTES)}"
                    )
                mapping.attributes[what] = [names] if isinstance(names, str) else [str(n) for n in names]
            continue
        vocabulary = _VOCABULARIES[table]
        for value, key in content.items():
            if key not in vocabulary:
                raise ImportFailed(
                    f"{path}: [{table}] {value!r} = {key!r}: {key!r} is not an instnet {table[:-1]}.{suggest(str(key), vocabulary)}"
                )
            mapping.values[table][value] = key
    return mapping
