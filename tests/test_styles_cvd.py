"""Every node kind differs from every other by shape, or by a colour that stays distinct under colour-vision deficiency.

Simulation: Machado, Oliveira and Fernandes (2009), "A Physiologically-based
Model for Simulation of Color Vision Deficiency", IEEE Transactions on
Visualization and Computer Graphics 15(6), 1291-1298; their matrices for
protanopia and deuteranopia at severity 1.0, applied to linear RGB (sRGB
decoded), as colorspacious and DaltonLens do.

Distance: CIEDE2000 (Sharma, Wu and Dalal 2005, "The CIEDE2000 Color-Difference
Formula: Implementation Notes, Supplementary Test Data, and Mathematical
Observations", Color Research & Application 30(1), 21-30) in CIELAB (D65).

Threshold: 10. A CIEDE2000 difference of about 1 (2.3 in CIE76) is just
noticeable between two large patches side by side; node shapes are small
marks (10-34 px) seen apart on a busy drawing, and Szafir (2018), "Modeling
Color Difference for Visualization Design", IEEE TVCG 24(1), 392-401, found
the difference needed to tell marks apart grows several-fold as marks
shrink. 10 is about ten just-noticeable differences: two kinds of one shape
must be told apart at a glance, not by comparison.
"""

import math
from itertools import combinations

import numpy as np
import pytest

from instnet.model import NODE_KINDS
from instnet.render.country import MARKS
from instnet.render.diff_drawing import STATUS_COLOURS
from instnet.render.page import stylesheet
from instnet.render.styles import FONT, KIND_STYLES, SHAPE_SVG, UNKNOWN_KIND, kind_style, line_icon, shape_icon

THRESHOLD = 10.0

PROTANOPIA = np.array(
    [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]]
)
DEUTERANOPIA = np.array(
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
)
VISIONS = {"normal": np.eye(3), "deuteranopia": DEUTERANOPIA, "protanopia": PROTANOPIA}
_SRGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
_WHITE = np.array([0.95047, 1.0, 1.08883])


def linear_rgb(colour: str) -> np.ndarray:
    c = np.array([int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def lab(rgb: np.ndarray) -> tuple[float, float, float]:
    t = (_SRGB_TO_XYZ @ np.clip(rgb, 0, 1)) / _WHITE
    f = np.where(t > (6 / 29) ** 3, np.cbrt(t), t / (3 * (6 / 29) ** 2) + 4 / 29)
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def ciede2000(lab1, lab2) -> float:
    (L1, a1, b1), (L2, a2, b2) = lab1, lab2
    cbar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(cbar**7 / (cbar**7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p, h2p = math.degrees(math.atan2(b1, a1p)) % 360, math.degrees(math.atan2(b2, a2p)) % 360
    dh = 0.0 if c1p * c2p == 0 else (h2p - h1p + 180) % 360 - 180
    d_hue = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    lbar, cbarp = (L1 + L2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hbar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hbar = (h1p + h2p) / 2
    else:
        hbar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(hbar - 30))
        + 0.24 * math.cos(math.radians(2 * hbar))
        + 0.32 * math.cos(math.radians(3 * hbar + 6))
        - 0.20 * math.cos(math.radians(4 * hbar - 63))
    )
    rc = 2 * math.sqrt(cbarp**7 / (cbarp**7 + 25**7))
    rt = -math.sin(math.radians(60 * math.exp(-(((hbar - 275) / 25) ** 2)))) * rc
    sl = 1 + 0.015 * (lbar - 50) ** 2 / math.sqrt(20 + (lbar - 50) ** 2)
    sc, sh = 1 + 0.045 * cbarp, 1 + 0.015 * cbarp * t
    dl, dc, dhh = (L2 - L1) / sl, (c2p - c1p) / sc, d_hue / sh
    return math.sqrt(dl**2 + dc**2 + dhh**2 + rt * dc * dhh)


def distances(c1: str, c2: str) -> dict[str, float]:
    """CIEDE2000 between two colours as seen with normal vision, deuteranopia and protanopia."""
    l1, l2 = linear_rgb(c1), linear_rgb(c2)
    return {name: ciede2000(lab(m @ l1), lab(m @ l2)) for name, m in VISIONS.items()}


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu and Dalal (2005), table 1, pairs 1, 3, 7 and 17
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ],
)
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)


def test_simulation_keeps_grey_and_confuses_red_with_green():
    grey = linear_rgb("#808080")
    for matrix in (DEUTERANOPIA, PROTANOPIA):
        assert np.allclose(matrix @ grey, grey, atol=1e-3)  # each row sums to 1: neutrals stay neutral
    assert distances("#d62728", "#2ca02c")["normal"] > 3 * distances("#d62728", "#2ca02c")["deuteranopia"]


def _same_shape_pairs():
    styles = dict(KIND_STYLES, unknown=UNKNOWN_KIND)  # an unknown kind draws as a white dot
    return [(a, b) for a, b in combinations(styles, 2) if styles[a][0] == styles[b][0]], styles


def test_every_pair_of_kinds_differs_by_shape_or_by_a_distinct_colour():
    pairs, styles = _same_shape_pairs()
    too_close = []
    for a, b in pairs:
        d = distances(styles[a][1], styles[b][1])
        if min(d.values()) < THRESHOLD:
            too_close.append(f"{a} / {b} ({styles[a][0]}): " + ", ".join(f"{k} {v:.1f}" for k, v in d.items()))
    assert too_close == []
    assert len(set(KIND_STYLES.values())) == len(KIND_STYLES)  # no two kinds drawn alike
    assert set(KIND_STYLES) == set(NODE_KINDS)


def test_the_head_of_government_and_the_legislature_have_different_shapes():
    assert kind_style("head_of_government")[0] != kind_style("legislature")[0]


def test_legend_icons_follow_the_styles():
    for kind, (shape, fill) in KIND_STYLES.items():
        icon = str(shape_icon(*kind_style(kind)))
        assert f'fill="{fill}"' in icon, kind
        assert SHAPE_SVG[shape].split(" ", 1)[0] in icon, kind  # the same SVG element as the drawn shape


@pytest.mark.parametrize("sheet", ["network.css", "diff.css"])
def test_legend_icons_of_the_views_class_take_size_and_outline_from_the_sheet(sheet):
    css = str(stylesheet(sheet, font=FONT))
    assert ".sw{width:18px;height:18px}.sw>*{stroke:#333;stroke-width:1.2}.ln{width:48px;height:14px}" in css
    shape, line = str(shape_icon("star", "#d62728")), str(line_icon("#b2182b", "", "arrow", 2.0))
    assert shape.startswith('<svg class="sw" viewBox="0 0 18 18"') and "stroke" not in shape
    assert line.startswith('<svg class="ln" viewBox="0 0 48 14"') and "width=" not in line.split(">", 1)[0]
    # without the class (no sheet styles it), an icon carries its size and outline itself
    alone = str(shape_icon("star", "#d62728", css_class=None))
    assert alone.startswith('<svg width="18" height="18" viewBox="0 0 18 18"') and 'stroke="#333333"' in alone
    assert str(line_icon("#b2182b", "", "arrow", 2.0, css_class=None)).startswith('<svg width="48" height="14"')


@pytest.mark.parametrize("statuses", [STATUS_COLOURS, MARKS], ids=["diff", "country"])
def test_the_change_colours_stay_distinct(statuses):
    """The diff view's and the country page's colours say added, removed, changed: categories too."""
    colours = {key: value[0] for key, value in statuses.items()}
    for a, b in combinations(colours, 2):
        d = distances(colours[a], colours[b])
        assert min(d.values()) >= THRESHOLD, (a, b, d)
