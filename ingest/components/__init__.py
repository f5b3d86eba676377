"""The extraction components; importing this package registers their factories with spaCy.

Each module does one job and declares what it requires and assigns; the order they run in is
``ingest/config.cfg``, not code.
"""
from ingest.components import (  # noqa: F401  (imported for their @Language.factory registrations)
    account_transfers, acronyms, clause_frames, exhibits, forewarnings, handles, identifiers, identities, layout, ledgers, legal, links, money, ner_fallback, officials, operations, persons, phones,
    place_forms, places, premises, references, relations, remittances, residences, surveillance, tables, vehicle_descriptions,
)
from ingest.components.base import ensure_extensions, mentions, relations as doc_relations

__all__ = ["doc_relations", "ensure_extensions", "mentions"]
