"""Cypher of the read path: projections, evidence, notes and counts - one query each.

Entities come back with their ``facts``: the ``IN_CASE`` record of each case that states them
(``workbench.store.facts`` reads the one of the case projected), so a person's role in a case is
read from that case's notes whatever another case says.
"""
from __future__ import annotations

from graph_schema.model import Schema
from workbench.store.cypher.write import _label

_EDGE_FILTER = (
    "type(r) IN $types AND (NOT coalesce(r.retired, false) OR $include_retired) "
    "AND coalesce(r.evidence_count, 0) >= $min_evidence "
    "AND ($case_id IS NULL OR $case_id IN coalesce(r.case_ids, [])) "
    "AND ($date_from IS NULL OR r.last_seen >= $date_from) "
    "AND ($date_to IS NULL OR r.first_seen <= $date_to) "
    "AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels) "
)

_EDGE_RETURN = (
    "CALL (r) { "
    "  OPTIONAL MATCH (e:Evidence {rel_id: r.id}) WHERE NOT coalesce(e.superseded, false) "
    "  WITH e ORDER BY e.confidence DESC, e.date, e.id LIMIT $evidence_limit "
    "  RETURN collect(e {.note_id, .sentence, .start, .end, .method, .confidence, .date}) AS evidence "
    "} "
    "RETURN a {.*, label: labels(a)[0], facts: [(a)-[f:IN_CASE]->() | f {.*, merges: null}]} AS source, "
    "b {.*, label: labels(b)[0], facts: [(b)-[f:IN_CASE]->() | f {.*, merges: null}]} AS target, "
    "r {.*, type: type(r)} AS rel, evidence "
    "ORDER BY rel.id"
)


def case_edges() -> str:
    """Every relationship of the case (or of every case) passing the filters, with its evidence."""
    return "MATCH (a)-[r]->(b) WHERE " + _EDGE_FILTER + _EDGE_RETURN


def neighbourhood_edges(schema: Schema, label: str, hops: int) -> str:
    """Relationships among the entities within ``hops`` of one entity (hops is an int, not text)."""
    hops = int(hops)
    if not 1 <= hops <= 6:
        raise ValueError("hops must be between 1 and 6")
    return (
        f"MATCH (s:{_label(schema, label)} {{id: $key}}) "
        f"CALL (s) {{ MATCH (s)-[path*0..{hops}]-(x) "
        "  WHERE all(rel IN path WHERE type(rel) IN $types AND NOT coalesce(rel.retired, false)) "
        "  RETURN collect(DISTINCT x) AS near } "
        "UNWIND near AS a MATCH (a)-[r]->(b) WHERE b IN near AND " + _EDGE_FILTER + _EDGE_RETURN
    )


def mention_counts() -> str:
    """Live mentions per entity in the case (or every case), once per entity (counting them per
    edge was quadratic for hubs): a phone another case also names is seen as often as this one says."""
    return (
        "UNWIND $ids AS id "
        "OPTIONAL MATCH (m:Mention {entity_id: id}) WHERE NOT coalesce(m.superseded, false) "
        "AND ($case_id IS NULL OR m.case_id = $case_id) "
        "RETURN id, count(m) AS n"
    )


def isolated_entities() -> str:
    """Entities with mentions but no relationship in the projection (leads to follow up)."""
    return (
        "MATCH (a) WHERE any(l IN labels(a) WHERE l IN $labels) AND NOT (a)--() "
        "RETURN a {.*, label: labels(a)[0], mentions: COUNT { (m:Mention {entity_id: a.id}) }, "
        "facts: [(a)-[f:IN_CASE]->() | f {.*, merges: null}]} AS node"
    )


def evidence_for(schema: Schema) -> str:
    """The notes and sentences behind one node (its mentions) or one relationship (its evidence),
    in one case (``$case_id``) or every case."""
    return (
        "CALL () { "
        "  MATCH (m:Mention {entity_id: $id}) WHERE $case_id IS NULL OR m.case_id = $case_id "
        "  RETURN 'mention' AS kind, m.note_id AS note_id, m.sentence AS sentence, m.start AS start, "
        "  m.end AS end, m.method AS method, m.confidence AS confidence, m.text AS text, "
        "  coalesce(m.superseded, false) AS superseded "
        "  UNION ALL "
        "  MATCH (e:Evidence {rel_id: $id}) WHERE $case_id IS NULL OR e.case_id = $case_id "
        "  RETURN 'evidence' AS kind, e.note_id AS note_id, e.sentence AS sentence, e.start AS start, "
        "  e.end AS end, e.method AS method, e.confidence AS confidence, e.rel_type AS text, "
        "  coalesce(e.superseded, false) AS superseded "
        "} "
        "OPTIONAL MATCH (n:Note {id: note_id}) "
        "RETURN kind, note_id, n.path AS path, n.date AS note_date, n.author AS author, n.type AS note_type, "
        "sentence, start, end, method, confidence, text, superseded "
        "ORDER BY path, start"
    )


def note_authors() -> str:
    """Note id -> the person resolution gave as its author (``AUTHORED_BY``), in one case or all."""
    return (
        "MATCH (n:Note)-[a:AUTHORED_BY]->(p:Person) "
        "WHERE ($case_id IS NULL OR n.case_id = $case_id) AND NOT coalesce(a.retired, false) "
        "RETURN n.id AS note_id, p.id AS person ORDER BY note_id"
    )


#: An entity's fact of a case counts only while the case still names it (a live mention there).
_NAMED_IN_CASE = (
    "EXISTS { MATCH (m:Mention {entity_id: n.id}) WHERE m.case_id = c.id AND NOT coalesce(m.superseded, false) } "
)


def case_entities() -> str:
    """Every entity of ``$labels`` with the case that names it and that case's facts, one row each."""
    return (
        "MATCH (n)-[f:IN_CASE]->(c:Case) WHERE any(l IN labels(n) WHERE l IN $labels) AND " + _NAMED_IN_CASE +
        "RETURN labels(n)[0] AS label, n.id AS id, n.name AS name, n.aliases AS aliases, c.id AS case_id, "
        "properties(f) AS fact ORDER BY case_id, label, id"
    )


def shared_entities() -> str:
    """Entities of ``$labels`` that several cases name, with who holds them in each case
    (people tied to them by a live relationship of ``$types``)."""
    return (
        "MATCH (n)-[:IN_CASE]->(c:Case) WHERE any(l IN labels(n) WHERE l IN $labels) AND " + _NAMED_IN_CASE +
        "WITH n, collect(DISTINCT c.id) AS cases WHERE size(cases) > 1 "
        "CALL (n) { "
        "  OPTIONAL MATCH (p:Person)-[r]-(n) WHERE type(r) IN $types AND NOT coalesce(r.retired, false) "
        "  RETURN [x IN collect(DISTINCT {id: p.id, type: type(r), cases: r.case_ids}) WHERE x.id IS NOT NULL] AS holders "
        "} "
        "RETURN labels(n)[0] AS label, n.id AS id, cases, holders ORDER BY label, id"
    )


def entity_facts(schema: Schema, label: str) -> str:
    """One entity's facts, per case that names it: which cases, and why it is one (``merges``)."""
    return (
        f"MATCH (n:{_label(schema, label)} {{id: $id}})-[f:IN_CASE]->(c:Case) WHERE " + _NAMED_IN_CASE +
        "RETURN c.id AS case_id, properties(f) AS fact ORDER BY case_id"
    )


def notes_frame() -> str:
    return (
        "MATCH (n:Note) WHERE $case_id IS NULL OR n.case_id = $case_id "
        "RETURN n.id AS id, n.path AS path, n.type AS type, n.date AS date, n.author AS author, "
        "n.case_id AS case_id, n.superseded_by AS superseded_by, n.ingested_at AS ingested_at "
        "ORDER BY n.path, n.id"
    )


def counts() -> str:
    return (
        "CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS n, 'node' AS kind "
        "UNION ALL MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS n, 'relationship' AS kind } "
        "RETURN kind, name, n ORDER BY kind, name"
    )


def entity_count(schema: Schema) -> str:
    """How many entities the database holds: the sum of a count per entity label.

    Why not ``counts``: that scans every node and relationship; ``MATCH (n:Label) RETURN
    count(n)`` is answered from Neo4j's count store without reading a node, and an ingest asks
    before and after it writes (issue 16). Labels come from the schema, backtick-quoted.
    """
    branches = " UNION ALL ".join(f"MATCH (n:{_label(schema, label)}) RETURN count(n) AS n"
                               for label in schema.entity_labels)
    return f"CALL () {{ {branches} }} RETURN sum(n) AS n"
