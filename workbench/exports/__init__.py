"""Exports for other tools: GEXF 1.3 (Gephi), GraphML (yEd, Gephi, Cytoscape), i2 Analyst's Notebook
CSVs, and the offline sigma page for whole graphs.

Why: partner agencies and prosecutors use Gephi, yEd or i2 Analyst's Notebook, not our
notebooks, so each file must open right there. Every export goes through ``pseudonymize`` first
(victims and witnesses as "Victim 3", also inside evidence sentences, their phones, documents,
accounts and handles masked, in ids too) unless ``reveal=True``. One module per format:

- ``gexf`` — GEXF 1.3 (written here, not by networkx, whose 1.3 writer declares a wrong XSI
  namespace): ``viz`` colour, size, shape and position from the same style and layout as the
  views, and the first/last dates as ``start``/``end`` so Gephi's timeline plays the case (a
  folded call or payment link carries one ``spell`` per event).
- ``graphml`` — the same values as typed keys (``color``, ``r``, ``g``, ``b``, ``size``,
  ``shape``, ``x``, ``y``, ``start``, ``end``). Positions have y pointing up, as Gephi draws.
  ``collapse=True`` folds calls and payments into one link per pair first (``views.events``).
- ``i2`` — ``entities.csv`` and ``links.csv``, plus ``i2_import_specification.json`` and
  ``.txt`` that say which column is identity, type, label, date, time and direction. Calls and
  payments are links between the phones, accounts and people at their two ends (one row per
  event: date, time, duration or amount, direction); an event with a side missing stays an
  entity. Each link row names both ends' type and label too, so ``links.csv`` alone also imports.
- ``sigma`` — ``views.save_sigma``'s one offline page, for graphs too big for the network view.
- ``flat`` — flattening, because GraphML and GEXF hold only scalars and need one type per
  attribute: lists of strings become ``"; "``-joined text, dicts become JSON, ``None`` is
  dropped, and an attribute that is a number on one element and text on another becomes text
  everywhere (int and float mixed: float). Evidence becomes ``evidence`` (JSON of the top rows)
  plus ``top_sentence`` and ``top_note_id``, so each link still leads back to its notes.
- ``files`` — files are written whole or not at all (a temporary file, then a rename), and every
  CSV cell passes ``views.text.csv_cell`` (no spreadsheet formula, controls visible).

Safe output for any input (``views.text``): control characters become visible or U+FFFD in
XML, direction controls become ``[RLO]``, and no CSV cell can start a spreadsheet formula.
"""
from workbench.exports.files import csv_safe_rows, write_file
from workbench.exports.flat import TOP_EVIDENCE, flat_graph
from workbench.exports.gexf import GEXF_NS, VIZ_NS, gexf_document, to_gexf
from workbench.exports.graphml import to_graphml
from workbench.exports.i2 import ENTITY_COLUMNS, I2_SPEC_FILES, I2_TYPES, LINK_COLUMNS, i2_specification, to_i2_csv
from workbench.exports.sigma import to_sigma

__all__ = ["flat_graph", "to_graphml", "to_gexf", "gexf_document", "to_i2_csv", "to_sigma", "i2_specification",
           "csv_safe_rows", "write_file", "ENTITY_COLUMNS", "LINK_COLUMNS", "TOP_EVIDENCE", "I2_TYPES",
           "I2_SPEC_FILES", "GEXF_NS", "VIZ_NS"]
