"""Possible-complicity flags: officials tied to suspects by payments, calls, venues, tip-offs.

Public API: :func:`complicity_flags` (graph in, ranked :class:`FlagReport` out), the officials
helpers, the rule table and the report renderers. Every flag is worded "possible complicity —
needs review"; investigative ties (INVESTIGATED, an official's own notes) never count.
"""
from workbench.flags.config import DEFAULT_PARAMS, RULE_WEIGHTS, WORDING
from workbench.flags.flag import EvidenceSentence, Finding, Flag, FlagReport, Reason, RuleResult
from workbench.flags.officials import match_register, official_agency, officials, read_register
from workbench.flags.report import to_html, to_markdown
from workbench.flags.rules import RULES, Rule, rule_names
from workbench.flags.run import audited_flags, complicity_flags, rule_score

__all__ = [
    "DEFAULT_PARAMS", "EvidenceSentence", "Finding", "Flag", "FlagReport", "RULES", "RULE_WEIGHTS",
    "Reason", "Rule", "RuleResult", "WORDING", "audited_flags", "complicity_flags", "match_register",
    "official_agency", "officials", "read_register", "rule_names", "rule_score", "to_html",
    "to_markdown",
]
