"""Bulk reads from a SPARQL server: whole in one request where nothing cuts results, paged
where the server caps them, and refused when Virtuoso says its time limit cut the answer.
A proxy in front of each real server counts the requests a read costs."""
from __future__ import annotations

import pytest
from rdflib import Literal, URIRef

from kgraph.errors import ResultTruncated
from kgraph.store import open_store
from kgraph.store.sparql import PAGE, SparqlStore

from wikidata_servers import Proxy

GRAPH = "https://example.org/graph/bulk-read"
P = URIRef("https://example.org/p")
ROWS = 10_500  # above Virtuoso's default 10,000-row cap and above one page
QUERY = "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
BINDINGS = {"g": URIRef(GRAPH), "p": P}


@pytest.fixture(params=["oxigraph-server", "virtuoso"])
def server(request):
    """(query URL, proxy in front of it), with the graph of ROWS triples written and removed after."""
    url = request.getfixturevalue("oxigraph_server" if request.param == "oxigraph-server" else "virtuoso_server")
    writer = open_store(f"sparql+{url}")
    writer.replace_graph(GRAPH, [(URIRef(f"{GRAPH}/s{i}"), P, Literal(i)) for i in range(ROWS)])
    proxy = Proxy(url)
    try:
        yield request.param, proxy
    finally:
        proxy.close()
        writer.remove_graph(GRAPH)


def test_bulk_reads_are_whole_and_page_only_where_the_server_cuts(server):
    kind, proxy = server
    store = SparqlStore(proxy.url)
    pages = -(-ROWS // PAGE)
    for attempt in ("first", "later"):
        script = proxy.reset()
        rows = store.select_all(QUERY, BINDINGS, order="?s ?o")
        assert len(set(rows.rows)) == ROWS, attempt
        assert {int(o) for _, o in rows.rows} == set(range(ROWS))
        if kind == "oxigraph-server":  # no cap: one request, never a sort per page
            expected = 1
        else:  # Virtuoso cuts the whole read at 10,000 rows, a count says so; then it pages, and later reads page at once
            expected = 2 + pages if attempt == "first" else pages
        assert len(script.requests) == expected, attempt


def test_an_answer_cut_short_by_a_time_limit_is_refused(oxigraph_server):
    """Virtuoso's "anytime" answers are partial results marked only by a header; trusting one
    would quietly lose rows (a reunion count too small, names missing)."""
    proxy = Proxy(oxigraph_server)
    try:
        proxy.reset(headers={"X-SQL-State": "S1TAT",
                             "X-SQL-Message": "RC...: Returning incomplete results, query interrupted by result timeout"})
        store = SparqlStore(proxy.url)
        with pytest.raises(ResultTruncated, match="incomplete results.*time limit"):
            store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5")
        with pytest.raises(ResultTruncated):  # nor does paging trust a page cut short
            store.select_all("SELECT ?s WHERE { ?s ?p ?o }", order="?s")
        proxy.reset()
        assert len(store.select("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5")) <= 5  # the same server, answered whole
    finally:
        proxy.close()


def test_an_answer_that_is_exactly_a_cap_in_size_is_counted_and_trusted(oxigraph_server):
    """A store may hold exactly 10,000 graphs or pairs: an answer of a cap's size is confirmed by a
    count rather than taken for a cut one, so later bulk reads are not paged for nothing."""
    graph = "https://example.org/graph/exactly-a-cap"
    writer = open_store(f"sparql+{oxigraph_server}")
    writer.replace_graph(graph, [(URIRef(f"{graph}/s{i}"), P, Literal(i)) for i in range(10_000)])
    proxy = Proxy(oxigraph_server)
    try:
        store = SparqlStore(proxy.url)
        bindings = {"g": URIRef(graph), "p": P}
        script = proxy.reset()
        assert len(store.select(QUERY, bindings)) == 10_000
        assert len(script.requests) == 2 and b"COUNT" in script.requests[1]["body"]
        script = proxy.reset()
        assert len(store.select_all(QUERY, bindings, order="?s ?o")) == 10_000
        assert not any(b"OFFSET" in request["body"] for request in script.requests)
    finally:
        proxy.close()
        writer.remove_graph(graph)
