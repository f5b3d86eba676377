"""Every string from the notes reaches the page escaped; nothing loads from the network."""
from __future__ import annotations

import os
import re

from workbench.views import network_html, save_view
from workbench.views.page import esc, script_json



def markup(page: str) -> str:
    """The page without the bodies of its <script> and <style> blocks (what the HTML parser sees as tags)."""
    return re.sub(r"(<(script|style)\b[^>]*>).*?(</\2>)", r"\1\3", page, flags=re.S)


def test_esc_escapes_markup_and_slashes(payloads):
    name, _ = payloads
    assert esc(name).count("<") == 0 and '"' not in esc(name)
    assert "://" not in esc("https://evil.example")


def test_script_json_cannot_close_the_script(payloads):
    text = script_json({"s": payloads[1]})
    assert "</" not in text and "<!--" not in text and "<" not in text and "://" not in text


def test_hostile_strings_never_appear_as_markup(hostile):
    page = network_html(hostile, reveal=True, highlight=["Person:h1"])
    assert "<img" not in page
    assert "<script>document.title" not in page
    assert markup(page).count("<script") == 3  # vis-network, the JSON data block, the page's own script
    assert "pwned" in page  # present, but only as escaped data


def test_page_loads_nothing_from_the_network(case):
    page = network_html(case)
    assert "http://" not in page and "https://" not in page
    tags = markup(page)
    assert not re.search(r"<(link|iframe|img|object|embed)\b", tags)
    assert not re.search(r"\b(src|href)\s*=", tags)
    assert "Content-Security-Policy" in page


def test_no_lib_folder_is_written(case, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    network_html(case)
    save_view(case, "view.html")
    assert os.listdir(tmp_path) == ["view.html"]
