"""The own end of a seized handset's calls: the phone the exhibit list says the handset is.

Why: a handset's call log names only the other party of each call (``ingest.read.handset``);
the calls keep the exhibit id they were recorded on (``Call.recorded_on``: "HB-04"). When a note
of the same case lists that exhibit with its number ("HB-04 Samsung phone of ZELAYA CACERES,
627-4410": ``Phone.exhibit``, read by ``ingest.components.exhibits``), that phone is every such
call's missing end: it called (``CALLED``) when the other party was called, and was called
(``CALL_TO``) when the other party called. The new leg carries the call's own row as evidence.
Two phones listed as one exhibit name no single end, and give none.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from graph_schema.records import Mention, NodeRecord
from ingest.assemble import Link

__all__ = ["exhibit_phones", "own_end_links"]


def exhibit_phones(nodes: Iterable[NodeRecord], phone_label: str = "Phone") -> dict[str, str]:
    """Exhibit id -> the key of the one phone listed as that exhibit."""
    found: dict[str, set[str]] = defaultdict(set)
    for node in nodes:
        if node.label == phone_label and node.props.get("exhibit"):
            found[str(node.props["exhibit"]).upper()].add(node.key)
    return {exhibit: next(iter(keys)) for exhibit, keys in found.items() if len(keys) == 1}


def own_end_links(links: list[Link], bases: Mapping[str, tuple[Mention, str]], phones: Mapping[str, str],
                  legs: tuple[str, str]) -> list[Link]:
    """The missing leg of each call recorded on an exhibit with a known number (``legs``: the
    schema's (into, out of) types of a Call)."""
    into, out_of = legs
    calls = {base: m for m, base in bases.values() if m.props.get("recorded_on")
             and str(m.props["recorded_on"]).upper() in phones}
    added = []
    for link in links:
        if link.type == into and link.target in calls:  # the other party called: the handset was called
            phone = phones[str(calls[link.target].props["recorded_on"]).upper()]
            if phone != link.source:
                added.append(Link(out_of, link.target, phone, link.evidence, {}))
        elif link.type == out_of and link.source in calls:  # the handset called the other party
            phone = phones[str(calls[link.source].props["recorded_on"]).upper()]
            if phone != link.target:
                added.append(Link(into, phone, link.source, link.evidence, {}))
    return added
