"""`kgraph serve` as a real process on 127.0.0.1, against a store built from the repository's
data: the SPARQL 1.1 Protocol with SPARQLWrapper, rdflib's SPARQLStore and kgraph's own
sparql+http backend; content negotiation; the limits; entity pages, search, /void, /healthz;
hostile input."""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from conftest import ALIASES, ROOT, free_port
from kgraph.build import build
from kgraph.errors import QueryError, StoreError
from kgraph.queries import run_query
from kgraph.store import open_store

pytestmark = pytest.mark.server
TITLE = "https://w3id.org/kgraph/id/title/ballerina-2023"
PERSON = "https://w3id.org/kgraph/id/person/jeon-jong-seo"
SCHEMA = "http://schema.org/"
HOSTILE = "<script>alert(1)</script>\"'../../etc/passwd"


class Server:
    """A running `kgraph serve`; `url` is its root without the trailing slash."""

    def __init__(self, selector: str, folder: Path, *options: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / f"serve-{self.port}.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen([sys.executable, "-m", "kgraph.cli", "serve", "--store", selector,
                                             "--port", str(self.port), *options],
                                            stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                pytest.fail(f"kgraph serve did not start: {self.log.read_text('utf-8', 'replace')[-800:]}")
            time.sleep(0.2)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


@pytest.fixture(scope="session")
def repo_store(tmp_path_factory: pytest.TempPathFactory) -> str:
    """data/catalog and data/reviews built into an Oxigraph store on disk (closed again); its selector."""
    selector = f"oxigraph:{tmp_path_factory.mktemp('serve-store') / 'store'}"
    with open_store(selector) as store:
        report = build(store, [ROOT / "data" / "catalog", ROOT / "data" / "reviews"], aliases=ALIASES, dump=None)
        assert report.ok, report.failed
    return selector


@pytest.fixture(scope="session")
def server(repo_store, tmp_path_factory):
    """`kgraph serve` with its default limits, but a timeout generous enough for a busy machine."""
    running = Server(repo_store, tmp_path_factory.mktemp("serve-log"), "--timeout", "60")
    yield running
    running.stop()


@pytest.fixture(scope="session")
def strict_server(repo_store, tmp_path_factory):
    """`kgraph serve` with tight limits: 5 rows, a 1 s timeout, 2,000-byte queries, one worker."""
    running = Server(repo_store, tmp_path_factory.mktemp("serve-log"), "--max-rows", "5", "--timeout", "1",
                     "--max-query-bytes", "2000", "--workers", "1")
    yield running
    running.stop()


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) of one request; error statuses are returned, not raised."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def sparql_get(server: Server, query: str, **params: str):
    return fetch(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": query, **params}))


CAST_QUERY = f"""PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?name ?character WHERE {{
  ?c kg:title <{TITLE}> ; kg:person ?p ; kg:character/schema:name ?character .
  ?p schema:name ?name .
}} ORDER BY ?name"""


# ------------------------------------------------------------------ standard clients
def test_sparqlwrapper_reads_json_and_xml(server):
    from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper

    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setQuery(CAST_QUERY)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert ("Jeon Jong-seo", "Jang Ok-ju") in {(r["name"]["value"], r["character"]["value"]) for r in rows}
    client.setReturnFormat(XML)
    client.setMethod(POST)
    document = client.query().convert()
    names = {b.firstChild.data for b in document.getElementsByTagName("literal")}
    assert {"Jeon Jong-seo", "Kim Ji-hoon", "Choi Pro"} <= names


def test_rdflib_sparqlstore_selects_and_constructs(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(query_endpoint=f"{server.url}/sparql"))
    rows = {(str(r[0]), str(r[1])) for r in graph.query(CAST_QUERY)}
    assert ("Kim Ji-hoon", "Choi Pro") in rows
    built = graph.query(f"CONSTRUCT {{ <{TITLE}> <{SCHEMA}name> ?n }} WHERE {{ <{TITLE}> <{SCHEMA}name> ?n }}")
    assert (URIRef(TITLE), URIRef(SCHEMA + "name"), Literal("Ballerina")) in set(built)
    assert bool(graph.query(f"ASK {{ <{TITLE}> a <https://w3id.org/kgraph/ontology#Film> }}").askAnswer)


def test_kgraph_sparql_backend_runs_the_read_only_contract(server, repo_store):
    remote = open_store(f"sparql+{server.url}/sparql")
    with _embedded(repo_store) as local:
        assert remote.graphs() == local.graphs()
        for name, params in (("cast", {"title": TITLE}), ("filmography", {"person": PERSON}),
                             ("releases", {"title": TITLE}), ("stats", {})):
            assert set(run_query(remote, name, params).rows) == set(run_query(local, name, params).rows), name
        assert sorted(remote.quads()) == sorted(local.quads())
    hangul = remote.select(f"SELECT ?k WHERE {{ ?t <https://w3id.org/kgraph/ontology#nameKo> ?k }}",
                           {"t": URIRef(TITLE)})
    assert Literal("발레리나", lang="ko") in hangul.column("k")
    assert len(remote.select("SELECT ?s WHERE { ?s ?p ?o }", {"o": Literal("} } DROP ALL #")})) == 0
    assert remote.ask("ASK { ?s ?p ?o }")
    with pytest.raises(QueryError):
        remote.select("SELECT WHERE {")
    with pytest.raises(StoreError, match="403"):
        remote.update("DROP ALL")
    assert TITLE in {str(t) for t in run_query(remote, "titles").column("title")}


def _embedded(selector: str):
    from kgraph.serve import open_read_only
    return open_read_only(selector)


def test_serving_a_remote_sparql_server(oxigraph_server, tmp_path):
    from conftest import SEED

    remote = open_store(f"sparql+{oxigraph_server}")
    for graph in remote.graphs():
        remote.remove_graph(graph)
    assert build(remote, [SEED], aliases=ALIASES, dump=None).ok
    running = Server(f"sparql+{oxigraph_server}", tmp_path, "--max-rows", "4")
    try:
        status, headers, body = sparql_get(running, "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10")
        assert status == 200 and headers["X-KGraph-Truncated"] == "true"
        assert len(json.loads(body)["results"]["bindings"]) == 4
        status, _, body = sparql_get(running, CAST_QUERY, format="tsv")
        assert status == 200 and "\"Choi Pro\"" in body.decode()
        status, _, body = fetch(f"{running.url}/id/title/ballerina-2023")
        assert status == 200 and b"Choi Pro" in body and b"plays menace like a melody" in body
        status, _, _ = sparql_get(running, "DELETE WHERE { ?s ?p ?o }")
        assert status == 403
        assert remote.ask("ASK { ?s ?p ?o }")
    finally:
        running.stop()


# ------------------------------------------------------------------ protocol and negotiation
@pytest.mark.parametrize("accept, fmt, media, check", [
    ("application/sparql-results+json", None, "application/sparql-results+json",
     lambda body: json.loads(body)["head"]["vars"] == ["name", "character"]),
    ("application/sparql-results+xml", None, "application/sparql-results+xml", lambda body: b"<sparql" in body),
    ("text/csv", None, "text/csv", lambda body: body.decode().splitlines()[0] == "name,character"),
    ("text/tab-separated-values", None, "text/tab-separated-values",
     lambda body: body.decode().splitlines()[0] == "?name\t?character"),
    ("text/html", "csv", "text/csv", lambda body: "Jeon Jong-seo,Jang Ok-ju" in body.decode()),
    ("text/html,application/xhtml+xml;q=0.9", None, "text/html", lambda body: b'id="results"' in body),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", None, "application/sparql-results+xml",
     lambda body: b"Jang Ok-ju" in body),
])
def test_results_follow_accept_and_format(server, accept, fmt, media, check):
    params = {"query": CAST_QUERY, **({"format": fmt} if fmt else {})}
    status, headers, body = fetch(f"{server.url}/sparql?" + urllib.parse.urlencode(params), headers={"Accept": accept})
    assert status == 200
    assert headers.get_content_type() == media
    assert check(body)


@pytest.mark.parametrize("accept, rdflib_format", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                   ("application/ld+json", "json-ld")])
def test_construct_answers_in_rdf_formats(server, accept, rdflib_format):
    query = f"CONSTRUCT WHERE {{ <{PERSON}> ?p ?o }}"
    for data, content_type in ((urllib.parse.urlencode({"query": query}).encode(), "application/x-www-form-urlencoded"),
                               (query.encode(), "application/sparql-query")):
        status, headers, body = fetch(f"{server.url}/sparql", data=data,
                                      headers={"Accept": accept, "Content-Type": content_type})
        assert status == 200 and headers.get_content_type() == accept
        graph = Graph().parse(data=body, format=rdflib_format)
        assert (URIRef(PERSON), URIRef("https://w3id.org/kgraph/ontology#nameKo"), Literal("전종서", lang="ko")) in graph


def test_default_and_named_graph_uris_choose_the_dataset(server, repo_store):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    with _embedded(repo_store) as store:
        graphs = sorted(str(g) for g in store.select(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{TITLE}> ?p ?o }} }}").column("g"))
        review = next(g for g in graphs if "/review/" in g)
        in_review = set(store.select(f"SELECT ?p ?o WHERE {{ GRAPH <{review}> {{ <{TITLE}> ?p ?o }} }}").rows)
        everywhere = set(store.select(f"SELECT ?p ?o WHERE {{ <{TITLE}> ?p ?o }}").rows)
    assert len(graphs) >= 2 and in_review < everywhere

    def ask(query: str, default: list[str] = (), named: list[str] = (), method: str = "GET") -> list[dict]:
        client = SPARQLWrapper(f"{server.url}/sparql")
        client.setQuery(query)
        client.setReturnFormat(JSON)
        client.setMethod(method)
        for graph in default:
            client.addDefaultGraph(graph)
        for graph in named:
            client.addNamedGraph(graph)
        return client.query().convert()["results"]["bindings"]

    rows = ask(f"SELECT ?p ?o WHERE {{ <{TITLE}> ?p ?o }}", default=[review])
    assert {(r["p"]["value"], r["o"]["value"]) for r in rows} == {(str(p), str(o)) for p, o in in_review}
    rows = ask(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ <{TITLE}> ?p ?o }} }}", named=graphs[:1], method=POST)
    assert [r["g"]["value"] for r in rows] == graphs[:1]
    assert ask(f"SELECT ?o WHERE {{ <{TITLE}> ?p ?o }}", named=graphs) == []  # no default graph given: empty
    status, _, body = sparql_get(server, "ASK { ?s ?p ?o }", **{"default-graph-uri": "not an iri <x>"})
    assert status == 400 and b"default-graph-uri" in body


def test_cors_lets_browser_clients_call_the_endpoint(server):
    status, headers, _ = fetch(f"{server.url}/sparql?query=ASK%7B%7D", headers={"Origin": "https://yasgui.example"})
    assert status == 200 and headers["access-control-allow-origin"] == "*"
    status, headers, _ = fetch(f"{server.url}/sparql", method="OPTIONS", headers={
        "Origin": "https://yasgui.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert status == 200 and "POST" in headers["access-control-allow-methods"]


# ------------------------------------------------------------------ read-only and limits
@pytest.mark.parametrize("how", ["query-param", "update-form", "update-body"])
def test_updates_are_refused(server, repo_store, how):
    update = f"INSERT DATA {{ GRAPH <urn:x:g> {{ <{TITLE}> <{SCHEMA}name> \"hacked\" }} }}"
    if how == "query-param":
        status, _, body = fetch(f"{server.url}/sparql?" + urllib.parse.urlencode({"query": update}))
    elif how == "update-form":
        status, _, body = fetch(f"{server.url}/sparql", data=urllib.parse.urlencode({"update": update}).encode(),
                                headers={"Content-Type": "application/x-www-form-urlencoded"})
    else:
        status, _, body = fetch(f"{server.url}/sparql", data=update.encode(),
                                headers={"Content-Type": "application/sparql-update"})
    assert status == 403
    assert b"read-only" in body
    _, _, answer = sparql_get(server, f'ASK {{ <{TITLE}> <{SCHEMA}name> "hacked" }}')
    assert json.loads(answer)["boolean"] is False


def test_row_cap_is_reported_not_silent(strict_server):
    query = "SELECT DISTINCT ?t WHERE { ?t a <https://w3id.org/kgraph/ontology#Title> }"
    status, headers, body = sparql_get(strict_server, query)
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == 5
    assert headers["X-KGraph-Truncated"] == "true" and headers["X-KGraph-Row-Cap"] == "5"
    status, headers, body = sparql_get(strict_server, query + " LIMIT 3")
    assert headers["X-KGraph-Truncated"] == "false" and len(json.loads(body)["results"]["bindings"]) == 3
    _, _, page = fetch(f"{strict_server.url}/query?" + urllib.parse.urlencode({"sparql": query, "run": "1"}))
    assert b'id="row-cap"' in page and b"cut the answer" in page


def test_a_never_ending_query_is_stopped_and_the_server_goes_on(strict_server):
    endless = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    status, _, body = sparql_get(strict_server, endless)
    assert status == 503 and b"longer than 1 s" in body
    deadline = time.monotonic() + 60  # a fresh worker takes the stopped one's place
    while True:
        status, _, body = sparql_get(strict_server, "ASK { ?s ?p ?o }")
        if status == 200 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert status == 200 and json.loads(body)["boolean"] is True


class SlowProxy:
    """A SPARQL endpoint that forwards to `upstream` after `delay` seconds a request: a store
    made slow on purpose. `requests` counts the requests it has received."""

    def __init__(self, upstream: str, delay: float) -> None:
        import http.server
        import threading

        proxy = self
        self.requests = 0

        class Handler(http.server.BaseHTTPRequestHandler):
            def _forward(self) -> None:
                proxy.requests += 1
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)) or None
                time.sleep(delay)
                query = self.path.partition("?")[2]
                headers = {k: self.headers[k] for k in ("Accept", "Content-Type") if self.headers.get(k)}
                status, answer_headers, answer = fetch(upstream + ("?" + query if query else ""), data=body,
                                                       headers=headers, method=self.command)
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", answer_headers.get("Content-Type", "text/plain"))
                    self.send_header("Content-Length", str(len(answer)))
                    self.end_headers()
                    self.wfile.write(answer)
                except OSError:  # the worker asking was ended meanwhile
                    pass

            do_GET = do_POST = _forward

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/sparql"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_page_on_a_slow_store_is_stopped_with_a_503_and_the_server_goes_on(server, tmp_path):
    slow = SlowProxy(f"{server.url}/sparql", delay=0.6)  # a title page takes a dozen round trips
    running = Server(f"sparql+{slow.url}", tmp_path, "--timeout", "1.5", "--workers", "1")
    try:
        for path in ("/id/title/ballerina-2023", "/id/person/jeon-jong-seo"):
            status, _, body = fetch(running.url + path, headers={"Accept": "text/html"})
            assert status == 503, path
            assert b"longer than 1.5 s and was stopped" in body and b"<h1>503</h1>" in body, path
            seen = slow.requests
            time.sleep(2)  # a page still gathering would have sent more queries by now
            assert slow.requests == seen, path
        status, _, body = fetch(running.url + "/id/title/ballerina-2023", headers={"Accept": "application/ld+json"})
        assert status == 503 and body.startswith(b"the request ran longer than")  # plain text for RDF clients
        deadline = time.monotonic() + 60  # a fresh worker takes the stopped one's place
        while True:
            status, _, body = fetch(f"{running.url}/healthz")
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        assert status == 200 and json.loads(body)["status"] == "ok"
    finally:
        running.stop()
        slow.close()


def test_oversized_queries_are_refused(strict_server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_000_000
    status, _, body = fetch(f"{strict_server.url}/sparql", data=big.encode(),
                            headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and b"2000" in body
    status, _, _ = fetch(f"{strict_server.url}/sparql?" + urllib.parse.urlencode({"query": big[:20_000]}))
    assert 400 <= status < 500


def test_malformed_queries_get_a_clear_400(server):
    status, _, body = sparql_get(server, "SELECT ?x WHERE { ?x ")
    assert status == 400 and b"syntax error" in body
    status, _, body = fetch(f"{server.url}/sparql")
    assert status == 400 and b"query" in body
    status, _, body = sparql_get(server, "ASK {}", format="yaml")
    assert status == 400 and b"unknown format" in body


# ------------------------------------------------------------------ entity pages
def test_title_page_shows_facts_with_their_evidence(server):
    status, headers, body = fetch(f"{server.url}/id/title/ballerina-2023", headers={"Accept": "text/html"})
    assert status == 200 and headers.get_content_type() == "text/html"
    from bs4 import BeautifulSoup
    page = BeautifulSoup(body, "html.parser")
    assert page.find(id="name").get_text(" ", strip=True) == "Ballerina 발레리나"
    cast = {tuple(td.get_text(" ", strip=True) for td in tr.find_all("td")[:2]) for tr in page.select("#cast tbody tr")}
    assert ("Jeon Jong-seo 전종서", "Jang Ok-ju") in cast and ("Kim Ji-hoon 김지훈", "Choi Pro") in cast
    crew = {tuple(td.get_text(strip=True) for td in tr.find_all("td")[:2]) for tr in page.select("#crew tbody tr")}
    assert ("Lee Chung-hyun이충현", "director") in crew or any(r[1] == "director" for r in crew)
    sentences = [q.get_text() for q in page.select("#cast q")]
    assert any("Kim Ji\u2011hoon plays menace like a melody" in s for s in sentences)
    runtime = page.select_one(".fact-runtime")
    assert "93" in runtime.get_text() and "/runtime" in runtime.get_text()  # the catalogue record's field
    assert [r.find("td").get_text() for r in page.select("#releases tbody tr")][:2] == ["2023-10-05", "2023-10-06"]
    assert page.select("#reviews a[href='/id/review/ballerina-2023']")
    script = page.find("script", type="application/ld+json")
    assert json.loads(script.string)["itemReviewed"]["@id"] == TITLE


def test_title_page_shows_where_sources_disagree(server, repo_store):
    from bs4 import BeautifulSoup

    _, _, body = fetch(f"{server.url}/id/title/doctor-john-2019")
    rows = {tuple(td.get_text(" ", strip=True) for td in tr.find_all("td"))
            for tr in BeautifulSoup(body, "html.parser").select("#conflicts tbody tr")}
    with _embedded(repo_store) as store:
        expected = {(str(r["what"]), f"{r['value_a']} ({r['source_a']})", f"{r['value_b']} ({r['source_b']})")
                    for r in run_query(store, "conflicts") if str(r["title_name"]) == "Doctor John"}
    assert rows == expected
    assert ("number of episodes", "16 (data/reviews/doctor-john-2019.txt)",
            "32 (data/catalog/doctor-john-2019.json)") in rows


def test_title_jsonld_is_the_kgraph_jsonld_document(server, repo_store):
    from kgraph.api import KGraph

    status, headers, body = fetch(f"{server.url}/id/title/ballerina-2023", headers={"Accept": "application/ld+json"})
    assert status == 200 and headers.get_content_type() == "application/ld+json"
    with _embedded(repo_store) as store:
        assert json.loads(body) == KGraph(store).jsonld("Ballerina")


THE_CALL = ROOT / "data" / "reviews" / "the-call-2020.txt"
THE_CALL_AGAIN = ROOT / "tests" / "data" / "the-call.md"  # a second review of The Call (2020)


def _review_links(running: Server, path: str) -> list[str]:
    from bs4 import BeautifulSoup

    _, _, body = fetch(running.url + path, headers={"Accept": "text/html"})
    return [a["href"] for a in BeautifulSoup(body, "html.parser").select("#reviews a[href^='/id/review/']")]


def test_a_new_build_is_served_without_a_restart(tmp_path):
    selector = f"oxigraph:{tmp_path / 'store'}"
    with open_store(selector) as store:
        assert build(store, [THE_CALL], aliases=ALIASES, dump=None).ok
    running = Server(selector, tmp_path, "--refresh", "0.2")
    try:
        assert _review_links(running, "/id/title/the-call-2020") == ["/id/review/the-call-2020"]
        with open_store(selector) as store:  # beside the running server, as a user would
            assert build(store, [THE_CALL, THE_CALL_AGAIN], aliases=ALIASES, dump=None).ok
        deadline = time.monotonic() + 60
        while len(links := _review_links(running, "/id/title/the-call-2020")) < 2 and time.monotonic() < deadline:
            time.sleep(0.3)
        assert sorted(links) == ["/id/review/2025-03-the-call-review", "/id/review/the-call-2020"]
        _, _, body = fetch(f"{running.url}/void")
        void = Graph().parse(data=body, format="turtle")
        named = {str(o) for o in void.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#name"))}
        assert "https://w3id.org/kgraph/graph/review/2025-03-the-call-review" in named  # cached answers renewed too
    finally:
        running.stop()


@pytest.fixture(scope="session")
def two_reviews(tmp_path_factory):
    """A store where two reviews cover The Call, and `kgraph serve` on it: (selector, server)."""
    folder = tmp_path_factory.mktemp("two-reviews")
    selector = f"oxigraph:{folder / 'store'}"
    with open_store(selector) as store:
        assert build(store, [ROOT / "data" / "catalog" / "the-call-2020.json", THE_CALL, THE_CALL_AGAIN],
                     aliases=ALIASES, dump=None).ok
    running = Server(selector, folder)
    yield selector, running
    running.stop()


def test_jsonld_of_a_title_two_reviews_cover_is_the_kgraph_jsonld_document(two_reviews):
    from bs4 import BeautifulSoup

    selector, running = two_reviews
    done = subprocess.run([sys.executable, "-m", "kgraph.cli", "jsonld", "The Call", "--store", selector],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    expected = json.loads(done.stdout)
    reviewed = [doc["itemReviewed"]["@id"] for doc in expected["@graph"]]
    assert reviewed == ["https://w3id.org/kgraph/id/title/the-call-2020"] * 2
    assert len({doc["name"] for doc in expected["@graph"]}) == 2  # one document per review
    checked = subprocess.run([sys.executable, "-m", "kgraph.cli", "jsonld", "The Call", "--check", "--store", selector],
                             capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert checked.stderr.count("schema.org: ") == 2  # --check reports on each review
    status, headers, body = fetch(f"{running.url}/id/title/the-call-2020?format=jsonld")
    assert status == 200 and headers.get_content_type() == "application/ld+json"
    assert json.loads(body) == expected
    _, _, page = fetch(f"{running.url}/id/title/the-call-2020", headers={"Accept": "text/html"})
    script = BeautifulSoup(page, "html.parser").find("script", type="application/ld+json")
    assert json.loads(script.string) == expected


@pytest.mark.parametrize("accept, fmt, rdflib_format", [("text/turtle", None, "turtle"),
                                                        ("application/n-triples", None, "nt"),
                                                        ("text/html", "ttl", "turtle")])
def test_entity_rdf_by_content_negotiation(server, accept, fmt, rdflib_format):
    url = f"{server.url}/id/person/jeon-jong-seo" + (f"?format={fmt}" if fmt else "")
    status, headers, body = fetch(url, headers={"Accept": accept})
    assert status == 200 and "Accept" in headers["Vary"]
    graph = Graph().parse(data=body, format=rdflib_format)
    assert (URIRef(PERSON), URIRef(SCHEMA + "name"), Literal("Jeon Jong-seo")) in graph
    assert (URIRef(PERSON), RDF.type, URIRef("https://w3id.org/kgraph/ontology#Person")) in graph


def test_person_page_filmography_reunions_and_path(server):
    from bs4 import BeautifulSoup

    _, _, body = fetch(f"{server.url}/id/person/kim-ji-hoon")
    page = BeautifulSoup(body, "html.parser")
    titles = {tr.find_all("td")[1].get_text(strip=True) for tr in page.select("#filmography tbody tr")}
    assert titles == {"Ballerina", "Money Heist: Korea – Joint Economic Area"}
    roles = [tr.find_all("td")[2].get_text() for tr in page.select("#filmography tbody tr")]
    assert "credited" not in roles  # the bare "worked together" credit folds into the specific one
    assert "the two previously worked together in Money Heist" in page.find(id="filmography").get_text()
    reunions = [li.get_text(" ", strip=True) for li in page.select("#reunions li")]
    assert any(r.startswith("Jeon Jong-seo : 2 titles") or r.startswith("Jeon Jong-seo: 2 titles") for r in reunions)
    _, _, body = fetch(f"{server.url}/id/person/kim-ji-hoon?path_to=" + urllib.parse.quote("Park Yu-rim"))
    steps = [li.get_text(" ", strip=True) for li in BeautifulSoup(body, "html.parser").select("#path li")]
    assert steps[0].startswith("Kim Ji-hoon") and steps[-1].startswith("Park Yu-rim")
    _, _, body = fetch(f"{server.url}/id/person/kim-ji-hoon?path_to=" + urllib.parse.quote(HOSTILE))
    assert b"<script>alert" not in body and b"path-error" in body


def test_reunions_from_the_derived_table_equal_sparql(repo_store):
    from kgraph.serve import facts

    with _embedded(repo_store) as store:
        people = [str(p) for p in run_query(store, "people").column("person")][:40]
        compared = 0
        for person in dict.fromkeys(people):
            table = facts._reunions_from_table(store, person, 2)
            assert table is not None  # kgraph build keeps the table beside the store
            simple = lambda found: {(r["person"], tuple(sorted(r["titles"]))) for r in found}
            assert simple(table) == simple(facts._reunions_from_sparql(store, person, 2)), person
            compared += bool(table)
    assert compared  # some of them have reunions


def test_character_ceremony_and_review_pages(server):
    from bs4 import BeautifulSoup

    for path, expected in (("/id/character/ballerina-2023/jang-ok-ju", "Jang Ok-ju"),
                           ("/id/award/baeksang-arts-awards", "Baeksang Arts Awards"),
                           ("/id/review/ballerina-2023", "Ballerina—A neon‑soaked revenge odyssey")):
        status, _, body = fetch(server.url + path)
        page = BeautifulSoup(body, "html.parser")
        assert status == 200 and page.find(id="name").get_text().startswith(expected), path
    _, _, body = fetch(server.url + "/id/character/ballerina-2023/jang-ok-ju")
    incoming = BeautifulSoup(body, "html.parser").select("#incoming a")
    assert any(a["href"].startswith("/id/credit/ballerina-2023/jeon-jong-seo") for a in incoming)


# ------------------------------------------------------------------ search, void, health
def test_search_by_any_spelling(server):
    status, headers, _ = fetch(f"{server.url}/search?q=" + urllib.parse.quote("발레리나"))
    assert status == 200  # followed the redirect
    status, _, body = fetch(f"{server.url}/search?q=" + urllib.parse.quote("JEON jong seo"))
    assert b"<h1 id=\"name\">Jeon Jong-seo" in body  # one match: its page
    _, _, body = fetch(f"{server.url}/search?q=" + urllib.parse.quote("Jeon Jongso"))
    from bs4 import BeautifulSoup
    close = [a["href"] for a in BeautifulSoup(body, "html.parser").select("#results a")]
    assert "/id/person/jeon-jong-seo" in close
    _, _, body = fetch(f"{server.url}/search?q=" + urllib.parse.quote("김지훈"))
    assert body.count(b"/id/person/kim-ji-h") >= 2  # the Hangul name two people share lists both


def test_void_and_healthz(server, repo_store):
    status, headers, body = fetch(f"{server.url}/void")
    assert status == 200 and headers.get_content_type() == "text/turtle"
    void = Graph().parse(data=body, format="turtle")
    VOID = "http://rdfs.org/ns/void#"
    assert (None, URIRef(VOID + "sparqlEndpoint"), URIRef(f"{server.url}/sparql")) in void
    counts = {str(void.value(p, URIRef(VOID + "class"))): int(void.value(p, URIRef(VOID + "entities")))
              for p in void.objects(None, URIRef(VOID + "classPartition"))}
    assert counts["https://w3id.org/kgraph/ontology#Title"] == 14
    with _embedded(repo_store) as store:
        graphs = set(store.graphs())
    named = {str(o) for o in void.objects(None, URIRef("http://www.w3.org/ns/sparql-service-description#name"))}
    assert named == graphs
    status, _, body = fetch(f"{server.url}/healthz")
    assert status == 200 and json.loads(body)["status"] == "ok"


# ------------------------------------------------------------------ query page
def test_query_page_runs_a_named_query_with_bound_parameters(server):
    from bs4 import BeautifulSoup

    _, _, body = fetch(f"{server.url}/query?name=cast")
    page = BeautifulSoup(body, "html.parser")
    assert "cast and crew of a title" in page.find(id="query-help").get_text()
    assert page.select("input[name=param_title]")
    params = {"name": "cast", "param_title": TITLE, "run": "1"}
    _, _, body = fetch(f"{server.url}/query?" + urllib.parse.urlencode(params))
    page = BeautifulSoup(body, "html.parser")
    rows = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("#results tbody tr")]
    assert any("Jeon Jong-seo" in r and "Jang Ok-ju" in r for r in rows)
    assert page.select("#results a[href='/id/person/jeon-jong-seo']")
    csv_link = page.find("a", string="CSV")["href"]
    status, headers, body = fetch(server.url + csv_link)
    assert status == 200 and headers.get_content_type() == "text/csv" and b"Jang Ok-ju" in body
    params["param_title"] = HOSTILE
    status, _, body = fetch(f"{server.url}/query?" + urllib.parse.urlencode(params))
    assert status == 400 and b"not a valid iri" in body and b"<script>alert" not in body


def test_query_form_starts_from_the_declared_defaults(server, repo_store):
    from bs4 import BeautifulSoup

    from kgraph.queries import load_query

    [param] = load_query("reunions").params
    assert param.default is not None
    page = BeautifulSoup(fetch(f"{server.url}/query?name=reunions")[2], "html.parser")
    field = page.select_one("input[name=param_min_titles]")
    assert field["value"] == str(param.default) and not field.has_attr("required")
    assert page.select_one("input[name=param_title]") is None
    cast = BeautifulSoup(fetch(f"{server.url}/query?name=cast")[2], "html.parser").select_one("input[name=param_title]")
    assert cast["value"] == "" and cast.has_attr("required")  # no default: the user must fill it in
    params = {"name": "reunions", "param_min_titles": field["value"], "run": "1"}
    page = BeautifulSoup(fetch(f"{server.url}/query?" + urllib.parse.urlencode(params))[2], "html.parser")
    shown = [[td.get_text(strip=True) for td in tr.find_all("td")] for tr in page.select("#results tbody tr")]
    with _embedded(repo_store) as store:
        expected = run_query(store, "reunions")
    assert len(shown) == len(expected) > 0
    params["param_min_titles"] = ""  # a field emptied falls back to its default
    page = BeautifulSoup(fetch(f"{server.url}/query?" + urllib.parse.urlencode(params))[2], "html.parser")
    assert len(page.select("#results tbody tr")) == len(expected)


# ------------------------------------------------------------------ hostile input, missing store
@pytest.mark.parametrize("path", [
    "/search?q=" + urllib.parse.quote(HOSTILE),
    "/query?" + urllib.parse.urlencode({"sparql": HOSTILE, "run": "1"}),
    "/query?" + urllib.parse.urlencode({"name": HOSTILE}),
    "/query?" + urllib.parse.urlencode({"name": "../../pyproject", "run": "1"}),
    "/id/" + urllib.parse.quote(HOSTILE),
    "/id/title/" + urllib.parse.quote("x\"><script>alert(1)</script>"),
    "/static/" + urllib.parse.quote("../../api.py"),
])
def test_hostile_input_is_refused_or_escaped(server, path):
    status, headers, body = fetch(server.url + path, headers={"Accept": "text/html"})
    assert status in (200, 400, 404)
    assert b"<script>alert(1)" not in body
    assert b"KGraph" not in body  # no source file served
    if status == 200 and "sparql" in path:
        assert b"syntax error" in body


def test_missing_store_is_an_error_and_is_not_created(tmp_path):
    missing = tmp_path / "no-store"
    done = subprocess.run([sys.executable, "-m", "kgraph.cli", "serve", "--store", f"oxigraph:{missing}",
                           "--port", str(free_port())], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1].startswith("error: there is no kgraph store at")
    assert not missing.exists()


# ------------------------------------------------------------------ a real browser, JavaScript off
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1200,1400"]


@pytest.fixture
def browser(tmp_path):
    """Debian's chromium driven through chromedriver (Selenium), with JavaScript disabled."""
    import os
    import shutil

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        if os.environ.get("CI"):
            pytest.fail("chromium or chromedriver is missing; .ci/run installs Debian's chromium and chromium-driver")
        pytest.skip("chromium or chromedriver is not installed here (CI installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]:
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    session = webdriver.Chrome(service=Service(driver), options=options)
    session.set_page_load_timeout(60)
    yield session
    session.quit()


def test_a_real_browser_clicks_through_and_runs_a_named_query(server, browser, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as until
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 60)
    browser.get(server.url + "/")
    assert "Ballerina" in browser.find_element(By.ID, "titles").text
    browser.find_element(By.LINK_TEXT, "Ballerina").click()
    wait.until(until.url_contains("/id/title/ballerina-2023"))
    assert browser.find_element(By.ID, "name").text == "Ballerina 발레리나"
    assert "Jang Ok-ju" in browser.find_element(By.ID, "cast").text
    shot = tmp_path / "title-page.png"
    assert browser.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    browser.find_element(By.CSS_SELECTOR, "#cast a[href='/id/person/jeon-jong-seo']").click()
    wait.until(until.url_contains("/id/person/jeon-jong-seo"))
    assert browser.find_element(By.ID, "name").text.startswith("Jeon Jong-seo")
    assert "Ballerina" in browser.find_element(By.ID, "filmography").text
    browser.get(server.url + "/query")
    browser.find_element(By.LINK_TEXT, "cast").click()
    field = wait.until(until.presence_of_element_located((By.NAME, "param_title")))
    field.send_keys(TITLE)
    browser.find_element(By.CSS_SELECTOR, "#named-form button[type=submit]").click()
    wait.until(until.presence_of_element_located((By.ID, "results")))
    rows = [[td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            for tr in browser.find_elements(By.CSS_SELECTOR, "#results tbody tr")]
    assert any("Jeon Jong-seo" in row and "Jang Ok-ju" in row for row in rows)
    browser.save_screenshot(str(tmp_path / "query-page.png"))
    browser.get(server.url + "/search?q=" + urllib.parse.quote(HOSTILE))
    assert HOSTILE in browser.find_element(By.TAG_NAME, "main").text  # shown as text, never run


def test_pair_index_finds_reunions_by_lookup_as_the_self_join_does():
    import pandas as pd

    from kgraph.serve.pair_index import PairIndex

    pairs = pd.DataFrame({"person": ["urn:a", "urn:a", "urn:a", "urn:b", "urn:b", "urn:c", "urn:d"],
                          "title": ["urn:t1", "urn:t2", "urn:t3", "urn:t1", "urn:t2", "urn:t3", "urn:t4"]})
    index = PairIndex(pairs, pd.DataFrame({"iri": ["urn:b", "urn:t1"], "name": ["B", "T1"]}))
    assert sorted(index.reunions("urn:a", 2)) == [("urn:b", "B", "urn:t1", "T1"), ("urn:b", "B", "urn:t2", "urn:t2")]
    assert sorted(index.reunions("urn:a", 1))[-1] == ("urn:c", "urn:c", "urn:t3", "urn:t3")
    assert index.reunions("urn:d", 1) == [] and index.reunions("urn:nobody", 1) == []
