(function () {
  "use strict";
  // The year slider: items outside their years are hidden, the header's measures follow the year.
  var data = window.instnetData();
  var time = data.time, view = window.instnetView;
  if (!time || !view) { return; }
  var slider = document.getElementById("year"), label = document.getElementById("year-label");
  var play = document.getElementById("play"), whole = document.getElementById("whole-era");
  var count = document.getElementById("year-count");
  var state = {year: null, timer: null};
  var base = [];
  document.querySelectorAll("#scores div").forEach(function (div) {
    base.push([div.querySelector("dt"), div.querySelector("dd"), div.querySelector("dd").textContent]);
  });
  function inSpan(span, year) {
    if (span === 0) { return true; }  // no year given: there all along (render/timeline.py's script_data)
    return (span[0] === null || span[0] <= year) && (span[1] === null || span[1] >= year);
  }
  function measuresAt(year) {
    var best = null;
    Object.keys(time.measures).forEach(function (key) {
      if (Number(key) <= year && (best === null || Number(key) > best)) { best = Number(key); }
    });
    return best === null ? null : time.measures[String(best)];
  }
  function showScores(year) {
    var values = year === null ? null : measuresAt(year), byLabel = {};
    (values || []).forEach(function (pair) { byLabel[pair[0]] = pair[1]; });
    base.forEach(function (item) {
      var name = item[0].textContent;
      item[1].textContent = values && Object.prototype.hasOwnProperty.call(byLabel, name) ? byLabel[name] : item[2];
    });
  }
  function apply(year) {
    state.year = year;
    var alive = time.nodes.map(function (span) { return year === null || inSpan(span, year); });
    var shown = 0, gone = [];
    data.edges.forEach(function (e, i) {
      var ok = year === null || (inSpan(time.edges[i], year) && alive[e.from] && alive[e.to]);
      shown += ok ? 1 : 0;
      if (!ok) { gone.push(e.id); }
    });
    // with the other reasons to hide (seed layer, filters): see static/visibility.js
    view.hide("year", alive.map(function (a, i) { return a ? -1 : i; }).filter(function (i) { return i >= 0; }), gone);
    var nodesShown = alive.filter(Boolean).length;
    if (slider) {
      if (year !== null) { slider.value = String(year); }
      label.textContent = year === null ? time.first + "\u2013" + time.last + ", whole era" : String(year);
      slider.setAttribute("aria-valuetext", label.textContent);
      whole.disabled = year === null;
      count.textContent = year === null ? "" : nodesShown + " of " + alive.length + " institutions, " +
        shown + " of " + data.edges.length + " ties stood then";
      showScores(year);
    }
    document.body.setAttribute("data-year", year === null ? "all" : String(year));
  }
  function stop() {
    if (state.timer !== null) { window.clearInterval(state.timer); state.timer = null; }
    if (play) { play.textContent = "\u25B6 Play"; play.setAttribute("aria-pressed", "false"); }
  }
  function step() {
    var next = state.year === null ? time.first : state.year + 1;
    if (next > time.last) { stop(); return; }
    apply(next);
    if (next === time.last) { stop(); }
  }
  if (slider) {
    slider.addEventListener("input", function () { stop(); apply(Number(slider.value)); });
    whole.addEventListener("click", function () { stop(); apply(null); });
    play.addEventListener("click", function () {
      if (state.timer !== null) { stop(); return; }
      if (state.year === null || state.year >= time.last) { apply(time.first); }
      play.textContent = "\u23F8 Pause";
      play.setAttribute("aria-pressed", "true");
      state.timer = window.setInterval(step, 900);
    });
  }
  window.instnetTimeline = {apply: apply, stop: stop, state: state};
  document.body.setAttribute("data-year", "all");
})();
