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
 * Dense drawings: when labels must be enlarged past the room the layout left them, the compact
 * labels (record field "short") are drawn, wrapped within "room"; records keep the full name in "full".
 * Labels: up to LOD_LIMIT institutions every label is enlarged to be readable at the fitted view;
 * above it only the biggest hubs are, the others appear as the user zooms in (vis-network's
 * drawThreshold), so labels follow a level of detail instead of vanishing at once.
 */
(function () {
  "use strict";
  var MIN_LABEL_PX = 10.5, LOD_LIMIT = 60, LOD_HUBS = 20;
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var styles = data.relationStyles;
  var edges = data.edges.map(function (e) {
    var s = styles[e.rel];
    var edge = {id: e.id, from: e.from, to: e.to, title: e.title, color: {color: s.color, highlight: s.color, hover: s.color},
                dashes: s.dashes, width: s.width,
                arrows: {to: {enabled: s.head !== null, type: s.head || "arrow", scaleFactor: 0.7}}};
    if (e.curve) { edge.smooth = {enabled: true, type: e.curve[0], roundness: e.curve[1]}; }
    if (e.mark) { edge.label = e.mark; }
    return edge;
  });
  data.nodes.forEach(function (n) { n.full = n.label; });
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
  var fontSize = baseFont, squeezed = false, face = data.options.nodes.font.face;
  var measure = document.createElement("canvas").getContext("2d");

  // Labels enlarged past the room the layout gave them (a dense network on a small screen) are drawn
  // in their compact form (the record's "short": an acronym or the first words), wrapped within that
  // room (widened only to the longest word, never cut inside one); the full names come back from the
  // zoom at which they fit.
  function widest(label, size) {
    measure.font = size + "px " + face;
    return String(label).split(/\s+/).reduce(function (w, word) {
      return Math.max(w, measure.measureText(word).width);
    }, 0);
  }

  function setLabels(squeeze, size) {
    if (!squeeze && !squeezed) { return; }
    squeezed = squeeze;
    nodes.update(ids.map(function (id) {
      var n = nodes.get(id), label = squeeze && n.short ? n.short : n.full;
      var room = squeeze ? Math.max(n.room, Math.ceil(widest(label, size)) + 2) : baseWidth;
      return {id: id, label: label, widthConstraint: {maximum: room}};
    }));
  }

  function setFont(size) {
    fontSize = size;
    var font = {size: size};
    setLabels(size > baseFont * 1.05, size);
    if (labelled.length === ids.length) {
      network.setOptions({nodes: {font: font}});
    } else {
      nodes.update(labelled.map(function (id) { return {id: id, font: font}; }));
    }
  }

  function wanted() { return Math.max(baseFont, Math.ceil(10 * MIN_LABEL_PX / network.getScale()) / 10); }

  view.labelPx = function () { return fontSize * network.getScale(); };

  view.refit = function () {
    network.fit({animation: false});
    for (var i = 0; i < 6 && ids.length; i++) {
      var want = wanted();
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
  // Zooming keeps labels readable: enlarged (compact) when zoomed out, full names once they fit.
  network.on("zoom", function () {
    var want = wanted();
    if (Math.abs(want - fontSize) > 0.02 * fontSize) { setFont(want); }
  });
  var about = document.querySelector("header details");
  if (about) { about.addEventListener("toggle", later); }
})();
