/* What the network view shows: every control that hides items says why, and an item is hidden while any reason holds.
 *
 * window.instnetView.hide(reason, nodeIds, edgeIds) replaces what `reason` ("year", "layer", "filter", ...) hides;
 * a tie is hidden too when either of its ends is. Then the event "instnet:shown" is sent on document.
 * window.instnetView.hiddenBy(id) lists the reasons hiding node `id`; shown() gives [nodes shown, ties shown].
 */
(function () {
  "use strict";
  var view = window.instnetView;
  if (!view) { return; }
  var reasons = {}, state = {nodes: {}, edges: {}};

  function set(ids) {
    var s = {};
    (ids || []).forEach(function (id) { s[id] = true; });
    return s;
  }

  view.hide = function (reason, nodeIds, edgeIds) {
    reasons[reason] = {nodes: set(nodeIds), edges: set(edgeIds)};
    var keys = Object.keys(reasons), nodes = {}, edges = {};
    function any(kind, id) { return keys.some(function (k) { return !!reasons[k][kind][id]; }); }
    view.nodes.getIds().forEach(function (id) { nodes[id] = any("nodes", id); });
    view.edges.get().forEach(function (e) { edges[e.id] = any("edges", e.id) || nodes[e.from] || nodes[e.to]; });
    state = {nodes: nodes, edges: edges};
    view.nodes.update(Object.keys(nodes).map(function (id) { return {id: Number(id), hidden: nodes[id]}; }));
    view.edges.update(Object.keys(edges).map(function (id) { return {id: Number(id), hidden: edges[id]}; }));
    document.dispatchEvent(new CustomEvent("instnet:shown", {detail: {reason: reason}}));
  };

  view.hiddenBy = function (id) {
    return Object.keys(reasons).filter(function (k) { return !!reasons[k].nodes[id]; });
  };

  view.shown = function () {
    function count(s, all) { return all.filter(function (id) { return !s[id]; }).length; }
    return [count(state.nodes, view.nodes.getIds()), count(state.edges, view.edges.getIds())];
  };
})();
