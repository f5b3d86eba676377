/* The chart as a picture: PNG from vis-network's canvas (on white), SVG rebuilt from the positions
   of what is visible. Both are data: or blob: URLs, so saving needs no network; SVG text is set with
   textContent and serialized by XMLSerializer, so names stay text. */
"use strict";
WB.download = function (name, url) {
  var a = WB.el("a", {href: url, download: name});
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
};
WB.png = function (network) {
  var src = network.canvas.frame.canvas, c = document.createElement("canvas");
  c.width = src.width; c.height = src.height;
  var ctx = c.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, c.width, c.height);
  ctx.drawImage(src, 0, 0);
  return c.toDataURL("image/png");
};
WB.svg = function (network, nodes, edges, threshold) {
  /* An SVG document of the visible nodes and links, labels as the screen shows them. */
  var pos = network.getPositions(), scale = network.getScale();
  var shown = nodes.get({filter: function (n) { return !n.hidden; }}), ids = {};
  shown.forEach(function (n) { ids[n.id] = n; });
  var xs = [], ys = [];
  shown.forEach(function (n) { var p = pos[n.id], r = (n.size || 14) * 1.5; xs.push(p.x - r, p.x + r); ys.push(p.y - r, p.y + r + 30); });
  if (!xs.length) { xs = [0, 1]; ys = [0, 1]; }
  var x0 = Math.min.apply(null, xs) - 20, y0 = Math.min.apply(null, ys) - 20;
  var w = Math.max.apply(null, xs) - x0 + 20, h = Math.max.apply(null, ys) - y0 + 20;
  var svg = document.createElementNS(WB.SVG, "svg");
  svg.setAttribute("xmlns", WB.SVG);
  svg.setAttribute("viewBox", [x0, y0, w, h].map(function (v) { return v.toFixed(1); }).join(" "));
  svg.setAttribute("width", Math.round(w)); svg.setAttribute("height", Math.round(h));
  var bg = document.createElementNS(WB.SVG, "rect");
  [["x", x0], ["y", y0], ["width", w], ["height", h], ["fill", "#ffffff"]].forEach(function (a) { bg.setAttribute(a[0], a[1]); });
  svg.appendChild(bg);
  var g = document.createElementNS(WB.SVG, "g");
  edges.get({filter: function (e) { return !e.hidden && ids[e.from] && ids[e.to]; }}).forEach(function (e) {
    var a = pos[e.from], b = pos[e.to], line = document.createElementNS(WB.SVG, "line");
    [["x1", a.x], ["y1", a.y], ["x2", b.x], ["y2", b.y], ["stroke", (e.color && e.color.color) || "#999"],
     ["stroke-width", e.width || 1], ["stroke-opacity", 0.8]].forEach(function (p) { line.setAttribute(p[0], p[1]); });
    if (e.dashes) line.setAttribute("stroke-dasharray", "6,4");
    var t = document.createElementNS(WB.SVG, "title"); t.textContent = e.title || ""; line.appendChild(t);
    g.appendChild(line);
  });
  svg.appendChild(g);
  var labels = 0;
  shown.forEach(function (n) {
    var p = pos[n.id], c = n.color || {}, shape = WB.shapeElement(n.shape, p.x, p.y, n.size || 14, c.background || "#4e79a7",
                                                               c.border || c.background, n.borderWidth || 2);
    var t = document.createElementNS(WB.SVG, "title"); t.textContent = n.title || ""; shape.appendChild(t);
    svg.appendChild(shape);
    var font = (n.font && n.font.size) || 14;
    if (font * scale >= threshold && n.label) {
      var text = document.createElementNS(WB.SVG, "text");
      [["x", p.x], ["y", p.y + (n.size || 14) + 4 + 1.35 * font], ["font-size", font], ["text-anchor", "middle"],
       ["font-family", "system-ui, sans-serif"], ["fill", "#222"]].forEach(function (a) { text.setAttribute(a[0], a[1]); });
      text.textContent = n.label;
      svg.appendChild(text);
      labels++;
    }
  });
  return {text: new XMLSerializer().serializeToString(svg), nodes: shown.length, labels: labels};
};
