(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var styles = data.relationStyles;
  var edges = data.edges.map(function (e) {
    var s = styles[e.rel];
    var edge = {id: e.id, from: e.from, to: e.to, title: e.title, color: {color: s.color, highlight: s.color, hover: s.color},
                dashes: s.dashes, width: s.width,
                arrows: {to: {enabled: s.head !== null, type: s.head || "arrow", scaleFactor: 0.7}}};
    if (e.curve) { edge.smooth = {enabled: true, type: e.curve[0], roundness: e.curve[1]}; }
    if (e.ext) { edge.label = data.externalMark; }
    return edge;
  });
  var nodes = new vis.DataSet(data.nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edgeSet, network: null};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edgeSet}, data.options);
  view.network = network;
  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  network.fit({animation: false});
})();
