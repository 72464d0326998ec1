/* instnet: the page's JSON with its strings whole (see instnet/render/shared_lines.py).
 *
 * On a site, a string made of a network's long lines (descriptions, quotes) is
 * {"$lines": [position, "literal line", ...]} in the page's JSON, and the lines
 * are in the scripts data/<id>.js, one a network, which the page loads first
 * (window.instnetLines); a list of records is {"$rows": [[key, ...], [value, ...], ...]}.
 * instnetData() parses the JSON afresh for each caller and makes such strings and
 * records whole again; on a self-contained page it only parses.
 */
(function () {
  "use strict";
  var ABSENT = "\u0000";  // a record's absent key in a $rows table
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
      if (keys.length === 1 && keys[0] === "$rows" && Array.isArray(value.$rows)) {
        var names = value.$rows[0];
        return value.$rows.slice(1).map(function (row) {
          var record = {};
          names.forEach(function (name, k) {
            if (row[k] !== ABSENT) {  // an own property, whatever the name
              Object.defineProperty(record, name, {value: resolve(row[k], pool), enumerable: true, writable: true,
                                                   configurable: true});
            }
          });
          return record;
        });
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
