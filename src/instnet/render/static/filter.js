/* The view's filters (kind, relation, axis, source), the count of what is shown, and the reset.
 *
 * Unchecked options hide items under the reason "filter" (static/visibility.js), so the year slider and the seed
 * layer keep their own: an item shows when no reason hides it, a tie only when both its ends show. The source filter
 * keeps what layers.restrict keeps: the ties of the sources checked, and the institutions citing them or joined by
 * those ties. Reset checks every option and clears the search and the highlight; the year, the seed layer and the
 * story keep their state. The fieldsets are written here from the page's JSON (find.filters: name, legend, noun and
 * the options' value, label and count), as text only.
 */
(function () {
  "use strict";
  var view = window.instnetView, panel = document.getElementById("find");
  if (!view || !panel || !view.hide) { return; }
  var data = window.instnetData();
  var box = document.getElementById("find-filters");

  function make(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function fieldset(group) {  // as the template wrote it: legend, All / None, a check box per option with its count
    var name = group[0], set = make("fieldset", {"data-filter": name}), all = make("div", {"class": "find-all"});
    set.appendChild(make("legend", {}, group[1]));
    all.appendChild(make("button", {type: "button", "data-check": "all", "aria-label": "Show all " + group[2]}, "All"));
    all.appendChild(document.createTextNode(" "));
    all.appendChild(make("button", {type: "button", "data-check": "none", "aria-label": "Hide all " + group[2]}, "None"));
    set.appendChild(all);
    group[3].forEach(function (option) {
      var label = make("label", {}), check = make("input", {type: "checkbox", "data-filter": name});
      check.value = option[0];
      check.checked = true;
      check.defaultChecked = true;
      label.appendChild(check);
      label.appendChild(document.createTextNode(" "));
      label.appendChild(make("span", {}, option[1]));
      label.appendChild(document.createTextNode(" "));
      label.appendChild(make("span", {"class": "n"}, option[2]));
      set.appendChild(label);
    });
    return set;
  }
  if (box && data.find.filters) { data.find.filters.forEach(function (group) { box.appendChild(fieldset(group)); }); }
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
