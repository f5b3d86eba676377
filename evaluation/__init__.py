"""Evaluation of extraction, resolution and flags: not a stage of the flow, a judge of it.

Public API::

    evaluate_sample(extractions, ground_truth)     # a generated sample case's ground truth
    evaluate_realtexts(folder, nlp, bare)          # real texts with gold.jsonl, ours beside the bare model
    evaluate_casefolder(folder, expected, nlp)     # a hand-written case folder against its expected file
    score_casefolder(items, expected)              # the same on what was already read and extracted
    summary_rows(report)                           # (check, value, detail) rows of a case-folder report
"""
from __future__ import annotations

from evaluation.casefolders import CaseFolderReport, evaluate_casefolder, score_casefolder, summary_rows
from evaluation.realtexts import evaluate_realtexts
from evaluation.sample_truth import evaluate as evaluate_sample
from evaluation.scoring import Score

__all__ = ["CaseFolderReport", "Score", "evaluate_casefolder", "evaluate_realtexts", "evaluate_sample",
           "score_casefolder", "summary_rows"]
