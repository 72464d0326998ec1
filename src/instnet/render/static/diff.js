(function () {
  "use strict";
  var FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  // The vis-network options of every diff page (render/diff_view.py _options).
  var OPTIONS = {
    autoResize: true, height: "100%", width: "100%", physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 1, hierarchical: {enabled: false}},
    interaction: {hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: {enabled: false}, multiselect: false},
    nodes: {font: {size: 14, face: FACE, color: "#222222", strokeWidth: 4, strokeColor: "#ffffff"}, widthConstraint: {maximum: 150}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.8,
            font: {size: 10, face: FACE, color: "#555555", strokeWidth: 3, strokeColor: "#ffffff", align: "horizontal"}}
  };
  var data = window.instnetData();
  // The table of ties added and removed (data.changes: each text once in words, a row its indexes), as text only.
  var body = document.querySelector("#changes tbody");
  if (body && data.changes) {
    var rows = document.createDocumentFragment();
    data.changes.rows.forEach(function (r) {
      var row = document.createElement("tr");
      r.forEach(function (w, i) {
        var cell = document.createElement(i === 1 ? "th" : "td");
        if (i === 1) { cell.setAttribute("scope", "row"); }
        cell.textContent = data.changes.words[w];
        row.appendChild(cell);
      });
      rows.appendChild(row);
    });
    body.textContent = "";
    body.appendChild(rows);
  }
  // Each look (colour, shape, line) is written once; every record names its own. A tooltip ("tip") is its
  // lines, each shared one an index into data.tipLines, after the name (a tie: its ends' names) unless "whole";
  // a curve is its roundness (render/diff_view.py _compact_tips).
  var labels = {};
  data.nodes.forEach(function (n) { labels[n.id] = n.label; });
  // A look's colour is short (a node's fill, a line's colour) and its arrow head a type or null (_short_look).
  function whole(look, node) {
    var out = Object.assign({}, look), c = look.color;
    if (typeof c === "string") {
      out.color = node ? {background: c, border: "#333333", highlight: {background: c, border: "#000000"},
                                hover: {background: c, border: "#000000"}} : {color: c, highlight: c, hover: c};
    }
    if (look.arrows === null || typeof look.arrows === "string") {
      out.arrows = {to: {enabled: look.arrows !== null, type: look.arrows || "arrow", scaleFactor: 0.7}};
    }
    return out;
  }
  data.looks.nodes = data.looks.nodes.map(function (look) { return whole(look, true); });
  data.looks.edges = data.looks.edges.map(function (look) { return whole(look, false); });
  function looked(table, head) {
    return function (r) {
      var out = Object.assign({}, table[r.look], r), lines = r.tip.map(function (l) {
        return typeof l === "number" ? data.tipLines[l] : l;
      });
      out.title = (r.whole ? lines : [head(r)].concat(lines)).join("\n");
      if (r.curve !== undefined) { out.smooth = {enabled: true, type: "curvedCW", roundness: r.curve}; }
      ["look", "tip", "whole", "curve"].forEach(function (k) { delete out[k]; });
      return out;
    };
  }
  var nodes = new vis.DataSet(data.nodes.map(looked(data.looks.nodes, function (n) { return n.label; })));
  var edges = new vis.DataSet(data.edges.map(looked(data.looks.edges, function (e) {
    return labels[e.from] + " \u2192 " + labels[e.to];
  })));
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edges, network: null, options: OPTIONS};
  window.instnetView = view;
  var cut = {};  // font + room + text -> the text as drawn
  function within(ctx, font, text, room) {  // ctx.font is font; a closing "(none)" stays whole
    var key = font + "|" + room + "|" + text;
    if (!(key in cut)) {
      var parts = /^([\s\S]*?)(\s\([^()]*\))?$/.exec(text), name = parts[1], mark = parts[2] || "", shown = text;
      while (name.length > 1 && ctx.measureText(shown).width > room) {
        name = name.slice(0, -1).replace(/\s+$/, "");
        shown = name + "\u2026" + mark;
      }
      cut[key] = shown;
    }
    return cut[key];
  }
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, OPTIONS);
  view.network = network;
  network.on("beforeDrawing", function (ctx) {
    data.lines.forEach(function (l) {
      ctx.save(); ctx.strokeStyle = l.color; ctx.lineWidth = 1; ctx.setLineDash([6, 6]);
      ctx.beginPath(); ctx.moveTo(l.x1, l.y1); ctx.lineTo(l.x2, l.y2); ctx.stroke(); ctx.restore();
    });
    // each caption's font and colour are its look in data.captionLooks (render/diff_view.py _caption_records);
    // a role's name longer than its room (its slot's width) is cut short with an ellipsis: the table of roles
    // below the drawing names each in full
    view.captionBoxes = data.captions.map(function (c) {
      var look = data.captionLooks[c.look];
      ctx.save(); ctx.font = look.font; ctx.fillStyle = look.color; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      var shown = c.room ? within(ctx, look.font, c.text, c.room) : c.text, width = ctx.measureText(shown).width;
      var y = c.y - (look.lift || 0), size = Number(/(\d+(?:\.\d+)?)px/.exec(look.font)[1]);
      ctx.fillText(shown, c.x, y); ctx.restore();
      return {text: shown, box: [c.x - width / 2, c.x + width / 2, y - size / 2, y + size / 2]};
    });
  });
  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  network.fit({animation: false});
  network.moveTo({scale: network.getScale() * 0.9, animation: false});
  (function () {  // vis-network fits the institutions: a role's name beyond them (a role only the other side has) too
    var box = null;
    function add(b) {
      box = box ? [Math.min(box[0], b[0]), Math.max(box[1], b[1]), Math.min(box[2], b[2]), Math.max(box[3], b[3])] : b;
    }
    data.nodes.forEach(function (n) { var b = network.getBoundingBox(n.id); add([b.left, b.right, b.top, b.bottom]); });
    data.captions.forEach(function (c) {
      if (c.room) { add([c.x - c.room / 2, c.x + c.room / 2, c.y, c.y]); }  // at most its room wide
    });
    if (!box) { return; }
    var fits = 0.9 * Math.min(container.clientWidth / (box[1] - box[0] || 1), container.clientHeight / (box[3] - box[2] || 1));
    if (fits < network.getScale()) {
      network.moveTo({position: {x: (box[0] + box[1]) / 2, y: (box[2] + box[3]) / 2}, scale: fits, animation: false});
    }
  })();
  // Fitted to a laptop's screen, the names would be drawn a few pixels high: then each institution shows its
  // compact name ("short": an acronym or the first words; the tooltip keeps the whole) at MIN_PX on screen,
  // wrapped at spaces, and the ids and role names grow to stay readable too. Zooming in gives the names back
  // their own size, and the whole names once that is MIN_PX on screen.
  var MIN_PX = 11, ROLE_PX = 9, scale = network.getScale(), base = OPTIONS.nodes.font.size;
  var measure = document.createElement("canvas").getContext("2d");
  var INK = {color: OPTIONS.nodes.font.color, strokeColor: OPTIONS.nodes.font.strokeColor};
  var NONE = {color: "rgba(0,0,0,0)", strokeColor: "rgba(0,0,0,0)"};
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  view.labelScale = 0;
  view.hidden = {};  // node id -> true: its name is not drawn (it would run into another)
  view.compacted = {};  // node id -> true: its compact name although the zoom has room for whole names
  function record(n) {  // a node's name, size and colour as things stand
    var grow = view.labelScale, short = grow > 1 || view.compacted[n.id];
    var label = short ? n.short || n.label : n.label;  // wrapped at spaces only: as wide as its longest word
    measure.font = base * grow + "px " + FACE;
    var widest = Math.max.apply(null, label.split(/\s+/).map(function (w) { return measure.measureText(w).width; }));
    var most = OPTIONS.nodes.widthConstraint.maximum;
    return {id: n.id, label: label, font: Object.assign({size: base * grow}, view.hidden[n.id] ? NONE : INK),
            widthConstraint: {maximum: short ? Math.max(most, Math.ceil(widest) + 4) : most}};
  }
  function fitNames() {  // the names' size for the present zoom; whole names are tried again at each new one
    var grow = Math.max(1, MIN_PX / (base * network.getScale()));
    if (Math.abs(grow / view.labelScale - 1) < 0.02) { return false; }
    view.labelScale = grow;
    view.compacted = {};
    nodes.update(data.nodes.map(record));
    return true;
  }
  fitNames();
  if (view.labelScale > 1) {
    data.captionLooks = data.captionLooks.map(function (look) {  // the ids, and the role names a little smaller
      if (!/italic|bold/.test(look.font)) { return look; }  // a side's title (plain 14 px, long) is in the header too
      var least = (/bold/.test(look.font) ? MIN_PX : ROLE_PX) / scale, lift = 0;
      var font = look.font.replace(/(\d+(?:\.\d+)?)px/, function (_, px) {
        var size = Math.max(Number(px), least);
        lift = /bold/.test(look.font) ? (size - Number(px)) / 2 : 0;  // an id grows upwards, clear of the title under it
        return size.toFixed(1) + "px";
      });
      return {color: look.color, font: font, lift: lift};
    });
  }
  // A name that would run into another or a role's name (static/names.js) is shortened to its compact form, and
  // if that still does, not drawn: its tooltip keeps it, and zooming in draws it once it has room. Only the institutions in
  // view are checked (the others' names have the size they were last drawn with), after each zoom and pan.
  var ranked = window.instnetNames.ranked(network, data.nodes.map(function (n) { return n.id; }));
  var stale = true;  // the names drawn next are to be checked
  function declutter() {
    var shown = window.instnetNames.inView(network, ranked);
    var roles = (view.captionBoxes || []).map(function (c) { return c.box; });  // the role names over the slots
    var free = window.instnetNames.free(network, shown, shown, roles), changed = [];
    shown.forEach(function (id) {
      var n = byId[id], shorter = view.labelScale === 1 && !view.compacted[id] && n.short && n.short !== n.label;
      if (free[id]) {
        if (view.hidden[id]) { delete view.hidden[id]; changed.push(record(n)); }
      } else if (shorter) {  // checked again once drawn
        view.compacted[id] = true;
        changed.push(record(n));
        stale = true;
      } else if (!view.hidden[id]) {
        view.hidden[id] = true;
        changed.push(record(n));
      }
    });
    if (changed.length) { nodes.update(changed); }
  }
  network.on("afterDrawing", function () { if (stale) { stale = false; declutter(); } });
  network.on("zoom", function () { fitNames(); stale = true; });
  network.on("dragEnd", function () { stale = true; network.redraw(); });
  network.redraw();
})();
