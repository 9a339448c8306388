"""A seeded generator of full, realistic-looking reviews, each with the gold facts it was
rendered from, for the end-to-end build benchmark (benchmarks/build.py).

EVERYTHING HERE IS SYNTHETIC. Titles follow an obviously generated pattern ("Synthvale
Story 0417: Glass Harbour"); people's names have the shapes of Korean names (family name,
hyphenated or unhyphenated given name, Hangul) and are drawn at random from syllables, so a
name may happen to be a real person's: no generated fact is about anyone real. Ceremonies
are invented ("Synthvale Film Awards"); platforms are the real services kgraph knows, only
because the extractor recognises platforms from the ontology.

The catalogue has a realistic shape: people drawn with Zipf-like popularity (most in one to
three titles, a few in dozens), homonyms (two people, one name and one Hangul; the
build merges them, as it must without an alias table), films and series, casts of 3 to 12 with a director,
a writer and a composer, nominations, memorable lines and platforms. Each review is
rendered in one of the layouts kgraph reads: the blog's page text (page chrome, Overview
block, sections, comments), Markdown with front matter, or a post of a Blogger Atom export.
Only phrasings the current extractor supports are rendered, so extraction F1 against the
gold is 1.0: a regression guard, not a measure of open-ended prose.

    python benchmarks/realistic.py 100 /tmp/reviews     # writes reviews and gold.jsonl
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

FAMILY = [("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"),
          ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임"), ("Han", "한"), ("Oh", "오"),
          ("Seo", "서"), ("Shin", "신"), ("Kwon", "권"), ("Hwang", "황"), ("Ahn", "안"), ("Song", "송"),
          ("Yoo", "유"), ("Hong", "홍"), ("Moon", "문"), ("Baek", "백"), ("Nam", "남"), ("Bae", "배")]
SYLLABLES = [("seo", "서"), ("jin", "진"), ("min", "민"), ("ji", "지"), ("hoon", "훈"), ("woo", "우"),
             ("yeon", "연"), ("hee", "희"), ("soo", "수"), ("hyun", "현"), ("jun", "준"), ("eun", "은"),
             ("ha", "하"), ("young", "영"), ("sung", "성"), ("ho", "호"), ("kyung", "경"), ("na", "나"),
             ("rim", "림"), ("bin", "빈"), ("yun", "윤"), ("chan", "찬"), ("won", "원"), ("mi", "미"),
             ("joo", "주"), ("hye", "혜"), ("gyu", "규"), ("dong", "동"), ("sol", "솔"), ("ra", "라")]
ADJECTIVES = ["Glass", "Quiet", "Paper", "Silver", "Midnight", "Borrowed", "Second", "Hidden", "Winter",
              "Crooked", "Last", "Velvet", "Burning", "Folded", "Salt", "Lantern"]
NOUNS = ["Harbour", "Orchard", "Ledger", "Alley", "Signal", "Garden", "Station", "Promise", "Tide",
         "Rooftop", "Archive", "Kitchen", "Bridge", "Lighthouse", "Letter", "Courtroom"]
TITLE_HANGUL = ["유리", "고요", "종이", "은빛", "자정", "두번째", "겨울", "항구", "과수원", "골목", "신호", "정원"]
FILM_GENRES = ["Action", "Thriller", "Drama", "Crime", "Mystery", "Horror", "Comedy"]
SERIES_GENRES = ["Romance", "Drama", "Comedy", "Fantasy", "Thriller", "Mystery", "Melodrama"]
PLATFORMS = ["Netflix", "Disney+", "TVING", "Wavve", "Coupang Play", "Viki"]
CEREMONIES = ["Synthvale Film Awards", "Synthvale Drama Awards", "Lantern Coast Critics Association"]
ACTING = ["Best Actor", "Best Actress", "Best Supporting Actor", "Best Supporting Actress", "Best New Actor"]
CREW_CATEGORIES = {"director": "Best Director", "writer": "Best Screenplay"}
LAYOUTS = ("blog", "markdown", "blogger")
BLOGGER_POSTS = 25  # posts per Blogger export file

FILLER = [
    "The pacing is patient at first and then it never lets go.",
    "Every scene seems to breathe a little slower than you expect, and that is the point.",
    "The colour palette leans cold, with warm light saved for the quiet moments.",
    "I watched it in one sitting and thought about it for days afterwards.",
    "There is a tenderness under the genre beats that keeps the story human.",
    "The score stays in the background until the one moment it matters most.",
    "Some threads are left loose, but the ending earns its silence.",
    "It is the kind of story that rewards a second viewing.",
]
CHROME_TOP = [
    "Search This Blog",
    "Welcome to my blog, where we explore Korean films and dramas on OTT, one long review at a time. "
    "Grab a cup of tea and stay a while!",
    "Featured",
]
CHROME_BOTTOM = ["- Get link", "- X", "- Other Apps", "Popular Posts",
                 "A gentle drama about a small bakery and the people who keep coming back.",
                 "- Get link", "- X", "- Other Apps", "Comments", "Post a Comment"]


@dataclass
class Person:
    id: str
    name: str
    hangul: str


@dataclass
class TitleSpec:
    """One synthetic title and everything its review states about it."""

    index: int
    name: str
    hangul: str
    year: int
    kind: str  # film | series
    length: int  # runtime minutes (film) or episodes (series)
    genres: list[str]
    platforms: list[str]
    crew: dict[str, Person]  # job -> person
    cast: list[tuple[Person, str]]  # (actor, character)
    nominations: list[tuple[str, str, Person, str]] = field(default_factory=list)  # ceremony, category, nominee, won|nominated
    quotes: list[tuple[str, str]] = field(default_factory=list)  # (text, character)
    layout: str = "blog"
    scenes: list[str] = field(default_factory=list)  # names of highlight scenes
    shown_hangul: set[str] = field(default_factory=set)  # people whose Hangul the Overview gives


def _given(rng: random.Random) -> tuple[str, str]:
    (a, ha), (b, hb) = rng.sample(SYLLABLES, 2)
    return f"{a.capitalize()}-{b}", ha + hb


def people(count: int, rng: random.Random) -> list[Person]:
    """`count` people with Korean name shapes; about 1 in 12 given names unhyphenated, and a
    few deliberate homonyms (same name and Hangul, two people)."""
    out: list[Person] = []
    for i in range(count):
        family, hfamily = rng.choice(FAMILY)
        given, hgiven = _given(rng)
        if rng.random() < 1 / 12:
            given = given.replace("-", "").capitalize()  # "Seojin"
        out.append(Person(f"p{i}", f"{family} {given}", hfamily + hgiven))
    for i in range(0, count - 1, 97):  # homonyms: one name, two people
        out[i + 1] = Person(out[i + 1].id, out[i].name, out[i].hangul)
    return out


def _character(rng: random.Random, taken: set[str]) -> str:
    while True:
        given, _ = _given(rng)
        name = given if rng.random() < 0.5 else f"{rng.choice(FAMILY)[0]} {given}"
        if name not in taken:
            taken.add(name)
            return name


def catalogue(n: int, seed: int = 12) -> list[TitleSpec]:
    """`n` titles with casts drawn from one pool of people (deterministic for n and seed)."""
    rng = random.Random(seed)
    pool = people(max(50, int(n * 11 / 2.6)), rng)
    cumulative = list(itertools.accumulate(1.0 / (i + 30) ** 1.1 for i in range(len(pool))))
    specs = []
    for index in range(n):
        kind = "series" if rng.random() < 0.45 else "film"
        size = rng.randint(3, 12)
        chosen: dict[str, Person] = {}
        while len(chosen) < size + 3:  # one name per title: homonyms never meet in one review
            person = rng.choices(pool, cum_weights=cumulative)[0]
            if person.name not in chosen and all(p.id != person.id for p in chosen.values()):
                chosen[person.name] = person
        members = list(chosen.values())
        crew = {"director": members[0], "writer": members[1], "composer": members[2]}
        taken = {p.name for p in members} | {p.name.split(" ", 1)[1] for p in members}
        cast = [(p, _character(rng, taken)) for p in members[3:]]
        adjective, noun = rng.choice(ADJECTIVES), rng.choice(NOUNS)
        spec = TitleSpec(
            index=index, name=f"Synthvale Story {index:05d}: {adjective} {noun}",
            hangul=f"신스베일 {rng.choice(TITLE_HANGUL)} {index}", year=rng.randint(2005, 2025), kind=kind,
            length=rng.randint(85, 140) if kind == "film" else rng.choice([8, 10, 12, 16, 20]),
            genres=rng.sample(FILM_GENRES if kind == "film" else SERIES_GENRES, 2),
            platforms=rng.sample(PLATFORMS, rng.choice([1, 1, 2])), crew=crew, cast=cast,
            layout=rng.choices(LAYOUTS, [0.6, 0.2, 0.2])[0])
        ceremony = rng.choice(CEREMONIES)
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            if rng.random() < 0.3:
                job = rng.choice(list(CREW_CATEGORIES))
                nomination = (ceremony, CREW_CATEGORIES[job], crew[job])
            else:
                nomination = (ceremony, rng.choice(ACTING), rng.choice(cast)[0])
            if all(nomination[1] != n[1] for n in spec.nominations):
                spec.nominations.append((*nomination, rng.choice(["won", "nominated"])))
        speakers = rng.sample(cast, min(len(cast), rng.randint(1, 3)))
        for (_, character), line in zip(speakers, rng.sample(LINES, len(speakers))):
            spec.quotes.append((line.format(n=index % 97 + 2), character))
        spec.scenes = [f"The {a} {b}" for a, b in zip(rng.sample(SCENE_WORDS, 3), rng.sample(SCENE_PLACES, 3))]
        spec.shown_hangul = {p.id for p in [crew["director"], *members[3:7]] if rng.random() < 0.35}
        specs.append(spec)
    return specs


SCENE_WORDS = ["Rain-Soaked", "Silent", "First", "Long", "Broken", "Midnight", "Final", "Unsent"]
SCENE_PLACES = ["Rooftop Talk", "Phone Call", "Bus Stop", "Market Chase", "Dinner", "Goodbye", "Confession"]
CAST_PHRASINGS = ["{person} plays {character}.", "{person}, as {character}, is quietly magnetic.",
                  "{character} ({person}) walks into the story without a word."]
LINES = ["I kept every letter, even the ones I never sent.", "Count to {n} and then open the door.",
         "We were never lost. We were just early.", "If the tide comes back, so will I.",
         "Nobody remembers the second bridge.", "Don't lie to me in the kitchen of all places.",
         "Some promises are heavier than the people who make them."]


# ---------------------------------------------------------------- rendering


def _post_title(spec: TitleSpec) -> str:
    return f"{spec.name}—a {spec.genres[0].lower()} {'film' if spec.kind == 'film' else 'drama'} worth your evening"


def _named(spec: TitleSpec, person: Person) -> str:
    return f"{person.name} ({person.hangul})" if person.id in spec.shown_hangul else person.name


def _overview(spec: TitleSpec) -> list[str]:
    cast_names = ", ".join(_named(spec, p) for p, _ in spec.cast[:4])
    lines = [f"Title: {spec.name} ({spec.hangul})", f"Year: {spec.year}", f"Genre: {', '.join(spec.genres)}",
             f"Main Cast: {cast_names}"]
    lines.append(f"Runtime: {spec.length} minutes" if spec.kind == "film" else f"Episodes: {spec.length}")
    lines += [f"Streaming Platform: {', '.join(spec.platforms)}", f"Director: {_named(spec, spec.crew['director'])}",
              f"Writer: {spec.crew['writer'].name}"]
    return lines


def _sections(spec: TitleSpec, rng: random.Random) -> list[tuple[str, list[str]]]:
    """(heading, paragraphs) in the blog's order; Overview lines are rendered by each layout."""
    noun = "film" if spec.kind == "film" else "drama"
    intro = (f"I pressed play on a quiet evening and stayed up far too late. {spec.name} is a {spec.year} "
             f"{noun}, and it streams on {spec.platforms[0]}. {rng.choice(FILLER)}")
    story = [" ".join(rng.sample(FILLER, 3)) for _ in range(rng.randint(2, 4))]
    facts = []
    for person, character in spec.cast:
        facts.append(rng.choices(CAST_PHRASINGS, [6, 2, 2])[0].format(person=person.name, character=character)
                     + " " + rng.choice(FILLER))
    composer = spec.crew["composer"].name
    facts.append(rng.choice(["The score by {0} carries the quiet scenes.", "Music by {0} fills the long silences.",
                             "{0}'s score stays out of the way until it matters."]).format(composer))
    reception = [rng.choice(FILLER)]
    for ceremony, category, nominee, result in spec.nominations:
        verb = "won" if result == "won" else "was nominated for"
        reception.append(f"{nominee.name} {verb} {category} at the {spec.year + 1} {ceremony}.")
    scenes = [f"{name}: {' '.join(rng.sample(FILLER, 2))}" for name in spec.scenes]
    lines = [f"“{text}” – {character}, in a line that stays with you" for text, character in spec.quotes]
    closing = [f"Cue it up on {spec.platforms[0]}, let the lights go low, and let this story move you."]
    tags = f"#KoreanDrama #Synthvale #{''.join(w for w in spec.name.split()[-2:])}"
    return [("Introduction", [intro]), ("Overall Story", story), ("Highlight Scenes / Unforgettable Moments", scenes),
            ("Cast & Fun Facts", facts),
            ("Popularity & Reception", reception), ("Memorable Lines", lines),
            ("Conclusion / Warm Reminders", closing), ("Hashtags", [tags])]


def render_blog(spec: TitleSpec, rng: random.Random) -> str:
    """The blog's page text as scraped: chrome, post title twice, sections, Overview block."""
    title = _post_title(spec)
    out = [*CHROME_TOP, title, title]
    for heading, paragraphs in _sections(spec, rng):
        out += [heading, *paragraphs]
        if heading == "Introduction":
            out += ["Overview", *_overview(spec)]
    return "\n".join([*out, *CHROME_BOTTOM]) + "\n"


def render_markdown(spec: TitleSpec, rng: random.Random) -> str:
    """Markdown with front matter, bulleted Overview and ## headings."""
    title = _post_title(spec)
    out = ["---", f'title: "{title}"', f"date: {spec.year + 1}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
           f"url: https://synthvale.example/reviews/{spec.index:05d}.html", "---", "", f"# {title}", ""]
    for heading, paragraphs in _sections(spec, rng):
        out += [f"## {heading}", ""]
        out += [p for para in paragraphs for p in (para, "")]
        if heading == "Introduction":
            out += ["## Overview", ""]
            out += [f"- **{line.split(': ', 1)[0]}:** {line.split(': ', 1)[1]}" for line in _overview(spec)] + [""]
    return "\n".join(out)


def render_post_html(spec: TitleSpec, rng: random.Random) -> str:
    """A post's HTML body as Blogger stores it."""
    out = []
    for heading, paragraphs in _sections(spec, rng):
        out.append(f"<h3>{escape(heading)}</h3>" + "".join(f"<p>{escape(p)}</p>" for p in paragraphs))
        if heading == "Introduction":
            out.append("<h3>Overview</h3><ul>" + "".join(f"<li>{escape(l)}</li>" for l in _overview(spec)) + "</ul>")
    return "".join(out)


def post_url(spec: TitleSpec) -> str:
    return f"https://synthvale.example/{spec.year + 1}/posts/{spec.index:05d}.html"


def render_blogger(specs: list[TitleSpec], rng: random.Random) -> str:
    """A Blogger Atom export holding one post per title (and a settings entry, as real ones do)."""
    out = ["<?xml version='1.0' encoding='UTF-8'?>", '<feed xmlns="http://www.w3.org/2005/Atom">',
           "<id>tag:blogger.com,1999:blog-42.archive</id>", '<title type="text">Synthvale Screen Notes</title>',
           "<entry><id>tag:blogger.com,1999:blog-42.settings.BLOG_NAME</id>"
           '<category scheme="http://schemas.google.com/g/2005#kind" '
           'term="http://schemas.google.com/blogger/2008/kind#settings"/>'
           '<title type="text">Blog name</title><content type="text">Synthvale Screen Notes</content></entry>']
    for spec in specs:
        title = escape(_post_title(spec))
        out.append(
            f"<entry><id>tag:blogger.com,1999:blog-42.post-{spec.index}</id>"
            f"<published>{spec.year + 1}-03-14T09:00:00.000+09:00</published>"
            '<category scheme="http://schemas.google.com/g/2005#kind" '
            'term="http://schemas.google.com/blogger/2008/kind#post"/>'
            f'<title type="text">{title}</title>'
            f'<content type="html">{escape(render_post_html(spec, rng))}</content>'
            f'<link rel="alternate" type="text/html" href="{post_url(spec)}" title="{title}"/>'
            "<author><name>Synthvale Screen Notes</name></author></entry>")
    return "\n".join([*out, "</feed>"]) + "\n"


# ---------------------------------------------------------------- gold and files


def gold(spec: TitleSpec, file: str) -> dict:
    """The facts a review was rendered from, in names (the extractor mints its own IRIs)."""
    crew = [[p.name, job] for job, p in spec.crew.items()]
    return {
        "file": file, "url": post_url(spec) if spec.layout == "blogger" else
        (f"https://synthvale.example/reviews/{spec.index:05d}.html" if spec.layout == "markdown" else None),
        "title": spec.name, "title_hangul": spec.hangul, "year": spec.year, "kind": spec.kind,
        "cast": [[p.name, c] for p, c in spec.cast], "crew": crew, "platforms": spec.platforms,
        "nominations": [[c, cat, p.name, r] for c, cat, p, r in spec.nominations],
        "quotes": [list(q) for q in spec.quotes], "scenes": spec.scenes,
        "hangul": {p.name: p.hangul for p in [spec.crew["director"], *(a for a, _ in spec.cast)]
                   if p.id in spec.shown_hangul},
        "people": {p.name: p.id for p in [*spec.crew.values(), *(a for a, _ in spec.cast)]},
    }


def file_name(spec: TitleSpec) -> str:
    if spec.layout == "blogger":
        return f"blogger-{spec.index // BLOGGER_POSTS:04d}.xml"
    return f"review-{spec.index:05d}." + ("md" if spec.layout == "markdown" else "txt")


def render(spec: TitleSpec, seed: int = 12) -> str:
    """One review's text in its layout (Blogger posts are rendered by `write_corpus`)."""
    rng = random.Random(f"{seed}-{spec.index}")
    return render_markdown(spec, rng) if spec.layout == "markdown" else render_blog(spec, rng)


def write_corpus(specs: list[TitleSpec], folder: Path, seed: int = 12, gold_path: Path | None = None) -> list[dict]:
    """Write every review under `folder` and the gold records to `gold_path` (default: FOLDER.gold.jsonl
    beside the folder, outside what a build reads); returns the gold records."""
    folder.mkdir(parents=True, exist_ok=True)
    records = []
    exports: dict[str, list[TitleSpec]] = {}
    for spec in specs:
        name = file_name(spec)
        if spec.layout == "blogger":
            exports.setdefault(name, []).append(spec)
        else:
            (folder / name).write_text(render(spec, seed), encoding="utf-8")
        records.append(gold(spec, name))
    for name, posts in exports.items():
        rng = random.Random(f"{seed}-{name}")
        (folder / name).write_text(render_blogger(posts, rng), encoding="utf-8")
    with (gold_path or folder.parent / f"{folder.name}.gold.jsonl").open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return records


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reviews", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    print(len(write_corpus(catalogue(args.reviews, args.seed), args.out, args.seed)), "reviews written to", args.out)
