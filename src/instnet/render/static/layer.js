/* The seed-layer toggle of the network view: show only what the seed documents say.
 *
 * The same layer as instnet.layers.restrict(G, sources="seeds"): the ties citing a seed
 * document, the institutions citing one, and the institutions those ties join. Items are
 * hidden, not removed, so every institution keeps its place.
 */
(function () {
  "use strict";
  var box = document.getElementById("seed-layer");
  var view = window.instnetView;
  if (!box || !view) { return; }
  var data = window.instnetData();

  function apply() {
    var only = box.checked, ends = {};
    var edgeIds = data.edges.filter(function (e) {
      var hide = only && !!e.ext;
      if (!hide) { ends[e.from] = true; ends[e.to] = true; }
      return hide;
    }).map(function (e) { return e.id; });
    var nodeIds = data.nodes.filter(function (n) { return only && !!n.external && !ends[n.id]; })
      .map(function (n) { return n.id; });
    view.hide("layer", nodeIds, edgeIds);  // with the other reasons to hide: see static/visibility.js
    document.body.setAttribute("data-layer", only ? "seeds" : "all");
    if (view.refit) { view.refit(); }
  }

  box.addEventListener("change", apply);
})();
