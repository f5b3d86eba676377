"""One offline page; positions stay put; Next moves on in a real browser; names stay pseudonyms."""
from __future__ import annotations

import json
import re

from workbench.walkthrough import render_walkthrough, step_through, walkthrough_html


def _data(page: str) -> dict:
    return json.loads(re.search(r'id="wb-data">(.*?)</script>', page, re.S).group(1))


def test_one_layout_for_all_steps_and_pseudonyms(story, story_yaml):
    page = walkthrough_html(story, story_yaml)
    data = _data(page)
    assert len(data["nodes"]) == 7 and all("x" in n and "y" in n for n in data["nodes"])
    assert all(set(s) >= {"nodes", "new_nodes", "new_names", "highlight"} for s in data["steps"])
    assert "Maria Lopez" not in page and "Maria" not in page
    assert data["steps"][0]["narrative"] == "Carlos Reyes recruited Victim 1 in Chetumal."
    assert "http://" not in page and "https://" not in page


def test_next_moves_forward_in_the_browser(story, story_yaml, chromium, tmp_path):
    from workbench.views.headless import render_in_browser

    path = render_walkthrough(story, story_yaml, tmp_path / "walk.html")
    result = render_in_browser(path, fragment="autotest", binary=chromium)
    st = result.status
    assert st["drawn"] == "1" and st["autotest"] == "1" and st["resources"] == ""
    assert st["first-title"] == "The recruiter" and st["step-title"] == "The driver and the bar"
    assert st["step"] == "2" and st["visible"] == "5"
    assert result.title == "How the ring worked" and not re.search(r"<body[^>]*data-pwned", result.dom)
    assert not re.search(r"<img\b", result.dom)
    new_list = re.search(r'<ul id="new-list">(.*?)</ul>', result.dom, re.S).group(1)
    assert "<li>&lt;img src=x onerror=" in new_list and "<li>Blue Parrot Bar</li>" in new_list


def test_stepper_for_notebooks(story, story_yaml):
    stepper = step_through(story, story_yaml)
    assert len(stepper) == 3
    stepper.next()
    assert stepper.index == 1 and "<iframe srcdoc=" in stepper._repr_html_()
    assert _data(stepper.html())["start"] == 1
