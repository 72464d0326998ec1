/* The text alternative of the network view: its tables' rows, and "Show in graph" on each row.
 *
 * The rows are written here from the page's JSON (key "tables", see render/tables.py table_data:
 * each text once in "words", a row gives indexes; the names are "find.names", the external marks
 * the records' "external" / "ext"), as text nodes only: the template's tables say what they hold
 * until then. Each row (data-node / data-edge: the drawing's id) gets a "Show in graph" button; the button
 * (Enter or Space on the keyboard, or a click) selects its institution and
 * centres the drawing on it, or selects its tie and fits the drawing to the tie's two ends;
 * the row is marked (class "picked"). Opening or closing a part of the bar refits the drawing,
 * whose box changed size. A link to a source opens the list of sources first.
 */
(function () {
  "use strict";
  var bar = document.getElementById("text-alt"), json = document.getElementById("instnet-data");
  if (!bar || !json) { return; }
  var data = window.instnetData(), table = data.tables;

  function add(row, tag, value, className) {
    var cell = document.createElement(tag);
    if (tag === "th") { cell.setAttribute("scope", "row"); }
    if (className) { cell.className = className; }
    cell.textContent = value;
    row.appendChild(cell);
    return cell;
  }

  function source(row, key, href, external) {  // the short key, linked to the list of sources
    var cell = document.createElement("td"), words = table.words;
    if (words[href]) {
      var link = document.createElement("a");
      link.setAttribute("href", words[href]);
      link.textContent = words[key];
      cell.appendChild(link);
    } else {
      cell.textContent = words[key];
    }
    if (external) { cell.appendChild(document.createTextNode(" (ext.)")); }
    row.appendChild(cell);
  }

  function fill(id, items, write) {
    var body = document.querySelector("#" + id + " tbody");
    if (!body) { return; }
    var rows = document.createDocumentFragment();
    items.forEach(function (item, i) {
      var row = document.createElement("tr");
      write(row, item, i);
      var cell = document.createElement("td"), make = document.createElement("button");
      make.type = "button";
      make.textContent = "Show in graph";
      cell.appendChild(make);
      row.appendChild(cell);
      rows.appendChild(row);
    });
    body.textContent = "";
    body.appendChild(rows);
  }

  if (table) {
    var words = table.words, names = data.find.names;
    fill("institutions-table", table.nodes, function (row, t, i) {
      row.setAttribute("data-node", String(i));
      add(row, "th", names[i]);
      add(row, "td", words[t[0]]);
      add(row, "td", words[t[1]]);
      add(row, "td", String(t[2]), "n");
      source(row, t[3], t[4], data.nodes[i].external);
    });
    fill("ties-table", table.edges, function (row, t, i) {
      var e = data.edges[i];
      row.setAttribute("data-edge", String(i));
      add(row, "th", names[e.from]);
      add(row, "td", words[t[0]]);
      add(row, "td", names[e.to]);
      add(row, "td", words[t[1]], "y");
      source(row, t[2], t[3], e.ext);
    });
  }

  var view = window.instnetView;
  if (!view) { return; }
  var network = view.network;
  var picked = null, READABLE_PX = 16;

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
