"""Walkthrough steps: loaded from YAML or Python, references resolved, 'new' computed, clear errors."""
from __future__ import annotations

import pytest

from workbench.walkthrough import Step, Walkthrough, WalkthroughError, load_walkthrough, resolve_walkthrough
from workbench.views import pseudonymize


def test_yaml_steps_resolve_by_name_pseudonym_and_id(story, story_yaml):
    w = load_walkthrough(story_yaml)
    _, mapping = pseudonymize(story)
    steps = resolve_walkthrough(story, w, mapping)
    assert [s.title for s in steps] == ["The recruiter", "The driver and the bar", "The official"]
    assert steps[0].nodes == ("Person:r", "Person:v") and steps[0].highlight == ("Person:r",)
    assert steps[1].new_nodes == ("Person:h", "Person:d", "Organization:b")  # entities, then the path Victim 1 -> bar
    assert steps[2].new_nodes == ("Payment:p", "Person:o")  # through the payment event
    assert steps[2].new_edges == 2 and steps[2].edges == 6


def test_python_built_and_not_cumulative(story):
    w = Walkthrough("w", (Step("a", entities=("Person:r",)), Step("b", entities=("Person:d",))), cumulative=False)
    steps = resolve_walkthrough(story, w)
    assert steps[1].nodes == ("Person:d",) and steps[1].new_nodes == ("Person:d",)


def test_unknown_name_is_one_line_naming_file_and_step(story, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("steps:\n  - title: One\n    entities: [Nobody Known]\n", encoding="utf-8")
    with pytest.raises(WalkthroughError) as info:
        resolve_walkthrough(story, load_walkthrough(path))
    message = str(info.value)
    assert "\n" not in message and message.startswith("[W418] bad.yaml: step 1 ('One')") and "Nobody Known" in message


def test_bad_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("steps:\n  - title: [unclosed\n", encoding="utf-8")
    with pytest.raises(WalkthroughError, match=r"^\[W417\] broken\.yaml:\d+: "):
        load_walkthrough(path)
    path.write_text("steps:\n  - narrative: no title\n", encoding="utf-8")
    with pytest.raises(WalkthroughError, match="step 1: every step needs a title"):
        load_walkthrough(path)
