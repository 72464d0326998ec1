/* The view's filters (kind, relation, axis, source), the count of what is shown, and the reset.
 *
 * Unchecked options hide items under the reason "filter" (static/visibility.js), so the year slider and the seed
 * layer keep their own: an item shows when no reason hides it, a tie only when both its ends show. The source filter
 * keeps what layers.restrict keeps: the ties of the sources checked, and the institutions citing them or joined by
 * those ties. Reset checks every option and clears the search and the highlight; the year, the seed layer and the
 * story keep their state.
 */
(function () {
  "use strict";
  var view = window.instnetView, panel = document.getElementById("find");
  if (!view || !panel || !view.hide) { return; }
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var checks = panel.querySelectorAll("input[data-filter]"), count = document.getElementById("find-count");
  var N = data.nodes.length, E = data.edges.length;

  function apply() {
    var off = {kind: {}, relation: {}, axis: {}, source: {}}, ends = {}, nodeIds = [], edgeIds = [], any = false;
    checks.forEach(function (c) {
      if (!c.checked) { off[c.getAttribute("data-filter")][c.value] = true; any = true; }
    });
    function source(ext) { return !off.source[ext ? "external" : "seeds"]; }
    data.edges.forEach(function (e) {
      if (source(e.ext)) { ends[e.from] = ends[e.to] = true; }
      if (off.relation[e.rel] || off.axis[data.find.axes[e.rel]] || !source(e.ext)) { edgeIds.push(e.id); }
    });
    data.nodes.forEach(function (n) {
      if (off.kind[n.group] || (!source(n.external) && !ends[n.id])) { nodeIds.push(n.id); }
    });
    view.hide("filter", nodeIds, edgeIds);
    document.body.setAttribute("data-filtered", String(any));
  }

  function show() {
    var s = view.shown();
    count.textContent = s[0] ? "Showing " + s[0] + " of " + N + " institutions, " + s[1] + " of " + E + " ties"
      : "Nothing is shown: Reset shows all " + N + " institutions";
  }

  checks.forEach(function (c) { c.addEventListener("change", apply); });
  panel.querySelectorAll("fieldset[data-filter] button[data-check]").forEach(function (b) {
    b.addEventListener("click", function () {
      b.closest("fieldset").querySelectorAll("input").forEach(function (c) { c.checked = b.getAttribute("data-check") === "all"; });
      apply();
    });
  });
  document.addEventListener("instnet:shown", show);
  document.getElementById("find-reset").addEventListener("click", function () {
    checks.forEach(function (c) { c.checked = true; });
    apply();
    if (view.find) { view.find.clear(); }
    if ((document.body.getAttribute("data-story-step") || "0") === "0") { view.refit(); }
    document.getElementById("find-msg").textContent = "Filters, search and highlight reset.";
  });
  show();
})();
