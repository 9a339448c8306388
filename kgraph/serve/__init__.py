"""`kgraph serve`: the graph on the web, read-only. A SPARQL 1.1 Protocol endpoint (/sparql),
a query page over the named queries (/query), a page for every entity at the path of its IRI
(/id/...; HTML, Turtle, N-Triples, JSON-LD), search, /void and /healthz."""
from kgraph.serve.app import Settings, create_app, serve
from kgraph.serve.store import open_read_only

__all__ = ["Settings", "create_app", "serve", "open_read_only"]
