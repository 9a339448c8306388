"""Database-style cast pages: slash rows and three-line blocks, read only when unambiguous."""
from __future__ import annotations

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def cast(text: str) -> set[tuple[str, str | None]]:
    [doc] = read_text(text, "cast-page.txt")
    facts = extract(doc, RESOLVER)
    names = {e.iri: e.name for e in [*facts.entities, facts.title] if getattr(e, "name", None)}
    return {(names[c.person.value], names[c.character.value] if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}


HIERARCHY = {("Roh Jeong-eui", "Jung Jae-yi"), ("Lee Chae-min", "Kang Ha"), ("Kim Jae-won", "Kim Ri-an")}


def test_three_line_blocks_of_actor_character_and_role_group():
    page = ("Overview\nTitle: Hierarchy\nYear: 2024\nCast\nRoh Jeong-eui\nJung Jae-yi\nMain Role\nLee Chae-min\n"
            "Kang Ha\nMain Role\nKim Jae-won\nKim Ri-an\nMain Role\nStory\nA drama set in an elite high school.\n")
    assert cast(page) == HIERARCHY


def test_slash_rows_and_a_header_that_puts_the_character_first():
    rows = ("Overview\nTitle: Hierarchy\nCast\nRoh Jeong-eui / Jung Jae-yi / Main Role\nLee Chae-min / Kang Ha / Main Role\n"
            "Kim Jae-won / Kim Ri-an / Support Role\nStory\nA drama set in an elite high school.\n")
    assert cast(rows) == HIERARCHY
    swapped = ("Overview\nTitle: Hierarchy\nCast\nCharacter / Actor / Role\nJung Jae-yi / Roh Jeong-eui / Main Role\n"
               "Kang Ha / Lee Chae-min / Main Role\nStory\nA drama set in an elite high school.\n")
    assert cast(swapped) == HIERARCHY - {("Kim Jae-won", "Kim Ri-an")}


def test_a_lone_block_or_row_is_not_enough():
    assert cast("Overview\nTitle: Hierarchy\nCast\nRoh Jeong-eui\nJung Jae-yi\nMain Role\nStory\nA school drama.\n") == set()
    assert cast("Overview\nTitle: Hierarchy\nCast\nRoh Jeong-eui / Jung Jae-yi / Main Role\nStory\nA school drama.\n") == set()


def test_rows_whose_order_the_alias_table_contradicts_give_nothing():
    page = ("Overview\nTitle: Ballerina\nCast\nJang Ok-ju / Jeon Jong-seo / Main Role\nChoi Pro / Kim Ji-hoon / Main Role\n"
            "Story\nA revenge thriller.\n")
    assert not {pair for pair in cast(page) if pair[1] in ("Jeon Jong-seo", "Kim Ji-hoon")}
    assert not {pair for pair in cast(page) if pair[0] in ("Jang Ok-ju", "Choi Pro")}
