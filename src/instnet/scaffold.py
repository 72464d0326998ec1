"""Write a new network folder for a user to fill in (``instnet new``)."""

from __future__ import annotations

from pathlib import Path

from .atomic import write_atomic
from .errors import InstnetError, InvalidId
from .model import ID_PATTERN, PLACEHOLDER, YEARED_ID, suggest_id

__all__ = ["new_network"]

_TOML = """# What this network is. See graphs/README.md for every field.
title = "{country}: who coordinates economic policy"
country = "{country}"
era = "{year}s"
start = {year}
# end = {year}
summary = "{placeholder} one paragraph: what this structure is and what your sources say of it."

# Every row of nodes.csv and edges.csv cites one of these keys in its `cite` column.
# A reference with `seed = "file.txt"` is a source document whose text is kept
# (in this folder or in seeds/); quotes citing it are checked against it.
# A reference without `seed` is external: give a full citation.
[references.mine]
citation = "{placeholder} your source: author, title, publisher, year, page or address."
"""

_NODES = """id,label,kind,role,description,start,end,cite,quote,basis
# One row per institution. Lines starting with # are ignored. For kind and role see graphs/README.md.
leader,Head of government,head_of_government,top_leader,Replace with your country's leader.,,,mine,,inferred
planning,Planning agency,planning_agency,pilot_agency,Replace with the agency that plans.,,,mine,,inferred
"""

_EDGES = """source,target,relation,description,start,end,cite,quote,basis
# One row per tie read as: source relation target. For relation see graphs/README.md.
leader,planning,directs,Replace with your own tie or delete this example.,,,mine,,inferred
"""


def new_network(network_id: str, parent: str | Path = ".") -> Path:
    """Create ``parent/network_id`` with a template network that validates.

    Raises
    ------
    InstnetError
        If the id is not valid or the folder already exists.
    """
    year_match = YEARED_ID.search(network_id)
    if not ID_PATTERN.match(network_id) or not year_match:
        hint = suggest_id(network_id)
        better = f" such as '{hint}'" if ID_PATTERN.match(hint) and YEARED_ID.search(hint) else ", e.g. 'ghana-2017'"
        raise InvalidId(
            f"'{network_id}' is not a valid id: use '<country>-<first year of the era>' (optionally then a variant, "
            f"'-v2'), lower case{better}"
        )
    folder = Path(parent) / network_id
    if folder.exists():
        raise InstnetError(f"{folder} already exists; choose another id or remove it first")
    country = network_id[: year_match.start()].replace("-", " ").title()
    year = year_match.group(1)
    folder.mkdir(parents=True)
    write_atomic(folder / "network.toml", _TOML.format(country=country, year=year, placeholder=PLACEHOLDER))
    write_atomic(folder / "nodes.csv", _NODES)
    write_atomic(folder / "edges.csv", _EDGES)
    return folder
