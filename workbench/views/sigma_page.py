"""The sigma widget as one standalone HTML file that works offline.

Why: ``Sigma.to_html`` (ipywidgets' ``embed_minimal_html``) writes a page that loads require.js,
the widget manager and ipysigma itself from CDNs, so it is blank with the network unplugged, and
a large graph is exactly what an analyst wants to hand on. This page inlines ipysigma's own
JavaScript bundle, the one installed with the Python package (``nbextension/index.js``), and
replaces the Jupyter widget manager with a stand-in of a few lines (``assets/sigma_shim.js``):
the widget's saved state becomes the model, a ``<div>`` the view. No kernel is needed to show
the graph, search it, zoom, or run its layout (in a ``blob:`` worker, which the page's
Content-Security-Policy allows; it still allows no network). The widget receives the same slim,
pseudonymized, markup-free graph as in the notebook (``views.sigma.sigma_graph``).
"""
from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any

from workbench.views.page import CSP, esc, own_asset, page

__all__ = ["widget_html", "ipysigma_bundle", "SIGMA_CSP"]

SIGMA_CSP = CSP.replace("default-src 'none';", "default-src 'none'; worker-src blob:;")


@functools.cache
def ipysigma_bundle() -> str:
    """ipysigma's JavaScript as installed with the package, made safe to inline."""
    text = resources.files("ipysigma").joinpath("nbextension", "index.js").read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise RuntimeError("ipysigma's bundle cannot be inlined safely")
    lines = [line for line in text.splitlines() if not line.startswith("//# sourceMappingURL=")]
    return "\n".join(lines).replace("://", ":\\/\\/")


def _state(widget: Any) -> dict[str, Any]:
    from ipywidgets.widgets.widget import _remove_buffers

    state, paths, buffers = _remove_buffers(widget.get_state())
    if paths:  # ipysigma 0.24 sends plain JSON; a binary trait would need decoding in the page
        raise ValueError(f"the sigma widget has binary state ({paths}); cannot write it standalone")
    state.pop("snapshot", None)
    return dict(state)


_LAUNCH = """
(function () {
  var st = WB.status.dataset, el = document.getElementById("sigma");
  try {
    var S = WBSigma.module, model = new S.SigmaModel(WB.data.state);
    var view = new S.SigmaView({model: model, el: el});
    view.render();
    view._resolveDisplayed(view);
    window.wbSigma = view;
    setTimeout(function () {
      st.drawn = el.querySelector("canvas") ? "1" : "0";
      st.nodes = String(view.graph ? view.graph.order : 0);
      st.edges = String(view.graph ? view.graph.size : 0);
      st.canvases = String(el.querySelectorAll("canvas").length);
      st.resources = performance.getEntriesByType("resource").map(function (e) { return e.name; }).join(" ");
    }, 500);
  } catch (err) {
    st.error = String(err && err.stack || err);
  }
})();
"""


def widget_html(widget: Any, *, title: str = "Graph") -> str:
    """A complete offline page showing ``widget`` (an ``ipysigma.Sigma``) as it would show in JupyterLab."""
    state = _state(widget)
    body = (f'<div id="sigma-wrap" style="padding:8px"><h1 style="font-size:17px;margin:4px 0 8px">{esc(title)}</h1>'
            '<div id="sigma"></div><div id="wb-status" hidden></div></div>')
    script = own_asset("common.js") + own_asset("sigma_shim.js") + ipysigma_bundle() + "\n" + _LAUNCH
    html = page(title, body, script, data={"state": state}, vis=False)
    return html.replace(f'content="{CSP}"', f'content="{SIGMA_CSP}"', 1)


def save_widget(widget: Any, path: str | Path, *, title: str = "Graph") -> Path:
    path = Path(path)
    path.write_text(widget_html(widget, title=title), encoding="utf-8")
    return path
