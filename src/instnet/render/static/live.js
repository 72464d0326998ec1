// instnet serve: reload the page when the site is rebuilt; while a network is broken, show its problems.
(function () {
  "use strict";
  let seen = null;
  let box = null;
  function show(problems) {
    if (!problems.length) {
      if (box) { box.remove(); box = null; }
      return;
    }
    if (!box) {
      box = document.createElement("pre");
      box.id = "instnet-problems";
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:0 0 auto 0;max-height:60vh;overflow:auto;margin:0;padding:12px 16px;" +
        "background:#fff4f4;color:#8a1111;border-bottom:3px solid #c62828;font:13px/1.4 monospace;z-index:99999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "The site is not rebuilt: fix these problems and save.\n\n" + problems.join("\n");
  }
  async function poll() {
    try {
      const response = await fetch("/__instnet__/state", {cache: "no-store"});
      const state = await response.json();
      if (seen !== null && state.version !== seen && !state.problems.length) {
        location.reload();
        return;
      }
      seen = state.version;
      show(state.problems);
    } catch (error) {
      // the server is restarting or stopped: try again
    }
    setTimeout(poll, 250);
  }
  poll();
})();
