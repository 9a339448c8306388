"""The HTML side of `kgraph serve`: home, search, the query page, entity pages (with content
negotiation), /void and /healthz. Templates autoescape everything."""
from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import anyio
from jinja2 import Environment, FileSystemLoader, select_autoescape
from rdflib import Graph, Literal, URIRef
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from kgraph.errors import KGraphError, QueryError
from kgraph.queries import Param, coerce, list_queries, run_query
from kgraph.serve import facts
from kgraph.serve.endpoint import Refusal, run
from kgraph.serve.results import parse_accept
from kgraph.store.base import bind

IRI_PARAM = Param("node", "iri", "an entity's IRI")
TEMPLATES = Path(__file__).resolve().parent / "templates"
ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
PREFIXES = {"https://w3id.org/kgraph/ontology#": "kg:", "http://schema.org/": "schema:",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
            "http://www.w3.org/2004/02/skos/core#": "skos:", "http://www.w3.org/2001/XMLSchema#": "xsd:"}
ENTITY_FORMATS = {"html": "text/html", "turtle": "text/turtle", "ntriples": "application/n-triples",
                  "jsonld": "application/ld+json"}
FORMAT_NAMES = {"ttl": "turtle", "nt": "ntriples", "json-ld": "jsonld", "json": "jsonld", "turtle": "turtle",
                "ntriples": "ntriples", "jsonld": "jsonld", "html": "html"}


def _short(iri: object) -> str:
    text = str(iri)
    for long, short in PREFIXES.items():
        if text.startswith(long):
            return short + text[len(long):]
    return text


def _render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    settings = request.app.state.settings
    base = settings.base

    def href(iri: object) -> str | None:
        text = str(iri)
        if text.startswith(base + "id/"):
            return "/" + text[len(base):]
        if text.startswith(("https://", "http://")):
            return text
        return None

    template = ENV.get_template(name)
    html = template.render(request=request, href=href, short=_short, selector=settings.selector,
                           settings=settings, **context)
    return HTMLResponse(html, status_code=status)


def _store(request: Request):
    return request.app.state.store


def _cached(request: Request, key: str, compute):
    """`compute()` once per server: the store is opened read-only, so whole-graph answers
    (counts, the title list, the graphs) cannot change while it runs."""
    cache = request.app.state.cache
    if key not in cache:
        cache[key] = compute()
    return cache[key]


# ---------------------------------------------------------------------------------- home, search
async def home(request: Request) -> Response:
    def gather():
        store = _store(request)
        counts = {str(r["what"]): int(r["count"]) for r in run_query(store, "stats")}
        titles = list(run_query(store, "titles"))
        return counts, titles
    counts, titles = await anyio.to_thread.run_sync(_cached, request, "home", gather)
    seen: dict[str, dict] = {}
    for row in titles:
        seen.setdefault(str(row["title"]), row)
    return _render(request, "home.html", counts=counts, titles=list(seen.values())[:200], total=len(seen))


async def search(request: Request) -> Response:
    from kgraph.serve.search import search as find

    text = request.query_params.get("q", "").strip()
    if not text:
        return _render(request, "search.html", q="", exact=[], close=[])
    exact, close = await anyio.to_thread.run_sync(find, _store(request), text)
    base = request.app.state.settings.base
    if len(exact) == 1 and exact[0][1].startswith(base + "id/"):
        return RedirectResponse("/" + exact[0][1][len(base):], status_code=303)
    return _render(request, "search.html", q=text, exact=exact, close=close)


# ---------------------------------------------------------------------------------- entity pages
def _entity_format(request: Request) -> str:
    asked = request.query_params.get("format")
    if asked:
        if asked.lower() not in FORMAT_NAMES:
            raise HTTPException(400, f"unknown format; formats: {', '.join(ENTITY_FORMATS)}")
        return FORMAT_NAMES[asked.lower()]
    for media, q in parse_accept(request.headers.get("accept", "")):
        if q <= 0:
            continue
        for name, known in ENTITY_FORMATS.items():
            if media == known or (media == "application/json" and name == "jsonld"):
                return name
        if media in ("*/*", "text/*", "application/xhtml+xml"):
            return "html"
    return "html"


async def entity(request: Request) -> Response:
    settings = request.app.state.settings
    iri = settings.base + "id/" + request.path_params["rest"]
    fmt = _entity_format(request)
    store = _store(request)
    try:
        coerce(IRI_PARAM, iri)
    except QueryError:
        raise HTTPException(404, "no such entity: the path is not part of a valid IRI") from None
    rows, kinds = await anyio.to_thread.run_sync(facts.types, store, iri)
    if not rows:
        raise HTTPException(404, "nothing in the graph has this IRI")
    here = urllib.parse.quote(request.url.path)
    links = ", ".join(f'<{here}?format={n}>; rel="alternate"; type="{m}"'
                      for n, m in ENTITY_FORMATS.items() if n != "html")
    headers = {"Vary": "Accept", "Link": links}
    if fmt != "html":
        body, media = await anyio.to_thread.run_sync(_entity_rdf, store, iri, rows, kinds, fmt)
        return Response(body, media_type=media, headers=headers)
    if facts.KG + "Title" in kinds:
        page = await anyio.to_thread.run_sync(facts.title_page, store, iri)
        script = await anyio.to_thread.run_sync(_title_script, store, page["reviews"])
        response = _render(request, "title.html", iri=iri, page=page, jsonld_script=script)
    elif facts.KG + "Person" in kinds:
        page = await anyio.to_thread.run_sync(facts.person_page, store, iri)
        path_to = request.query_params.get("path_to", "").strip()
        path, path_error = None, None
        if path_to:
            try:
                path = await anyio.to_thread.run_sync(_path, store, iri, path_to)
            except KGraphError as error:
                path_error = str(error)
        response = _render(request, "person.html", iri=iri, page=page, path_to=path_to, path=path,
                           path_error=path_error)
    else:
        page = await anyio.to_thread.run_sync(facts.entity_page, store, iri, rows)
        label = next((str(r["value"]) for r in rows if str(r["predicate"]) in (
            "http://schema.org/name", "http://www.w3.org/2004/02/skos/core#prefLabel",
            "http://www.w3.org/2000/01/rdf-schema#label")), iri.rsplit("/", 1)[-1])
        response = _render(request, "entity.html", iri=iri, page=page, label=label,
                           kinds=sorted(_short(k) for k in kinds))
    response.headers.update(headers)
    return response


def _path(store, iri: str, other: str):
    from kgraph.api import KGraph
    return KGraph(store).path(iri, other).to_dict("records")


def _title_document(store, reviews: list[dict]) -> dict | None:
    """The `kgraph jsonld` document of the title's review, when exactly one review covers it."""
    from kgraph import jsonld
    graphs = {str(r["graph"]) for r in reviews}
    return jsonld.document(store, graphs.pop()) if len(graphs) == 1 else None


def _title_script(store, reviews: list[dict]) -> str | None:
    from kgraph import jsonld
    doc = _title_document(store, reviews)
    return jsonld.script_tag(doc) if doc else None


def _entity_rdf(store, iri: str, rows: list[dict], kinds: set[str], fmt: str) -> tuple[bytes, str]:
    if fmt == "jsonld" and facts.KG + "Title" in kinds:
        doc = _title_document(store, list(run_query(store, "page-reviews", {"title": URIRef(iri)})))
        if doc is not None:
            return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8"), "application/ld+json"
    graph = Graph()
    graph.bind("kg", "https://w3id.org/kgraph/ontology#")
    graph.bind("schema", "http://schema.org/")
    for row in rows:
        graph.add((URIRef(iri), row["predicate"], row["value"]))
    rdflib_format = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt]
    body = graph.serialize(format=rdflib_format, encoding="utf-8")
    return body, ENTITY_FORMATS[fmt] + "; charset=utf-8"


# ---------------------------------------------------------------------------------- query page
async def query_page(request: Request) -> Response:
    params = request.query_params
    queries = [q for q in list_queries() if q.kind in ("SELECT", "ASK")]
    by_name = {q.name: q for q in queries}
    name, sparql = params.get("name", ""), params.get("sparql", "")
    named, values, text, error, result, status = None, {}, None, None, None, 200
    if name:
        named = by_name.get(name)
        if named is None:
            error, status = "no named query has that name; pick one from the list", 404
        else:
            values = {p.name: params.get(f"param_{p.name}", "") for p in named.params}
            text = named.text
    elif sparql:
        text = sparql
    if text is not None and "run" in params and error is None:
        try:
            if named is not None:
                missing = [k for k, v in values.items() if not v]
                if missing:
                    raise QueryError(f"fill in: {', '.join(missing)}")
                text = bind(named.text, {p.name: coerce(p, values[p.name]) for p in named.params})
            rendered = await run(request, text, "json", "turtle")
            result = _table(rendered)
        except QueryError as problem:
            error, status = str(problem), 400
        except Refusal as refusal:
            error, status = refusal.message, refusal.status
    return _render(request, "query.html", status=status, queries=queries, named=named, values=values,
                   sparql=sparql if named is None else "", text=text, error=error, result=result)


def _table(rendered) -> dict:
    """A rendered JSON answer as variables and rows of cells for the template."""
    if not rendered.media_type.startswith("application/sparql-results+json"):
        return {"graph": rendered.body.decode("utf-8"), "rows": [], "variables": [], "truncated": rendered.truncated,
                "count": rendered.rows}
    data = json.loads(rendered.body)
    if "boolean" in data:
        return {"variables": ["answer"], "rows": [[{"type": "literal", "value": str(data["boolean"]).lower()}]],
                "truncated": False, "count": 1}
    variables = data["head"]["vars"]
    rows = [[b.get(v) for v in variables] for b in data["results"]["bindings"]]
    return {"variables": variables, "rows": rows, "truncated": rendered.truncated, "count": rendered.rows}


# ---------------------------------------------------------------------------------- void, health
async def void(request: Request) -> Response:
    settings = request.app.state.settings

    def gather():
        store = _store(request)
        return ({str(r["what"]): int(r["count"]) for r in run_query(store, "stats")}, store.graphs())
    counts, graphs = await anyio.to_thread.run_sync(_cached, request, "void", gather)
    from rdflib import BNode, Namespace
    VOID = Namespace("http://rdfs.org/ns/void#")
    SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
    KG = Namespace("https://w3id.org/kgraph/ontology#")
    DCT = Namespace("http://purl.org/dc/terms/")
    root = str(request.base_url)
    dataset = URIRef(root + "void#dataset")
    g = Graph()
    for prefix, ns in (("void", VOID), ("sd", SD), ("kg", KG), ("dcterms", DCT)):
        g.bind(prefix, ns)
    g.add((dataset, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), VOID.Dataset))
    g.add((dataset, DCT.title, Literal("kgraph: Korean films and series from blog reviews")))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(root + "sparql")))
    g.add((dataset, VOID.uriSpace, Literal(settings.base + "id/")))
    g.add((dataset, VOID.vocabulary, URIRef("https://w3id.org/kgraph/ontology")))
    g.add((dataset, VOID.vocabulary, URIRef("http://schema.org/")))
    classes = {"titles": "Title", "people": "Person", "characters": "Character", "credits": "Credit",
               "reviews": "Review", "catalogues": "Catalog", "nominations": "Nomination", "sentences": "Sentence",
               "releases": "ReleaseEvent", "claims": "Claim", "statements": "Statement"}
    for what, cls in classes.items():
        part = BNode()
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], KG[cls]))
        g.add((part, VOID.entities, Literal(counts.get(what, 0))))
    for name in graphs:
        part = BNode()
        g.add((dataset, SD.namedGraph, part))
        g.add((part, SD.name, URIRef(name)))
    fmt = _entity_format(request)
    if fmt == "html":
        fmt = "turtle"
    body = g.serialize(format={"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}[fmt], encoding="utf-8")
    return Response(body, media_type=ENTITY_FORMATS[fmt] + "; charset=utf-8")


async def healthz(request: Request) -> Response:
    try:
        ok = await anyio.to_thread.run_sync(_store(request).ask, "ASK { ?s ?p ?o }")
    except KGraphError as error:
        return JSONResponse({"status": "error", "error": str(error)}, status_code=503)
    return JSONResponse({"status": "ok", "store": request.app.state.settings.selector, "empty": not ok})


# ---------------------------------------------------------------------------------- errors
async def _http_error(request: Request, exc: HTTPException) -> Response:
    if "text/html" not in request.headers.get("accept", "") and request.url.path.startswith(("/id/", "/void")):
        return Response(f"{exc.detail}\n", status_code=exc.status_code, media_type="text/plain; charset=utf-8")
    return _render(request, "error.html", status=exc.status_code, status_code=exc.status_code, message=exc.detail)


async def _kgraph_error(request: Request, exc: Exception) -> Response:
    return _render(request, "error.html", status=500, status_code=500, message=str(exc))


EXCEPTION_HANDLERS = {HTTPException: _http_error, KGraphError: _kgraph_error}
