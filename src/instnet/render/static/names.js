(function () {
  "use strict";
  // Names that would run into others, for the pages that draw many in little room (static/diff.js,
  // static/country.js and static/network.js, which load this first). Each name in turn, the best-connected
  // institutions' first and then in the page's order, is free when its box as vis-network last drew it (the
  // drawing's coordinates) meets no free name before it (nor comes within GAP_PX of one beside it), nor the
  // page's own ``texts`` (boxes: a diff's role names), nor the middle of another institution's shape (a name's
  // white outline may cross a shape's edge): those of ``others`` when given, else of the names'; the first is
  // not checked against shapes (the best-connected institution in view is always named). The page
  // decides what a name that is not free becomes: shorter, raised over its shape (font.vadjust, which the
  // label's size leaves out), or not drawn.
  var GAP_PX = 2;  // on screen, between two names on one line: closer, they read as one
  function apart(a, b) { return a[1] <= b[0] || b[1] <= a[0] || a[3] <= b[2] || b[3] <= a[2]; }
  window.instnetNames = {
    ranked: function (network, ids) {
      return ids.map(function (id, i) { return [id, network.getConnectedEdges(id).length, i]; })
        .sort(function (a, b) { return b[1] - a[1] || a[2] - b[2]; }).map(function (r) { return r[0]; });
    },
    // the ids of the institutions shown whose box (shape and name) is in view: vis-network draws, and so sizes,
    // only those, so a name out of view has the size it had when last drawn
    inView: function (network, ids) {
      var body = network.body.nodes, c = network.canvas.frame.canvas;
      var a = network.DOMtoCanvas({x: 0, y: 0}), b = network.DOMtoCanvas({x: c.clientWidth, y: c.clientHeight});
      var area = {left: a.x, right: b.x, top: a.y, bottom: b.y};
      return ids.filter(function (id) {
        return body[id] && !body[id].options.hidden && body[id].isBoundingBoxOverlappingWith(area);
      });
    },
    // the font.vadjust that sets node ``id``'s name (as last drawn, unraised) a few pixels over its shape
    rise: function (network, id) {
      var body = network.body.nodes[id], size = body.labelModule.size;
      return body.y - body.shape.height / 2 - 4 / network.getScale() - (size.top + size.height);
    },
    free: function (network, ranked, others, texts) {
      var gap = GAP_PX / network.getScale(), drawn = (texts || []).slice(), free = {};
      var shapes = (others || ranked).map(function (id) {
        var n = network.body.nodes[id], w = n.shape.width / 4, h = n.shape.height / 4;
        return [id, [n.x - w, n.x + w, n.y - h, n.y + h]];
      });
      ranked.forEach(function (id, i) {
        var label = network.body.nodes[id].labelModule, s = label.size, up = label.fontOptions.vadjust || 0;
        var box = [s.left, s.left + s.width, s.top + up, s.top + s.height + up];  // a raised name: vadjust
        var wide = [box[0] - gap, box[1] + gap, box[2], box[3]];
        if (drawn.every(function (d) { return apart(wide, d); }) &&
            (i === 0 || shapes.every(function (sh) { return sh[0] === id || apart(box, sh[1]); }))) {
          drawn.push(box);
          free[id] = true;
        }
      });
      return free;
    }
  };
})();
