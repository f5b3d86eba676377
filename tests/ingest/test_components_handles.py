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


def test_lowercase_handle_after_platform_account(nlp):
    (handle,) = found(nlp, "Jorge Ayala contacted the girls from Instagram account jorge_belize72.", "Handle")
    assert (handle["key"], handle["text"]) == ("instagram:jorge_belize72", "jorge_belize72")


def test_dotted_handle_on_platform_as(nlp):
    (handle,) = found(nlp, "Byron Cruz posts job offers on Facebook as pancho.cruz.209.", "Handle")
    assert (handle["key"], handle["text"]) == ("facebook:pancho.cruz.209", "pancho.cruz.209")


def test_profile_url_gives_the_handle_not_the_host(nlp):
    (handle,) = found(nlp, "She used the Facebook account facebook.com/pancho.cruz.209 to reach them.", "Handle")
    assert (handle["key"], handle["text"]) == ("facebook:pancho.cruz.209", "pancho.cruz.209")


def test_goes_by_needs_a_platform(nlp):
    (handle,) = found(nlp, "On Instagram, Carlos Reyes goes by flaco_bz.", "Handle")
    assert handle["key"] == "instagram:flaco_bz"
    assert found(nlp, "At the bar, Carlos Reyes goes by Flaco.", "Handle") == []


def test_plain_word_after_platform_as_is_not_a_handle(nlp):
    assert found(nlp, "He was contacted on Facebook as well.", "Handle") == []
