(function () {
  "use strict";
  // The country page: one vis-network per era, all framed on the same box so an institution sits in the
  // same place in every era. For static/story.js: select(step) puts the step's era forward, reset(era) frames it again.
  var data = window.instnetData();
  // the records whole, as instnet/render/country.py's whole_node and whole_edge make them: label, tooltip, look
  function wholeNode(n) {
    // side by side, the compact name ("short"; full names ran into each other at the panels' scale)
    var label = wholeName(n), mark = data.marks[n.mark];
    var out = {id: n.id, x: n.x, y: n.y, shape: n.shape, mark: n.mark, label: n.short === undefined ? label : n.short,
               title: label + " (" + n.id + ")" + (n.mark ? "\n" + mark[1] : ""),
               color: {background: mark[0], border: "#444444"}, borderWidth: 1};
    if (n.mark === "removed") { out.opacity = 0.35; out.shapeProperties = {borderDashes: [5, 4]}; }
    return out;
  }
  function wholeEdge(e) {
    var mark = data.tieMarks[e.mark];
    var out = {id: e.id, from: e.from, to: e.to, mark: e.mark, color: {color: mark[0]},
               title: e.from + " " + e.rel + " " + e.to + (e.mark ? "\ntie " + mark[2] : "") +
                      (e.was ? " (was: " + e.was + ")" : "")};
    if (e.head) { out.arrows = {to: {enabled: true, scaleFactor: 0.6}}; }
    if (e.mark) { out.width = 3; }
    if (e.mark === "removed") { out.dashes = [6, 5]; out.color = {color: mark[0], opacity: 0.5}; }
    return out;
  }
  var xs = [], ys = [];
  data.eras.forEach(function (era) { era.nodes.forEach(function (n) { xs.push(n.x); ys.push(n.y); }); });
  // margins: half a label's width (widthConstraint 220) beside, a four-line label under the lowest nodes
  var box = {x0: Math.min.apply(null, xs) - 120, x1: Math.max.apply(null, xs) + 120,
             y0: Math.min.apply(null, ys) - 50, y1: Math.max.apply(null, ys) + 160};
  var drawn = 0, views = [], drawings = [];
  var figures = document.querySelectorAll("figure.era");
  function frame(d) {
    // names are checked once the era is framed: vis-network sizes only the labels in view, so a node outside
    // the old view would be checked with the size of its previous name
    var stale = d.stale;
    d.stale = false;
    d.network.setSize("100%", "100%");  // the container may have changed size (the story shows one era)
    d.network.redraw();
    var scale = Math.min(d.container.clientWidth / (box.x1 - box.x0), d.container.clientHeight / (box.y1 - box.y0));
    d.network.moveTo({position: {x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2}, scale: scale, animation: false});
    d.stale = stale;
    d.network.redraw();
  }
  // An era the story shows alone, across the page, has room for the full names; side by side the eras draw the
  // compact ones. Either way a name that would run into another (static/names.js) is not drawn (its label is
  // empty; the tooltip keeps it). A story's step ranks its own institutions first, and one of them whose whole
  // name is crowded draws its compact name instead, if that has room, else its name over its shape. Each time
  // the names change they are all drawn once, then the crowded ones left out.
  function wholeName(n) { return n.label === undefined ? n.id : n.label; }
  function names(d, full, first) {
    var own = (first || []).filter(function (id) { return d.byId[id]; });
    d.lit = {};  // the step's own institutions (only in the era shown alone)
    own.forEach(function (id) { d.lit[id] = true; });
    d.ranked = own.concat(d.byTies.filter(function (id) { return !d.lit[id]; }));
    d.compacted = {};
    d.raised = {};
    d.hidden = {};
    d.nodes.update(d.era.nodes.map(function (n) {
      return {id: n.id, label: full || n.short === undefined ? wholeName(n) : n.short, font: {vadjust: 0}};
    }));
    d.stale = true;
  }
  function declutter(d) {
    var shown = window.instnetNames.inView(d.network, d.ranked);  // the others' names were sized when last drawn
    var free = window.instnetNames.free(d.network, shown), changed = [];
    shown.forEach(function (id) {
      var n = d.byId[id];
      if (free[id] || d.hidden[id]) { return; }
      if (d.lit[id] && !d.compacted[id] && n.short !== undefined) {  // checked again once drawn
        d.compacted[id] = true;
        d.stale = true;
        changed.push({id: id, label: n.short});
      } else if (d.lit[id] && !d.raised[id]) {  // over its shape instead of under it, checked again once drawn
        d.raised[id] = true;
        d.stale = true;
        changed.push({id: id, font: {vadjust: window.instnetNames.rise(d.network, id)}});
      } else {
        d.hidden[id] = true;
        changed.push({id: id, label: ""});
      }
    });
    if (changed.length) { d.nodes.update(changed); }
  }
  var view = {drawn: false, networks: views, drawings: drawings};
  // the story shows the step's era alone, across the page, so its labels can be read
  view.select = function (step) {
    figures.forEach(function (f, k) { f.classList.toggle("current", k === step.era); });
    document.body.setAttribute("data-story-era", String(step.era));
    var d = drawings[step.era];
    drawings.forEach(function (other, k) { names(other, k === step.era, k === step.era ? step.nodes : null); });
    frame(d);
    var fig = figures[step.era];
    if (fig && fig.scrollIntoView) { fig.scrollIntoView({block: "nearest"}); }
    return d;
  };
  view.reset = function () {
    if (!document.getElementById("story") || document.getElementById("story").hidden) {
      figures.forEach(function (f) { f.classList.remove("current"); });
      document.body.removeAttribute("data-story-era");
      drawings.forEach(function (d) { names(d, false); frame(d); });
    }
  };
  window.instnetView = view;
  data.eras.forEach(function (era, i) {
    var container = document.getElementById("era-" + i);
    var nodes = new vis.DataSet(era.nodes.map(wholeNode)), edges = new vis.DataSet(era.edges.map(wholeEdge));
    var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
    var d = {network: network, nodes: nodes, edges: edges, container: container, fadeLabels: "#343434", era: era,
             byId: {}, hidden: {}, stale: true, lit: {}, compacted: {}, raised: {}};
    era.nodes.forEach(function (n) { d.byId[n.id] = n; });
    d.byTies = d.ranked = window.instnetNames.ranked(network, era.nodes.map(function (n) { return n.id; }));
    views.push(network);
    drawings.push(d);
    network.on("afterDrawing", function () { if (d.stale) { d.stale = false; declutter(d); } });
    frame(d);
    network.once("afterDrawing", function () {
      drawn += 1;
      if (drawn === data.eras.length) { view.drawn = true; document.body.setAttribute("data-drawn", "true"); }
    });
  });
})();
