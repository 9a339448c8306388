"""Structure readers (issue 9): Markdown parsed with markdown-it-py, HTML tables and definition
lists, grouped cast lists. Fixtures are in our own words and state only true facts about the
titles they name (Ballerina, 2023: Netflix, directed and written by Lee Chung-hyun, 93 minutes,
Jeon Jong-seo as Ok-ju, Kim Ji-hoon as Choi Pro, Park Yu-rim as Min-hee; Hometown Cha-Cha-Cha,
2021: tvN, 16 episodes, Shin Min-a as Yoon Hye-jin, Kim Seon-ho as Hong Du-sik, Lee Sang-yi as
Ji Seong-hyun, Kim Young-ok as Kim Gam-ri)."""
from __future__ import annotations

from kgraph.extract import extract
from kgraph.resolve import AliasTable, Resolver
from kgraph.sources import read_text
from kgraph.sources.tables import tables

from conftest import ALIASES

RESOLVER = Resolver(AliasTable.load(ALIASES))


def read(text: str, path: str, fmt: str):
    [doc] = read_text(text, path, fmt)
    return doc, extract(doc, RESOLVER)


def cast(facts) -> set[tuple[str, str | None]]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {(names[c.person.value], names[c.character.value] if c.character else None)
            for c in facts.claims if type(c).__name__ == "CastCredit"}


def crew(facts) -> set[str]:
    names = {e.iri: e.name for e in facts.entities if hasattr(e, "name")}
    return {names[c.person.value] for c in facts.claims if type(c).__name__ == "CrewCredit"}


def attrs(facts) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in facts.statements:
        out.setdefault(str(s.predicate).rsplit("#", 1)[-1], set()).add(str(getattr(s.value, "value", s.value)))
    return out


# ------------------------------------------------------------------ Markdown

BALLERINA_MD = """---
title: "Ballerina: a quick look"
date: 2023-10-12
---
# Ballerina (발레리나, 2023)

## At a glance

| Field | Value |
|:------|------:|
| **Director** | [Lee Chung-hyun](https://example.org/lee) |
| Year | 2023 |
| Runtime | 93 min |
| Where to watch | *Netflix* |

### Cast

| Actor | Character |
|---|---|
| **Jeon Jong-seo** | Ok-ju |
| Kim Ji-hoon | Choi Pro |
| Park Yu-rim | Min-hee |

## Thoughts

Ok-ju is a former bodyguard, and the film follows her as she hunts the man she blames
for her friend's death. It is *short*: **93 minutes** &amp; not one of them wasted.
"""


def test_markdown_headings_keep_their_level():
    doc, _ = read(BALLERINA_MD, "glance.md", "markdown")
    assert [(s.heading, s.level) for s in doc.sections] == [
        ("Ballerina (발레리나, 2023)", 1), ("At a glance", 2), ("Cast", 3), ("Thoughts", 2)]


def test_markdown_sentences_point_into_the_file_as_written():
    doc, _ = read(BALLERINA_MD, "glance.md", "markdown")
    assert doc.text == BALLERINA_MD
    [wrapped, short] = doc.section("Thoughts").sentences
    # a paragraph wrapped over two lines is one sentence, its span crossing the line break
    assert wrapped.text.startswith("Ok-ju is a former bodyguard") and wrapped.text.endswith("friend's death.")
    assert BALLERINA_MD[wrapped.start:wrapped.end] == wrapped.text.replace("blames for", "blames\nfor")
    # markup and entities are gone from the text, kept in the span
    assert short.text == "It is short: 93 minutes & not one of them wasted."
    assert BALLERINA_MD[short.start:short.end] == "It is *short*: **93 minutes** &amp; not one of them wasted."
    # line numbers count the front matter
    assert BALLERINA_MD.splitlines()[short.line - 1].startswith("for her friend's death.")


def test_markdown_pipe_tables_are_rows_with_their_header():
    doc, facts = read(BALLERINA_MD, "glance.md", "markdown")
    [table] = tables(doc.section("Cast"))
    assert table.header == ["actor", "character"]
    assert [row for row, _ in table.rows] == [["Jeon Jong-seo", "Ok-ju"], ["Kim Ji-hoon", "Choi Pro"],
                                               ["Park Yu-rim", "Min-hee"]]
    first_row = table.rows[0][1].sentences[0]
    assert BALLERINA_MD[first_row.start:first_row.end] == "| **Jeon Jong-seo** | Ok-ju |"  # the row as written
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro"), ("Park Yu-rim", "Min-hee")}
    assert crew(facts) == {"Lee Chung-hyun"}
    assert attrs(facts)["year"] == {"2023"} and attrs(facts)["runtimeMinutes"] == {"93"}
    assert facts.title.name == "Ballerina" and attrs(facts)["nameKo"] == {"발레리나"}


def test_markdown_bullet_lists_are_items_and_fields():
    text = """# Hometown Cha-Cha-Cha

## Overview

- **Title:** Hometown Cha-Cha-Cha (갯마을 차차차)
- **Year:** 2021
- **Network:** tvN
- **Episodes:** 16

## Story

A dentist from Seoul opens a clinic in the seaside village of Gongjin.
"""
    doc, facts = read(text, "hometown.md", "markdown")
    items = doc.section("Overview").lines
    assert [line.kind for line in items] == ["item"] * 4
    assert items[0].text == "Title: Hometown Cha-Cha-Cha (갯마을 차차차)"  # no list marker, no bold marks
    assert text[items[1].start:items[1].end] == "Year:** 2021"
    assert attrs(facts)["episodeCount"] == {"16"} and attrs(facts)["year"] == {"2021"}
    assert facts.title.name == "Hometown Cha-Cha-Cha"


def test_markdown_fact_box_lines_in_one_paragraph_stay_apart():
    text = "# Ballerina\n\nDirector: Lee Chung-hyun\nYear: 2023\nRuntime: 93 minutes\n\nA revenge film.\n"
    doc, facts = read(text, "box.md", "markdown")
    assert [line.text for line in doc.sections[0].lines][:3] == [
        "Director: Lee Chung-hyun", "Year: 2023", "Runtime: 93 minutes"]
    assert crew(facts) == {"Lee Chung-hyun"} and attrs(facts)["runtimeMinutes"] == {"93"}


def test_markdown_code_blocks_are_not_prose():
    text = "# Ballerina\n\nJeon Jong-seo plays Ok-ju.\n\n```\nKim Ji-hoon plays Denver.\n```\n"
    _, facts = read(text, "code.md", "markdown")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju")}


# ------------------------------------------------------------------ HTML tables and definition lists

BALLERINA_HTML = """<!doctype html><html><head><title>Ballerina, reviewed</title></head><body><article>
<h1>Ballerina</h1>
<table class="infobox">
  <tr><th colspan="2">Ballerina</th></tr>
  <tr><th>Directed by</th><td>Lee Chung-hyun</td></tr>
  <tr><th>Running time</th><td>93 minutes</td></tr>
  <tr><th>Release</th><td>2023</td></tr>
</table>
<h2>Cast</h2>
<table>
  <thead><tr><th>Actor</th><th>Character</th></tr></thead>
  <tbody>
    <tr><td><a href="/people/jeon">Jeon Jong-seo</a></td><td>Ok-ju</td></tr>
    <tr><td>Kim Ji-hoon</td><td>Choi Pro</td></tr>
  </tbody>
</table>
<h2>Details</h2>
<dl><dt>Where to watch</dt><dd>Netflix</dd><dt>Writer</dt><dd>Lee Chung-hyun</dd></dl>
<p>A former bodyguard hunts the man behind her friend's death.</p>
</article></body></html>"""


def test_html_tables_are_the_rows_pipe_tables_give():
    doc, _ = read(BALLERINA_HTML, "ballerina.html", "html")
    [cast_table] = tables(doc.section("Cast"))
    assert cast_table.header == ["actor", "character"]
    assert [row for row, _ in cast_table.rows] == [["Jeon Jong-seo", "Ok-ju"], ["Kim Ji-hoon", "Choi Pro"]]
    [infobox] = tables(doc.sections[0])
    assert infobox.header is None and ["Directed by", "Lee Chung-hyun"] in [row for row, _ in infobox.rows]


def test_html_infobox_cast_table_and_definition_list_give_facts():
    _, facts = read(BALLERINA_HTML, "ballerina.html", "html")
    assert facts.title.name == "Ballerina"
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}
    assert crew(facts) == {"Lee Chung-hyun"}
    jobs = {e.label for e in facts.entities if type(e).__name__ == "ConceptEntity"} | {
        c.job.value.rsplit("#", 1)[-1] for c in facts.claims if type(c).__name__ == "CrewCredit"}
    assert {"director", "writer"} <= {j.lower() for j in jobs}
    assert attrs(facts)["runtimeMinutes"] == {"93"} and attrs(facts)["year"] == {"2023"}
    platforms = {e.name for e in facts.entities if type(e).__name__ == "PlatformEntity"}
    assert platforms == {"Netflix"}


def test_a_definition_list_term_with_two_values():
    html = ("<html><body><article><h1>Hometown Cha-Cha-Cha</h1><dl><dt>Network:</dt><dd>tvN</dd>"
            "<dt>Starring</dt><dd>Shin Min-a</dd><dd>Kim Seon-ho</dd></dl></article></body></html>")
    doc, facts = read(html, "hometown.html", "html")
    assert "Starring: Shin Min-a, Kim Seon-ho" in doc.text and "Network: tvN" in doc.text
    assert {p for p, _ in cast(facts)} == {"Shin Min-a", "Kim Seon-ho"}


def test_a_table_without_actor_and_character_header_gives_no_cast():
    html = ("<html><body><article><h1>Ballerina</h1><table><tr><th>Episode</th><th>Date</th></tr>"
            "<tr><td>Kim Ji-hoon</td><td>Choi Pro</td></tr></table></article></body></html>")
    _, facts = read(html, "other.html", "html")
    assert cast(facts) == set()


# ------------------------------------------------------------------ grouped cast lists

def text_page(body: str, title: str = "Ballerina") -> str:
    return f"{title} review\nTitle: {title}\nYear: 2023\n{body}"


def test_character_then_actor_decided_by_name_shape():
    _, facts = read(text_page("Main Role\nOk-ju (Jeon Jong-seo)\nChoi Pro (Kim Ji-hoon)\n"
                              "Support Role\nMin-hee (Park Yu-rim)\n"), "mdl.txt", "text")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro"), ("Park Yu-rim", "Min-hee")}


def test_actor_then_character_decided_by_people_the_alias_table_knows():
    # both sides are Korean full names: only knowing who the actors are decides the order
    _, facts = read(text_page("Main Cast:\nJeon Jong-seo (Jang Ok-ju)\nPark Yu-rim (Choi Min-hee)\n"),
                    "fan.txt", "text")
    assert cast(facts) == {("Jeon Jong-seo", "Jang Ok-ju"), ("Park Yu-rim", "Choi Min-hee")}


def test_an_undecidable_list_yields_nothing_rather_than_a_guess():
    # nobody here is known to the alias table and every name is a Korean full name
    page = text_page("Main Role\nYoon Hye-jin (Shin Min-a)\nHong Du-sik (Kim Seon-ho)\n", "Hometown Cha-Cha-Cha")
    _, facts = read(page, "undecided.txt", "text")
    assert cast(facts) == set()


def test_an_undecided_list_is_read_once_the_prose_names_an_actor():
    page = text_page("Main Role\nYoon Hye-jin (Shin Min-a)\nHong Du-sik (Kim Seon-ho)\nStory\n"
                     "Shin Min-a plays Hye-jin, a dentist who opens a clinic in Gongjin.\n", "Hometown Cha-Cha-Cha")
    _, facts = read(page, "later.txt", "text")
    assert {("Shin Min-a", "Yoon Hye-jin"), ("Kim Seon-ho", "Hong Du-sik")} <= cast(facts)
    assert not any(person in ("Yoon Hye-jin", "Hong Du-sik") for person, _ in cast(facts))


def test_a_list_that_contradicts_itself_yields_nothing():
    page = text_page("Main Role\nOk-ju (Jeon Jong-seo)\nKim Ji-hoon (Choi Pro)\n")
    _, facts = read(page, "mixed.txt", "text")
    assert cast(facts) == set()


def test_dash_lists_in_either_order():
    first = text_page("Cast:\nOk-ju – Jeon Jong-seo\nChoi Pro – Kim Ji-hoon\n")
    assert cast(read(first, "dash1.txt", "text")[1]) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}
    second = text_page("Main Cast\nKim Seon-ho – Hong Du-sik\nKim Young-ok – Gam-ri\n", "Hometown Cha-Cha-Cha")
    assert cast(read(second, "dash2.txt", "text")[1]) == {("Kim Seon-ho", "Hong Du-sik"), ("Kim Young-ok", "Gam-ri")}


def test_actor_as_character_under_a_korean_label_with_roles_before_names():
    page = text_page("출연\nJeon Jong-seo as Ok-ju, a former bodyguard\nKim Ji-hoon as the villain Choi Pro\n")
    _, facts = read(page, "ko.txt", "text")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}
    descriptions = {e.name: e.descriptions for e in facts.entities if type(e).__name__ == "CharacterEntity"}
    assert descriptions["Choi Pro"] == ["villain"]


def test_grouped_lists_in_markdown_and_html():
    markdown = ("# Ballerina\n\n**Main Cast:**\n\n- Ok-ju (Jeon Jong-seo)\n- Choi Pro (Kim Ji-hoon)\n\n"
                "## Story\n\nA revenge film on Netflix.\n")
    assert cast(read(markdown, "cast.md", "markdown")[1]) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}
    html = ("<html><body><article><h1>Ballerina</h1><h3>Main Role</h3><ul><li>Ok-ju (Jeon Jong-seo)</li>"
            "<li>Choi Pro (Kim Ji-hoon)</li></ul><h3>Support Role</h3><ul><li>Min-hee (Park Yu-rim)</li></ul>"
            "<p>A revenge film.</p></article></body></html>")
    assert cast(read(html, "cast.html", "html")[1]) == {
        ("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro"), ("Park Yu-rim", "Min-hee")}


def test_a_list_under_another_heading_is_not_a_cast_list():
    page = text_page("Favourite scenes\nOk-ju (Jeon Jong-seo) at the pool\nThe club (Gangnam)\n")
    _, facts = read(page, "scenes.txt", "text")
    assert ("Gangnam", "The club") not in cast(facts) and ("The club", "Gangnam") not in cast(facts)


def test_an_html_table_inside_markdown_is_read_as_html_tables_are():
    text = ("# Ballerina\n\n<table>\n<tr><th>Actor</th><th>Character</th></tr>\n"
            "<tr><td>Jeon Jong-seo</td><td>Ok-ju</td></tr>\n</table>\n\nA revenge film.\n")
    doc, facts = read(text, "mixed.md", "markdown")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju")}
    row = next(s for s in doc.sentences if "Jeon Jong-seo" in s.text)
    assert text.index("<table>") <= row.start < row.end <= text.index("</table>") + len("</table>")


def test_short_lines_under_a_cast_heading_are_list_lines_until_the_prose_starts():
    page = text_page("Main Role\nOk-ju – Jeon Jong-seo\nChoi Pro – Kim Ji-hoon\n"
                     "Both leads are excellent, and the fights are staged with real care.\n"
                     "The Pool Fight\nOk-ju fights her way out of a flooded room.\n")
    doc, facts = read(page, "sections.txt", "text")
    assert [s.heading for s in doc.sections][-2:] == ["Main Role", "The Pool Fight"]
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}


def test_a_crew_line_in_a_cast_list_is_no_character():
    page = text_page("Cast & Crew\nOk-ju – Jeon Jong-seo, a former bodyguard\nDirector – Lee Chung-hyun\n"
                     "Choi Pro – Kim Ji-hoon\n")
    _, facts = read(page, "crew.txt", "text")
    assert cast(facts) == {("Jeon Jong-seo", "Ok-ju"), ("Kim Ji-hoon", "Choi Pro")}  # the crew line casts no one
