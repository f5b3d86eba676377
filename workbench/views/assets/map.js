/* The map page: an SVG of Belize's outline, district names, places, border crossings and dated moves,
   drawn from WB.data with createElementNS and textContent only. The date slider hides the moves (and
   their list items) outside the range. window.wbMap is the API tests drive. */
(function () {
  var D = WB.data, svg = document.getElementById("map"), st = WB.status.dataset;
  var box = document.getElementById("details"), W = 1000;
  var e0 = D.extent, midLat = (e0[1] + e0[3]) / 2, kx = Math.cos(midLat * Math.PI / 180);
  var H = Math.round(W * (e0[3] - e0[1]) / ((e0[2] - e0[0]) * kx));
  svg.setAttribute("viewBox", "0 0 " + W + " " + H);
  function xy(lon, lat) {
    var x = (lon - e0[0]) / (e0[2] - e0[0]) * W, y = (e0[3] - lat) / (e0[3] - e0[1]) * H;
    return [Math.max(8, Math.min(W - 8, x)), Math.max(8, Math.min(H - 8, y))];  /* off-map places sit on the edge */
  }
  function make(tag, attrs, parent, text) {
    var el = document.createElementNS(WB.SVG, tag);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text !== undefined) el.textContent = text;
    (parent || svg).appendChild(el);
    return el;
  }
  function tip(el, text) { make("title", {}, el, text); el.addEventListener("click", function () { box.textContent = text; }); }
  var defs = make("defs", {});
  Object.keys(D.colours).forEach(function (kind) {
    var m = make("marker", {id: "arrow-" + kind, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
                            orient: "auto-start-reverse"}, defs);
    make("path", {d: "M0,0 L10,5 L0,10 z", fill: D.colours[kind]}, m);
  });
  make("rect", {x: 0, y: 0, width: W, height: H, fill: "#eaf2f8"});
  make("polygon", {points: D.outline.map(function (p) { return xy(p[0], p[1]).join(","); }).join(" "),
                   fill: "#fbfaf3", stroke: "#9a9a8a", "stroke-width": 1.2});
  D.districts.forEach(function (d) { var p = xy(d.lon, d.lat); make("text", {x: p[0], y: p[1], "text-anchor": "middle", "class": "district"}, null, d.name.toUpperCase()); });

  var where = {};
  D.places.forEach(function (p) { where[p.name] = xy(p.lon, p.lat); });
  var arrows = make("g", {id: "arrows"}), count = {};
  var moves = D.moves.map(function (m, i) {
    var a = where[m.from], b = where[m.to], pair = [m.from, m.to].sort().join("|");
    count[pair] = (count[pair] || 0) + 1;
    var k = count[pair], dx = b[0] - a[0], dy = b[1] - a[1], len = Math.sqrt(dx * dx + dy * dy) || 1;
    var bend = (k % 2 ? 1 : -1) * (12 + 10 * Math.floor(k / 2)), cx = (a[0] + b[0]) / 2 - dy / len * bend, cy = (a[1] + b[1]) / 2 + dx / len * bend;
    var path = make("path", {d: "M" + a.join(",") + " Q" + cx.toFixed(1) + "," + cy.toFixed(1) + " " + b.join(","),
                             fill: "none", stroke: D.colours[m.kind], "stroke-width": 2, "stroke-opacity": 0.85,
                             "marker-end": "url(#arrow-" + m.kind + ")", "class": "move", "data-date": m.date}, arrows);
    var text = m.who + ": " + m.from + " → " + m.to + ", " + m.date + " (" + m.kind + "; last seen at " + m.from + " " + m.since + ")";
    tip(path, text);
    return {m: m, el: path, text: text};
  });
  var placesLayer = make("g", {id: "places"}), drawn = 0, off = 0;
  D.places.forEach(function (p) {
    var c = where[p.name], g = make("g", {"class": p.border ? "border" : "place"}, placesLayer), el;
    if (p.border) el = make("rect", {x: c[0] - 5, y: c[1] - 5, width: 10, height: 10, fill: "#b6202f", stroke: "#fff",
                                     transform: "rotate(45 " + c[0] + " " + c[1] + ")"}, g);
    else el = make("circle", {cx: c[0], cy: c[1], r: 3 + 1.5 * Math.sqrt(p.count + p.moves), fill: "#4e79a7", stroke: "#fff"}, g);
    var label = p.name + (p.off ? " (off map)" : "");
    tip(el, label + (p.district ? ", " + p.district + " District" : "") + (p.country ? " [" + p.country + "]" : "") +
             (p.border ? " — border crossing" : "") + (p.nodes.length ? "\n" + p.nodes.join("\n") : ""));
    if (p.count || p.moves || p.border) make("text", {x: c[0] + 7, y: c[1] - 6}, g, label);
    drawn++;
    if (p.off) off++;
  });
  var list = document.getElementById("moves");
  moves.forEach(function (mv) { mv.li = WB.el("li", {}, mv.text); list.appendChild(mv.li); });
  var legend = document.getElementById("kinds");
  Object.keys(D.colours).forEach(function (kind) {
    var span = WB.el("span");
    span.appendChild(WB.icon("line", D.colours[kind]));
    span.appendChild(document.createTextNode(" " + kind + " (" + moves.filter(function (mv) { return mv.m.kind === kind; }).length + ")"));
    legend.appendChild(span);
  });
  var range = {from: null, to: null};
  function apply() {
    var shown = 0;
    moves.forEach(function (mv) {
      var on = WB.inRange(mv.m.date, mv.m.date, range.from, range.to);
      mv.el.style.display = on ? "" : "none";
      mv.li.className = on ? "" : "out";
      if (on) shown++;
    });
    st.visibleMoves = String(shown);
    return shown;
  }
  var slider = WB.dateRange(document.getElementById("dates"), D.dates, function (a, b) { range.from = a; range.to = b; apply(); });
  st.places = String(drawn);
  st.offMap = String(off);
  st.moves = String(moves.length);
  st.drawn = "1";
  apply();
  window.wbMap = {
    moves: moves, slider: slider, apply: apply,
    setDates: function (a, b) { if (slider) slider.set(a, b); return apply(); },
    visible: function () { return moves.filter(function (mv) { return mv.el.style.display !== "none"; }).map(function (mv) { return mv.m; }); },
    position: function (name) { return where[name]; }
  };
})();
