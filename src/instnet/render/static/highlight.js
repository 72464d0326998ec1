/* The network view's highlight: one institution and its ties at full strength, the rest faded.
 *
 * window.instnetView.highlight.on(id) fades every other node (opacity) and tie (colour opacity) and returns the number
 * of the node's ties shown; off() puts back what was there before (a story step's fading, say), unless a story step
 * has repainted everything meanwhile; active() is the highlighted node's id or null; centre(id) moves the view to
 * centre the node, zoomed in (at most 1.5 times the present scale) as far as its shown neighbours stay in sight.
 * The highlighted node's name and its neighbours' are ranked first among the names drawn (static/network.js).
 * Used by static/find.js.
 */
(function () {
  "use strict";
  var view = window.instnetView;
  if (!view) { return; }
  var FADE_NODE = 0.15, FADE_TIE = 0.1, snap = null, current = null;
  function step() { return document.body.getAttribute("data-story-step") || "0"; }
  function colour(c, opacity) { return {color: c.color, highlight: c.highlight, hover: c.hover, opacity: opacity}; }

  function on(id) {
    if (!snap) {
      snap = {step: step(), nodes: view.nodes.get({fields: ["id", "opacity"]}), edges: view.edges.get({fields: ["id", "color", "width"]})};
    }
    var lit = {}, tie = {}, ties = 0;
    lit[id] = true;
    view.edges.get().forEach(function (e) {
      if (e.from === id || e.to === id) { tie[e.id] = true; lit[e.from] = lit[e.to] = true; ties += e.hidden ? 0 : 1; }
    });
    view.nodes.update(snap.nodes.map(function (n) { return {id: n.id, opacity: lit[n.id] ? 1 : FADE_NODE}; }));
    view.edges.update(snap.edges.map(function (e) {
      return {id: e.id, width: tie[e.id] ? e.width + 1 : e.width, color: colour(e.color, tie[e.id] ? 1 : FADE_TIE)};
    }));
    view.network.selectNodes([id]);
    if (view.rankFirst) {  // its name and its neighbours' are drawn before the others'
      snap.first = snap.first || view.first.slice();
      view.rankFirst([id].concat(Object.keys(lit).map(Number), snap.first));
    }
    current = id;
    document.body.setAttribute("data-highlight", view.nodes.get(id).key);
    return ties;
  }

  function off() {
    if (snap && snap.step === step()) {
      view.nodes.update(snap.nodes.map(function (n) { return {id: n.id, opacity: n.opacity === undefined ? 1 : n.opacity}; }));
      view.edges.update(snap.edges.map(function (e) {
        return {id: e.id, width: e.width, color: colour(e.color, e.color.opacity === undefined ? 1 : e.color.opacity)};
      }));
    }
    if (snap && snap.first && view.rankFirst && snap.step === step()) { view.rankFirst(snap.first); }
    snap = null;
    current = null;
    view.network.unselectAll();
    document.body.removeAttribute("data-highlight");
  }

  function centre(id) {
    var net = view.network, p = net.getPosition(id), s = net.getScale(), dx = 60, dy = 60;
    var box = document.getElementById("network"), still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    view.edges.get({filter: function (e) { return !e.hidden && (e.from === id || e.to === id); }}).forEach(function (e) {
      var q = net.getPosition(e.from === id ? e.to : e.from);
      dx = Math.max(dx, Math.abs(q.x - p.x) + 120);
      dy = Math.max(dy, Math.abs(q.y - p.y) + 50);
    });
    var fit = Math.min(box.clientWidth / (2 * dx), box.clientHeight / (2 * dy));
    net.moveTo({position: p, scale: Math.max(s, Math.min(fit, s * 1.5)), animation: still ? false : {duration: 300}});
  }

  // a story step repaints every item: the highlight is gone with it
  new MutationObserver(function () {
    if (snap && snap.step !== step()) { snap = null; current = null; document.body.removeAttribute("data-highlight"); }
  }).observe(document.body, {attributes: true, attributeFilter: ["data-story-step"]});
  view.highlight = {on: on, off: off, centre: centre, active: function () { return current; }};
})();
