/* instnet: the page's JSON with its strings whole (see instnet/render/shared_lines.py).
 *
 * On a site, a string made of a network's long lines (descriptions, quotes) is
 * {"$lines": [position, "literal line", ...]} in the page's JSON, and the lines
 * are in the scripts data/<id>.js, one a network, which the page loads first
 * (window.instnetLines). instnetData() parses the JSON afresh for each caller
 * and joins such strings again; on a self-contained page it only parses.
 */
(function () {
  "use strict";
  function resolve(value, pool) {
    if (Array.isArray(value)) {
      for (var i = 0; i < value.length; i++) { value[i] = resolve(value[i], pool); }
      return value;
    }
    if (value && typeof value === "object") {
      var keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === "$lines" && Array.isArray(value.$lines)) {
        return value.$lines.map(function (part) {
          return typeof part === "number" ? (pool[part] === undefined ? "" : pool[part]) : part;
        }).join("\n");
      }
      keys.forEach(function (key) { value[key] = resolve(value[key], pool); });
    }
    return value;
  }
  window.instnetData = function () {
    var data = JSON.parse(document.getElementById("instnet-data").textContent);
    if (!data || !Array.isArray(data.lineFiles)) { return data; }
    var tables = window.instnetLines || {}, pool = [];
    data.lineFiles.forEach(function (key) { pool = pool.concat(tables[key] || []); });
    delete data.lineFiles;
    return resolve(data, pool);
  };
})();
