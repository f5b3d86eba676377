"""Social-media and messaging handles: "@flaco_bz", "on Facebook as Flaco Reyes", "WhatsApp name 'Flaco'".

Why: recruiters in Belize advertise jobs and keep in touch with victims through Facebook,
Instagram and WhatsApp; a handle shared by two notes links them even when the real name is
unknown. The platform is the one named next to the handle (or in the sentence); the key is
``platform:handle`` lowercased, as the Handle node declares.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components.base import add_mention, claimed, ensure_extensions, text_of

METHOD = "workbench.handle_matcher.v1"
_PLATFORMS = {"facebook": "facebook", "fb": "facebook", "messenger": "facebook", "instagram": "instagram",
              "ig": "instagram", "whatsapp": "whatsapp", "tiktok": "tiktok", "telegram": "telegram",
              "snapchat": "snapchat", "twitter": "twitter", "signal": "signal"}
_PLATFORM = r"(?P<platform>Facebook|FB|Messenger|Instagram|IG|Whats\s?App|TikTok|Telegram|Snapchat|Twitter|Signal)"
_QUOTED = re.compile(_PLATFORM + r"\b[^.\n\"“”]{0,30}?[\"“‘'](?P<handle>[^\"”’'\n]{2,40})[\"”’']")
_AS_NAME = re.compile(r"\b(?:on|via|through)\s+" + _PLATFORM +
                      r"\s+(?:as|under(?:\s+the\s+name)?|named|called)\s+(?P<handle>@?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})")
_NAMED = re.compile(_PLATFORM + r"\s+(?:name|profile|page|account|user(?:name)?)\s+(?:is\s+|was\s+|named\s+)?"
                    r"(?P<handle>@?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})")
_AT = re.compile(r"(?<![\w.@])@(?P<handle>[A-Za-z0-9_.]{2,30}[A-Za-z0-9_])")
_ANY_PLATFORM = re.compile(r"\b" + _PLATFORM + r"\b", re.IGNORECASE)


def _platform(word: str) -> str:
    return _PLATFORMS.get(re.sub(r"\s", "", word).lower(), "other")


@Language.factory("workbench_handle_matcher_v1", assigns=["doc._.wb_mentions"])
def make_handle_matcher(nlp: Language, name: str) -> "HandleMatcher":
    return HandleMatcher()


class HandleMatcher:
    def __init__(self) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        for regex in (_QUOTED, _AS_NAME, _NAMED):
            for match in regex.finditer(text):
                self._add(doc, *match.span("handle"), _platform(match.group("platform")))
        for match in _AT.finditer(text):
            before = text[max(0, match.start() - 80):match.start()]
            near = list(_ANY_PLATFORM.finditer(before))
            self._add(doc, match.start(), match.end(), _platform(near[-1].group()) if near else "other")
        return doc

    @staticmethod
    def _add(doc: Doc, start: int, end: int, platform: str) -> None:
        handle = text_of(doc)[start:end].strip().rstrip(".,;:")
        end = start + len(handle)
        if claimed(doc, start, end) or not handle:
            return
        bare = handle.lstrip("@")
        add_mention(doc, "Handle", start, end, METHOD, key=f"{platform}:{bare}".lower(), platform=platform,
                    handle=bare)
