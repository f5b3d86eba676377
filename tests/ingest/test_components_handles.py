"""Social-media handles: "@handle", "on Facebook as ...", quoted WhatsApp names."""
from tests.ingest.conftest import found


def test_at_handle_takes_platform_from_sentence(nlp):
    (handle,) = found(nlp, "On Instagram she goes by @flaco_bz.", "Handle")
    assert (handle["key"], handle["start"], handle["method"]) == ("instagram:flaco_bz", 25, "workbench.handle_matcher.v1")


def test_on_facebook_as(nlp):
    (handle,) = found(nlp, "He recruits girls on Facebook as Flaco Reyes.", "Handle")
    assert (handle["key"], handle["text"]) == ("facebook:flaco reyes", "Flaco Reyes")


def test_quoted_whatsapp_name(nlp):
    (handle,) = found(nlp, 'Her WhatsApp name is "Chata BZ".', "Handle")
    assert handle["props"] == {"platform": "whatsapp", "handle": "Chata BZ"}
