(function () {
  "use strict";
  // The story step-through: each step highlights its institutions and ties, fades the rest, shows its year.
  // A page with several drawings (the country page) gives its view a select(step) that returns the
  // drawing of the step's era ({network, nodes, edges, fadeLabels: the label colour, to fade the others'})
  // and a reset(); a network view is its own drawing.
  var data = window.instnetData();
  var story = data.time && data.time.story, view = window.instnetView;
  if (!story || !view) { return; }
  var panel = document.getElementById("story"), start = document.getElementById("story-start");
  var pos = document.getElementById("story-pos"), steps = panel.querySelectorAll(".story-step");
  var prev = document.getElementById("story-prev"), next = document.getElementById("story-next");
  // Each source's citation is written once (story.sources): shown after its key, in full on hover.
  panel.querySelectorAll(".sources li[data-source]").forEach(function (li) {
    var citation = (story.sources || {})[li.getAttribute("data-source")] || "";
    li.appendChild(document.createTextNode(" " + citation));
    li.title = citation;
  });
  var current = -1, drawn = null;
  if (!view.select) { saved(view); }  // before the year slider fades anything
  function saved(t) {
    if (!t.saved) {
      t.saved = {colors: {}, widths: {}, opacity: {}};
      t.edges.get().forEach(function (e) { t.saved.colors[e.id] = e.color || {}; t.saved.widths[e.id] = e.width || 1; });
      t.nodes.get().forEach(function (n) { t.saved.opacity[n.id] = n.opacity === undefined ? 1 : n.opacity; });
    }
    return t.saved;
  }
  function paint(t, nodeIds, tieIds) {
    var onNode = {}, onTie = {}, s = saved(t);
    (nodeIds || []).forEach(function (i) { onNode[i] = true; });
    (tieIds || []).forEach(function (i) { onTie[i] = true; });
    var all = nodeIds === null;
    t.nodes.update(t.nodes.getIds().map(function (id) {
      var node = {id: id, opacity: all ? s.opacity[id] : (onNode[id] ? 1 : 0.15)};
      if (t.fadeLabels) { node.font = {color: all || onNode[id] ? t.fadeLabels : "rgba(52,52,52,0.3)"}; }
      return node;
    }));
    t.edges.update(t.edges.getIds().map(function (id) {
      var c = s.colors[id], lit = all || onTie[id];
      var opacity = all ? (c.opacity === undefined ? 1 : c.opacity) : (lit ? 1 : 0.1);
      return {id: id, width: onTie[id] ? s.widths[id] + 2 : s.widths[id],
              color: {color: c.color, highlight: c.highlight, hover: c.hover, opacity: opacity}};
    }));
  }
  function show(i) {
    current = Math.max(0, Math.min(steps.length - 1, i));
    var s = story.steps[current], t = view.select ? view.select(s) : view;
    if (drawn && drawn !== t) { paint(drawn, null, null); if (view.reset) { view.reset(drawn); } }
    drawn = t;
    steps.forEach(function (el, k) { el.hidden = k !== current; });
    pos.textContent = "Step " + (current + 1) + " of " + steps.length;
    prev.disabled = current === 0;
    next.disabled = current === steps.length - 1;
    if (window.instnetTimeline) { window.instnetTimeline.stop(); window.instnetTimeline.apply(s.year); }
    paint(t, s.nodes, s.ties);
    if (t.rankFirst) { t.rankFirst(s.nodes); }  // the step's own names before the others
    var ends = s.nodes.slice();
    t.edges.get(s.ties).forEach(function (e) { ends.push(e.from, e.to); });
    t.network.fit({nodes: ends.length ? ends : t.nodes.getIds(), maxZoomLevel: 1.5, animation: false});
    if (t.zoomed) { t.zoomed(); }  // readable names at the step's scale (a fit is no zoom event)
    document.body.setAttribute("data-story-step", String(current + 1));
  }
  function open() { panel.hidden = false; start.hidden = true; show(0); next.focus(); }
  function close() {
    panel.hidden = true; start.hidden = false; current = -1;
    if (drawn) { paint(drawn, null, null); }
    if (drawn && drawn.rankFirst) { drawn.rankFirst([]); }
    if (window.instnetTimeline) { window.instnetTimeline.apply(null); }
    if (view.reset) { view.reset(drawn); } else { view.refit(); }
    drawn = null;
    document.body.setAttribute("data-story-step", "0");
    start.focus();
  }
  start.addEventListener("click", open);
  prev.addEventListener("click", function () { show(current - 1); });
  next.addEventListener("click", function () { show(current + 1); });
  document.getElementById("story-close").addEventListener("click", close);
  document.addEventListener("keydown", function (ev) {
    if (current < 0 || ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    var tag = ev.target && ev.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (ev.key === "ArrowRight" || ev.key === "PageDown") { show(current + 1); ev.preventDefault(); }
    else if (ev.key === "ArrowLeft" || ev.key === "PageUp") { show(current - 1); ev.preventDefault(); }
    else if (ev.key === "Escape") { close(); ev.preventDefault(); }
  });
  window.instnetStory = {show: show, close: close, open: open};
  document.body.setAttribute("data-story-step", "0");
})();
