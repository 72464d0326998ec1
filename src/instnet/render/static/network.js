/* instnet network view.
 *
 * API for other scripts of the page (timeline.js, story.js, ...), on window.instnetView:
 *   drawn      true once vis-network has drawn its first frame
 *   nodes      vis.DataSet of the node records (id, key, label, title, group, x, y, size, ...)
 *   edges      vis.DataSet of the edge records
 *   network    the vis.Network
 *   refit()    fit the drawing to its box again and re-size labels so every label drawn at the
 *              fitted view is at least MIN_LABEL_PX on screen (call it after changing what is shown
 *              or the size of #network); returns the label size on screen in px
 *   labelPx()  the smallest label size on screen (font size x scale) over labelled nodes
 *   zoomed()   re-size the labels for the present scale, as a zoom does (call it after network.fit)
 *   rankFirst(ids)   check these names first (a story's step, a highlight), then the others by their ties;
 *              first: the ids it was last given
 *   hiddenNames, compacted, raised   node id -> true: its name is not drawn / drawn in its compact form /
 *              was tried over its shape, as it would run into another (static/names.js); namesChecked() is
 *              true once the names drawn last were checked, namesOrder() lists the names in view in the order
 *              they were (the first is named over any shape)
 *   options    the vis-network options: SHARED (those of every network page, render/network.py
 *              SHARED_OPTIONS) with the page's own over them (data.options: a big network's lighter
 *              interaction, the groups as [shape, fill], given their colours here as network.py _groups)
 * Dense drawings: when labels must be enlarged past the room the layout left them, the compact
 * labels (record field "short") are drawn, wrapped within "room"; records keep the full name in "full".
 * Labels: up to LOD_LIMIT institutions every label is enlarged to be readable at the fitted view;
 * above it only the biggest hubs are, the others appear as the user zooms in (vis-network's
 * drawThreshold), so labels follow a level of detail instead of vanishing at once.
 */
(function () {
  "use strict";
  var MIN_LABEL_PX = 10.5, LOD_LIMIT = 60, LOD_HUBS = 20;
  var FACE = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  var SHARED = {
    autoResize: true, height: "100%", width: "100%", physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 1, hierarchical: {enabled: false}},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: false, hideEdgesOnZoom: false,
                  navigationButtons: false, keyboard: {enabled: false}, multiselect: false},
    nodes: {borderWidth: 1.5, borderWidthSelected: 3,
            font: {size: 14, face: FACE, color: "#222222", strokeWidth: 0, background: "rgba(255,255,255,0.82)"},
            widthConstraint: {maximum: 150}, scaling: {label: {enabled: false, drawThreshold: 8}}},
    edges: {smooth: false, selectionWidth: 1.5, hoverWidth: 0.8,
            font: {size: 13, face: FACE, color: "#333333", strokeWidth: 3, strokeColor: "#ffffff"}}
  };
  var data = window.instnetData();
  function over(base, own) {  // base with own's values over it, nested objects merged key by key
    var out = {};
    Object.keys(base).forEach(function (k) { out[k] = base[k]; });
    Object.keys(own || {}).forEach(function (k) {
      var b = out[k], o = own[k], plain = o && typeof o === "object" && !Array.isArray(o);
      out[k] = plain && b && typeof b === "object" ? over(b, o) : o;
    });
    return out;
  }
  var options = over(SHARED, data.options), groups = {};
  Object.keys(options.groups || {}).forEach(function (kind) {
    var g = options.groups[kind], fill = g[1];
    groups[kind] = {shape: g[0], color: {background: fill, border: "#333333",
                    highlight: {background: fill, border: "#000000"}, hover: {background: fill, border: "#000000"}}};
  });
  options.groups = groups;
  var styles = data.relationStyles;
  // Each source is written once (data.citations), and what each relation means (data.relationLines):
  // a tooltip ends with its source and a tie's has its relation second, as tooltips.py writes them.
  // Its first lines come from the rest of the data (render/compact.py): an institution's name
  // (find.names), kind line (kindLines) and id; a tie's two names and its relation's (relationNames).
  var names = data.find.names;
  // A source line the list of sources shows is [its position there, its prefix] (render/compact.py source_lines).
  var listed = document.querySelectorAll("#sources ol.sources > li > span");
  data.citations = data.citations.map(function (c) {
    return typeof c === "string" ? c : data.citationPrefixes[c[1]] + (listed[c[0]] ? listed[c[0]].textContent : "");
  });
  function cited(title, item) { return item.cite === undefined ? title : title + "\n" + data.citations[item.cite]; }
  function more(title) { return title ? "\n" + title : ""; }
  function nodeTitle(n) {
    if (n.whole) { return cited(n.title, n); }
    return cited(names[n.id] + "\n" + data.kindLines[n.kl] + "\nid: " + n.key + more(n.title), n);
  }
  function related(e) {
    var head = e.head !== undefined ? e.head : names[e.from] + " \u2192 " + data.relationNames[e.rel] + " \u2192 " + names[e.to];
    return cited(head + "\n" + data.relationLines[e.rel] + more(e.title), e);
  }
  data.nodes.forEach(function (n) {
    n.title = nodeTitle(n);
    if (n.label === undefined) { n.label = names[n.id]; }
    delete n.kl;
    delete n.whole;
    if (n.external && data.externalLook) {  // the dashed outline, written once in the payload
      n.borderWidth = data.externalLook.borderWidth;
      n.shapeProperties = {borderDashes: data.externalLook.shapeProperties.borderDashes.slice()};
    }
  });
  var edges = data.edges.map(function (e) {
    var s = styles[e.rel];
    var edge = {id: e.id, from: e.from, to: e.to, title: related(e), color: {color: s.color, highlight: s.color, hover: s.color},
                dashes: s.dashes, width: s.width,
                arrows: {to: {enabled: s.head !== null, type: s.head || "arrow", scaleFactor: 0.7}}};
    if (e.curve) { edge.smooth = {enabled: true, type: e.curve[0], roundness: e.curve[1]}; }
    if (e.mark) { edge.label = e.mark; }
    return edge;
  });
  data.nodes.forEach(function (n) { n.full = n.label; });
  var nodes = new vis.DataSet(data.nodes);
  var edgeSet = new vis.DataSet(edges);
  var container = document.getElementById("network");
  var view = {drawn: false, nodes: nodes, edges: edgeSet, network: null, options: options};
  window.instnetView = view;
  var network = new vis.Network(container, {nodes: nodes, edges: edgeSet}, options);
  view.network = network;
  var baseFont = options.nodes.font.size, baseWidth = options.nodes.widthConstraint.maximum;
  var ids = nodes.getIds();
  // Above LOD_LIMIT: the LOD_HUBS biggest shapes (then file order) keep readable labels at the fitted view.
  var labelled = ids.length <= LOD_LIMIT ? ids : ids.slice().sort(function (a, b) {
    return (nodes.get(b).size - nodes.get(a).size) || (a - b);
  }).slice(0, LOD_HUBS);
  var fontSize = baseFont, squeezed = false, face = options.nodes.font.face;
  var measure = document.createElement("canvas").getContext("2d");

  // Labels enlarged past the room the layout gave them (a dense network on a small screen) keep their
  // full name where it fits before the neighbours' labels (in width and in lines above the next shape),
  // else are drawn in their compact form (the record's "short": an acronym or the first words), never
  // cut inside a word; the full names come back from the zoom at which they fit.
  var place = {};
  data.nodes.forEach(function (n) { place[n.id] = n; });

  function words(label, size) {
    measure.font = size + "px " + face;
    return String(label).split(/\s+/).map(function (word) { return measure.measureText(word).width; });
  }

  function lineCount(widths, width, gap) {
    var lines = 1, used = 0;
    widths.forEach(function (w) {
      if (used > 0 && used + gap + w > width) { lines += 1; used = w; } else { used += (used > 0 ? gap : 0) + w; }
    });
    return lines;
  }

  function fitted(id, size) {  // the label drawn for node id at font size, and its wrapping width
    var a = place[id], lh = 1.25 * size, width = baseWidth * size / baseFont, lines = 4;
    if (ids.length <= LOD_LIMIT) {
      ids.forEach(function (j) {
        var b = place[j], dx = Math.abs(b.x - a.x), dy = b.y - a.y;
        if (j === id) { return; }
        if (Math.abs(dy) < a.size + b.size + 3 * lh) { width = Math.min(width, dx - 8); }
        else if (dy > 0 && dx < b.size + width / 2) { lines = Math.min(lines, Math.floor((dy - a.size - b.size - 6) / lh)); }
      });
    } else {
      width = a.room;
    }
    var full = words(a.full, size), gap = measure.measureText(" ").width;
    if (!a.short || (Math.max.apply(null, full) <= width && lineCount(full, width, gap) <= Math.max(1, lines))) {
      return {label: a.full, width: Math.max(width, Math.ceil(Math.max.apply(null, full)) + 2)};
    }
    return {label: a.short, width: Math.max(width, Math.ceil(Math.max.apply(null, words(a.short, size))) + 2)};
  }

  function setLabels(squeeze, size) {
    if (!squeeze && !squeezed) { return; }
    squeezed = squeeze;
    nodes.update(ids.map(function (id) {
      var f = squeeze ? fitted(id, size) : {label: place[id].full, width: baseWidth};
      return {id: id, label: f.label, widthConstraint: {maximum: f.width}};
    }));
  }

  function setFont(size) {
    fontSize = size;
    var font = {size: size};
    showNames();
    setLabels(size > baseFont * 1.05, size);
    if (labelled.length === ids.length) {
      network.setOptions({nodes: {font: font}});
    } else {
      nodes.update(labelled.map(function (id) { return {id: id, font: font}; }));
    }
    stale = true;  // once the names are drawn at their size
  }

  // A name that still runs into another, or over another institution's shape (static/names.js), once the
  // names have their size is drawn in its compact form, and if that does too, over its shape instead of under
  // it, and if that does too, not drawn: its ink and
  // background are made clear, so its box keeps its size and it is drawn again where it has room; its tooltip
  // keeps it. The names are checked after each drawing that follows a change of their size, of the
  // institutions shown or of the view (vis-network sizes the names in view as it draws them); only the
  // institutions in view count, and only the names drawn at this zoom (a big network names its hubs).
  var CLEAR = "rgba(0,0,0,0)";
  var ink = {color: options.nodes.font.color, background: options.nodes.font.background};
  var byTies = window.instnetNames.ranked(network, ids), ranked = byTies, stale = true;
  view.first = [];
  view.rankFirst = function (first) {  // these names first (a story's step's, a highlight's), then by ties
    var own = {};
    view.first = (first || []).filter(function (id) { if (own[id] || !place[id]) { return false; } own[id] = true; return true; });
    ranked = view.first.concat(byTies.filter(function (id) { return !own[id]; }));
    stale = true;  // a left-out name keeps its box: checked again in this order at the callers' next drawing
  };
  view.hiddenNames = {};  // node id -> true: its name is not drawn (it would run into another)
  view.compacted = {};  // node id -> true: its compact name although the room the layout left had the whole one
  view.raised = {};  // node id -> true: its name was tried over its shape (where it is drawn while free there)
  function nameFont(id, hide, up) {
    var font = {color: hide ? CLEAR : ink.color, background: hide ? CLEAR : ink.background, vadjust: up || 0};
    if (labelled.length !== ids.length) { font.size = labelled.indexOf(id) >= 0 ? fontSize : baseFont; }
    return font;
  }
  function showNames() {  // every name back as the size gives it, to be checked again once drawn
    var back = Object.keys(view.hiddenNames).concat(Object.keys(view.raised)).map(function (id) {
      return {id: Number(id), font: nameFont(Number(id), false)};
    });
    Object.keys(view.compacted).forEach(function (id) {  // setLabels sets them all again when it squeezes
      back.push({id: Number(id), label: place[id].full, widthConstraint: {maximum: baseWidth}});
    });
    view.hiddenNames = {};
    view.compacted = {};
    view.raised = {};
    if (back.length) { nodes.update(back); }
  }
  function declutter() {
    var body = network.body.nodes, scale = network.getScale(), threshold = options.nodes.scaling.label.drawThreshold;
    var shown = window.instnetNames.inView(network, ranked);
    var named = shown.filter(function (id) { return body[id].options.font.size * scale >= threshold; });
    var free = window.instnetNames.free(network, named, shown), changed = [];
    checked = named;
    named.forEach(function (id) {
      var n = place[id], label = nodes.get(id).label;
      var up = body[id].labelModule.fontOptions.vadjust || 0;
      if (free[id]) {
        if (view.hiddenNames[id]) { delete view.hiddenNames[id]; changed.push({id: id, font: nameFont(id, false, up)}); }
      } else if (n.short && label !== n.short && !view.hiddenNames[id]) {  // checked again once drawn
        view.compacted[id] = true;
        var widest = Math.max.apply(null, words(n.short, body[id].options.font.size));
        changed.push({id: id, label: n.short, widthConstraint: {maximum: Math.max(n.room || 0, Math.ceil(widest) + 2)}});
        stale = true;
      } else if (!view.raised[id] && !view.hiddenNames[id]) {  // over its shape, checked again once drawn
        view.raised[id] = true;
        changed.push({id: id, font: nameFont(id, false, window.instnetNames.rise(network, id))});
        stale = true;
      } else if (!view.hiddenNames[id]) {  // left out where it was: free again there, it is drawn
        view.hiddenNames[id] = true;
        changed.push({id: id, font: nameFont(id, true, 0)});
      }
    });
    if (changed.length) { nodes.update(changed); }
  }
  var checked = [];
  view.namesChecked = function () { return !stale; };  // the names last drawn were checked
  view.namesOrder = function () { return checked.slice(); };  // the names in view in the order they were checked
  // the view a check was made at: a move by a script (finding an institution, a tie's row) is checked once
  // drawn, a drag when it ends
  var checkedAt = "", dragging = false;
  function at() { var p = network.getViewPosition(); return [network.getScale(), p.x, p.y].join(" "); }
  network.on("afterDrawing", function () {
    if (stale || (!dragging && at() !== checkedAt)) { stale = false; checkedAt = at(); declutter(); }
  });
  network.on("dragStart", function () { dragging = true; });
  network.on("dragEnd", function () { dragging = false; stale = true; network.redraw(); });
  document.addEventListener("instnet:shown", function () { stale = true; });

  function wanted() { return Math.max(baseFont, Math.ceil(10 * MIN_LABEL_PX / network.getScale()) / 10); }

  view.labelPx = function () { return fontSize * network.getScale(); };

  view.refit = function () {
    network.fit({animation: false});
    for (var i = 0; i < 6 && ids.length; i++) {
      var want = wanted();
      if (want <= fontSize && fontSize * network.getScale() >= MIN_LABEL_PX) { break; }
      setFont(Math.max(want, fontSize * 1.02));
      network.fit({animation: false});
    }
    return view.labelPx();
  };

  network.once("afterDrawing", function () {
    view.drawn = true;
    document.body.setAttribute("data-drawn", "true");
  });
  view.refit();
  network.redraw();  // draw now, not on the next animation frame: an off-screen iframe (a notebook) gets none
  var pending = null;
  function later() {
    if (pending !== null) { window.cancelAnimationFrame(pending); }
    pending = window.requestAnimationFrame(function () { pending = null; network.redraw(); view.refit(); });
  }
  window.addEventListener("resize", later);
  // Zooming keeps labels readable: enlarged (compact) when zoomed out, full names once they fit.
  // So does a fit to other institutions (the story's steps call it after theirs).
  function rescaled() {
    var want = wanted();
    if (Math.abs(want - fontSize) > 0.02 * fontSize) { setFont(want); }
    stale = true;  // names come into view: checked as they are drawn
  }
  view.zoomed = function () { rescaled(); network.redraw(); };  // now: no zoom event brings a drawing
  network.on("zoom", rescaled);  // vis-network draws the zoomed view itself
  // vis-network keeps what was in view when its box changes size (a story's panel opens, a window is resized),
  // at another scale, which it sets after telling: the labels are sized again for it once it is set
  network.on("resize", function () { window.setTimeout(view.zoomed, 0); });
  // Printing changes the box at once and leaves no frame to wait for: size the canvas and fit now
  // (the whole drawing on the page; labels keep the screen's font size).
  function printing() {  // each drawing checks the names it drew (a crowded one shortened, then left out)
    network.redraw();
    network.fit({animation: false});
    stale = true;
    for (var i = 0; i < 3; i++) { network.redraw(); }
  }
  window.addEventListener("beforeprint", printing);
  var printMedia = window.matchMedia ? window.matchMedia("print") : null;
  if (printMedia && printMedia.addEventListener) {
    printMedia.addEventListener("change", function (event) { if (event.matches) { printing(); } });
  }
  var about = document.querySelector("header details");
  if (about) { about.addEventListener("toggle", later); }
})();
