/* The network view: one vis Network over the precomputed layout (physics off), with filters, a date
   slider, search, expand-in-place, pins and picture export. window.wbView is the API the controls
   use, and the one tests drive. Every text goes in with textContent. */
(function () {
  var D = WB.data, pane = document.getElementById("graph");
  /* Only the top nodes' labels at the first zoom: the others get a size that vis-network does not
     draw at the zoom its first fit will choose (below drawThreshold), and that grows readable as one
     zooms in. The zoom is estimated from the nodes alone (the labels only widen the fit), so it is
     never below the real one: the other labels stay hidden at first. */
  (function () {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    D.nodes.forEach(function (n) { var r = n.size || 14; x0 = Math.min(x0, n.x - r); x1 = Math.max(x1, n.x + r); y0 = Math.min(y0, n.y - r); y1 = Math.max(y1, n.y + r); });
    var scale = Math.min(1, pane.clientWidth / (1.1 * Math.max(x1 - x0, 1)), pane.clientHeight / (1.1 * Math.max(y1 - y0, 1)));
    D.options.nodes.font.size = Math.min(14, (D.label_threshold - 1.5) / Math.max(scale, 0.01));
  })();
  var nodes = new vis.DataSet(D.nodes), edges = new vis.DataSet(D.edges);
  var network = WB.draw(pane, nodes, edges);
  window.wbNetwork = network;
  var show = WB.details(nodes, edges, network, true);
  var st = WB.status.dataset, box = document.getElementById("details"), actions = document.getElementById("actions");
  var byNode = {}, byEdge = {}, adj = {};
  D.nodes.forEach(function (n) { byNode[n.id] = n; adj[n.id] = []; });
  D.edges.forEach(function (e) { byEdge[e.id] = e; adj[e.from].push(e); adj[e.to].push(e); });
  var state = {kinds: {}, types: {}, minEv: 0, from: null, to: null, pinned: {}, forced: {}, forcedEdges: {},
               expanded: {}, linkOpen: {}};
  var hidden = {};  /* id -> hidden now (nodes and edges share no ids: edges are e0, e1, ...) */
  D.nodes.forEach(function (n) { hidden[n.id] = false; });
  D.edges.forEach(function (e) { hidden[e.id] = false; });

  function kindKey(n) { return (n.kind || "Person") + "|" + (n.role || ""); }
  function eventsInRange(e) {
    if (!e.events) return true;
    return e.events.some(function (x) { return WB.inRange(x.date, x.date, state.from, state.to); });
  }
  function nodeShown(n) {
    if (state.pinned[n.id] || state.forced[n.id]) return true;
    if (state.kinds[kindKey(n)] === false) return false;
    if (n.ev !== null && n.ev !== undefined && n.ev < state.minEv) return false;
    return WB.inRange(n.first, n.last, state.from, state.to);
  }
  function edgeShown(e) {
    if (state.linkOpen[e.id]) return false;  /* replaced by its events */
    if (state.forcedEdges[e.id]) return true;
    if (state.types[e.type] === false) return false;
    if ((e.ev || 0) < state.minEv) return false;
    return e.events ? eventsInRange(e) : WB.inRange(e.first, e.last, state.from, state.to);
  }
  function apply() {
    var nu = [], eu = [], shownNodes = 0, shownEdges = 0;
    D.nodes.forEach(function (n) {
      var h = !nodeShown(n);
      if (!h) shownNodes++;
      if (hidden[n.id] !== h) { hidden[n.id] = h; nu.push({id: n.id, hidden: h}); }
    });
    D.edges.forEach(function (e) {
      var h = !edgeShown(e) || hidden[e.from] || hidden[e.to];
      if (!h) shownEdges++;
      if (hidden[e.id] !== h) { hidden[e.id] = h; eu.push({id: e.id, hidden: h}); }
    });
    Object.keys(state.expanded).forEach(function (id) {
      state.expanded[id].events.forEach(function (x) {
        var h = hidden[x.from] || hidden[x.to] || !WB.inRange(x.date, x.date, state.from, state.to);
        nu.push({id: x.id, hidden: h});
        eu.push({id: x.id + ">in", hidden: h}, {id: x.id + ">out", hidden: h});
        if (!h) { shownNodes++; shownEdges += 2; }
      });
    });
    if (nu.length) nodes.update(nu);
    if (eu.length) edges.update(eu);
    st.visibleNodes = String(shownNodes);
    st.visibleEdges = String(shownEdges);
    return {nodes: shownNodes, edges: shownEdges};
  }

  function expandLink(e, owner, added) {
    if (!e.events || state.linkOpen[e.id]) return;
    var a = network.getPositions([e.from, e.to]), pa = a[e.from], pb = a[e.to], m = e.events.length;
    var dx = pb.x - pa.x, dy = pb.y - pa.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    state.linkOpen[e.id] = owner;
    e.events.forEach(function (x, k) {
      var t = (k + 1) / (m + 1), side = (k % 2 ? 1 : -1) * 18;
      var style = D.event_styles.nodes[x.label] || {shape: "dot", color: "#bab0ac"};
      var kinds = x.label === "Payment" ? ["PAID", "PAID_TO"] : ["CALLED", "CALL_TO"];
      nodes.add({id: x.id, label: x.name, title: x.title, x: pa.x + dx * t - dy / len * side, y: pa.y + dy * t + dx / len * side,
                 shape: style.shape, size: 7, color: {background: style.color, border: style.color}, font: {size: 10},
                 kind: x.label, event: true});
      edges.add([{id: x.id + ">in", from: x.from, to: x.id, arrows: "to", color: {color: D.event_styles.edges[kinds[0]]}, width: 1, type: kinds[0]},
                 {id: x.id + ">out", from: x.id, to: x.to, arrows: "to", color: {color: D.event_styles.edges[kinds[1]]}, width: 1, type: kinds[1]}]);
      added.push(x);
    });
  }
  function expand(id) {
    if (!byNode[id] || state.expanded[id]) return 0;
    var rec = {neighbours: [], edges: [], events: [], links: []};
    adj[id].forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      if (!state.forced[other]) { state.forced[other] = true; rec.neighbours.push(other); }
      if (!state.forcedEdges[e.id]) { state.forcedEdges[e.id] = true; rec.edges.push(e.id); }
      if (e.events && !state.linkOpen[e.id]) { expandLink(e, id, rec.events); rec.links.push(e.id); }
    });
    state.expanded[id] = rec;
    apply();
    st.expanded = id;
    st.expandedEvents = String(rec.events.length);
    return rec.events.length;
  }
  function collapse(id) {
    var rec = state.expanded[id];
    if (!rec) return;
    rec.neighbours.forEach(function (n) { delete state.forced[n]; });
    rec.edges.forEach(function (e) { delete state.forcedEdges[e]; });
    rec.links.forEach(function (e) { delete state.linkOpen[e]; });
    nodes.remove(rec.events.map(function (x) { return x.id; }));
    edges.remove([].concat.apply([], rec.events.map(function (x) { return [x.id + ">in", x.id + ">out"]; })));
    delete state.expanded[id];
    apply();
  }
  function pin(id, on) {
    var n = byNode[id];
    if (!n) return;
    on = on === undefined ? !state.pinned[id] : on;
    if (on) state.pinned[id] = true; else delete state.pinned[id];
    nodes.update({id: id, fixed: on, borderWidth: on ? 5 : (n.borderWidth || 2), shapeProperties: {borderDashes: on ? [5, 3] : false}});
    apply();
    st.pinned = Object.keys(state.pinned).join(" ");
  }
  function search(q) {
    q = String(q || "").trim().toLowerCase();
    var count = document.getElementById("find-count");
    if (!q) { count.textContent = ""; return []; }
    var hits = D.nodes.filter(function (n) { return String(n.label).toLowerCase().indexOf(q) >= 0; });
    var seen = hits.filter(function (n) { return !hidden[n.id]; });
    count.textContent = hits.length + " found" + (hits.length > seen.length ? ", " + (hits.length - seen.length) + " hidden by the filters" : "");
    st.found = String(hits.length);
    if (!seen.length) { box.textContent = "No visible match for: " + q; return hits.map(function (n) { return n.id; }); }
    network.selectNodes(seen.map(function (h) { return h.id; }));
    network.focus(seen[0].id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showNode(seen[0].id);
    return hits.map(function (n) { return n.id; });
  }

  function button(text, fn) { var b = WB.el("button", {type: "button"}, text); b.addEventListener("click", fn); actions.appendChild(b); }
  function showNode(id) {
    while (actions.firstChild) actions.removeChild(actions.firstChild);
    var n = nodes.get(id);
    if (!n) return;
    show(n);
    if (byNode[id]) {
      button(state.expanded[id] ? "Collapse" : "Expand", function () { if (state.expanded[id]) collapse(id); else expand(id); showNode(id); });
      button(state.pinned[id] ? "Unpin" : "Pin", function () { pin(id); showNode(id); });
    }
  }
  function showEdge(id) {
    while (actions.firstChild) actions.removeChild(actions.firstChild);
    var e = edges.get(id);
    if (!e) return;
    show(e);
    if (byEdge[id] && byEdge[id].events) button("Expand " + byEdge[id].events.length + " events", function () {
      var added = []; expandLink(byEdge[id], byEdge[id].from, added);
      state.expanded[byEdge[id].from] = state.expanded[byEdge[id].from] || {neighbours: [], edges: [], events: [], links: []};
      state.expanded[byEdge[id].from].events = state.expanded[byEdge[id].from].events.concat(added);
      state.expanded[byEdge[id].from].links.push(id);
      apply();
    });
  }
  network.on("click", function (p) { if (p.nodes.length) showNode(p.nodes[0]); else if (p.edges.length) showEdge(p.edges[0]); });
  network.on("doubleClick", function (p) { if (p.nodes.length) { var id = p.nodes[0]; if (state.expanded[id]) collapse(id); else expand(id); showNode(id); } });

  function fullReset() {
    Object.keys(state.expanded).forEach(collapse);
    Object.keys(state.pinned).forEach(function (id) { pin(id, false); });
    Object.keys(kindInputs).forEach(function (k) { kindInputs[k].checked = true; state.kinds[k] = true; });
    Object.keys(typeInputs).forEach(function (k) { typeInputs[k].checked = true; state.types[k] = true; });
    state.minEv = 0; evInput.value = 0;
    if (range) range.set(D.dates[0], D.dates[1]);
    apply();
    network.fit({animation: false});
  }
  var kindInputs = WB.checks(document.getElementById("kinds"), D.legend, function (k, on) { state.kinds[k] = on; apply(); });
  var typeInputs = WB.checks(document.getElementById("types"), D.types.map(function (t) { return {key: t.type, text: t.text, color: t.color, count: t.count}; }),
                             function (k, on) { state.types[k] = on; apply(); });
  var evInput = WB.minimum(document.getElementById("evidence"), D.evidence_max, "evidence", function (v) { state.minEv = v; apply(); });
  var range = WB.dateRange(document.getElementById("dates"), D.dates, function (a, b) { state.from = a; state.to = b; apply(); });
  document.getElementById("find").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(ev.target.value); });
  document.getElementById("fit").addEventListener("click", function () { network.fit({animation: false}); });
  document.getElementById("reset").addEventListener("click", fullReset);
  document.getElementById("png").addEventListener("click", function () { WB.download("network.png", WB.png(network)); });
  document.getElementById("svg").addEventListener("click", function () {
    var svg = WB.svg(network, nodes, edges, D.label_threshold);
    WB.download("network.svg", URL.createObjectURL(new Blob([svg.text], {type: "image/svg+xml"})));
  });

  window.wbView = {
    network: network, nodes: nodes, edges: edges, apply: apply, expand: expand, collapse: collapse, pin: pin, search: search,
    reset: fullReset, showNode: showNode, showEdge: showEdge, kindInputs: kindInputs, typeInputs: typeInputs,
    evidenceInput: evInput, range: range,
    setKind: function (key, on) { state.kinds[key] = on; if (kindInputs[key]) kindInputs[key].checked = on; return apply(); },
    setType: function (type, on) { state.types[type] = on; if (typeInputs[type]) typeInputs[type].checked = on; return apply(); },
    setMinEvidence: function (v) { state.minEv = v; evInput.value = v; return apply(); },
    setDates: function (a, b) { if (range) range.set(a, b); return apply(); },
    png: function () { return WB.png(network); },
    svg: function () { return WB.svg(network, nodes, edges, D.label_threshold); },
    visible: function () { return nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return n.id; }); }
  };
  apply();
  if (location.hash === "#autotest") {
    /* Test hook: show the first highlighted node's details as the click handler would. */
    var first = D.highlight[0] || (D.nodes[0] && D.nodes[0].id);
    if (first) show(nodes.get(first));
    st.autotest = "1";
  }
})();
