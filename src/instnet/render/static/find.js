/* The view's search box, suggestions by textContent; Enter centres, selects, highlights (highlight.js) the pick;
 * a click highlights a node; Escape or a click on empty space clears. Filters and reset: filter.js. */
(function () {
  "use strict";
  var view = window.instnetView, input = document.getElementById("find-q");
  if (!view || !input || !view.hide || !view.highlight) { return; }
  var data = window.instnetData();
  var net = view.network, list = document.getElementById("find-list"), msg = document.getElementById("find-msg");
  var WHY = {filter: "the filters", year: "the year", layer: "the seed-layer toggle"};
  function none(q) { return "No institution matches \u201c" + q + "\u201d."; }
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var items = data.nodes.map(function (n, i) {
    var name = data.find.names[i];
    return {id: n.id, name: name, key: n.key, hay: fold(name), idHay: fold(n.key), kind: data.find.kinds[n.group]};
  });
  var matches = [], active = -1;

  function rank(q) {
    var out = [];
    if (!q) { return out; }
    items.forEach(function (n) {
      var at = n.hay.indexOf(q), score = 4;
      if (n.hay === q || n.idHay === q) { score = 0; } else if (at === 0) { score = 1; }
      else if (at > 0) { score = /[\s\-\/(.,&]/.test(n.hay.charAt(at - 1)) ? 2 : 3; }
      else if (n.idHay.indexOf(q) < 0) { return; }
      out.push([score, n]);
    });
    out.sort(function (a, b) { return a[0] - b[0] || ((a[1].name > b[1].name) - (a[1].name < b[1].name)); });
    return out.slice(0, 8).map(function (p) { return p[1]; });
  }

  function showList() {
    list.textContent = "";
    var q = fold(input.value.trim());
    matches.forEach(function (n, i) {
      var li = document.createElement("li"), name = document.createElement("span"), meta = document.createElement("span");
      li.id = "find-opt-" + i; li.setAttribute("role", "option"); li.setAttribute("aria-selected", String(i === active));
      name.textContent = n.name; meta.className = "meta";
      meta.textContent = n.kind + (n.hay.indexOf(q) < 0 ? " \u00b7 id " + n.key : "") +
        (view.hiddenBy(n.id).length ? " \u00b7 hidden" : "");
      li.append(name, meta);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
      li.addEventListener("click", function () { choose(n); });
      list.appendChild(li);
    });
    list.hidden = !matches.length;
    input.setAttribute("aria-expanded", String(matches.length > 0));
    if (active < 0) { input.removeAttribute("aria-activedescendant"); return; }
    input.setAttribute("aria-activedescendant", "find-opt-" + active);
    list.children[active].scrollIntoView({block: "nearest"});
  }
  function closeList() { matches = []; active = -1; showList(); }

  function clear() { input.value = ""; closeList(); view.highlight.off(); msg.textContent = ""; }
  function light(id) {
    var ties = view.highlight.on(id);
    msg.textContent = items[id].name + ": " + ties + (ties === 1 ? " tie" : " ties") + " shown, the rest faded. Escape clears.";
  }

  function choose(n) {
    closeList();
    input.value = n.name;
    var why = view.hiddenBy(n.id);
    if (why.length) {
      view.highlight.off();
      msg.textContent = "\u201c" + n.name + "\u201d is hidden by " + why.map(function (k) { return WHY[k] || k; }).join(" and ") + ".";
      return;
    }
    light(n.id);
    view.highlight.centre(n.id);
  }

  input.addEventListener("input", function () {
    var q = input.value.trim();
    matches = rank(fold(q)); active = -1; showList();
    msg.textContent = q && !matches.length ? none(q) : "";
  });
  input.addEventListener("blur", closeList);
  input.addEventListener("keydown", function (ev) {
    var q = input.value.trim();
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!matches.length) { matches = rank(fold(q)); }
      active = Math.max(-1, Math.min(matches.length - 1, active + (ev.key === "ArrowDown" ? 1 : -1)));
      showList();
    } else if (ev.key === "Enter") {
      var pick = matches[Math.max(active, 0)] || rank(fold(q))[0];
      if (pick) { choose(pick); } else if (q) { msg.textContent = none(q); }
    } else if (ev.key === "Escape") {
      if (matches.length) { closeList(); } else { clear(); }
    } else { return; }
    ev.preventDefault();
    ev.stopPropagation();
  });
  net.on("click", function (p) {
    if (p.nodes.length) { light(p.nodes[0]); } else if (!p.edges.length) { view.highlight.off(); msg.textContent = ""; }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && !ev.defaultPrevented && (view.highlight.active() !== null || input.value)) { clear(); }
  });
  view.find = {clear: clear, choose: function (id) { choose(items[id]); }};
})();
