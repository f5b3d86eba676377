"""Standalone, offline HTML pages: vis-network inlined from pyvis's own copy, every string escaped.

Why this module exists: pyvis's ``Network.show()`` links vis-network and Bootstrap from a CDN
(or writes a ``lib/`` folder into the working directory), and inserts node titles as raw HTML.
Case files contain names and sentences written by anyone, so a note naming a person
``<img src=x onerror=...>`` must show as text. So the views build the vis-network data themselves
and only borrow pyvis's bundled ``vis-network.min.js`` / ``.css`` (9.1.2), read at run time from
the installed package: nothing is vendored, nothing is fetched, nothing is written beside the page.

Three escaping rules, one function each:

- text inside HTML (``esc``): ``html.escape`` plus ``/`` so a URL in a note never looks like a link;
- data inside ``<script>`` (``script_json``): JSON with ``<``, ``>``, ``&`` and ``/`` escaped, so no
  ``</script>`` or ``<!--`` can close or confuse the script block;

and both show direction controls visibly (``[RLO]``, see ``views.text``), so a name cannot be
made to read backwards;
- the inlined library: its ``://`` in strings and licence comments is written ``:\\/\\/`` (the same
  string in JavaScript), so the page contains no ``http://`` at all and an audit grep stays clean.
"""
from __future__ import annotations

import functools
import html
import json
from importlib import resources
from typing import Any

from workbench.views.text import visible_controls

__all__ = ["esc", "script_json", "vis_assets", "own_asset", "page", "csp_meta", "VIS_VERSION", "CSP"]

VIS_VERSION = "9.1.2"
# Every page we write carries this policy: no request of any kind can leave the page.
CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src data:; base-uri 'none'; form-action 'none'")


def csp_meta() -> str:
    """The ``<meta>`` tag that applies ``CSP``; it must come before anything else in ``<head>``.

    >>> "default-src 'none'" in csp_meta()
    True
    """
    return f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'


def esc(text: Any) -> str:
    """Escape any value for HTML text or a quoted attribute.

    >>> esc('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> esc("see https://x.test/a")
    'see https:&#x2F;&#x2F;x.test&#x2F;a'
    >>> esc("Ana\u202egpj.exe")
    'Ana[RLO]gpj.exe'
    """
    return html.escape(visible_controls("" if text is None else str(text)), quote=True).replace("/", "&#x2F;")


def script_json(data: Any) -> str:
    """JSON safe to place inside ``<script>``: no ``</``, ``<!--``, ``]]>`` or ``://`` can survive.

    >>> script_json({"name": "</script><script>alert(1)</script>"})
    '{"name": "\\\\u003c\\\\/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c\\\\/script\\\\u003e"}'
    """
    text = visible_controls(json.dumps(data, ensure_ascii=False, default=str))
    return (
        text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
        .replace("/", "\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    )


def _neutral(source: str) -> str:
    # Inside string literals, regex literals and comments of the minified library ``\/`` is ``/``.
    return source.replace("://", ":\\/\\/")


@functools.cache
def vis_assets() -> tuple[str, str]:
    """(javascript, css) of vis-network as shipped inside the installed pyvis package.

    Cached: read once per process (about 0.7 MB).
    """
    base = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
    js = base.joinpath("vis-network.min.js").read_text(encoding="utf-8")
    css = base.joinpath("vis-network.css").read_text(encoding="utf-8")
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError(f"pyvis's vis-network {VIS_VERSION} cannot be inlined safely")
    return _neutral(js), _neutral(css)


def own_asset(name: str) -> str:
    """Text of one of our own files in ``workbench/views/assets/`` (our page scripts)."""
    return resources.files("workbench.views").joinpath("assets", name).read_text(encoding="utf-8")


_CSS = """
html,body{margin:0;height:100%;font:14px system-ui,sans-serif;color:#222;background:#fff}
#wrap{display:flex;height:100vh}
#graph{flex:1;min-width:0;border-right:1px solid #ddd}
#side{width:340px;overflow:auto;padding:10px 12px;box-sizing:border-box}
#side h1{font-size:17px;margin:4px 0 8px}
#side h2{font-size:14px;margin:12px 0 4px}
.note{background:#fff4d6;border:1px solid #e6c66b;padding:6px 8px;margin:6px 0;font-size:13px}
.legend span{display:inline-block;margin:2px 8px 2px 0;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border:1px solid #555}
#details{white-space:pre-wrap;font-size:12.5px;border-top:1px solid #eee;padding-top:6px}
div.vis-tooltip{white-space:pre-wrap;max-width:440px;font-size:12.5px}
button{font-size:14px;padding:4px 12px;margin-right:6px}
.new{color:#b6202f;font-weight:600}
"""


def page(title: str, body: str, script: str, *, data: Any = None, extra_css: str = "", vis: bool = True) -> str:
    """Wrap ``body`` (already escaped markup) and ``script`` (our own JS) into one offline page.

    ``data`` is embedded as ``<script type="application/json" id="wb-data">`` (see
    ``script_json``); the script reads it with ``JSON.parse``, so data is never code.
    ``vis=False`` leaves vis-network out (the map draws its own SVG).

    The Content-Security-Policy forbids every network load: even if something slipped through,
    the browser would refuse to fetch it.
    """
    js, css = vis_assets() if vis else ("", "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"{csp_meta()}"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{esc(title)}</title>\n" + (f"<style>{css}</style>\n" if css else "") + f"<style>{_CSS}{extra_css}</style>\n"
        + (f"<script>{js}</script>\n" if js else "") + f"</head><body>\n{body}\n"
        f"<script type=\"application/json\" id=\"wb-data\">{script_json(data)}</script>\n"
        f"<script>\n{script}\n</script>\n</body></html>\n"
    )
