"""Open a generated page in headless Chromium, network blocked, and read back what it drew.

Why: "the graph draws", "Next moves the walkthrough on" and "a hostile name runs nothing" are
browser facts; the tests and ``bench/bench_views.py`` check them in a real browser. The route
is the simplest robust one: ``chromium --headless --dump-dom`` with a virtual-time budget, on a
``file://`` URL, with every proxy pointed at a closed port so any network load would fail. The
pages write their state into ``<div id="wb-status" data-...>`` (node count, draw time, resource
loads), which is read back from the dumped DOM. Chromium is Debian's (``/usr/bin/chromium``,
installed by ``scripts/ensure-chromium.sh``); ``WORKBENCH_CHROMIUM`` is not read: pass ``binary``.
"""
from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["find_chromium", "render_in_browser", "BrowserResult", "CHROMIUM_FLAGS"]

CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--window-size=1280,800",
)


def find_chromium(binary: str | None = None) -> str:
    """Path of the Chromium binary; a one-line error saying how to install it when absent."""
    found = binary or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise FileNotFoundError("chromium not found: run scripts/ensure-chromium.sh")
    return found


@dataclass(frozen=True)
class BrowserResult:
    """What the page reported (``status``: the data-* attributes of #wb-status) and its DOM."""

    dom: str
    status: dict[str, str]
    title: str
    seconds: float


def _status(dom: str) -> dict[str, str]:
    match = re.search(r'<div id="wb-status"([^>]*)>', dom)
    if not match:
        return {}
    return {k: html.unescape(v) for k, v in re.findall(r'data-([\w-]+)="([^"]*)"', match.group(1))}


def render_in_browser(page: str | Path, *, fragment: str = "", budget_ms: int = 15000,
                      timeout: float = 120.0, binary: str | None = None) -> BrowserResult:
    """Load ``page`` (a file path, or HTML text written to a temporary file) and dump its DOM."""
    chromium = find_chromium(binary)
    with tempfile.TemporaryDirectory(prefix="wb-chromium-") as tmp:
        path = Path(page) if isinstance(page, Path) else None
        if path is None:
            path = Path(tmp) / "page.html"
            path.write_text(str(page), encoding="utf-8")
        url = path.resolve().as_uri() + (f"#{fragment}" if fragment else "")
        cmd = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile",
               f"--virtual-time-budget={budget_ms}", "--dump-dom", url]
        start = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        seconds = time.perf_counter() - start
    if done.returncode != 0 or "<html" not in done.stdout:
        tail = done.stderr.strip().splitlines()[-1:] or ["no output"]
        raise RuntimeError(f"chromium failed on {path.name} (exit {done.returncode}): {tail[0]}")
    title = re.search(r"<title>(.*?)</title>", done.stdout, re.S)
    return BrowserResult(dom=done.stdout, status=_status(done.stdout),
                         title=html.unescape(title.group(1)) if title else "", seconds=seconds)
