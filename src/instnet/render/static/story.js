(function () {
  "use strict";
  // The story step-through: each step highlights its institutions and ties, fades the rest, shows its year.
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var story = data.time && data.time.story, view = window.instnetView;
  if (!story || !view) { return; }
  var panel = document.getElementById("story"), start = document.getElementById("story-start");
  var pos = document.getElementById("story-pos"), steps = panel.querySelectorAll(".story-step");
  var prev = document.getElementById("story-prev"), next = document.getElementById("story-next");
  // Each source's citation is written once (story.sources): shown after its key, in full on hover.
  panel.querySelectorAll(".sources li").forEach(function (li) {
    var citation = story.sources[li.getAttribute("data-source")] || "";
    li.appendChild(document.createTextNode(" " + citation));
    li.title = citation;
  });
  var colors = {}, widths = {};
  view.edges.get().forEach(function (e) { colors[e.id] = e.color; widths[e.id] = e.width; });
  var current = -1;
  function paint(nodeIds, tieIds) {
    var onNode = {}, onTie = {};
    (nodeIds || []).forEach(function (i) { onNode[i] = true; });
    (tieIds || []).forEach(function (i) { onTie[i] = true; });
    var all = nodeIds === null;
    view.nodes.update(view.nodes.getIds().map(function (id) {
      return {id: id, opacity: all || onNode[id] ? 1 : 0.15};
    }));
    view.edges.update(view.edges.getIds().map(function (id) {
      var c = colors[id], lit = all || onTie[id];
      return {id: id, width: onTie[id] ? widths[id] + 2 : widths[id],
              color: {color: c.color, highlight: c.highlight, hover: c.hover, opacity: lit ? 1 : 0.1}};
    }));
  }
  function show(i) {
    current = Math.max(0, Math.min(steps.length - 1, i));
    var s = story.steps[current];
    steps.forEach(function (el, k) { el.hidden = k !== current; });
    pos.textContent = "Step " + (current + 1) + " of " + steps.length;
    prev.disabled = current === 0;
    next.disabled = current === steps.length - 1;
    if (window.instnetTimeline) { window.instnetTimeline.stop(); window.instnetTimeline.apply(s.year); }
    paint(s.nodes, s.ties);
    var ends = s.nodes.slice();
    view.edges.get(s.ties).forEach(function (e) { ends.push(e.from, e.to); });
    view.network.fit({nodes: ends.length ? ends : view.nodes.getIds(), maxZoomLevel: 1.5, animation: false});
    document.body.setAttribute("data-story-step", String(current + 1));
  }
  function open() { panel.hidden = false; start.hidden = true; show(0); next.focus(); }
  function close() {
    panel.hidden = true; start.hidden = false; current = -1;
    paint(null, null);
    if (window.instnetTimeline) { window.instnetTimeline.apply(null); }
    view.network.fit({animation: false});
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
