// instnet serve: reload the page when the site is rebuilt; while a network is broken, show its problems.
(function () {
  "use strict";
  // the build the page was served after (serve.py): a newer one, even at the first look, reloads it
  const given = document.currentScript && document.currentScript.getAttribute("data-version");
  let seen = given ? Number(given) : null;
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
      box.style.cssText = "position:fixed;inset:0;overflow:auto;margin:0;padding:16px 20px;background:#fff4f4;" +
        "color:#8a1111;border-top:4px solid #c62828;font:14px/1.5 monospace;z-index:99999;white-space:pre-wrap";
      document.body.appendChild(box);
    }
    box.textContent = "This page is out of date: the site cannot be rebuilt until these problems are fixed.\n" +
      "Save the file again and the page reloads by itself.\n\n" + problems.join("\n");
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
