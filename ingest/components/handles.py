"""Social-media and messaging handles: "@flaco_bz", "on Facebook as Flaco Reyes", "WhatsApp name 'Flaco'",
"Instagram account keyla_22", "facebook.com/pancho.cruz.209", "on Instagram, she goes by keyla_22".

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
# A handle is a slug with a digit, an underscore or an inner dot ("keyla_22", "pancho.cruz.209"),
# not the host of a profile URL, or else a capitalized display name ("Flaco Reyes").
_SLUG = r"@?(?=[A-Za-z0-9_]*(?:\d|_|\.[A-Za-z0-9_]))[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*(?![\w/]|\.\w)"
_HANDLE = rf"(?P<handle>{_SLUG}|@?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})"
_QUOTED = re.compile(_PLATFORM + r"\b[^.\n\"“”]{0,30}?[\"“‘'](?P<handle>[^\"”’'\n]{2,40})[\"”’']")
_AS_NAME = re.compile(r"\b(?:on|via|through)\s+" + _PLATFORM +
                      r"\s+(?:as|under(?:\s+the\s+name)?|named|called)\s+" + _HANDLE)
_NAMED = re.compile(_PLATFORM + r"\s+(?:name|profile|page|account|user(?:name)?)\s+(?:is\s+|was\s+|named\s+)?"
                    + _HANDLE)
_URL = re.compile(r"(?:https?://)?(?:www\.)?(?P<platform>facebook|instagram|tiktok|twitter)\.com/"
                  r"(?P<handle>[A-Za-z0-9_.]*[A-Za-z0-9_])", re.IGNORECASE)
_GOES_BY = re.compile(r"\b(?:goes|go|went|is known|was known)\s+by\s+(?:the\s+(?:name|handle)\s+)?" + _HANDLE)
_AT = re.compile(r"(?<![\w.@])@(?P<handle>[A-Za-z0-9_.]{2,30}[A-Za-z0-9_])")
_ANY_PLATFORM = re.compile(r"\b" + _PLATFORM + r"\b", re.IGNORECASE)


def _platform_before(text: str, start: int) -> str:
    """The platform named last in the 80 characters before ``start`` (same sentence), else "other"."""
    before = re.split(r"[.!?\n]\s", text[max(0, start - 80):start])[-1]
    near = list(_ANY_PLATFORM.finditer(before))
    return _platform(near[-1].group()) if near else "other"


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
        for regex in (_URL, _QUOTED, _AS_NAME, _NAMED):
            for match in regex.finditer(text):
                self._add(doc, *match.span("handle"), _platform(match.group("platform")))
        for match in _GOES_BY.finditer(text):  # "On Instagram, she goes by keyla_22": only with a platform
            platform = _platform_before(text, match.start())
            if platform != "other":
                self._add(doc, *match.span("handle"), platform)
        for match in _AT.finditer(text):
            self._add(doc, match.start(), match.end(), _platform_before(text, match.start()))
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
