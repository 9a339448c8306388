"""The SPARQL 1.1 Protocol endpoint at /sparql: GET and POST (form or application/sparql-query),
default-graph-uri and named-graph-uri for the dataset, answers in the format the client asks
for, updates refused, limits reported."""
from __future__ import annotations

import urllib.parse

import anyio
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from kgraph.errors import KGraphError
from kgraph.serve.engine import QueryRefused, QueryTimedOut
from kgraph.serve.results import negotiate

READ_ONLY = "this endpoint is read-only: SPARQL Update is refused"
FORM = "application/x-www-form-urlencoded"
DRAIN = 8 << 20
DATASET = ("default-graph-uri", "named-graph-uri")


class Refusal(Exception):
    """A request the endpoint will not run, with its HTTP status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


async def sparql(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        params, graph_uris = await _parameters(request, settings.max_query_bytes)
        text = params.get("query")
        if "update" in params:
            raise Refusal(403, READ_ONLY)
        if text is None:
            if "text/html" in request.headers.get("accept", ""):
                return RedirectResponse("/query", status_code=303)
            raise Refusal(400, "missing the `query` parameter (SPARQL 1.1 Protocol)")
        if "format" not in params and _prefers_html(request.headers.get("accept", "")):
            return RedirectResponse("/query?" + urllib.parse.urlencode({"sparql": text, "run": "1"}), status_code=303)
        dataset = _dataset(graph_uris)
        try:
            results_format, graph_format = negotiate(request.headers.get("accept"), params.get("format"))
        except ValueError as error:
            raise Refusal(400, str(error)) from None
        rendered = await run(request, text, results_format, graph_format, dataset)
    except Refusal as refusal:
        return PlainTextResponse(refusal.message + "\n", status_code=refusal.status)
    headers = {"X-KGraph-Rows": str(rendered.rows), "X-KGraph-Row-Cap": str(settings.max_rows),
               "X-KGraph-Truncated": "true" if rendered.truncated else "false"}
    return Response(rendered.body, media_type=rendered.media_type, headers=headers)


async def run(request: Request, text: str, results_format: str, graph_format: str,
              dataset: tuple[list[str], list[str]] | None = None):
    """Run `text` on the app's engine (over `dataset`, the protocol's default and named graphs,
    when given; else the union of all graphs); refusals carry the HTTP status to answer with."""
    settings, engine = request.app.state.settings, request.app.state.engine
    if len(text.encode("utf-8")) > settings.max_query_bytes:
        raise Refusal(413, f"the query is longer than {settings.max_query_bytes} bytes")
    try:
        return await anyio.to_thread.run_sync(engine.run, text, results_format, graph_format, settings.max_rows,
                                              dataset)
    except QueryRefused as error:
        if await anyio.to_thread.run_sync(is_update, text):
            raise Refusal(403, READ_ONLY) from None
        raise Refusal(400, str(error)) from None
    except QueryTimedOut as error:
        raise Refusal(503, str(error)) from None
    except KGraphError as error:
        raise Refusal(502, str(error)) from None


def _prefers_html(accept: str) -> bool:
    """Whether a browser asked: text/html ranks first in the Accept header."""
    from kgraph.serve.results import parse_accept
    ranked = parse_accept(accept)
    return bool(ranked) and ranked[0][0] in ("text/html", "application/xhtml+xml")


def is_update(text: str) -> bool:
    """Whether `text` parses as SPARQL 1.1 Update (rdflib's parser)."""
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except Exception:  # noqa: BLE001 - any parse failure means "not an update"
        return False
    return True


def _dataset(graph_uris: dict[str, list[str]]) -> tuple[list[str], list[str]] | None:
    """The protocol's RDF dataset (default graphs, named graphs), None when it gives none; an
    IRI that is not one is refused."""
    from kgraph.store.base import check_iri

    if not any(graph_uris.values()):
        return None
    for name, iris in graph_uris.items():
        for iri in iris:
            try:
                check_iri(iri)
            except ValueError as error:
                raise Refusal(400, f"{name} {iri[:80]!r} is not an IRI ({error})") from None
    return graph_uris[DATASET[0]], graph_uris[DATASET[1]]


async def _parameters(request: Request, limit: int) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The protocol's parameters from the URL, a form body, or a sparql-query body; and the
    default-graph-uri and named-graph-uri values, each of which may repeat."""
    params = dict(request.query_params)
    graph_uris = {name: request.query_params.getlist(name) for name in DATASET}
    if request.method != "POST":
        return params, graph_uris
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "application/sparql-update":
        raise Refusal(403, READ_ONLY)
    body = bytearray()
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit * 3 + 1024:  # a form-encoded query may triple in size
            if seen > DRAIN:  # read (and drop) a moderately large body so the client hears the answer
                break
            continue
        body.extend(chunk)
    if seen > limit * 3 + 1024:
        raise Refusal(413, f"the request body is larger than the {limit}-byte query limit allows")
    try:
        decoded = bytes(body).decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, "the request body is not UTF-8") from None
    if media == "application/sparql-query":
        params["query"] = decoded
    elif media == FORM or not media:
        for key, values in urllib.parse.parse_qs(decoded, keep_blank_values=True).items():
            params[key] = values[0]
            if key in graph_uris:
                graph_uris[key] += values
    else:
        raise Refusal(415, f"unsupported content type {media!r}: send {FORM} or application/sparql-query")
    return params, graph_uris
