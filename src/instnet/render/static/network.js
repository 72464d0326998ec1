/* instnet network view.
 *
 * API for other scripts of the page (timeline.js, story.js, ...), on window.instnetView:
 *   drawn      true once vis-network has drawn its first frame
 *   nodes      vis.DataSet of the node records (id, key, label, title, group, x, y, size, ...)
 *   edges      vis.DataSet of the edge records
 *   network    the vis.Network
 *   refit()    fit the drawing to its box again and re-size labels so every label drawn at the
 *              fitted view is at least MIN_LABEL_PX on screen (call it after changing what is shown
 *              or the size of #network); returns the label size on screen in px
 *   labelPx()  the smallest label size on screen (font size x scale) over labelled nodes
 * Labels: up to LOD_LIMIT institutions every label is enlarged to be readable at the fitted view;
 * above it only the biggest hubs are, the others appear as the user zooms in (vis-network's
 * drawThreshold), so labels follow a level of detail instead of vanishing at once.
 */
(function () {
  "use strict";
  var MIN_LABEL_PX = 10.5, LOD_LIMIT = 60, LOD_HUBS = 20;
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var styles = data.relationStyles;
  // Each source is written once (data.citations), and what each relation means (data.relationLines):
  // a tooltip ends with its source and a tie's has its relation second, as tooltips.py writes them.
  function cited(item) { return item.cite === undefined ? item.title : item.title + "\n" + data.citations[item.cite]; }
  function related(e) {
    var t = cited(e), i = t.indexOf("\n") < 0 ? t.length : t.indexOf("\n");
    return t.slice(0, i) + "\n" + data.relationLines[e.rel] + t.slice(i);
  }
  data.nodes.forEach(function (n) { n.title = cited(n); });
  var edges = data.edges.map(function (e) {
    var s = styles[e.rel];
    var edge = {id: e.id, from: e.from, to: e.to, title: related(e), color: {color: s.color, highlight: s.color, hover: s.color},
                dashes: s.dashes, width: s.width,
                arrows: {to: {enabled: s.head !== null, type: s.head || "arrow", scaleFactor: 0.7}}};
    if (e.curve) { edge.smooth = {enabled: true, type: e.curve[0], roundness: e.curve[1]}; }
    if (e.mark) { edge.label = e.mark; }
    return edge;
  });
  var nodes = new vis.DataSet(data.nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edgeSet, network: null};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edgeSet}, data.options);
  view.network = network;
  var baseFont = data.options.nodes.font.size, baseWidth = data.options.nodes.widthConstraint.maximum;
  var ids = nodes.getIds();
  // Above LOD_LIMIT: the LOD_HUBS biggest shapes (then file order) keep readable labels at the fitted view.
  var labelled = ids.length <= LOD_LIMIT ? ids : ids.slice().sort(function (a, b) {
    return (nodes.get(b).size - nodes.get(a).size) || (a - b);
  }).slice(0, LOD_HUBS);
  var fontSize = baseFont;

  function setFont(size) {
    fontSize = size;
    var font = {size: size}, wc = {maximum: Math.round(baseWidth * size / baseFont)};
    if (labelled.length === ids.length) {
      network.setOptions({nodes: {font: font, widthConstraint: wc}});
    } else {
      nodes.update(labelled.map(function (id) { return {id: id, font: font, widthConstraint: wc}; }));
    }
  }

  view.labelPx = function () { return fontSize * network.getScale(); };

  view.refit = function () {
    network.fit({animation: false});
    for (var i = 0; i < 6 && ids.length; i++) {
      var want = Math.max(baseFont, Math.ceil(10 * MIN_LABEL_PX / network.getScale()) / 10);
      if (want <= fontSize && fontSize * network.getScale() >= MIN_LABEL_PX) { break; }
      setFont(Math.max(want, fontSize * 1.02));
      network.fit({animation: false});
    }
    return view.labelPx();
  };

  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  view.refit();
  var pending = null;
  function later() {
    if (pending !== null) { window.cancelAnimationFrame(pending); }
    pending = window.requestAnimationFrame(function () { pending = null; network.redraw(); view.refit(); });
  }
  window.addEventListener("resize", later);
  var about = document.querySelector("header details");
  if (about) { about.addEventListener("toggle", later); }
})();
