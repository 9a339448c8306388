"""Linked to Wikidata: reconcile titles and people, enrich from Wikidata as a source of its own.

    >>> from kgraph.wikidata import Settings
    >>> Settings().endpoint
    'https://query.wikidata.org/sparql'

`link(store, settings, enrich=...)` (kgraph.wikidata.link) writes the named graph
`https://w3id.org/kgraph/graph/wikidata`: `owl:sameAs` and `schema:sameAs` for each match, a
`kg:WikidataMatch` node with its evidence, and with `enrich` Wikidata's own statements
(wdt:, p:/ps:/pq:) about the linked items. The remote queries are in queries/wikidata/.
"""
from kgraph.wikidata.client import Settings, WikidataClient, WikidataError
from kgraph.wikidata.link import WIKIDATA_GRAPH, LinkReport, default_cache, link

__all__ = ["Settings", "WikidataClient", "WikidataError", "LinkReport", "WIKIDATA_GRAPH", "default_cache", "link"]
