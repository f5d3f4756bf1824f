"""Elasticsearch backend: mapping and query building without a server; the full
contract against a live cluster only when ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest
from elasticsearch.dsl import Search

from search.backends import load_backend
from search.backends.elasticsearch import build_search, document_source, index_body
from search.highlight import START, STOP, markers_to_html
from search.query import parse

from .contract import CORPUS, BackendContract

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")


def test_fallback_mapping_needs_no_plugin_and_folds_diacritics():
    body = index_body("fallback")
    analyzers = body["settings"]["analysis"]["analyzer"]
    assert analyzers["polish_text"]["filter"] == [
        "lowercase",
        "polish_stop",
        "asciifolding",
        "polish_truncate",
    ]
    assert "asciifolding" in analyzers["polish_folded"]["filter"]
    assert "w" in body["settings"]["analysis"]["filter"]["polish_stop"]["stopwords"]
    properties = body["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "polish_text"
    assert properties["text"]["fields"]["folded"]["analyzer"] == "polish_folded"
    assert properties["type"]["type"] == "keyword"
    assert properties["date"]["type"] == "date"


def test_stempel_mapping_uses_the_polish_stem_filter():
    body = index_body("stempel")
    assert body["settings"]["analysis"]["filter"]["polish_stemmer"] == {"type": "polish_stem"}
    assert "polish_stemmer" in body["settings"]["analysis"]["analyzer"]["polish_text"]["filter"]


def test_hunspell_mapping_uses_the_configured_locale():
    body = index_body("hunspell", hunspell_locale="pl_PL")
    assert body["settings"]["analysis"]["filter"]["polish_hunspell"]["locale"] == "pl_PL"


def test_query_is_built_from_parsed_clauses_not_raw_syntax():
    parsed = parse('park -"ścieżka rowerowa" basen OR lodowisko (a|b):*')
    request = build_search(Search(), parsed, {}, "relevance", 0, 10).to_dict()
    query = request["query"]["bool"]
    serialised = str(request)
    assert ":*" not in serialised and "|" not in serialised
    must = query["must"]
    assert must[0]["multi_match"]["query"] == "park"
    assert [m["multi_match"]["query"] for m in must[1]["bool"]["should"]] == ["basen", "lodowisko"]
    assert query["must_not"][0]["multi_match"] == {
        "query": "ścieżka rowerowa",
        "type": "phrase",
        "fields": ["title^4", "title.folded^3", "text", "text.folded^0.8", "place^0.5"],
    }


def test_diacritic_less_word_also_asks_for_its_restored_forms():
    request = build_search(Search(), parse("uchwaly"), {}, "relevance", 0, 10).to_dict()
    forms = [
        m["multi_match"]["query"] for m in request["query"]["bool"]["must"][0]["bool"]["should"]
    ]
    assert forms[0] == "uchwaly"
    assert "uchwały" in forms


def test_filters_apply_after_facets_so_a_facet_ignores_its_own_filter():
    request = build_search(
        Search(), parse("park"), {"type": ["news"], "year": [2024]}, "date", 20, 10
    ).to_dict()
    assert request["post_filter"]["bool"]["filter"] == [
        {"terms": {"type": ["news"]}},
        {"terms": {"year": [2024]}},
    ]
    assert request["aggs"]["f_type"]["filter"]["bool"]["filter"] == [{"terms": {"year": [2024]}}]
    assert request["aggs"]["f_year"]["filter"]["bool"]["filter"] == [{"terms": {"type": ["news"]}}]
    assert request["aggs"]["f_area"]["aggs"]["values"]["terms"]["field"] == "area"
    assert request["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert request["from"] == 20 and request["size"] == 10
    assert request["highlight"]["pre_tags"] == [START]
    assert request["track_total_hits"] is True


def test_municipality_filter_is_a_terms_filter_and_a_facet():
    request = build_search(Search(), parse("park"), {"gmina": ["lipowa"]}, "relevance", 0, 10)
    request = request.to_dict()
    assert request["post_filter"]["bool"]["filter"] == [{"terms": {"municipality": ["lipowa"]}}]
    assert request["aggs"]["f_gmina"]["aggs"]["values"]["terms"]["field"] == "municipality"
    assert request["aggs"]["f_type"]["filter"]["bool"]["filter"] == [
        {"terms": {"municipality": ["lipowa"]}}
    ]
    properties = index_body("fallback")["mappings"]["properties"]
    assert properties["municipality"] == {"type": "keyword"}
    assert properties["municipality_label"] == {"type": "keyword"}


def test_document_source_carries_every_field():
    source = document_source(CORPUS[2])
    assert source["key"] == "clause:3"
    assert source["date"] == "2025-12-01"
    assert source["year"] == 2025
    assert source["citation"] == "§ 4 ust. 2"
    assert document_source(CORPUS[3])["municipality"] == "lipowa"
    assert document_source(CORPUS[3])["municipality_label"] == "Gmina Lipowa Dolina"


def test_highlight_markers_become_marks_and_markup_is_escaped():
    html = markers_to_html(f"<b>Nowy</b> {START}park{STOP} & <script>x</script>")
    assert html == "&lt;b&gt;Nowy&lt;/b&gt; <mark>park</mark> &amp; &lt;script&gt;x&lt;/script&gt;"


def test_backend_without_a_url_says_what_to_set(settings):
    settings.ELASTICSEARCH_URL = ""
    backend = load_backend("search.backends.elasticsearch", {})
    with pytest.raises(RuntimeError, match="ELASTICSEARCH_URL"):
        backend.client  # noqa: B018


@pytest.mark.elasticsearch
@pytest.mark.skipif(not ELASTICSEARCH_URL, reason="needs a live cluster: set ELASTICSEARCH_URL")
class TestElasticsearchBackend(BackendContract):
    @pytest.fixture
    def backend(self):
        backend = load_backend(
            "search.backends.elasticsearch",
            {
                "URLS": [ELASTICSEARCH_URL],
                "INDEX": f"okienko-test-{uuid.uuid4().hex[:8]}",
                "REFRESH": True,
            },
        )
        yield backend
        backend.client.indices.delete(index=backend.index_name, ignore_unavailable=True)
