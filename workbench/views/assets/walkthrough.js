/* The walkthrough: every node of every step is placed once (one layout); a step only hides,
   shows and marks nodes, so positions stay put. All text goes in with textContent. */
(function () {
  var D = WB.data, steps = D.steps, current = -1;
  var nodes = new vis.DataSet(D.nodes.map(function (n) { return Object.assign({}, n, {hidden: true}); }));
  var edges = new vis.DataSet(D.edges.map(function (e) { return Object.assign({}, e, {hidden: true}); }));
  var network = WB.draw(document.getElementById("graph"), nodes, edges);
  window.wbNetwork = network;
  var show = WB.details(nodes, edges, network);
  var el = function (id) { return document.getElementById(id); };
  var prev = el("prev"), next = el("next");

  function look(n, hl, isNew) {
    var border = hl ? "#000000" : (isNew ? "#b6202f" : n.color.border);
    return {id: n.id, borderWidth: hl ? 5 : (isNew ? 4 : 2), font: {size: hl ? 18 : 14},
            color: {background: n.color.background, border: border}};
  }

  function go(i, animate) {
    current = Math.max(0, Math.min(steps.length - 1, i));
    var s = steps[current], shown = new Set(s.nodes), hl = new Set(s.highlight), fresh = new Set(s.new_nodes);
    nodes.update(D.nodes.map(function (n) {
      return Object.assign(look(n, hl.has(n.id), fresh.has(n.id)), {hidden: !shown.has(n.id)});
    }));
    edges.update(D.edges.map(function (e) { return {id: e.id, hidden: !(shown.has(e.from) && shown.has(e.to))}; }));
    el("step-title").textContent = s.title;
    el("step-count").textContent = "Step " + (current + 1) + " of " + steps.length;
    el("narrative").textContent = s.narrative;
    el("new-summary").textContent = s.new_names.length || s.new_edges
      ? "New in this step: " + s.new_names.length + " entities, " + s.new_edges + " links"
      : "Nothing new in this step.";
    var list = el("new-list");
    while (list.firstChild) list.removeChild(list.firstChild);
    s.new_names.forEach(function (name) { var li = document.createElement("li"); li.textContent = name; list.appendChild(li); });
    prev.disabled = current === 0;
    next.disabled = current === steps.length - 1;
    if (s.nodes.length) network.fit({nodes: s.nodes, animation: animate ? {duration: 400} : false});
    var st = WB.status.dataset;
    st.step = String(current + 1);
    st.stepTitle = s.title;
    st.visible = String(nodes.get({filter: function (n) { return !n.hidden; }}).length);
  }

  prev.addEventListener("click", function () { go(current - 1, true); });
  next.addEventListener("click", function () { go(current + 1, true); });
  document.addEventListener("keydown", function (ev) {
    if (ev.target && ev.target.tagName === "INPUT") return;
    if (ev.key === "ArrowRight") go(current + 1, true);
    if (ev.key === "ArrowLeft") go(current - 1, true);
  });
  go(D.start || 0, false);
  if (location.hash === "#autotest") {
    /* Test hook: record step 1, press Next as a user would, record where we are. */
    WB.status.dataset.firstTitle = steps[current].title;
    next.click();
    var s = steps[current];
    if (s.highlight.length) show(nodes.get(s.highlight[0]));
    else if (s.nodes.length) show(nodes.get(s.nodes[0]));
    WB.status.dataset.autotest = "1";
  }
})();
