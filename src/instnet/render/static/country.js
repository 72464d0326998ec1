(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("instnet-data").textContent);
  var xs = [], ys = [];
  data.eras.forEach(function (era) { era.nodes.forEach(function (n) { xs.push(n.x); ys.push(n.y); }); });
  var box = {x0: Math.min.apply(null, xs) - 60, x1: Math.max.apply(null, xs) + 60,
             y0: Math.min.apply(null, ys) - 40, y1: Math.max.apply(null, ys) + 40};
  var drawn = 0, views = [];
  var view = {drawn: false, networks: views};
  window.instnetView = view;
  data.eras.forEach(function (era, i) {
    var container = document.getElementById("era-" + i);
    var network = new vis.Network(container, {nodes: new vis.DataSet(era.nodes), edges: new vis.DataSet(era.edges)}, data.options);
    views.push(network);
    var scale = Math.min(container.clientWidth / (box.x1 - box.x0), container.clientHeight / (box.y1 - box.y0));
    network.moveTo({position: {x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2}, scale: scale, animation: false});
    network.once("afterDrawing", function () {
      drawn += 1;
      if (drawn === data.eras.length) { view.drawn = true; document.body.setAttribute("data-drawn", "true"); }
    });
  });
})();
