"""The workbench's Neo4j: run the local server, connect to it (or to NEO4J_URI), set up its schema.

Public API: ``start``, ``stop``, ``status``, ``browser``, ``ensure_jars`` (local server), ``open_driver``
(connection), ``migrate`` / ``reset_schema`` (constraints and indexes derived from the schema).
"""
from workbench.store.connection import open_driver, read_password
from workbench.store.local import browser, ensure_jars, running_pid, start, status, stop
from workbench.store.migrate import migrate, reset_schema

__all__ = ["browser", "ensure_jars", "migrate", "open_driver", "read_password", "reset_schema", "running_pid", "start",
           "status", "stop"]
