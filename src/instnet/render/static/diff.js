(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  // Each look (colour, shape, line) is written once; every record names its own.
  function looked(table) { return function (r) { return Object.assign({}, table[r.look], r); }; }
  var nodes = new vis.DataSet(data.nodes.map(looked(data.looks.nodes)));
  var edges = new vis.DataSet(data.edges.map(looked(data.looks.edges)));
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edges, network: null};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  view.network = network;
  network.on("beforeDrawing", function (ctx) {
    data.lines.forEach(function (l) {
      ctx.save(); ctx.strokeStyle = l.color; ctx.lineWidth = 1; ctx.setLineDash([6, 6]);
      ctx.beginPath(); ctx.moveTo(l.x1, l.y1); ctx.lineTo(l.x2, l.y2); ctx.stroke(); ctx.restore();
    });
    data.captions.forEach(function (c) {
      ctx.save(); ctx.font = c.font; ctx.fillStyle = c.color; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText(c.text, c.x, c.y); ctx.restore();
    });
  });
  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  network.fit({animation: false});
  network.moveTo({scale: network.getScale() * 0.9, animation: false});
})();
