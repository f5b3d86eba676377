/* Controls shared by the network view and the map: filter checkboxes with shape icons, a date-range
   slider, a minimum slider. Every text goes in with textContent; icons are built with createElementNS. */
"use strict";
WB.SVG = "http:\/\/www.w3.org\/2000\/svg";
WB.el = function (tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text !== undefined) e.textContent = text;
  return e;
};
WB.shapePoints = function (shape, x, y, r) {
  /* Outline of a vis-network shape as SVG points (null: draw a circle). */
  function poly(n, start, radii) {
    var pts = [];
    for (var i = 0; i < n; i++) {
      var a = start + i * 2 * Math.PI / n, rr = radii ? radii[i % radii.length] : r;
      pts.push((x + rr * Math.cos(a)).toFixed(1) + "," + (y + rr * Math.sin(a)).toFixed(1));
    }
    return pts.join(" ");
  }
  switch (shape) {
    case "square": case "box": return [x - r, y - r, x + r, y - r, x + r, y + r, x - r, y + r].join(" ").replace(/(\S+) (\S+)/g, "$1,$2");
    case "diamond": return poly(4, -Math.PI / 2);
    case "hexagon": return poly(6, 0);
    case "triangle": return poly(3, -Math.PI / 2, [r * 1.155]);
    case "triangleDown": return poly(3, Math.PI / 2, [r * 1.155]);
    case "star": return poly(10, -Math.PI / 2, [r * 1.3, r * 0.5]);
    default: return null;
  }
};
WB.shapeElement = function (shape, x, y, r, fill, stroke, width) {
  var pts = WB.shapePoints(shape, x, y, r), e;
  if (pts) { e = document.createElementNS(WB.SVG, "polygon"); e.setAttribute("points", pts); }
  else { e = document.createElementNS(WB.SVG, "circle"); e.setAttribute("cx", x); e.setAttribute("cy", y); e.setAttribute("r", r); }
  e.setAttribute("fill", fill); e.setAttribute("stroke", stroke || fill); e.setAttribute("stroke-width", width || 1);
  return e;
};
WB.icon = function (shape, color, dashed) {
  var svg = document.createElementNS(WB.SVG, "svg");
  svg.setAttribute("width", "14"); svg.setAttribute("height", "14"); svg.setAttribute("viewBox", "0 0 14 14");
  if (shape === "line") {
    var l = document.createElementNS(WB.SVG, "line");
    [["x1", 1], ["y1", 7], ["x2", 13], ["y2", 7], ["stroke", color], ["stroke-width", 3]].forEach(function (a) { l.setAttribute(a[0], a[1]); });
    if (dashed) l.setAttribute("stroke-dasharray", "3,2");
    svg.appendChild(l);
  } else svg.appendChild(WB.shapeElement(shape, 7, 7, 5, color, "#555", 0.8));
  return svg;
};
WB.checks = function (box, rows, onChange) {
  /* One checkbox per row {key, text, color, shape, count}; onChange(key, checked). */
  var inputs = {};
  rows.forEach(function (row) {
    var label = WB.el("label"), input = WB.el("input", {type: "checkbox"});
    input.checked = true;
    input.dataset.key = row.key;
    input.addEventListener("change", function () { onChange(row.key, input.checked); });
    label.appendChild(input);
    label.appendChild(WB.icon(row.shape || "line", row.color, row.dashes));
    label.appendChild(document.createTextNode(row.text + " "));
    label.appendChild(WB.el("span", {"class": "count"}, "(" + row.count + ")"));
    box.appendChild(label);
    inputs[row.key] = input;
  });
  return inputs;
};
WB.day = function (iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / 86400000); };
WB.iso = function (day) { return new Date(day * 86400000).toISOString().slice(0, 10); };
WB.dateRange = function (box, domain, onChange) {
  /* Two sliders (from, to) over the days of ``domain`` [first, last]; onChange(fromIso, toIso). */
  if (!domain) { box.textContent = "Nothing here is dated."; return null; }
  var lo = WB.day(domain[0]), hi = WB.day(domain[1]);
  var row = WB.el("div", {"class": "range"}), from = WB.el("input", {type: "range", min: lo, max: hi, step: 1, id: "date-from"});
  var to = WB.el("input", {type: "range", min: lo, max: hi, step: 1, id: "date-to"});
  from.value = lo; to.value = hi;
  var text = WB.el("div", {"class": "muted", id: "date-text"});
  function changed(which) {
    var a = Number(from.value), b = Number(to.value);
    if (a > b) { if (which === from) to.value = a; else from.value = b; }
    text.textContent = WB.iso(Number(from.value)) + " to " + WB.iso(Number(to.value));
    onChange(WB.iso(Number(from.value)), WB.iso(Number(to.value)));
  }
  from.addEventListener("input", function () { changed(from); });
  to.addEventListener("input", function () { changed(to); });
  row.appendChild(from); row.appendChild(to);
  box.appendChild(row); box.appendChild(text);
  text.textContent = domain[0] + " to " + domain[1];
  return {
    from: from, to: to,
    set: function (a, b) { from.value = WB.day(a); to.value = WB.day(b); changed(null); }
  };
};
WB.minimum = function (box, max, label, onChange) {
  /* A slider 0..max; onChange(value). */
  var row = WB.el("div", {"class": "range"}), input = WB.el("input", {type: "range", min: 0, max: Math.max(1, max), step: 1, id: "min-evidence"});
  input.value = 0;
  var text = WB.el("span", {}, label + " ≥ 0");
  input.addEventListener("input", function () { text.textContent = label + " ≥ " + input.value; onChange(Number(input.value)); });
  row.appendChild(input); row.appendChild(text); box.appendChild(row);
  return input;
};
WB.inRange = function (first, last, from, to) {
  /* Undated things stay; dated ones show when [first, last] meets [from, to]. */
  if (!from || (!first && !last)) return true;
  var a = first || last, b = last || first;
  return !(b < from || a > to);
};
