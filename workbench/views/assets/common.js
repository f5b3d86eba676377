/* Shared by the network view and the walkthrough. Data comes from the JSON block #wb-data and is
   only ever put into the page with textContent (never innerHTML): names from case notes are text. */
"use strict";
var WB = {};
WB.data = JSON.parse(document.getElementById("wb-data").textContent);
WB.status = document.getElementById("wb-status");
WB.draw = function (container, nodes, edges) {
  var t0 = performance.now();
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, WB.data.options);
  network.once("afterDrawing", function () {
    var st = WB.status.dataset;
    st.drawn = "1";
    st.nodes = String(network.body.data.nodes.length);
    st.edges = String(network.body.data.edges.length);
    st.networkMs = (performance.now() - t0).toFixed(1);
    st.renderMs = performance.now().toFixed(1);
    st.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; }).join(" ");
  });
  return network;
};
WB.details = function (nodes, edges, network, own) {
  /* Click shows an item's title; the find box selects matches. ``own`` (the network view): the
     caller handles both itself. */
  var box = document.getElementById("details");
  function show(item) { box.textContent = item ? item.title : ""; }
  if (own) return show;
  network.on("click", function (p) {
    if (p.nodes.length) show(nodes.get(p.nodes[0]));
    else if (p.edges.length) show(edges.get(p.edges[0]));
  });
  var find = document.getElementById("find");
  if (find) find.addEventListener("change", function () {
    var q = find.value.trim().toLowerCase();
    if (!q) return;
    var hits = nodes.get({filter: function (n) { return !n.hidden && String(n.label).toLowerCase().indexOf(q) >= 0; }});
    if (!hits.length) { box.textContent = "No match for: " + find.value; return; }
    network.selectNodes(hits.map(function (h) { return h.id; }));
    network.focus(hits[0].id, {scale: 1.2, animation: false});
    show(hits[0]);
  });
  return show;
};
