"""The controlled vocabularies of the network format, in one place.

Node kinds say what an institution *is*; relation types say what one actor
*does to* another, always read as "source <relation> target" (the source acts
on the target); functional roles say what part an institution plays in the
coordination machinery, so that countries whose institutions carry different
names can be compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "Term",
    "Relation",
    "NODE_KINDS",
    "RELATIONS",
    "ROLES",
    "BASES",
    "NODE_COLUMNS",
    "EDGE_COLUMNS",
    "REQUIRED_NODE_COLUMNS",
    "REQUIRED_EDGE_COLUMNS",
    "VERTICAL",
    "HORIZONTAL",
    "OTHER_AXIS",
    "Problem",
    "Row",
    "Table",
    "RawNetwork",
    "ID_PATTERN",
    "META_KEYS",
    "YEAR_COLUMNS",
    "MIN_YEAR",
    "MAX_YEAR",
    "ARCHETYPE_PREFIX",
    "CONTROL_CHARACTERS",
    "PLACEHOLDER",
    "YEARED_ID",
    "suggest_id",
    "relation_axis",
    "is_symmetric",
    "vocabulary_order",
    "sort_by_vocabulary",
    "vocabulary_markdown",
]


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary: its key, a label and its meaning."""

    key: str
    label: str
    meaning: str


@dataclass(frozen=True)
class Relation(Term):
    """A relation type; ``axis`` is vertical (authority), horizontal or other."""

    axis: str = "other"
    symmetric: bool = False


VERTICAL = "vertical"
HORIZONTAL = "horizontal"
OTHER_AXIS = "other"


def _terms(rows: list[tuple[str, str, str]]) -> dict[str, Term]:
    return {key: Term(key, label, meaning) for key, label, meaning in rows}


NODE_KINDS: dict[str, Term] = _terms(
    [
        (
            "head_of_government",
            "Head of government",
            "President, prime minister or other top political leader, with the office around them.",
        ),
        (
            "planning_agency",
            "Planning / central economic agency",
            "Agency that plans the economy or coordinates economic ministries (EPB, EPU, NESDB, BAPPENAS).",
        ),
        ("ministry", "Ministry", "A government ministry or department of cabinet rank."),
        ("bureau", "Bureau or department", "A unit inside a ministry or agency (bureau, department, division)."),
        (
            "council",
            "Council or committee",
            "A standing or temporary council, committee or regular meeting that brings several actors together.",
        ),
        (
            "secretariat",
            "Secretariat",
            "Body whose job is to serve a council or committee (agenda, papers, follow-up).",
        ),
        (
            "research_institute",
            "Research institute / think tank",
            "Body that produces analysis or studies for policy makers.",
        ),
        (
            "hub_institution",
            "Hub institution",
            "Semi-official, non-profit sector or issue institution set up by government that organizes policy drafting among stakeholders.",
        ),
        ("central_bank", "Central bank", "The monetary authority."),
        ("legislature", "Legislature", "Parliament, congress or national assembly."),
        ("law", "Law or plan document", "A statute, master plan or other document that guides policy."),
        ("firm", "Firm(s)", "A business or a group of businesses (local firms, FDI firms)."),
        (
            "business_association",
            "Business association",
            "Industry association, chamber of commerce or federation of industries.",
        ),
        ("university", "University", "A university or group of universities."),
        ("donor", "Donor", "A bilateral or multilateral aid agency."),
        ("ngo", "NGO", "Non-governmental or civil-society organization."),
        ("trade_union", "Trade union", "A trade union or a union federation."),
        (
            "international_org",
            "International organization",
            "Intergovernmental organization or agreement regime (WTO, UN agencies, trade agreements).",
        ),
        ("local_government", "Local government", "Provincial, state or municipal government."),
        ("state_enterprise", "State enterprise", "Government-owned company or statutory corporation (e.g. SME Corp.)."),
        (
            "country_group",
            "Country or group of countries",
            "A state or group of states acting as one actor in international politics.",
        ),
        (
            "expert_group",
            "Experts",
            "Individual experts or a school of thought (economists, advisers) acting as one actor.",
        ),
        (
            "stakeholder_group",
            "Stakeholder group",
            "A broad group of actors named as one (private and non-government stakeholders, other state organs).",
        ),
        ("other", "Other", "Anything that fits none of the kinds above; say what it is in the description."),
    ]
)

RELATIONS: dict[str, Relation] = {
    r.key: r
    for r in [
        Relation(
            "directs", "directs", "Source has authority over target and gives it instructions (hierarchy).", VERTICAL
        ),
        Relation("plans_for", "plans for", "Source draws up the plans or priorities that target implements.", VERTICAL),
        Relation(
            "chairs", "chairs", "Source (a person's office) chairs or heads target (a council or meeting).", VERTICAL
        ),
        Relation(
            "manages",
            "manages",
            "Source runs or manages target (a committee, program or meeting) without chairing it.",
            VERTICAL,
        ),
        Relation(
            "delegates_to", "delegates to", "Source hands part of its own authority or tasks over to target.", VERTICAL
        ),
        Relation(
            "incentivizes",
            "rewards or penalizes",
            "Source gives target conditional rewards or penalties tied to its performance.",
            VERTICAL,
        ),
        Relation("establishes", "establishes", "Source set up, founded or approved target.", VERTICAL),
        Relation("enacts", "enacts", "Source (a legislature) passes target (a law).", VERTICAL),
        Relation("guides", "guides", "Source (a law, plan or vision) frames what target does.", VERTICAL),
        Relation(
            "coordinates",
            "coordinates",
            "Source aligns the work of target with others (horizontal coordination).",
            HORIZONTAL,
        ),
        Relation("member_of", "member of", "Source sits on target (a council, committee or board).", HORIZONTAL),
        Relation("secretariat_for", "secretariat for", "Source serves as the secretariat of target.", HORIZONTAL),
        Relation("advises", "advises", "Source gives target analysis or advice.", HORIZONTAL),
        Relation(
            "consults",
            "consults",
            "Source asks target for views or information, e.g. in seminars or hearings.",
            HORIZONTAL,
        ),
        Relation(
            "provides_services_to",
            "provides services to",
            "Source delivers services (extension, training, testing) to target.",
            HORIZONTAL,
        ),
        Relation(
            "cooperates_with",
            "cooperates with",
            "Source and target work together as equals (symmetric: list once).",
            HORIZONTAL,
            True,
        ),
        Relation("funds", "funds", "Source gives target money (budget, aid, grants).", OTHER_AXIS),
        Relation(
            "supports", "supports", "Source backs target's position or agenda (a stance, not a command).", OTHER_AXIS
        ),
        Relation("opposes", "opposes", "Source works against target or its agenda.", OTHER_AXIS),
        Relation(
            "constrains", "constrains", "Source limits what target may do (rules, agreements, conditions).", OTHER_AXIS
        ),
    ]
}

ROLES: dict[str, Term] = _terms(
    [
        ("top_leader", "Top leader", "The head of government and the office that speaks for them."),
        (
            "pilot_agency",
            "Pilot / planning agency",
            "The technocrat group or central economic agency that plans and steers.",
        ),
        (
            "industrial_ministry",
            "Industrial-policy ministry",
            "The ministry in charge of industry and trade (the super-ministry where there is one).",
        ),
        ("line_ministry", "Line ministry", "Any other ministry that implements."),
        ("macro_agency", "Macroeconomic agency", "Finance ministry, budget bureau or central bank."),
        ("consensus_forum", "Consensus forum", "Council, committee or meeting where actors reach agreement."),
        ("secretariat", "Secretariat", "Serves a forum."),
        ("sector_hub", "Sector hub", "Hub institution linking business, government and experts in one sector."),
        ("think_tank", "Think tank", "Analysis and research."),
        ("implementing_unit", "Implementing unit", "Bureau or agency that carries out a ministry's policy."),
        ("legislature", "Legislature", "Makes laws."),
        ("policy_document", "Policy document", "A law or plan that guides policy."),
        ("private_sector", "Private sector", "Firms and business associations."),
        ("civil_society", "Civil society", "NGOs, unions, universities, experts."),
        ("external_partner", "External partner", "Donors, international organizations, foreign governments."),
        ("local_government", "Local government", "Sub-national government."),
    ]
)

BASES: dict[str, Term] = _terms(
    [
        ("stated", "Stated", "The cited source says this in so many words; give the words as `quote`."),
        (
            "inferred",
            "Inferred",
            "Follows from the cited source but is not said in so many words; say why in `description`.",
        ),
    ]
)

REQUIRED_NODE_COLUMNS = ("id", "label", "kind", "cite", "basis")
REQUIRED_EDGE_COLUMNS = ("source", "target", "relation", "cite", "basis")
NODE_COLUMNS = ("id", "label", "kind", "role", "description", "start", "end", "cite", "quote", "basis")
EDGE_COLUMNS = ("source", "target", "relation", "description", "start", "end", "cite", "quote", "basis")


@dataclass(frozen=True)
class Problem:
    """One problem found in a network folder, reported as ``path:line: message``."""

    path: str
    line: int
    message: str
    severity: str = "error"  # "error" or "warning"

    def __str__(self) -> str:
        tag = "" if self.severity == "error" else "warning: "
        return f"{self.path}:{self.line}: {tag}{self.message}"


# The format rules: what an id, a year and a network.toml may be.

ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
"""A network id: lower-case words of letters and digits joined by ``-``."""
YEARED_ID = re.compile(r"-(\d{4})(?:-[a-z][a-z0-9]*)?$")
"""A country network's id ends with the first year of its era, then optionally a variant
(``vietnam-2011-coder2``, ``vietnam-2011-v2``: two codings or versions of one era)."""
PLACEHOLDER = "Replace with"
"""How every placeholder text that ``instnet new`` writes begins; the validator warns on leftovers."""
ARCHETYPE_PREFIX = "model-"
"""Idealized reference networks (archetypes) are named ``model-<name>``."""
META_KEYS = {"title", "country", "era", "start", "end", "summary", "idealized", "references", "columns"}
YEAR_COLUMNS = ("start", "end")
MIN_YEAR, MAX_YEAR = 1000, 2200
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters a network's text may not hold: the control characters other than tab and line breaks, and the two
non-characters, which XML 1.0 cannot carry at all (not even as references), so no GraphML or GEXF reader would open
an export holding one. Text pasted from a PDF or a word processor brings them along, unseen."""


# The raw rows: a network folder as read, before validation.


@dataclass
class Row:
    """One data row: its row number as a spreadsheet shows it, its cells, and its first line in the file.

    ``file_line`` differs from ``line`` only after a quoted cell that spans
    several lines (None for a workbook sheet, where they are the same).
    """

    line: int
    cells: dict[str, str]
    file_line: int | None = None


@dataclass
class Table:
    """A CSV file read leniently: header, rows, and the problems seen while reading."""

    path: Path
    header: list[str]
    rows: list[Row]
    rejected: list[Row] = field(default_factory=list)


@dataclass
class RawNetwork:
    """Everything in a network folder, unvalidated, with line numbers."""

    path: Path
    id: str
    meta: dict | None
    meta_text: str
    nodes: Table | None
    edges: Table | None
    seeds: dict[str, str | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def vocabulary_markdown() -> str:
    """The vocabularies as Markdown tables, as printed in graphs/README.md."""
    out = ["## Node kinds (`kind`)", "", "| kind | meaning |", "|---|---|"]
    out += [f"| `{t.key}` | {t.meaning} |" for t in NODE_KINDS.values()]
    out += [
        "",
        '## Relation types (`relation`): read "source *relation* target"',
        "",
        "| relation | axis | meaning |",
        "|---|---|---|",
    ]
    out += [f"| `{r.key}` | {r.axis} | {r.meaning} |" for r in RELATIONS.values()]
    out += [
        "",
        "Vertical ties carry authority; horizontal ties coordinate, consult or join; "
        "the rest are money, stances and constraints. Metrics use this axis.",
        "",
        "## Functional roles (`role`)",
        "",
        "| role | meaning |",
        "|---|---|",
    ]
    out += [f"| `{t.key}` | {t.meaning} |" for t in ROLES.values()]
    out += ["", "## Bases (`basis`)", "", "| basis | meaning |", "|---|---|"]
    out += [f"| `{t.key}` | {t.meaning} |" for t in BASES.values()]
    return "\n".join(out)


def suggest_id(name: str, year: int | None = None) -> str:
    """A valid network id close to a folder name: lower case, words joined by ``-``, ending in the year.

    Examples
    --------
    >>> suggest_id("vietnam_2011"), suggest_id("Việt Nam"), suggest_id("vietnam", 2011), suggest_id("vietnam-2011-v2")
    ('vietnam-2011', 'viet-nam', 'vietnam-2011', 'vietnam-2011-v2')
    """
    import unicodedata

    text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    text = re.sub(r"^[^a-z]+", "", text) or "network"
    if year is not None and not YEARED_ID.search(text):
        text = f"{text}-{year}"
    return text


def relation_axis(relation: object) -> str:
    """The axis of a relation key: :data:`VERTICAL`, :data:`HORIZONTAL` or :data:`OTHER_AXIS`.

    A missing or unknown relation (None, NaN, a typo) is on the other axis.

    Examples
    --------
    >>> relation_axis("directs"), relation_axis("member_of"), relation_axis(None)
    ('vertical', 'horizontal', 'other')
    """
    term = RELATIONS.get(relation) if isinstance(relation, str) else None
    return term.axis if term else OTHER_AXIS


def is_symmetric(relation: object) -> bool:
    """Whether a relation key is symmetric (``cooperates_with``: listed once, runs both ways).

    Examples
    --------
    >>> is_symmetric("cooperates_with"), is_symmetric("directs"), is_symmetric(None)
    (True, False, False)
    """
    term = RELATIONS.get(relation) if isinstance(relation, str) else None
    return bool(term and term.symmetric)


def vocabulary_order(vocab: Mapping[str, object], last: tuple[str, ...] = ()) -> dict[str, int]:
    """The rank of every key of ``vocab`` in its order, then of the ``last`` keys.

    Examples
    --------
    >>> vocabulary_order({"a": 1, "b": 2}, last=("(none)",))
    {'a': 0, 'b': 1, '(none)': 2}
    """
    return {key: i for i, key in enumerate([*vocab, *last])}


def sort_by_vocabulary(keys: Iterable, vocab: Mapping[str, object], last: tuple[str, ...] = ()) -> list:
    """The distinct ``keys`` in vocabulary order, then the ``last`` keys, then unknown keys by name.

    Used to list node kinds or roles in the order of :data:`NODE_KINDS` or :data:`ROLES`.

    Examples
    --------
    >>> sort_by_vocabulary(["ministry", "zzz", "head_of_government", "ministry"], NODE_KINDS)
    ['head_of_government', 'ministry', 'zzz']
    """
    order = vocabulary_order(vocab, last)
    return sorted(set(keys), key=lambda key: (order.get(key, len(order)), str(key)))
