"""Name normalization, one behaviour each, seen through resolve()."""
from __future__ import annotations

from ingest.names import parse_name
from ingest.resolve import resolve


def people(resolution):
    return [n for n in resolution.nodes if n.label == "Person"]


def test_surname_comma_given_is_the_same_person(note):
    r = resolve([note("n1", ("Person", "Reyes, Carlos")), note("n2", ("Person", "Carlos Reyes"))])
    assert [p.props["name"] for p in people(r)] == ["Carlos Reyes"]


def test_title_is_stripped_into_rank_and_agency(note):
    (person,) = people(resolve([note("n1", ("Person", "Sgt. Mario Castillo"))]))
    assert (person.props["name"], person.props["rank"], person.props["agency"]) == ("Mario Castillo", "Sgt.", "Police")


def test_immigration_officer_title_gives_agency():
    parsed = parse_name("Immigration Officer Ana Pop")
    assert (parsed.name, parsed.rank, parsed.agency, parsed.official) == (
        "Ana Pop", "Immigration Officer", "Immigration", True)


def test_accents_and_case_are_folded(note):
    r = resolve([note("n1", ("Person", "José Martínez")), note("n2", ("Person", "JOSE MARTINEZ"))])
    assert [p.props["name"] for p in people(r)] == ["José Martínez"]


def test_quoted_nickname_becomes_an_alias(note):
    (person,) = people(resolve([note("n1", ("Person", 'Carlos "Flaco" Reyes'))]))
    assert (person.props["name"], person.props["aliases"]) == ("Carlos Reyes", ["Flaco"])


def test_partial_reference_resolves_through_canonical(note):
    r = resolve([note("n1", ("Person", "Carlos Reyes"), ("Person", "Reyes", {"canonical": "Carlos Reyes"}))])
    assert len(people(r)) == 1 and {key for _, _, key in r.mentions} == {people(r)[0].key}


def test_cypher_like_name_is_kept_literally(note):
    text = "Robert'); MATCH (n) DETACH DELETE n //"
    (person,) = people(resolve([note("n1", ("Person", text))]))
    assert person.props["name"] == text


def test_backticks_braces_and_quotes_are_kept_literally(note):
    text = 'Ana `x` {y} "z"'
    (person,) = people(resolve([note("n1", ("Person", text))]))
    assert (person.props["name"], person.props.get("aliases")) == (text, None)


def test_public_office_title_outranks_a_stated_suspect_role(note):
    (person,) = people(resolve([note("n1", ("Person", "Sgt. Mario Castillo", {"props": {"role": "suspect"}}))]))
    assert person.props["role"] == "official"


def test_stated_investigator_role_outranks_the_title(note):
    (person,) = people(resolve([note("n1", ("Person", "Cpl. Ana Pop", {"props": {"role": "investigator"}}))]))
    assert (person.props["role"], person.props["rank"]) == ("investigator", "Cpl.")


def test_a_subscriber_listed_surname_first_with_an_initial_is_the_person_named_in_full(note):
    """A carrier's return lists "GILLETT SHANE R": the same words as "GILLETT, Shane Ricardo" in
    another order, the middle name an initial. With two men it could be, it stays a candidate."""
    r = resolve([note("n1", ("Person", "GILLETT, Shane Ricardo")), note("n2", ("Person", "GILLETT SHANE R"))])
    assert [p.props["name"].lower() for p in people(r)] == ["shane ricardo gillett"]
    two = resolve([note("n1", ("Person", "GILLETT, Shane Ricardo")), note("n2", ("Person", "GILLETT SHANE R")),
                   note("n3", ("Person", "Shane Roberto Gillett"))])
    assert len(people(two)) == 3 and two.candidates


def test_a_nickname_without_its_article_joins_the_one_person_of_that_nickname(note):
    """"Güero" in a notebook is "El Güero" of the statements, even while a model guess of "El
    Güero" as a company waits to be re-typed: the same written name counts once."""
    r = resolve([note("n1", ("Person", "El Güero")), note("n2", ("Organization", "El Güero", {"method": "ner:ORG"})),
                 note("n3", ("Person", "Güero"))])
    assert len(people(r)) == 1
