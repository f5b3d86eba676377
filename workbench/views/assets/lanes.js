/* The report's timeline (views/lanes.py): one lane per person or phone, a marker shape per kind of
   event, drawn as SVG from the JSON block beside this script with createElementNS and textContent
   only. The wheel zooms the time axis around the pointer, dragging pans, the buttons zoom and
   reset, the legend hides a kind. The container's data-* attributes say what is shown (for tests). */
(function () {
  "use strict";
  var root = document.currentScript.parentNode, NS = "http:\/\/www.w3.org/2000/svg";
  var D = JSON.parse(root.querySelector(".wb-lanes-data").textContent);
  var chart = root.querySelector(".wb-lanes-chart"), legend = root.querySelector(".wb-lanes-legend");
  var LW = 250, LH = 20, TOP = 30, DAY = 86400000;
  var t0 = Date.parse(D.start + "T00:00:00Z"), span = Math.max(1, (Date.parse(D.end + "T00:00:00Z") - t0) / DAY);
  var full = [-0.03 * span - 1, span * 1.03 + 1], dom = full.slice(), hidden = {};
  var svg = document.createElementNS(NS, "svg"), W = 1000;
  var H = TOP + D.lanes.length * LH + 8;
  svg.setAttribute("height", H);
  svg.style.width = "100%";
  svg.style.cursor = "grab";
  svg.style.userSelect = "none";
  chart.appendChild(svg);

  function el(tag, attrs, parent, text) {
    var e = document.createElementNS(NS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    (parent || svg).appendChild(e);
    return e;
  }
  function pts(list) { return list.map(function (p) { return p.join(","); }).join(" "); }
  function marker(shape, x, y, colour, parent) {
    var s = 5, a = {fill: colour, stroke: "#333", "stroke-width": 0.6};
    if (shape === "circle") return el("circle", Object.assign({cx: x, cy: y, r: s}, a), parent);
    if (shape === "square") return el("rect", Object.assign({x: x - 4.5, y: y - 4.5, width: 9, height: 9}, a), parent);
    if (shape === "bar") return el("rect", Object.assign({x: x - 1.6, y: y - 7, width: 3.2, height: 14}, a), parent);
    var p = {triangle: [[x, y - 6], [x + 6, y + 5], [x - 6, y + 5]], arrow: [[x - 5, y - 6], [x + 6, y], [x - 5, y + 6]],
             diamond: [[x, y - 7], [x + 6, y], [x, y + 7], [x - 6, y]],
             house: [[x, y - 7], [x + 6, y - 2], [x + 6, y + 6], [x - 6, y + 6], [x - 6, y - 2]]}[shape];
    if (p) return el("polygon", Object.assign({points: pts(p)}, a), parent);
    if (shape === "star") {
      var star = [];
      for (var i = 0; i < 10; i++) {
        var r = i % 2 ? 3 : 7.5, t = Math.PI / 5 * i - Math.PI / 2;
        star.push([x + r * Math.cos(t), y + r * Math.sin(t)]);
      }
      return el("polygon", Object.assign({points: pts(star)}, a), parent);
    }
    return el("path", {d: "M" + (x - 5) + "," + (y - 5) + "L" + (x + 5) + "," + (y + 5) + "M" + (x + 5) + "," + (y - 5)
                       + "L" + (x - 5) + "," + (y + 5), stroke: colour, "stroke-width": 2.4}, parent);
  }
  function day(n) { return new Date(t0 + n * DAY).toISOString().slice(0, 10); }
  function px(n) { return LW + (n - dom[0]) / (dom[1] - dom[0]) * (W - LW - 10); }
  function ticks() {
    var width = dom[1] - dom[0], want = (W - LW) / 90, steps = [1, 2, 7, 14, 30.44, 91.3, 182.6, 365.25];
    var step = steps.filter(function (s) { return width / s <= want; })[0] || 365.25, out = [];
    for (var n = Math.ceil(dom[0] / step) * step; n <= dom[1]; n += step) {
      var text = day(Math.round(n));
      out.push([n, step >= 30 ? text.slice(0, 7) : text.slice(5)]);
    }
    return out;
  }
  function draw() {
    W = Math.max(600, chart.clientWidth || 1000);
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    D.lanes.forEach(function (lane, i) {
      var y = TOP + i * LH;
      el("rect", {x: 0, y: y, width: W, height: LH, fill: i % 2 ? "#ffffff" : "#f3f6f9"});
      el("text", {x: 6, y: y + 14, "font-size": 12, fill: "#222"}, null, lane.label.length > 34 ? lane.label.slice(0, 33) + "…" : lane.label);
    });
    ticks().forEach(function (t) {
      var x = px(t[0]);
      el("line", {x1: x, x2: x, y1: TOP - 4, y2: H - 8, stroke: "#dde3ea"});
      el("text", {x: x + 2, y: TOP - 10, "font-size": 11, fill: "#555"}, null, t[1]);
    });
    el("line", {x1: LW, x2: LW, y1: 0, y2: H, stroke: "#999"});
    var g = el("g", {}), shown = 0;
    D.events.forEach(function (e) {
      if (hidden[e[2]] || e[1] < dom[0] || e[1] > dom[1]) return;
      var k = D.kinds[e[2]], m = marker(k.shape, px(e[1]), TOP + e[0] * LH + LH / 2, k.color, g);
      el("title", {}, m, day(e[1]) + " · " + k.kind + " · " + D.lanes[e[0]].label + (e[3] ? " — " + e[3] : ""));
      shown++;
    });
    root.dataset.lanes = String(D.lanes.length);
    root.dataset.markers = String(shown);
    root.dataset.domain = day(Math.ceil(dom[0])) + "/" + day(Math.floor(dom[1]));
  }
  function zoom(factor, at) {
    var width = Math.min(full[1] - full[0], Math.max(3, (dom[1] - dom[0]) * factor));
    var c = at === undefined ? (dom[0] + dom[1]) / 2 : at, f = (c - dom[0]) / (dom[1] - dom[0]);
    dom = [c - f * width, c + (1 - f) * width];
    if (dom[0] < full[0]) dom = [full[0], full[0] + width];
    if (dom[1] > full[1]) dom = [full[1] - width, full[1]];
    draw();
  }
  function dayAt(clientX) {
    var box = svg.getBoundingClientRect(), x = (clientX - box.left) / box.width * W;
    return dom[0] + (x - LW) / (W - LW - 10) * (dom[1] - dom[0]);
  }
  svg.addEventListener("wheel", function (ev) { ev.preventDefault(); zoom(ev.deltaY > 0 ? 1.25 : 0.8, dayAt(ev.clientX)); },
                       {passive: false});
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) { drag = {x: ev.clientX, dom: dom.slice()}; svg.style.cursor = "grabbing"; });
  window.addEventListener("pointerup", function () { drag = null; svg.style.cursor = "grab"; });
  svg.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    var box = svg.getBoundingClientRect(), shift = (ev.clientX - drag.x) / box.width * W / (W - LW - 10) * (drag.dom[1] - drag.dom[0]);
    var width = drag.dom[1] - drag.dom[0], a = Math.max(full[0], Math.min(full[1] - width, drag.dom[0] - shift));
    dom = [a, a + width];
    draw();
  });
  root.querySelectorAll("button[data-zoom]").forEach(function (b) {
    b.addEventListener("click", function () {
      var how = b.getAttribute("data-zoom");
      if (how === "reset") { dom = full.slice(); draw(); } else zoom(how === "in" ? 0.5 : 2);
    });
  });
  var counts = D.kinds.map(function () { return 0; });
  D.events.forEach(function (e) { counts[e[2]]++; });
  D.kinds.forEach(function (k, i) {
    if (!counts[i]) return;
    var item = document.createElement("span"), icon = document.createElementNS(NS, "svg");
    item.className = "wb-lanes-kind";
    icon.setAttribute("width", 16); icon.setAttribute("height", 16); icon.setAttribute("viewBox", "0 0 16 16");
    marker(k.shape, 8, 8, k.color, icon);
    item.appendChild(icon);
    item.appendChild(document.createTextNode(" " + k.kind + " (" + counts[i] + ")"));
    item.addEventListener("click", function () { hidden[i] = !hidden[i]; item.style.opacity = hidden[i] ? 0.35 : 1; draw(); });
    legend.appendChild(item);
  });
  root.wbLanes = {zoom: zoom, reset: function () { dom = full.slice(); draw(); }, domain: function () { return dom.slice(); },
                  hide: function (i) { hidden[i] = true; draw(); }};
  window.addEventListener("resize", draw);
  var section = root.closest("details");  /* drawn closed at 1000 px wide: redrawn to fit when opened */
  if (section) section.addEventListener("toggle", function () { if (section.open) draw(); });
  draw();
})();
