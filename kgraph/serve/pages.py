"""The HTML side of `kgraph serve`: home, search, the query page, entity pages (with content
negotiation), /void and /healthz. What they show is gathered by kgraph.serve.tasks in a worker
process, within the timeout; templates autoescape everything."""
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
from kgraph.queries import Param, coerce, list_queries
from kgraph.serve.endpoint import Refusal, run
from kgraph.serve.engine import QueryTimedOut
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


async def _call(request: Request, task: str, *args):
    """Run a kgraph.serve.tasks task on a worker within the timeout; one that overruns is
    stopped and answered with a 503 page."""
    try:
        return await anyio.to_thread.run_sync(request.app.state.engine.call, task, *args)
    except QueryTimedOut as error:
        raise HTTPException(503, f"{error}: the store was too slow to answer; try again later") from None


async def _cached(request: Request, key: str, task: str):
    """A whole-graph answer (counts, the title list, the graphs) once per snapshot of the store:
    it cannot change until the workers reopen a new build."""
    cache, generation = request.app.state.cache, request.app.state.engine.generation
    if key not in cache or cache[key][0] != generation:
        cache[key] = (generation, await _call(request, task))
    return cache[key][1]


# ---------------------------------------------------------------------------------- home, search
async def home(request: Request) -> Response:
    counts, titles, total = await _cached(request, "home", "home")
    return _render(request, "home.html", counts=counts, titles=titles, total=total)


async def search(request: Request) -> Response:
    text = request.query_params.get("q", "").strip()
    if not text:
        return _render(request, "search.html", q="", exact=[], close=[])
    exact, close = await _call(request, "search", text)
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
    try:
        coerce(IRI_PARAM, iri)
    except QueryError:
        raise HTTPException(404, "no such entity: the path is not part of a valid IRI") from None
    data = await _call(request, "entity", iri, fmt, request.query_params.get("path_to", "").strip())
    if data is None:
        raise HTTPException(404, "nothing in the graph has this IRI")
    here = urllib.parse.quote(request.url.path)
    links = ", ".join(f'<{here}?format={n}>; rel="alternate"; type="{m}"'
                      for n, m in ENTITY_FORMATS.items() if n != "html")
    headers = {"Vary": "Accept", "Link": links}
    if fmt != "html":
        return Response(data["body"], media_type=data["media"], headers=headers)
    if "kinds" in data:
        data["kinds"] = [_short(k) for k in data["kinds"]]
    response = _render(request, data.pop("template"), iri=iri, **data)
    response.headers.update(headers)
    return response


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
            values = {p.name: params.get(f"param_{p.name}", _initial(p)).strip() for p in named.params}
            text = named.text
    elif sparql:
        text = sparql
    if text is not None and "run" in params and error is None:
        try:
            if named is not None:
                missing = [p.name for p in named.params if not values[p.name] and p.default is None]
                if missing:
                    raise QueryError(f"fill in: {', '.join(missing)}")
                text = bind(named.text, {p.name: coerce(p, values[p.name]) if values[p.name] else p.default
                                         for p in named.params})
            rendered = await run(request, text, "json", "turtle")
            result = _table(rendered)
        except QueryError as problem:
            error, status = str(problem), 400
        except Refusal as refusal:
            error, status = refusal.message, refusal.status
    return _render(request, "query.html", status=status, queries=queries, named=named, values=values,
                   sparql=sparql if named is None else "", text=text, error=error, result=result)


def _initial(param: Param) -> str:
    """A form field's initial value: the parameter's declared default, as a user would type it."""
    return "" if param.default is None else str(param.default)


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

    counts, graphs = await _cached(request, "void", "void")
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
        ok = await _call(request, "healthy")
    except KGraphError as error:
        return JSONResponse({"status": "error", "error": str(error)}, status_code=503)
    except HTTPException as error:
        return JSONResponse({"status": "error", "error": error.detail}, status_code=error.status_code)
    return JSONResponse({"status": "ok", "store": request.app.state.settings.selector, "empty": not ok})


# ---------------------------------------------------------------------------------- errors
async def _http_error(request: Request, exc: HTTPException) -> Response:
    if "text/html" not in request.headers.get("accept", "") and request.url.path.startswith(("/id/", "/void")):
        return Response(f"{exc.detail}\n", status_code=exc.status_code, media_type="text/plain; charset=utf-8")
    return _render(request, "error.html", status=exc.status_code, status_code=exc.status_code, message=exc.detail)


async def _kgraph_error(request: Request, exc: Exception) -> Response:
    return _render(request, "error.html", status=500, status_code=500, message=str(exc))


EXCEPTION_HANDLERS = {HTTPException: _http_error, KGraphError: _kgraph_error}
