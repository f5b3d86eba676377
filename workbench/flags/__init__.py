"""Possible-complicity flags: officials tied to the exploitation core by payments, calls,
operations, venues, vehicles, relatives, tip-offs and candidate aliases.

Public API: :func:`complicity_flags` (graph in, ranked :class:`FlagReport` out),
:func:`exploitation_core` (who the rules measure against, with each basis), the officials
helpers, the alias candidates, the rule table and the report renderers. Every flag is worded
"possible complicity — needs review"; investigative ties and presence (INVESTIGATED, arrests,
raids, an official's own notes) never count.
"""
from workbench.flags.aliases import AliasCandidate, alias_candidates
from workbench.flags.config import NEXT_STEPS, RULE_WEIGHTS, WORDING, default_params
from workbench.flags.core import CoreMember, exploitation_core
from workbench.flags.flag import EvidenceSentence, Finding, Flag, FlagReport, Reason, RuleResult, Support
from workbench.flags.officials import match_register, official_agency, officials, read_register
from workbench.flags.report import to_html, to_markdown
from workbench.flags.rules import RULES, Rule, rule_names
from workbench.flags.run import audited_flags, complicity_flags, rule_score

__all__ = [
    "AliasCandidate", "CoreMember", "default_params", "EvidenceSentence", "Finding", "Flag", "FlagReport",
    "NEXT_STEPS", "RULES", "RULE_WEIGHTS", "Reason", "Rule", "RuleResult", "Support", "WORDING",
    "alias_candidates", "audited_flags", "complicity_flags", "exploitation_core", "match_register",
    "official_agency", "officials", "read_register", "rule_names", "rule_score", "to_html", "to_markdown",
]
