/* The network view: one vis Network over the precomputed layout (physics off). */
(function () {
  var nodes = new vis.DataSet(WB.data.nodes), edges = new vis.DataSet(WB.data.edges);
  var network = WB.draw(document.getElementById("graph"), nodes, edges);
  window.wbNetwork = network;
  var show = WB.details(nodes, edges, network);
  if (location.hash === "#autotest") {
    /* Test hook: show the first highlighted node's details as the click handler would. */
    var first = WB.data.highlight[0] || (WB.data.nodes[0] && WB.data.nodes[0].id);
    if (first) show(nodes.get(first));
    WB.status.dataset.autotest = "1";
  }
})();
