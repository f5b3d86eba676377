"""Every Cypher text of the workbench store, in one package: schema, write path, read path.

Why: one place to review for injection. Values always travel as ``$parameters``. The only
names ever interpolated are labels, relationship types, property keys and constraint/index
names, and those come from the schema declaration (``graph_schema.load_schema()``) or from
constants here - never from case data - and are backtick-quoted by ``quote``. Builders are
pure functions returning text, unit-tested for their exact text without a database, and every
one also runs against the real local Neo4j in the integration tests.
"""
from workbench.store.cypher import read, write
from workbench.store.cypher.schema import *  # noqa: F403 - the schema section is the package's flat API
from workbench.store.cypher.schema import __all__ as _schema_all

__all__ = ["read", "write", *_schema_all]
