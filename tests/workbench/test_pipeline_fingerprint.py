"""The extraction cache's fingerprint covers what ingest reads as it runs, the graph schema too."""
from __future__ import annotations

from workbench.pipeline import extraction_fingerprint, extraction_sources


def test_the_fingerprint_hashes_the_schema_ingest_reads():
    """Issue 17: an edit to offices.yaml, a node or relationship file or meanings.yaml changes what
    extraction finds (officials, identifier labels, holder types), so it must start a fresh cache."""
    names = {name for name, _ in extraction_sources()}
    assert {"graph_schema/offices.yaml", "graph_schema/meanings.yaml", "graph_schema/nodes/Phone.yaml",
            "graph_schema/relationships/USES_PHONE.yaml", "graph_schema/types.py",
            "ingest/config.cfg", "ingest/patterns/identifiers.jsonl"} <= names
    assert "graph_schema/SCHEMA.md" not in names  # generated from the YAML: no new fact
    assert not [name for name in names if "__pycache__" in name]


def test_the_fingerprint_names_the_model():
    assert extraction_fingerprint("en_core_web_sm") == extraction_fingerprint("en_core_web_sm")
    assert extraction_fingerprint("en_core_web_sm") != extraction_fingerprint("en_core_web_md")
