"""Elasticsearch backend (elasticsearch.dsl, shipped in the official client >= 8.18).

For cities that outgrow the database. Options in PORTAL_SEARCH_BACKENDS:

    "BACKEND": "search.backends.elasticsearch",
    "URLS": ["https://es.example.org:9200"],   # default: settings.ELASTICSEARCH_URL
    "INDEX": "okienko-search",                 # index name
    "ANALYZER": "auto",     # "stempel" | "hunspell" | "fallback" | "auto"
    "HUNSPELL_LOCALE": "pl_PL",                # for "hunspell" (files on every node)
    "TIMEOUT": 10,
    "REFRESH": False,       # True makes writes visible at once (tests, small sites)

Analyzers: "stempel" uses the analysis-stempel plugin's `polish_stem` filter
(the proper Polish stemmer); "hunspell" a hunspell filter with the node's
pl_PL dictionary; "fallback" needs no plugin: lowercase, Polish stop words,
ascii folding and truncation to 6 characters — a crude stemmer that matches
most inflected forms at the price of some false matches. "auto" (default) asks
the cluster for the stempel plugin when creating the index.

Every text field also has a `.folded` sub-field (lowercase + asciifolding,
no stemming) so queries without Polish letters match, and exact forms score higher.

NOT exercised against a live cluster in this repository (none can run here):
see docs/search.md. The mapping and query building are unit-tested.
"""

from collections.abc import Iterable

from django.conf import settings
from elasticsearch.dsl import Q, Search, analyzer, token_filter

from search.documents import FACETS, FacetValue, SearchDocument, SearchHit, SearchResults
from search.highlight import START, STOP, highlight, markers_to_html
from search.polish import STOP_WORDS, restorations

from .base import BaseSearchBackend

FACET_FIELDS = {
    "type": ("type", "type_label"),
    "year": ("year", "year"),
    "status": ("status", "status_label"),
    "area": ("area", "area_label"),
    "gmina": ("municipality", "municipality_label"),
}
TEXT_FIELDS = ["title^4", "title.folded^3", "text", "text.folded^0.8", "place^0.5"]

polish_stop = token_filter("polish_stop", "stop", stopwords=sorted(STOP_WORDS))
folded_analyzer = analyzer(
    "polish_folded", tokenizer="standard", filter=["lowercase", polish_stop, "asciifolding"]
)


def polish_analyzer(kind: str, hunspell_locale: str = "pl_PL"):
    """The analyzer used for title and text, by kind (see module docstring)."""
    if kind == "stempel":
        stem = token_filter("polish_stemmer", "polish_stem")
        filters = ["lowercase", polish_stop, stem, "asciifolding"]
    elif kind == "hunspell":
        stem = token_filter("polish_hunspell", "hunspell", locale=hunspell_locale, dedup=True)
        filters = ["lowercase", polish_stop, stem, "asciifolding"]
    else:
        filters = [
            "lowercase",
            polish_stop,
            "asciifolding",
            token_filter("polish_truncate", "truncate", length=6),
        ]
    return analyzer("polish_text", tokenizer="standard", filter=filters)


def index_body(kind: str, hunspell_locale: str = "pl_PL") -> dict:
    """Settings and mappings of the search index."""
    text_analyzer = polish_analyzer(kind, hunspell_locale)
    analysis = text_analyzer.get_analysis_definition()
    folded = folded_analyzer.get_analysis_definition()
    for section, items in folded.items():
        analysis.setdefault(section, {}).update(items)
    analysis.setdefault("analyzer", {}).update(
        {
            "polish_text": text_analyzer.get_definition(),
            "polish_folded": folded_analyzer.get_definition(),
        }
    )

    def text_field():
        return {
            "type": "text",
            "analyzer": "polish_text",
            "fields": {"folded": {"type": "text", "analyzer": "polish_folded"}},
        }

    keyword = {"type": "keyword"}
    return {
        "settings": {"analysis": analysis, "number_of_replicas": 0},
        "mappings": {
            "properties": {
                "key": keyword,
                "type": keyword,
                "type_label": keyword,
                "title": {
                    **text_field(),
                    "fields": {
                        "folded": {"type": "text", "analyzer": "polish_folded"},
                        "prefix": {"type": "search_as_you_type", "analyzer": "polish_folded"},
                    },
                },
                "text": text_field(),
                "place": text_field(),
                "citation": keyword,
                "url": {"type": "keyword", "index": False},
                # Shown instead of `text` where an adapter says so (report rows); not searched.
                "snippet_source": {"type": "text", "index": False},
                "date": {"type": "date"},
                "year": {"type": "integer"},
                "status": keyword,
                "status_label": keyword,
                "area": keyword,
                "area_label": keyword,
                "municipality": keyword,
                "municipality_label": keyword,
            }
        },
    }


def document_source(document: SearchDocument) -> dict:
    return {
        "key": document.key,
        "type": document.type,
        "type_label": document.type_label,
        "title": document.title,
        "text": document.text,
        "snippet_source": document.snippet_source,
        "place": document.place,
        "citation": document.citation,
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "year": document.year,
        "status": document.status,
        "status_label": document.status_label,
        "area": document.area,
        "area_label": document.area_label,
        "municipality": document.municipality,
        "municipality_label": document.municipality_label,
    }


def clause_query(clause):
    if clause.is_phrase:
        return Q("multi_match", query=clause.text, type="phrase", fields=TEXT_FIELDS)
    word = clause.words[0]
    forms = [word, *restorations(word)]
    options = [Q("multi_match", query=form, fields=TEXT_FIELDS) for form in forms]
    return options[0] if len(options) == 1 else Q("bool", should=options, minimum_should_match=1)


def text_query(parsed):
    must = []
    for group in parsed.required:
        options = [clause_query(c) for c in group]
        must.append(
            options[0] if len(options) == 1 else Q("bool", should=options, minimum_should_match=1)
        )
    return Q("bool", must=must, must_not=[clause_query(c) for c in parsed.excluded])


def filter_queries(filters: dict, skip: str | None = None) -> list:
    return [
        Q("terms", **{FACET_FIELDS[name][0]: values})
        for name, values in filters.items()
        if name != skip
    ]


def build_search(
    search: Search, parsed, filters: dict, sort: str, offset: int, limit: int
) -> Search:
    """The complete request: query, post-filter, facet aggregations, highlight, sort, page."""
    search = search.query(text_query(parsed))
    post = filter_queries(filters)
    if post:
        search = search.post_filter(Q("bool", filter=post))
    for name in FACETS:
        field, label = FACET_FIELDS[name]
        others = filter_queries(filters, skip=name)
        bucket = search.aggs.bucket(f"f_{name}", "filter", filter=Q("bool", filter=others))
        terms = bucket.bucket("values", "terms", field=field, size=50)
        terms.bucket("label", "terms", field=label, size=1)
    if sort == "date":
        search = search.sort({"date": {"order": "desc", "missing": "_last"}}, "_score", "key")
    else:
        search = search.sort("_score", {"date": {"order": "desc", "missing": "_last"}}, "key")
    search = search.highlight_options(
        pre_tags=[START],
        post_tags=[STOP],
        fragment_size=180,
        number_of_fragments=2,
        encoder="default",
    ).highlight("text", "text.folded", "title")
    return search.extra(track_total_hits=True)[offset : offset + limit]


class ElasticsearchSearchBackend(BaseSearchBackend):
    name = "elasticsearch"

    def __init__(self, params=None):
        super().__init__(params)
        self.index_name = self.params.get("INDEX", "okienko-search")
        self.analyzer_kind = self.params.get("ANALYZER", "auto")
        self.hunspell_locale = self.params.get("HUNSPELL_LOCALE", "pl_PL")
        self.refresh = self.params.get("REFRESH", False)
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            urls = self.params.get("URLS") or [getattr(settings, "ELASTICSEARCH_URL", "")]
            urls = [u for u in urls if u]
            if not urls:
                raise RuntimeError("Elasticsearch backend: set URLS or ELASTICSEARCH_URL")
            self._client = Elasticsearch(
                urls,
                request_timeout=self.params.get("TIMEOUT", 10),
                **self.params.get("OPTIONS", {}),
            )
        return self._client

    # --- index management -----------------------------------------------------------
    def resolved_analyzer(self) -> str:
        if self.analyzer_kind != "auto":
            return self.analyzer_kind
        plugins = self.client.cat.plugins(format="json")
        names = {p.get("component") for p in plugins}
        return "stempel" if "analysis-stempel" in names else "fallback"

    def ensure_index(self) -> None:
        if not self.client.indices.exists(index=self.index_name):
            body = index_body(self.resolved_analyzer(), self.hunspell_locale)
            self.client.indices.create(index=self.index_name, **body)

    # --- writing ----------------------------------------------------------------------
    def index(self, documents: Iterable[SearchDocument]) -> int:
        from elasticsearch import helpers

        self.ensure_index()
        actions = (
            {
                "_op_type": "index",
                "_index": self.index_name,
                "_id": d.key,
                "_source": document_source(d),
            }
            for d in documents
        )
        ok, _errors = helpers.bulk(
            self.client, actions, chunk_size=500, refresh="wait_for" if self.refresh else False
        )
        return ok

    def delete(self, keys: Iterable[str]) -> int:
        from elasticsearch import helpers

        if not self.client.indices.exists(index=self.index_name):
            return 0
        actions = ({"_op_type": "delete", "_index": self.index_name, "_id": k} for k in keys)
        ok, _errors = helpers.bulk(
            self.client,
            actions,
            raise_on_error=False,
            refresh="wait_for" if self.refresh else False,
        )
        return ok

    def clear(self) -> None:
        self.client.indices.delete(index=self.index_name, ignore_unavailable=True)
        self.ensure_index()

    def count(self) -> int:
        if not self.client.indices.exists(index=self.index_name):
            return 0
        return self.client.count(index=self.index_name)["count"]

    # --- reading ------------------------------------------------------------------------
    def _search(self, parsed, filters, sort, offset, limit) -> SearchResults:
        self.ensure_index()
        search = build_search(
            Search(using=self.client, index=self.index_name), parsed, filters, sort, offset, limit
        )
        response = search.execute()
        hits = []
        for hit in response.hits:
            fragments = []
            highlights = getattr(hit.meta, "highlight", None)
            snippet_source = getattr(hit, "snippet_source", "")
            if highlights and not snippet_source:
                for field in ("text", "text.folded", "title"):
                    if field in highlights:
                        fragments = list(highlights[field])
                        break
            snippet = (
                markers_to_html(" … ".join(fragments))
                if fragments
                else highlight(snippet_source or hit.text or hit.title, parsed.positive_words)
            )
            hits.append(
                SearchHit(
                    key=hit.key,
                    title=hit.title,
                    url=hit.url,
                    type=hit.type,
                    type_label=hit.type_label,
                    date=_parse_date(getattr(hit, "date", None)),
                    snippet_html=snippet,
                    place=getattr(hit, "place", ""),
                    citation=getattr(hit, "citation", ""),
                    status=getattr(hit, "status", ""),
                    status_label=getattr(hit, "status_label", ""),
                    area=getattr(hit, "area", ""),
                    area_label=getattr(hit, "area_label", ""),
                    municipality=getattr(hit, "municipality", ""),
                    municipality_label=getattr(hit, "municipality_label", ""),
                    score=float(hit.meta.score or 0),
                )
            )
        facets = {}
        for name in FACETS:
            buckets = response.aggregations[f"f_{name}"]["values"]["buckets"]
            values = []
            for bucket in buckets:
                if bucket["key"] in ("", None):
                    continue
                labels = bucket["label"]["buckets"]
                value = str(bucket["key"])
                label = str(labels[0]["key"]) if labels else value
                values.append(FacetValue(value=value, label=label, count=bucket["doc_count"]))
            if name == "year":
                values.sort(key=lambda v: v.value, reverse=True)
            facets[name] = values
        return SearchResults(total=response.hits.total.value, hits=hits, facets=facets)

    def suggest(self, prefix: str, limit: int = 8) -> list[str]:
        from search import polish

        found = polish.words(prefix or "")
        if not found or len(found[-1]) < 2:
            return []
        self.ensure_index()
        search = Search(using=self.client, index=self.index_name).query(
            Q(
                "multi_match",
                query=" ".join(found[-3:]),
                type="bool_prefix",
                fields=["title.prefix", "title.prefix._2gram", "title.prefix._3gram"],
            )
        )
        response = search.source(["title"])[: limit * 2].execute()
        return list(dict.fromkeys(h.title for h in response.hits))[:limit]


def _parse_date(value):
    import datetime

    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


SearchBackend = ElasticsearchSearchBackend
