"""Guided network walkthroughs: a case told step by step, rendered as one offline HTML page.

Public API::

    from workbench.walkthrough import load_walkthrough, render_walkthrough, step_through, Walkthrough, Step
"""
from workbench.walkthrough.render import Stepper, render_walkthrough, step_through, walkthrough_html
from workbench.walkthrough.steps import (
    ResolvedStep, Step, Walkthrough, WalkthroughError, load_walkthrough, resolve_walkthrough,
)

__all__ = [
    "ResolvedStep", "Step", "Stepper", "Walkthrough", "WalkthroughError", "load_walkthrough",
    "render_walkthrough", "resolve_walkthrough", "step_through", "walkthrough_html",
]
