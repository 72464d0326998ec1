"""The visual vocabulary, defined once: shape and colour per kind, colour and head per relation, line per axis, icons."""

from __future__ import annotations

from markupsafe import Markup

from ..layout.nodes import text
from ..model import HORIZONTAL, OTHER_AXIS, RELATIONS, VERTICAL

__all__ = [
    "AXIS_STYLES",
    "EXTERNAL_MARK",
    "SEED_MARK",
    "FONT",
    "KIND_STYLES",
    "LINE_ICON_CLASS",
    "RELATION_STYLES",
    "SHAPE_ICON_CLASS",
    "SHAPE_SVG",
    "axis_of",
    "kind_style",
    "line_icon",
    "relation_style",
    "shape_icon",
    "still_options",
    "vocabulary_order",
]

#: Node kind -> (vis-network shape, fill colour). Every pair is unique; kinds
#: of one family share a shape (star: the executive and its documents,
#: diamond: central economic agencies, square: administration, hexagon:
#: assemblies and forums, triangle: knowledge, dot: society and business,
#: triangleDown: outside actors). Kinds of one shape differ by a colour that
#: stays distinct for deuteranopes and protanopes (CIEDE2000 >= 10 after
#: Machado et al. 2009's simulation; tests/test_styles_cvd.py checks it).
KIND_STYLES: dict[str, tuple[str, str]] = {
    "head_of_government": ("star", "#d62728"),
    "legislature": ("hexagon", "#8c564b"),
    "law": ("star", "#e7ba52"),
    "planning_agency": ("diamond", "#ff7f0e"),
    "central_bank": ("diamond", "#0072b2"),
    "ministry": ("square", "#1f77b4"),
    "bureau": ("square", "#9ecae1"),
    "local_government": ("square", "#e6ab02"),
    "state_enterprise": ("square", "#843c39"),
    "council": ("hexagon", "#9467bd"),
    "secretariat": ("hexagon", "#c5b0d5"),
    "hub_institution": ("hexagon", "#2ca02c"),
    "research_institute": ("triangle", "#17becf"),
    "university": ("triangle", "#bcbd22"),
    "expert_group": ("triangle", "#5254a3"),
    "firm": ("dot", "#e377c2"),
    "business_association": ("dot", "#ad494a"),
    "ngo": ("dot", "#98df8a"),
    "trade_union": ("dot", "#7b4173"),
    "stakeholder_group": ("dot", "#e6550d"),
    "donor": ("triangleDown", "#ff9896"),
    "international_org": ("triangleDown", "#393b79"),
    "country_group": ("triangleDown", "#ffbb78"),
    "other": ("dot", "#c7c7c7"),
}

#: Relation type -> (line colour, arrow head). The line style comes from the
#: relation's axis (see ``AXIS_STYLES``); ``None`` means no arrow head (the
#: relation is symmetric).
RELATION_STYLES: dict[str, tuple[str, str | None]] = {
    "directs": ("#b2182b", "arrow"),
    "plans_for": ("#e66101", "arrow"),
    "chairs": ("#7b3294", "arrow"),
    "manages": ("#2166ac", "arrow"),
    "delegates_to": ("#4dac26", "arrow"),
    "incentivizes": ("#d01c8b", "diamond"),
    "establishes": ("#525252", "arrow"),
    "enacts": ("#8c510a", "arrow"),
    "guides": ("#bf812d", "arrow"),
    "coordinates": ("#762a83", "vee"),
    "member_of": ("#35978f", "vee"),
    "secretariat_for": ("#c51b7d", "vee"),
    "advises": ("#4575b4", "vee"),
    "consults": ("#74add1", "vee"),
    "provides_services_to": ("#a6611a", "vee"),
    "cooperates_with": ("#1b7837", None),
    "funds": ("#e08214", "circle"),
    "supports": ("#4d9221", "arrow"),
    "opposes": ("#d73027", "bar"),
    "constrains": ("#636363", "bar"),
}

#: Axis -> (legend heading, line dashes for vis-network, SVG dash array, width).
AXIS_STYLES: dict[str, tuple[str, list[int] | bool, str, float]] = {
    VERTICAL: ("Vertical ties (authority): solid lines", False, "", 2.0),
    HORIZONTAL: ("Horizontal ties (coordination): dashed lines", [8, 5], "8 5", 1.5),
    OTHER_AXIS: ("Other ties: dotted lines", [2, 4], "2 4", 1.5),
}

UNKNOWN_KIND = ("dot", "#ffffff")
UNKNOWN_RELATION = ("#999999", "arrow")
EXTERNAL_MARK = "\u2020"  # dagger, appended to labels of external items
SEED_MARK = "\u00a7"  # section sign: when most items are external, it marks the seed-sourced ones instead
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

#: Legend icons (18 x 18 SVG) for the vis-network node shapes; {a} takes the attributes.
SHAPE_SVG = {
    "dot": '<circle cx="9" cy="9" r="7"{a}/>',
    "square": '<rect x="2.5" y="2.5" width="13" height="13"{a}/>',
    "diamond": '<polygon points="9,1.5 16.5,9 9,16.5 1.5,9"{a}/>',
    "triangle": '<polygon points="9,1.5 16.5,15.5 1.5,15.5"{a}/>',
    "triangleDown": '<polygon points="1.5,2.5 16.5,2.5 9,16.5"{a}/>',
    "hexagon": '<polygon points="5,2 13,2 17,9 13,16 5,16 1,9"{a}/>',
    "star": '<polygon points="9,1 11.1,6.4 16.8,6.5 12.3,10 13.9,15.6 9,12.4 4.1,15.6 5.7,10 1.2,6.5 6.9,6.4"{a}/>',
}


def kind_style(kind) -> tuple[str, str]:
    """(vis-network shape, fill colour) of a node kind; a white dot for an unknown kind."""
    return KIND_STYLES.get(kind, UNKNOWN_KIND)


def relation_style(relation) -> tuple[str, str | None]:
    """(line colour, arrow head) of a relation type; a grey arrow for an unknown type."""
    return RELATION_STYLES.get(relation, UNKNOWN_RELATION)


def axis_of(relation) -> str:
    """The axis of a relation type; unknown types count as the other axis."""
    rel = RELATIONS.get(relation)
    return rel.axis if rel else OTHER_AXIS


def still_options() -> dict:
    """The vis-network options every drawing shares: positions come from Python, physics is off, the view fills its box."""
    return {
        "autoResize": True,
        "height": "100%",
        "width": "100%",
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1, "hierarchical": {"enabled": False}},
    }


def vocabulary_order(keys, vocabulary) -> list:
    """``keys`` (kinds, relations) in the order of ``vocabulary`` (a dict of :mod:`instnet.model`), unknown keys last by text."""
    known = list(vocabulary)
    return sorted(keys, key=lambda k: (known.index(k) if k in vocabulary else len(known), text(k)))


#: The classes the views' style sheet (``templates/view.css``) gives a legend
#: icon's size and, for a shape, its outline: an icon of that class leaves them
#: to the sheet (the ~30 icons of each page are shorter), one of another class
#: or none carries them itself.
SHAPE_ICON_CLASS = "sw"
LINE_ICON_CLASS = "ln"
_SHAPE_BOX = ' width="18" height="18"'
_LINE_BOX = ' width="48" height="14"'
_OUTLINE = ' stroke="#333333" stroke-width="1.2"'


def shape_icon(shape: str, fill: str, dashed: bool = False, css_class: str | None = SHAPE_ICON_CLASS) -> Markup:
    """An 18 x 18 SVG legend icon of a node shape (size and outline from view.css when ``css_class`` is its class)."""
    sheet = css_class == SHAPE_ICON_CLASS
    attrs = f' fill="{fill}"' + ("" if sheet else _OUTLINE)
    if dashed:
        attrs += ' stroke-dasharray="2.5 2"'
    cls = f' class="{css_class}"' if css_class else ""
    return Markup(
        f'<svg{cls}{"" if sheet else _SHAPE_BOX} viewBox="0 0 18 18" aria-hidden="true">'
        + SHAPE_SVG.get(shape, SHAPE_SVG["dot"]).format(a=attrs)
        + "</svg>"
    )


def line_icon(
    color: str,
    dash: str,
    head: str | None,
    width: float,
    css_class: str | None = LINE_ICON_CLASS,
    end: int | None = None,
) -> Markup:
    """A 48 x 14 SVG legend icon of a tie: its line (``dash``: an SVG dash array) and arrow head.

    The line ends at ``end`` (default: 36 before a head, 44 without). The
    size comes from view.css when ``css_class`` is its class.
    """
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    end = end if end is not None else 36 if head else 44
    parts = [f'<path d="M2 7H{end}" stroke="{color}" stroke-width="{width:g}"{dash_attr}/>']
    if head in ("arrow", "triangle"):
        parts.append(f'<path d="M35 2.5 45 7 35 11.5z" fill="{color}"/>')
    elif head == "vee":
        parts.append(f'<path d="M36 2.5 45 7 36 11.5" fill="none" stroke="{color}" stroke-width="1.6"/>')
    elif head == "diamond":
        parts.append(f'<path d="M35 7 40 3 45 7 40 11z" fill="{color}"/>')
    elif head == "circle":
        parts.append(f'<circle cx="40.5" cy="7" r="4" fill="{color}"/>')
    elif head == "bar":
        parts.append(f'<path d="M43 1.5V12.5" stroke="{color}" stroke-width="2.4"/>')
        parts.append(f'<path d="M36 7H43" stroke="{color}" stroke-width="{width:g}"/>')
    cls = f' class="{css_class}"' if css_class else ""
    box = "" if css_class == LINE_ICON_CLASS else _LINE_BOX
    return Markup(f'<svg{cls}{box} viewBox="0 0 48 14" aria-hidden="true">' + "".join(parts) + "</svg>")
