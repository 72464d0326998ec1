/* The text alternative of the network view: "Show in graph" on a row of its tables.
 *
 * Each row (data-node / data-edge: the drawing's id) gets a "Show in graph" button; the button
 * (Enter or Space on the keyboard, or a click) selects its institution and
 * centres the drawing on it, or selects its tie and fits the drawing to the tie's two ends;
 * the row is marked (class "picked"). Opening or closing a part of the bar refits the drawing,
 * whose box changed size. A link to a source opens the list of sources first.
 */
(function () {
  "use strict";
  var view = window.instnetView;
  var bar = document.getElementById("text-alt");
  if (!view || !bar) { return; }
  var network = view.network;
  var picked = null, READABLE_PX = 16;
  var rows = bar.querySelectorAll("tr[data-node],tr[data-edge]");
  for (var r = 0; r < rows.length; r++) {
    var cell = document.createElement("td"), make = document.createElement("button");
    make.type = "button";
    make.textContent = "Show in graph";
    cell.appendChild(make);
    rows[r].appendChild(cell);
  }

  function mark(button) {
    var row = button.closest("tr");
    if (picked) { picked.classList.remove("picked"); }
    picked = row;
    row.classList.add("picked");
  }

  // The scale at which labels are READABLE_PX on screen (refit() may have enlarged the font).
  function readable() {
    var font = view.labelPx() / network.getScale();
    return READABLE_PX / font;
  }

  function showNode(id) {
    network.unselectAll();
    network.selectNodes([id], true);
    network.focus(id, {scale: Math.max(network.getScale(), readable()), animation: false});
  }

  function showEdge(id) {
    var edge = view.edges.get(id);
    if (!edge) { return; }
    network.unselectAll();
    network.selectEdges([id]);
    network.fit({nodes: [edge.from, edge.to], animation: false});
    var ends = network.getPositions([edge.from, edge.to]), a = ends[edge.from], b = ends[edge.to];
    network.moveTo({position: {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2},
                    scale: Math.min(network.getScale(), readable()), animation: false});
  }

  bar.addEventListener("click", function (event) {
    var target = event.target;
    var button = target.closest ? target.closest("tr button") : null;
    if (button) {
      var row = button.closest("tr"), isNode = row.hasAttribute("data-node");
      mark(button);
      if (isNode) { showNode(Number(row.getAttribute("data-node"))); }
      else { showEdge(Number(row.getAttribute("data-edge"))); }
      document.body.setAttribute("data-shown", isNode ? "node" : "edge");
      return;
    }
    var link = target.closest ? target.closest("a[href^='#ref-']") : null;
    var sources = document.getElementById("sources");
    if (link && sources) { sources.open = true; }
  });

  var parts = bar.querySelectorAll("details");
  function refit() {
    window.requestAnimationFrame(function () {
      network.redraw();
      if (view.refit) { view.refit(); }
    });
  }
  for (var i = 0; i < parts.length; i++) { parts[i].addEventListener("toggle", refit); }
})();
