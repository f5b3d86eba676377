/* Test driver appended to a network page by the browser tests: once the page has drawn, it measures
   the first view and works every control the way a user would (checkboxes clicked, sliders moved,
   Enter in the search box), then writes one JSON report into #wb-status data-report. */
(function () {
  var st = WB.status.dataset, V = window.wbView, net = V.network, D = WB.data;
  var REACH = {dot: 1, diamond: 1, hexagon: 1, square: 1.415, triangle: 1.155, triangleDown: 1.155, star: 1.3};
  function visibleIds() { return V.visible(); }
  function reach(id) { var n = net.body.nodes[id]; return n.options.size * (REACH[n.options.shape] || 1.5); }
  function firstView() {
    var ids = visibleIds(), pos = net.getPositions(ids), pairs = [];
    for (var i = 0; i < ids.length; i++) for (var j = i + 1; j < ids.length; j++) {
      var a = pos[ids[i]], b = pos[ids[j]], gap = Math.hypot(a.x - b.x, a.y - b.y) - reach(ids[i]) - reach(ids[j]);
      if (gap < 0) pairs.push([ids[i], ids[j], gap]);
    }
    var scale = net.getScale(), thr = D.label_threshold, pane = net.canvas.frame.canvas.getBoundingClientRect();
    var corner0 = net.DOMtoCanvas({x: 0, y: 0}), corner1 = net.DOMtoCanvas({x: pane.width, y: pane.height});
    var labels = D.top.map(function (id) {
      var L = net.body.nodes[id].labelModule, s = L.size;
      return {id: id, px: L.fontOptions.size * scale, drawn: L.fontOptions.size * scale >= thr - 1,
              box: [s.left, s.top, s.left + s.width, s.top + s.height], text: net.body.nodes[id].options.label};
    });
    var problems = [];
    labels.forEach(function (b, i) {
      var x = b.box;
      if (!b.drawn) problems.push(b.id + " not drawn (" + b.px.toFixed(1) + " px)");
      if (x[0] < corner0.x || x[1] < corner0.y || x[2] > corner1.x || x[3] > corner1.y) problems.push(b.id + " off screen");
      labels.forEach(function (c, j) {
        var y = c.box;
        if (j > i && Math.min(x[2], y[2]) > Math.max(x[0], y[0]) && Math.min(x[3], y[3]) > Math.max(x[1], y[1]))
          problems.push(b.id + " label on " + c.id + " label");
      });
      ids.forEach(function (id) {
        if (id === b.id) return;
        var p = pos[id], cx = Math.max(x[0], Math.min(p.x, x[2])), cy = Math.max(x[1], Math.min(p.y, x[3]));
        if (Math.hypot(cx - p.x, cy - p.y) < net.body.nodes[id].options.size) problems.push(b.id + " label under " + id);
      });
    });
    var otherLabels = Object.keys(net.body.nodes).filter(function (id) {
      var L = net.body.nodes[id].labelModule; return D.top.indexOf(id) < 0 && L.fontOptions.size * scale >= thr - 1;
    }).length;
    return {nodes: ids.length, overlaps: pairs.length, worst: pairs.slice(0, 3), scale: scale, labels: labels,
            labelProblems: problems, otherLabelsDrawn: otherLabels};
  }
  function shownOfKind(key) {
    return V.nodes.get({filter: function (n) { return !n.hidden && !n.event && ((n.kind || "Person") + "|" + (n.role || "")) === key; }}).length;
  }
  function shownEdges(test) { return V.edges.get({filter: function (e) { return !e.hidden && test(e); }}).length; }
  function drawnEdges(test) {
    var shown = {}; visibleIds().forEach(function (id) { shown[id] = true; });
    return shownEdges(function (e) { return shown[e.from] && shown[e.to] && test(e); });
  }
  function move(input, value) { input.value = value; input.dispatchEvent(new Event("input")); }
  function controls() {
    var out = {};
    var key = D.legend[0].key, box = V.kindInputs[key];
    out.kind = {key: key, before: shownOfKind(key)};
    box.click(); out.kind.after = shownOfKind(key); box.click(); out.kind.restored = shownOfKind(key);
    var type = D.types[D.types.length - 1].type, tbox = V.typeInputs[type];
    out.type = {type: type, before: drawnEdges(function (e) { return e.type === type; })};
    tbox.click(); out.type.after = drawnEdges(function (e) { return e.type === type; }); tbox.click();
    move(V.evidenceInput, 3);
    out.evidence = {min: 3, below: drawnEdges(function (e) { return (e.ev || 0) < 3; }), nodesBelow:
      V.nodes.get({filter: function (n) { return !n.hidden && n.ev !== null && n.ev !== undefined && n.ev < 3; }}).length};
    move(V.evidenceInput, 0);
    if (D.dates) {
      var lo = D.dates[0], hi = D.dates[1], mid = WB.iso(Math.round((WB.day(lo) + WB.day(hi)) / 2));
      out.dates = {all: drawnEdges(function () { return true; })};
      move(V.range.from, WB.day(mid));
      out.dates.from = mid;
      out.dates.after = drawnEdges(function () { return true; });
      out.dates.outside = drawnEdges(function (e) {
        if (e.events) return !e.events.some(function (x) { return !x.date || x.date >= mid; });
        return (e.last || e.first) && (e.last || e.first) < mid;
      });
      out.dates.text = document.getElementById("date-text").textContent;
      move(V.range.from, WB.day(lo));
      out.dates.restored = drawnEdges(function () { return true; });
    }
    var find = document.getElementById("find"), target = D.nodes[D.nodes.length - 1];
    find.value = String(target.label);
    find.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter"}));
    out.search = {query: find.value, selected: net.getSelectedNodes(), count: document.getElementById("find-count").textContent,
                  details: document.getElementById("details").textContent.slice(0, 80)};
    var folded = D.edges.filter(function (e) { return e.events; })[0];
    if (folded) {
      var before = V.nodes.length;
      var added = V.expand(folded.from);
      out.expand = {node: folded.from, events: folded.events.length, added: added, nodesAfter: V.nodes.length - before,
                    eventsShown: V.nodes.get({filter: function (n) { return n.event && !n.hidden; }}).length,
                    linkHidden: V.edges.get(folded.id).hidden};
      V.collapse(folded.from);
      out.expand.afterCollapse = V.nodes.length - before;
    }
    var pinned = D.top[0], pkey = (net.body.nodes[pinned].options.kind || "Person") + "|" + (net.body.nodes[pinned].options.role || "");
    V.pin(pinned, true);
    V.setKind(pkey, false);
    out.pin = {node: pinned, fixed: V.nodes.get(pinned).fixed === true, shownWhileFiltered: !V.nodes.get(pinned).hidden};
    V.setKind(pkey, true); V.pin(pinned, false);
    var png = V.png(), svg = V.svg();
    out.png = png;
    out.svg = {text: svg.text, nodes: svg.nodes, labels: svg.labels};
    var saved = [], download = WB.download;  /* the buttons, without letting the browser save a file */
    WB.download = function (name, url) { saved.push([name, url.slice(0, 22), url.length]); };
    document.getElementById("png").click();
    document.getElementById("svg").click();
    WB.download = download;
    out.buttons = saved;
    out.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
    return out;
  }
  function run() {
    if (st.drawn !== "1") { setTimeout(run, 50); return; }
    var report = {first: firstView()};
    try { report.controls = controls(); } catch (err) { report.error = String(err && err.stack || err); }
    st.report = JSON.stringify(report);
  }
  run();
})();
