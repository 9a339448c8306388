"""Names resolve to one entity whatever their spelling; the alias table decides, never the spelling alone."""
from __future__ import annotations

import pytest

from kgraph.errors import AliasTableError
from kgraph.names import name_key
from kgraph.resolve import AliasTable, Resolver

from conftest import ALIASES


@pytest.mark.parametrize("spelling", ["Jeon Jong-seo", "Jeon Jong\u2011seo", "Jeon Jong\u2013seo", "Jeon Jong Seo",
                                      "JEON Jong-seo", "jeon  jong-seo", "Jeon Jong\u2010Seo"])
def test_spellings_resolve_to_one_iri(spelling):
    resolver = Resolver(AliasTable.load(ALIASES))
    assert resolver.person(spelling).iri == "https://w3id.org/kgraph/id/person/jeon-jong-seo"
    assert resolver.person(spelling).name == "Jeon Jong-seo"


def test_unknown_people_get_the_same_iri_for_every_spelling():
    resolver = Resolver()
    iris = {resolver.person(s).iri for s in ("Park Bo-young", "Park Bo Young", "PARK Bo\u2011young")}
    assert iris == {"https://w3id.org/kgraph/id/person/park-bo-young"}


def test_aliases_from_the_table():
    resolver = Resolver(AliasTable.load(ALIASES))
    assert resolver.person("Kim Ji-hoon-I").iri.endswith("/person/kim-ji-hoon")
    assert resolver.person("Park Yoo-rim").iri.endswith("/person/park-yu-rim")
    assert resolver.title("Money Heist: Korea").iri.endswith("/title/money-heist-korea-2022")


def test_two_actors_sharing_a_hangul_name_are_not_merged():
    resolver = Resolver(AliasTable.load(ALIASES))
    denver, helsinki = resolver.person("Kim Ji-hoon"), resolver.person("Kim Ji-hun")
    assert denver.iri != helsinki.iri
    assert denver.hangul == helsinki.hangul == "김지훈"
    by_hangul = resolver.person("김지훈")
    assert by_hangul.ambiguous and by_hangul.iri not in (denver.iri, helsinki.iri)


def test_hangul_name_alone_resolves_when_unique():
    resolver = Resolver(AliasTable.load(ALIASES))
    assert resolver.person("전종서").iri.endswith("/person/jeon-jong-seo")


@pytest.mark.parametrize("row,reason", [
    ("person,Bad Id,Someone,,,,", "lower-case"),
    ("actor,someone,Someone,,,,", "kind"),
    ("person,someone,,,,,", "name is empty"),
    ("person,someone,Someone,,,nobody,", "unknown id"),
])
def test_bad_alias_rows_name_the_line(tmp_path, row, reason):
    path = tmp_path / "aliases.csv"
    path.write_text("kind,id,name,hangul,aliases,distinct_from,note\nperson,ok-one,Ok One,,,,\n" + row + "\n", "utf-8")
    with pytest.raises(AliasTableError) as error:
        AliasTable.load(path)
    assert "line 3" in str(error.value) and reason in str(error.value)


def test_name_key_ignores_only_spacing_dashes_and_case():
    assert name_key("Kim Ji-hoon") == name_key("KIM JI HOON")
    assert name_key("Kim Ji-hoon") != name_key("Kim Ji-hun")
