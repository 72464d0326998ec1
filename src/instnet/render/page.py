"""The machinery every page shares: escaping, JSON for scripts, the CSP and its hashes, vis-network's files, templates.

Every page is a Jinja2 template from ``templates/`` with autoescape on. A
value printed with ``{{ value }}`` goes through :func:`escape` (``None`` and
NaN print as nothing); data for scripts go through :func:`script_json` as
``{{ data|tojson }}`` inside ``<script type="application/json">``. Scripts and
styles the page runs come from ``static/`` and ``templates/*.css`` and are
allowed by the hashes of :func:`content_security_policy`.

This is the only instnet module that touches pyvis, and it only locates the
package's files (``importlib.util.find_spec``) without importing it, which
would import IPython.
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..layout.nodes import text
from .styles import FONT

__all__ = [
    "VIS_VERSION",
    "content_security_policy",
    "ASSETS",
    "drawing_page",
    "shared_assets",
    "shared_script",
    "shared_sheet",
    "SHEETS",
    "environment",
    "escape",
    "render_template",
    "script_json",
    "sha256",
    "static_text",
    "stylesheet",
    "text",
    "vis_assets",
    "view_css",
]

VIS_VERSION = "9.1.2"

#: The files a site shares between its drawing pages, by path under the site's
#: ``assets/`` folder: vis-network's script and the rules of its style sheet
#: the views use (:func:`view_css`).
ASSETS = {
    "js": f"vis-network-{VIS_VERSION}.min.js",
    "css": f"vis-network-{VIS_VERSION}-view.css",
}

#: The style sheets of the drawing pages (``templates/``): a site's pages link
#: them from ``assets/`` (:func:`shared_sheet`), a self-contained page inlines its own.
SHEETS = ("network.css", "diff.css", "country.css")

#: What a rule of vis-network's style sheet must style for the views to keep
#: it: the tooltip. The views turn off the navigation buttons, the
#: manipulation toolbar, the configurator and click-to-use, whose rules hold
#: nearly all of the sheet (data-URI images of their buttons); the canvas has
#: no rule of its own.
VIEW_RULES = ("vis-tooltip",)
_RULE = re.compile(r"([^{}@]+)\{([^{}]*)\}")


def escape(value) -> Markup:
    """``value`` as HTML text, safe in text and in quoted attributes (``None`` and NaN are empty)."""
    return Markup(html.escape(text(value), quote=True))


def script_json(data) -> Markup:
    """JSON safe to place between ``<script>`` tags (no tag, entity or line break).

    Keys are sorted and separators compact, so the same data give the same bytes.
    """
    dumped = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        dumped = dumped.replace(raw, escaped)
    return Markup(dumped)


def sha256(source: str) -> str:
    """The CSP source expression (``sha256-...``) that allows an inline script or style."""
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def content_security_policy(
    scripts: Iterable[str] = (),
    styles: Iterable[str] | None = None,
    *,
    images: bool = False,
    locked: bool = True,
    files: bool = False,
) -> Markup:
    """The page's Content-Security-Policy: nothing is loaded, only the given scripts (and styles) run.

    Parameters
    ----------
    scripts : iterable of str
        The text of every inline script, allowed by hash.
    styles : iterable of str, optional
        The text of every inline style, allowed by hash; ``None`` allows inline styles.
    images : bool
        Allow ``data:`` images.
    locked : bool
        Forbid ``<base>`` and form submission.
    files : bool
        Also admit script and style files of the page's own origin
        (``'self'``): the shared assets of a site. Chromium checks no
        ``integrity`` of a ``file:`` script (it wants CORS, which ``file:``
        lacks), so a shared file cannot be admitted by hash and still open
        offline; inline code stays admitted by hash alone, and ``<base>`` is
        forbidden, so relative links cannot be pointed elsewhere.

    Returns
    -------
    markupsafe.Markup
        The policy, safe inside a double-quoted attribute.
    """
    parts = ["default-src 'none'"]
    own = ["'self'"] if files else []
    scripts = own + [f"'{sha256(s)}'" for s in scripts]
    if scripts:
        parts.append("script-src " + " ".join(scripts))
    parts.append(
        "style-src " + " ".join(own + (["'unsafe-inline'"] if styles is None else [f"'{sha256(s)}'" for s in styles]))
    )
    if images:
        parts.append("img-src data:")
    if locked:
        parts += ["base-uri 'none'", "form-action 'none'"]
    return Markup("; ".join(parts))


@cache
def vis_assets() -> tuple[str, str]:
    """Return the text of vis-network's JavaScript and CSS bundled with pyvis.

    The files are read from pyvis's ``templates/lib/vis-9.1.2`` folder,
    located without importing pyvis, once per process.

    Returns
    -------
    (js, css) : tuple of str

    Raises
    ------
    RuntimeError
        If pyvis is not installed or its copy of vis-network is missing or
        could not be inlined safely.
    """
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed: `pip install 'pyvis>=0.3.2,<0.4'`")
    base = Path(next(iter(spec.submodule_search_locations)))
    candidates = [base / "templates" / "lib" / f"vis-{VIS_VERSION}", base / "lib" / f"vis-{VIS_VERSION}"]
    for folder in candidates:
        js_path, css_path = folder / "vis-network.min.js", folder / "vis-network.css"
        if js_path.is_file() and css_path.is_file():
            js = js_path.read_text(encoding="utf-8")
            css = css_path.read_text(encoding="utf-8")
            if "</script" in js.lower() or "<!--" in js or "</style" in css.lower():
                raise RuntimeError(f"{folder}: vis-network cannot be inlined safely")
            return js, css
    raise RuntimeError(f"vis-network {VIS_VERSION} not found in the pyvis package at {base}")


@cache
def view_css(css: str) -> str:
    """The rules of vis-network's style sheet ``css`` that the views use (:data:`VIEW_RULES`).

    A rule is kept when every selector of it names one of ``VIEW_RULES``;
    the rest (the controls the views never show, with their data-URI images)
    is dropped.

    Parameters
    ----------
    css : str
        vis-network's style sheet, as :func:`vis_assets` returns it.

    Returns
    -------
    str
        The kept rules, in their order, one per line.

    Raises
    ------
    RuntimeError
        If the sheet is not a flat list of rules (an at-rule, a comment or a
        stray brace): the filter would not know what it drops.

    Examples
    --------
    >>> view_css(".vis-overlay{top:0}div.vis-tooltip{position:absolute}")
    'div.vis-tooltip{position:absolute}\\n'
    """
    rules = _RULE.findall(css)
    if "".join(f"{selector}{{{body}}}" for selector, body in rules).strip() != css.strip() or "/*" in css:
        raise RuntimeError("vis-network's style sheet is not a flat list of rules: cannot keep the views' rules")
    kept = [
        f"{selector.strip()}{{{body}}}\n"
        for selector, body in rules
        if all(any(name in part for name in VIEW_RULES) for part in selector.split(","))
    ]
    return "".join(kept)


@jinja2.pass_eval_context
def _finalize(eval_ctx, value):
    """Escape what ``{{ }}`` prints in HTML templates with :func:`escape` (autoescape stays on behind it)."""
    if isinstance(value, Markup) or not eval_ctx.autoescape:
        return value
    return escape(value)


@cache
def environment() -> jinja2.Environment:
    """The Jinja2 environment of ``templates/``: autoescape for ``.html``, block tags leave no newline."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("instnet.render", "templates"),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True, default=False),
        finalize=_finalize,
        trim_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["tojson"] = script_json
    return env


def render_template(name: str, **context) -> str:
    """Render the template ``name`` of ``templates/`` with ``context``."""
    return environment().get_template(name).render(**context)


@cache
def stylesheet(name: str, **context) -> Markup:
    """A style sheet from ``templates/`` (``.css``, rendered once per process with ``context``)."""
    return Markup(render_template(name, **context))


@cache
def static_text(name: str) -> Markup:
    """A script from ``static/``, read once, as pages inline it: without indentation, blank and comment lines.

    A self-contained page inlines its scripts and a site's pages link the
    same text from ``assets/`` (:func:`shared_assets`); either way, what only
    a reader of the file needs is left in the file: lines that are only a ``//`` comment or within a ``/* ... */``
    block that starts a line. Line breaks stay, so the code means the same.
    """
    source = resources.files("instnet.render").joinpath("static", name).read_text(encoding="utf-8")
    return Markup(_compact_script(source))


def _compact_script(source: str) -> str:
    """``source`` without indentation, blank lines and whole-line comments (see :func:`static_text`).

    Examples
    --------
    >>> _compact_script("/* about\\n * more */\\n(function () {\\n  // note\\n  var a = 1; // kept\\n})();\\n")
    '(function () {\\nvar a = 1; // kept\\n})();'
    """
    lines, block = [], False
    for line in source.splitlines():
        stripped = line.strip()
        if block or stripped.startswith("/*"):
            block = "*/" not in stripped
            stripped = "" if block else stripped.split("*/", 1)[1].strip()  # code after the comment stays
        if stripped and not stripped.startswith("//"):
            lines.append(stripped)
    return "\n".join(lines)


def shared_assets() -> dict[str, bytes]:
    """The files of a site's ``assets/`` folder, by name: what every drawing page of the site links to.

    Examples
    --------
    >>> set(ASSETS.values()) <= set(shared_assets()) and shared_script("network.js") in shared_assets()
    True
    """
    js, css = vis_assets()
    files = {ASSETS["js"]: js.encode("utf-8"), ASSETS["css"]: view_css(css).encode("utf-8")}
    for entry in sorted(resources.files("instnet.render").joinpath("static").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".js") and entry.name != "live.js":  # live.js: served by instnet serve only
            files[shared_script(entry.name)] = str(static_text(entry.name)).encode("utf-8")
    for sheet in SHEETS:
        files[shared_sheet(sheet)] = str(stylesheet(sheet, font=FONT, shared=True)).encode("utf-8")
    return files


def shared_script(name: str) -> str:
    """The name under a site's ``assets/`` of the page script ``static/<name>``.

    Examples
    --------
    >>> shared_script("network.js")
    'instnet-network.js'
    """
    return f"instnet-{name}"


def shared_sheet(name: str) -> str:
    """The name under a site's ``assets/`` of the style sheet ``templates/<name>`` (one of :data:`SHEETS`).

    Examples
    --------
    >>> shared_sheet("network.css")
    'instnet-network.css'
    """
    return f"instnet-{name}"


def drawing_page(
    template: str,
    script: str,
    sheet: str,
    data,
    *,
    hash_styles: bool = False,
    helpers: Sequence[str] = (),
    extra_scripts: Sequence[str] = (),
    assets: str | None = None,
    lines: Mapping[str, Sequence[str]] | None = None,
    **context,
) -> str:
    """A page that draws with vis-network: ``template`` with ``data`` as JSON, vis-network and ``script`` run.

    Parameters
    ----------
    template : str
        A template that extends ``view.html``.
    script, sheet : str
        The page's own script (in ``static/``) and style sheet (in ``templates/``).
    data
        What the script reads, as ``{{ data|tojson }}``.
    hash_styles : bool
        Allow the style sheets by hash (and ``data:`` images) rather than all inline styles.
    helpers : sequence of str
        Scripts from ``static/`` that ``script`` uses, run before it (after ``lines.js``), in order.
    extra_scripts : sequence of str
        More scripts from ``static/`` run after ``script``, in order.
    assets : str, optional
        The relative URL of the site's ``assets/`` folder (``"../assets/"``):
        vis-network is linked from there (see :func:`shared_assets`) rather
        than inlined. Default: one self-contained page.
    lines : mapping, optional
        With ``assets`` (a site's page, whose JSON :func:`instnet.render.shared_lines.share_lines`
        writes lighter): the line tables of the page's networks by site key
        (:func:`instnet.render.shared_lines.network_lines`); the page loads
        them from the site's ``data/<key>.js`` and its JSON refers to them
        (:func:`instnet.render.shared_lines.share_lines`).
    **context
        The template's other variables.

    Raises
    ------
    RuntimeError
        If pyvis's bundled vis-network cannot be found.
    """
    js, vis_css = vis_assets()
    vis_css = view_css(vis_css)
    css = stylesheet(sheet, font=FONT)
    own = ("lines.js", *helpers, script, *extra_scripts)  # lines.js first: the others read the JSON through it
    boots: list[str] = [str(static_text(name)) for name in own]
    scripts: list[str]
    if assets is None:
        scripts, styles, links, sources = [js, *boots], [vis_css, css], [], []
    else:  # a site's page: vis-network, the page's style sheet and scripts are the shared files of assets/
        scripts, styles = [], []
        links = [assets + ASSETS["css"], assets + shared_sheet(sheet)]
        sources = [assets + ASSETS["js"]] + [assets + shared_script(name) for name in own]
        from .shared_lines import DATA_DIR, share_lines

        lines = lines or {}
        data = share_lines(data, lines)  # also each list of records with its keys once
        site = posixpath.dirname(assets.rstrip("/"))  # the folder that holds assets/ and data/
        sources = [posixpath.join(site, DATA_DIR, f"{key}.js") for key in lines] + sources
    shared = assets is not None
    policy = content_security_policy(scripts, styles if hash_styles else None, images=hash_styles, files=shared)
    return render_template(
        template,
        csp=policy,
        styles=[Markup(s) for s in styles],
        scripts=[Markup(s) for s in scripts],
        style_links=links,
        shared_sheet=shared,  # the rules of the page's includes are in its shared sheet
        script_sources=sources,
        data=data,
        **context,
    )
