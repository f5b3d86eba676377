"""The whole graph as comparable data, for tests that check two ingests end in the same graph."""


def graph_snapshot(driver):
    """Every node and relationship with its properties, minus the ingest time."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n)[0] AS l, n.id AS id, properties(n) AS p ORDER BY l, id", database_="neo4j")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, r.id AS id, a.id AS a, b.id AS b, properties(r) AS p "
        "ORDER BY t, id", database_="neo4j")
    strip = lambda p: {k: v for k, v in p.items() if k != "ingested_at"}  # noqa: E731
    return [(r["l"], r["id"], strip(r["p"])) for r in nodes], [(r["t"], r["id"], r["a"], r["b"], r["p"]) for r in rels]
