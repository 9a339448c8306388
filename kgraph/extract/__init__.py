"""Document -> ReviewFacts. Extraction never touches the store."""
from __future__ import annotations

import re

from kgraph.extract import cast_lists, cast_pages, content, events, korean_cast, korean_crew, people, related, title
from kgraph.extract.context import Context
from kgraph.extract.facts import SCHEMA, Iri, RatingEntity, ReviewEntity, ReviewFacts
from kgraph.extract.lexicon import Lexicon, load_lexicon
from kgraph.extract.overview import read_overview
from kgraph.names import slug
from kgraph.ontology import GRAPH_IRI, RESOURCE_IRI
from kgraph.resolve import Resolver
from kgraph.sources.document import Document

__all__ = ["extract", "review_key", "review_graph"]


def review_key(doc: Document) -> str:
    """The stable name of a review: from its URL when known, else from its file name."""
    if doc.key:
        return doc.key
    if doc.url:
        path = re.sub(r"^[a-z]+://[^/]+/", "", doc.url).rsplit(".", 1)[0]
        return slug(path.replace("/", "-")) or slug(doc.url)
    stem = re.split(r"[\\/]", doc.path)[-1].rsplit(".", 1)[0]
    return slug(stem)


def _rating(field, iri: str, warnings: list[str], path: str) -> RatingEntity | None:
    """'4.5/5', '9 out of 10', '★★★★☆' -> a Rating; None when the review gives none, or gives
    an impossible one (negative, above its best, out of zero), which is warned about."""
    if field is None:
        return None
    text = field.value
    match = re.search(r"(?<![\w.])([-−]?\d+(?:\.\d+)?)\s*(?:/|out of)\s*([-−]?\d+(?:\.\d+)?)", text)
    rating = None
    if match:
        rating = RatingEntity(iri=iri, value=match.group(1), best=match.group(2))
    elif text.count("★"):
        stars = text.count("★")
        rating = RatingEntity(iri=iri, value=str(stars), best=str(stars + text.count("☆")))
    else:
        number = re.fullmatch(r"\s*([-−]?\d+(?:\.\d+)?)\s*", text)
        rating = RatingEntity(iri=iri, value=number.group(1)) if number else None
    if rating is None:
        return None
    value = float(rating.value.replace("−", "-"))
    best = float(rating.best.replace("−", "-")) if rating.best else 100.0
    if value < 0 or best <= 0 or value > best or best > 100:
        warnings.append(f"{path}, line {field.sentence.line}: field {field.label!r}: rating {text!r} is out of "
                        f"range (expected 0 to the best rating, at most 100); ignored")
        return None
    return rating


def review_graph(doc: Document) -> str:
    """The IRI of the named graph that holds one review."""
    return f"{GRAPH_IRI}review/{review_key(doc)}"


def extract(doc: Document, resolver: Resolver | None = None, lexicon: Lexicon | None = None) -> ReviewFacts:
    """Every fact one review states, each with the sentences that state it."""
    ctx = Context(doc, resolver or Resolver(), lexicon or load_lexicon())
    fields, unknown = read_overview(doc)
    for label in unknown:
        ctx.warnings.append(f"{doc.path}: Overview field {label!r} is not one kgraph knows; ignored")
    title.find_title(ctx, fields)
    title.title_attributes(ctx, fields)
    cast_list = people.overview_people(ctx, fields)
    cast_pages.database_cast(ctx)  # first: its blocks' lines are also bare names under a cast heading
    pending = cast_lists.grouped_cast(ctx)
    people.prose_crew(ctx)
    people.prose_cast(ctx)
    prose = people.prose_sentences(ctx)
    korean_cast.korean_prose_cast(ctx, prose)
    korean_crew.korean_prose_crew(ctx, prose)
    cast_lists.undecided_cast(ctx, pending)
    events.nominations(ctx)
    events.listed_nominations(ctx)
    people.overview_cast(ctx, cast_list)
    people.prose_cast_lists(ctx)
    events.releases(ctx, fields)
    events.production(ctx)
    events.viewership(ctx)
    content.quotes(ctx)
    content.scenes(ctx)
    content.tracks(ctx)
    related.related_works(ctx)
    content.mentions(ctx)
    content.unnamed_characters(ctx)
    content.character_statements(ctx)
    content.themes(ctx)

    key = review_key(doc)
    rating = _rating(fields.get("rating"), f"{RESOURCE_IRI}review/{key}/rating", ctx.warnings, doc.path)
    if rating is not None:
        ctx.entities[rating.iri] = rating
    hashtags = [tag for s in doc.sentences if s.section.lower().startswith("hashtag")
                for tag in re.findall(r"#(\w+)", s.text)]
    review = ReviewEntity(
        iri=f"{RESOURCE_IRI}review/{key}", name=doc.post_title, url=Iri(doc.url) if doc.url else None,
        date_published=doc.date_published, author=doc.author, reviews=ctx.title_iri,
        source_file=doc.path, keywords=hashtags, graph=Iri(review_graph(doc)),
        rating=Iri(rating.iri) if rating is not None else None, language=doc.language,
    )
    if rating is not None:
        ctx.state(Iri(review.iri), SCHEMA.reviewRating, Iri(rating.iri), fields["rating"].sentence)
    assert ctx.title is not None
    return ReviewFacts(
        review=review, title=ctx.title,
        entities=[*ctx.people.values(), *ctx.all_characters(), *ctx.entities.values()],
        statements=list(ctx.statements.values()), claims=list(ctx.claims.values()),
        sentences=doc.sentences, warnings=ctx.warnings,
    )
