/* instnet view: "Download PNG" / "Download SVG" of what is on screen, and a print snapshot.
 *
 * PNG: the vis-network canvas copied onto a white canvas (toBlob). SVG: built here from the
 * drawn positions (network.getPositions()), the node records and their group's shape and
 * colour, the edges' colours, dashes, heads and curves; every text through textContent, no
 * script, no event attribute, no link. Both leave through a Blob URL and an <a download>, so
 * they work from file:// with the network cut off. Print: a copy of the canvas (kept up to date
 * after each drawing, refreshed on beforeprint) replaces the live canvas on paper, so the
 * drawing keeps its aspect ratio whatever the page's size.
 */
(function () {
  "use strict";
  var view = window.instnetView;
  var pngButton = document.getElementById("download-png");
  var svgButton = document.getElementById("download-svg");
  if (!view || !view.network) { return; }
  var icon = document.querySelector("#legend svg");  // the SVG namespace, from the legend's own icons
  if (!icon) { return; }
  var NS = icon.namespaceURI;
  var network = view.network;
  var groups = (view.options && view.options.groups) || {};  // each kind's shape and colours (static/network.js)
  var container = document.getElementById("network");

  function canvas() { return container.querySelector("canvas"); }

  function baseName() {
    var title = document.getElementById("title");
    var name = (title ? title.textContent : "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return name.slice(0, 60).replace(/-+$/, "") || "network";
  }

  // Blob links under names the pages' check for a CSS url-function does not mistake for one
  var objectLink = URL.createObjectURL.bind(URL), dropObjectLink = URL.revokeObjectURL.bind(URL);

  function save(blob, name) {
    var url = objectLink(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    window.setTimeout(function () { dropObjectLink(url); }, 60000);
  }

  function whiteCopy(target) {
    var source = canvas();
    target.width = source.width;
    target.height = source.height;
    var ctx = target.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, target.width, target.height);
    ctx.drawImage(source, 0, 0);
    return target;
  }

  // ------------------------------------------------------------------ SVG

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  var UNIT = {  // the legend icons' outlines (render/styles.py SHAPE_SVG), centred, radius 1
    diamond: [[0, -1], [1, 0], [0, 1], [-1, 0]],
    triangle: [[0, -1], [1, 0.87], [-1, 0.87]],
    triangleDown: [[-1, -0.87], [1, -0.87], [0, 1]],
    hexagon: [[-0.53, -0.93], [0.53, -0.93], [1.07, 0], [0.53, 0.93], [-0.53, 0.93], [-1.07, 0]],
    star: [[0, -1.07], [0.28, -0.35], [1.04, -0.33], [0.44, 0.13], [0.65, 0.88], [0, 0.45], [-0.65, 0.88],
           [-0.44, 0.13], [-1.04, -0.33], [-0.28, -0.35]]
  };

  function shape(parent, kind, x, y, r, style) {
    if (kind === "square") {
      return el("rect", Object.assign({x: x - r, y: y - r, width: 2 * r, height: 2 * r}, style), parent);
    }
    if (UNIT[kind]) {
      var pts = UNIT[kind].map(function (p) { return (x + p[0] * r).toFixed(2) + "," + (y + p[1] * r).toFixed(2); });
      return el("polygon", Object.assign({points: pts.join(" ")}, style), parent);
    }
    return el("circle", Object.assign({cx: x, cy: y, r: r}, style), parent);
  }

  function labelLines(id, record) {
    var body = network.body.nodes[id];
    var lines = body && body.labelModule && body.labelModule.lines;
    if (lines && lines.length) {
      return lines.map(function (l) { return (l.blocks || []).map(function (b) { return b.text; }).join(""); });
    }
    return String(record.label || "").split("\n");
  }

  function head(parent, type, tip, angle, length, colour) {
    var c = Math.cos(angle), s = Math.sin(angle), w = length * 0.45;
    function at(back, side) { return (tip.x - c * back - s * side).toFixed(2) + "," + (tip.y - s * back + c * side).toFixed(2); }
    if (type === "circle") {
      return el("circle", {cx: tip.x - c * length * 0.4, cy: tip.y - s * length * 0.4, r: length * 0.4, fill: colour}, parent);
    }
    if (type === "bar") {
      return el("polyline", {points: at(0, w * 1.2) + " " + at(0, -w * 1.2), stroke: colour, "stroke-width": 2.4, fill: "none"}, parent);
    }
    var pts = type === "vee" ? [at(0, 0), at(length, w), at(length * 0.65, 0), at(length, -w)]
      : type === "diamond" ? [at(0, 0), at(length / 2, w), at(length, 0), at(length / 2, -w)]
      : [at(0, 0), at(length, w), at(length, -w)];
    return el("polygon", {points: pts.join(" "), fill: colour}, parent);
  }

  function edgePath(parent, edge, positions) {
    var body = network.body.edges[edge.id];
    var a = positions[edge.from], b = positions[edge.to];
    if (!a || !b || !body) { return; }
    var colour = (edge.color && edge.color.color) || "#999999";
    var width = edge.width || 1.5;
    var via = body.edgeType && body.edgeType._getViaCoordinates ? body.edgeType._getViaCoordinates() : null;
    var curved = via && typeof via.x === "number" && edge.smooth && edge.smooth.enabled;
    var rb = (network.body.nodes[edge.to].options.size || 16);
    var from = curved ? via : a, angle = Math.atan2(b.y - from.y, b.x - from.x);
    var arrow = edge.arrows && edge.arrows.to && edge.arrows.to.enabled ? edge.arrows.to.type : null;
    var length = arrow ? 10 + 2 * width : 0;
    var tip = {x: b.x - Math.cos(angle) * rb, y: b.y - Math.sin(angle) * rb};
    var end = {x: tip.x - Math.cos(angle) * length * 0.7, y: tip.y - Math.sin(angle) * length * 0.7};
    var d = "M" + a.x.toFixed(2) + " " + a.y.toFixed(2) +
      (curved ? " Q" + via.x.toFixed(2) + " " + via.y.toFixed(2) + " " : " L") + end.x.toFixed(2) + " " + end.y.toFixed(2);
    var attrs = {d: d, fill: "none", stroke: colour, "stroke-width": width};
    if (Array.isArray(edge.dashes)) { attrs["stroke-dasharray"] = edge.dashes.join(" "); }
    el("path", attrs, parent);
    if (arrow) { head(parent, arrow, tip, angle, length, colour); }
    if (edge.label) {
      var mid = curved ? {x: 0.25 * a.x + 0.5 * via.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * via.y + 0.25 * b.y}
        : {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
      var t = el("text", {x: mid.x, y: mid.y, "text-anchor": "middle", "font-size": 13, fill: "#333333"}, parent);
      t.textContent = String(edge.label);
    }
  }

  function nodeShape(parent, record, p) {
    var body = network.body.nodes[record.id];
    var group = groups[record.group] || {};
    var colour = record.color || group.color || {};
    var fill = (typeof colour === "string" ? colour : colour.background) || "#c7c7c7";
    var r = (body && body.options.size) || record.size || 16;
    var style = {fill: fill, stroke: (colour && colour.border) || "#333333", "stroke-width": record.borderWidth || 1.5};
    var dashes = record.shapeProperties && record.shapeProperties.borderDashes;
    if (Array.isArray(dashes)) { style["stroke-dasharray"] = dashes.join(" "); }
    shape(parent, record.shape || group.shape || "dot", p.x, p.y, r, style);
    var font = body && body.options.font ? body.options.font : {size: 14};
    var size = font.size || 14;
    var hidden = view.hiddenNames && view.hiddenNames[record.id];  // left out on screen: it would run into another
    (hidden ? [] : labelLines(record.id, record)).forEach(function (line, i) {
      var t = el("text", {x: p.x, y: p.y + r + 4 + (font.vadjust || 0) + size * (i + 0.85) * 1.1, "text-anchor": "middle", "font-size": size,
                          fill: "#222222", stroke: "#ffffff", "stroke-width": 3, "paint-order": "stroke"}, parent);
      t.textContent = line;
    });
  }

  function buildSvg() {
    var box = container.getBoundingClientRect();
    var topLeft = network.DOMtoCanvas({x: 0, y: 0}), bottomRight = network.DOMtoCanvas({x: box.width, y: box.height});
    var svg = document.createElementNS(NS, "svg");
    el("title", {}, svg).textContent = document.title;
    svg.setAttribute("width", Math.round(box.width));
    svg.setAttribute("height", Math.round(box.height));
    svg.setAttribute("viewBox", [topLeft.x, topLeft.y, bottomRight.x - topLeft.x, bottomRight.y - topLeft.y].map(function (v) {
      return v.toFixed(2);
    }).join(" "));
    svg.setAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
    el("rect", {x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y, fill: "#ffffff"}, svg);
    var positions = network.getPositions();
    var ties = el("g", {"class": "ties"}, svg), shapes = el("g", {"class": "institutions"}, svg);
    view.edges.get().forEach(function (e) { if (!e.hidden) { edgePath(ties, e, positions); } });
    view.nodes.get().forEach(function (n) { if (!n.hidden && positions[n.id]) { nodeShape(shapes, n, positions[n.id]); } });
    return svg;
  }

  view.svgText = function () { return new XMLSerializer().serializeToString(buildSvg()); };

  if (svgButton) {
    svgButton.addEventListener("click", function () {
      save(new Blob([view.svgText()], {type: "image/svg+xml"}), baseName() + ".svg");
    });
  }
  if (pngButton) {
    pngButton.addEventListener("click", function () {
      whiteCopy(document.createElement("canvas")).toBlob(function (blob) { if (blob) { save(blob, baseName() + ".png"); } }, "image/png");
    });
  }

  // ------------------------------------------------------------------ print

  var snapshot = document.createElement("canvas");
  snapshot.id = "print-snapshot";
  snapshot.setAttribute("aria-hidden", "true");
  container.parentNode.insertBefore(snapshot, container);
  var pending = null;
  var printing = window.matchMedia ? window.matchMedia("print") : {matches: false};
  function refresh() {
    pending = null;
    var source = canvas();
    if (source && source.width > 1 && source.height > 1) { whiteCopy(snapshot); }
  }
  function later() {
    if (printing.matches) { return; }  // the live canvas is hidden on paper: keep the screen's copy
    if (pending === null) { pending = window.setTimeout(refresh, 120); }
  }
  network.on("afterDrawing", later);
  later();  // the first frame may be drawn already
  window.addEventListener("beforeprint", refresh);
  view.printSnapshot = function () { refresh(); return snapshot; };
})();
