"""notebook_view in a real notebook: executed headlessly, exported to HTML, opened and printed in Chromium."""

import subprocess

import numpy as np
import pytest

from browser import open_page
from instnet import load_network
from instnet.render.notebook import PRINT_CSS, render_notebook
from instnet.render.tables import structure_sentences


def test_the_view_offers_html_and_a_plain_text_summary():
    G = load_network("korea-1961")
    view = render_notebook(G, height=480)
    bundle = view._repr_mimebundle_()
    assert set(bundle) == {"text/html", "text/plain"}
    assert bundle["text/html"] == view._repr_html_()
    assert bundle["text/plain"].splitlines() == [G.graph["title"], *structure_sentences(G)]
    assert "height:480px" in bundle["text/html"] and 'sandbox="allow-scripts"' in bundle["text/html"]
    assert PRINT_CSS.startswith("@media print{") and "#network canvas{object-fit:contain}" in PRINT_CSS
    assert PRINT_CSS in bundle["text/html"]  # no markup character in the rules: the same inside srcdoc
    assert repr(view) == bundle["text/plain"]


NOTEBOOK_CELLS = [
    ("code", 'from instnet import notebook_view\nnotebook_view("korea-1961")'),
    ("markdown", "\n\n".join(["A paragraph that pushes the next view below the first screen."] * 40)),
    ("code", 'notebook_view("usa-1989")'),
]

INSIDE = """() => { const c = document.querySelector('#network canvas');
  const x = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let ink = 0;
  for (let i = 0; i < x.length; i += 4) { if (x[i + 3] > 0 && (x[i] < 200 || x[i + 1] < 200 || x[i + 2] < 200)) ink++; }
  const r = c.getBoundingClientRect(), net = window.instnetView.network, pos = net.getPositions();
  const inside = Object.values(pos).filter(p => { const d = net.canvasToDOM(p);
    return d.x >= 0 && d.y >= 0 && d.x <= r.width && d.y <= r.height; }).length / Object.keys(pos).length;
  return {drawn: document.body.dataset.drawn === 'true', ink: ink / (c.width * c.height),
          fit: getComputedStyle(c).objectFit, inside: inside, box: [r.width, r.height], bitmap: [c.width, c.height]}; }"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    import nbformat  # the test extra installs them: a real kernel runs the notebook
    from nbclient import NotebookClient
    from nbconvert import HTMLExporter

    nb = nbformat.v4.new_notebook()
    for kind, source in NOTEBOOK_CELLS:
        nb.cells.append(nbformat.v4.new_code_cell(source) if kind == "code" else nbformat.v4.new_markdown_cell(source))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    NotebookClient(nb, timeout=300, kernel_name="python3").execute()
    outputs = [cell.outputs for cell in nb.cells if cell.cell_type == "code"]
    body, _ = HTMLExporter().from_notebook_node(nb)
    path = tmp_path_factory.mktemp("nb") / "views.html"
    path.write_text(body, encoding="utf-8")
    return outputs, path


def test_the_executed_notebook_holds_both_representations(exported):
    outputs, _ = exported
    for cell in outputs:
        (result,) = [o for o in cell if o.output_type == "execute_result"]
        assert result.data["text/html"].startswith("<iframe srcdoc=")
        assert result.data["text/plain"].splitlines()[1].startswith("A network of ")


@pytest.mark.browser
def test_the_exported_notebook_draws_every_view_and_prints_it_whole(session_browser, exported, tmp_path):
    _, path = exported
    with open_page(session_browser, path, wait_for=None, viewport=(1280, 720)) as view:
        page = view.page
        page.wait_for_function("() => document.querySelectorAll('iframe').length === 2")
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 2
        for frame in frames:  # the second is below the first screen: it draws all the same
            frame.wait_for_function("() => document.body.dataset.drawn === 'true'", timeout=30_000)
            state = frame.evaluate(INSIDE)
            assert state["drawn"] and state["ink"] > 0.01, state
        view.screenshot(tmp_path / "notebook.png")
        page.emulate_media(media="print")
        for number, frame in enumerate(frames):
            state = frame.evaluate(INSIDE)
            assert state["fit"] == "contain" and state["ink"] > 0.01, state  # drawn, and never stretched
            assert frame.evaluate("() => getComputedStyle(document.getElementById('text-alt')).display") == "none"
            if number == 0:  # the frame on screen is refitted to its print box at once (an off-screen one as it prints)
                assert state["inside"] == 1 and state["bitmap"][1] == round(state["box"][1]), state
        pdf = tmp_path / "notebook.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(tmp_path / "page")], check=True)
    from PIL import Image

    coloured = []
    for png in sorted(tmp_path.glob("page-*.png")):
        hsv = np.asarray(Image.open(png).convert("HSV"))
        coloured.append(int(((hsv[..., 1] > 120) & (hsv[..., 2] > 60)).sum()))
    assert sum(1 for c in coloured if c > 200) >= 2, coloured  # both views printed, in colour, not blank
