"""The search backend contract: every behaviour a backend promises.

Each backend's test case inherits `BackendContract` and provides a `backend`
fixture (skipping when its database or server is absent).
"""

import datetime
import re

import pytest

from search.documents import SearchDocument
from search.query import QueryError


def doc(
    key,
    title,
    text,
    *,
    type="news",
    date=None,
    status="",
    area="",
    place="",
    citation="",
    municipality="",
):
    return SearchDocument(
        key=key,
        type=type,
        type_label=type.capitalize(),
        title=title,
        url=f"/{key.replace(':', '/')}/",
        text=text,
        date=date or datetime.date(2025, 1, 1),
        status=status,
        status_label=status.capitalize(),
        area=area,
        area_label=area.capitalize(),
        place=place,
        citation=citation,
        municipality=municipality,
        municipality_label={"lipowa": "Gmina Lipowa Dolina", "zielonogrod": "Zielonogród"}.get(
            municipality, ""
        ),
    )


CORPUS = [
    doc(
        "page:1",
        "Uchwała w sprawie budżetu obywatelskiego na 2026 rok",
        "Rada Miejska Zielonogrodu przyjęła uchwałę o zasadach budżetu obywatelskiego. "
        "Mieszkańcy zgłaszają projekty do końca marca.",
        type="resolution",
        date=datetime.date(2025, 11, 20),
        area="finance",
    ),
    doc(
        "page:2",
        "Otwarty konkurs ofert na realizację zadań publicznych",
        "Prezydent ogłasza konkurs dla organizacji pozarządowych na realizację zadań "
        "publicznych w zakresie kultury i sportu.",
        type="call",
        date=datetime.date(2024, 3, 5),
        status="open",
        area="culture",
    ),
    doc(
        "clause:3",
        "§ 4 ust. 2",
        "Projekty zgłoszone do budżetu obywatelskiego ocenia zespół złożony z urzędników "
        "i przedstawicieli organizacji.",
        type="clause",
        date=datetime.date(2025, 12, 1),
        status="open",
        area="finance",
        place="Projekt uchwały o budżecie obywatelskim",
        citation="§ 4 ust. 2",
    ),
    doc(
        "page:4",
        "Nowy park przy ulicy Lipowej",
        "W parku powstaną ścieżki spacerowe, plac zabaw i stojaki rowerowe. "
        "Zieleń zaprojektowano z mieszkańcami.",
        type="news",
        date=datetime.date(2023, 6, 10),
        area="environment",
        municipality="lipowa",
    ),
    doc(
        "page:5",
        "Park kieszonkowy na osiedlu Słonecznym",
        "Mały park z ławkami i rabatami kwiatowymi. Bez ścieżki rowerowej.",
        type="news",
        date=datetime.date(2024, 8, 1),
        area="environment",
        municipality="zielonogrod",
    ),
    doc(
        "page:6",
        "Kryta pływalnia otwarta po remoncie",
        "Basen miejski przyjmuje pływaków od poniedziałku. Nowe godziny otwarcia pływalni.",
        type="news",
        date=datetime.date(2025, 2, 14),
        area="sport",
    ),
    doc(
        "page:7",
        "Sezon na lodowisku",
        "Lodowisko przy hali sportowej działa od grudnia do lutego.",
        type="event",
        date=datetime.date(2024, 12, 1),
        area="sport",
    ),
    doc(
        "document:8",
        "Sprawozdanie z konsultacji planu transportowego",
        "Raport z konsultacji społecznych planu zrównoważonej mobilności: "
        "mieszkańcy zgłosili 240 uwag dotyczących komunikacji miejskiej.",
        type="document",
        date=datetime.date(2022, 9, 30),
        status="closed",
        area="transport",
    ),
    doc(
        "comment:9",
        "Uwaga do § 4 ust. 2",
        "Proponuję, by w zespole oceniającym projekty zasiadali także mieszkańcy "
        "wybrani w losowaniu. <script>alert(1)</script>",
        type="comment",
        date=datetime.date(2025, 12, 3),
        status="open",
        area="finance",
    ),
    doc(
        "page:10",
        "Budżet gminy na rok 2026",
        "Projekt budżetu gminy przewiduje inwestycje drogowe i remont szkół. "
        "Obywatele mogą składać wnioski.",
        type="resolution",
        date=datetime.date(2025, 10, 1),
        area="finance",
    ),
]


PARKS = {"page:4", "page:5"}  # the two documents with the word "park"


def keys(results):
    return [hit.key for hit in results.hits]


class BackendContract:
    """Behaviours every backend promises (see search/backends/base.py)."""

    @pytest.fixture
    def indexed(self, backend):
        backend.clear()
        backend.index(CORPUS)
        return backend

    # --- indexing and deletion ----------------------------------------------------
    def test_indexing_counts_each_key_once(self, indexed):
        assert indexed.count() == len(CORPUS)
        indexed.index([CORPUS[0]])
        assert indexed.count() == len(CORPUS)

    def test_reindexing_replaces_the_old_text(self, indexed):
        changed = doc("page:6", "Kryta pływalnia zamknięta", "Remont dachu hali.", type="news")
        indexed.index([changed])
        assert "page:6" not in keys(indexed.search("basen"))
        assert "page:6" in keys(indexed.search("dachu"))

    def test_deleted_entries_are_not_found(self, indexed):
        assert "page:6" in keys(indexed.search("basen"))
        assert indexed.delete(["page:6", "page:999"]) == 1
        assert "page:6" not in keys(indexed.search("basen"))
        assert indexed.count() == len(CORPUS) - 1

    def test_clear_empties_the_index(self, indexed):
        indexed.clear()
        assert indexed.count() == 0
        assert indexed.search("budżet").total == 0

    # --- Polish language ------------------------------------------------------------
    @pytest.mark.parametrize(
        "query",
        ["uchwała budżet obywatelski", "uchwale o budżecie obywatelskim", "uchwał budżetów"],
    )
    def test_inflected_forms_match_each_other(self, indexed, query):
        assert "page:1" in keys(indexed.search(query))

    @pytest.mark.parametrize(
        "query", ["zadan publicznych", "zadanie publiczne", "zadania publicznego"]
    )
    def test_queries_without_diacritics_or_in_another_case_match(self, indexed, query):
        assert "page:2" in keys(indexed.search(query))

    def test_diacritic_less_inflected_form_matches(self, indexed):
        assert "page:1" in keys(indexed.search("uchwaly budzetu"))

    @pytest.mark.parametrize("query", ["mikrodotacja", "mikrodotacji", "mikrodotacje"])
    def test_words_outside_the_dictionary_match_their_inflections(self, indexed, query):
        """hunspell-pl does not know every word a city writes (compounds, new terms)."""
        extra = doc(
            "page:11",
            "Nabór na zielone podwórka",
            "O mikrodotację mogą ubiegać się rady osiedli; kwota jednej mikrodotacji "
            "nie przekracza 5 000 zł.",
        )
        indexed.index([extra])
        assert "page:11" in keys(indexed.search(query))

    def test_stop_words_are_not_required(self, indexed):
        assert "page:7" in keys(indexed.search("lodowisko i w na"))

    def test_title_match_ranks_first(self, indexed):
        assert keys(indexed.search("pływalnia"))[0] == "page:6"

    # --- websearch syntax -------------------------------------------------------------
    def test_quoted_phrase_needs_adjacent_words(self, indexed):
        found = keys(indexed.search('"budżet obywatelski"'))
        assert "page:1" in found
        assert "page:10" not in found  # has both words, not together

    def test_minus_excludes_a_word(self, indexed):
        found = keys(indexed.search("park -stojak"))
        assert "page:5" in found
        assert "page:4" not in found

    def test_minus_excludes_other_inflections_too(self, indexed):
        found = keys(indexed.search("park -ścieżka"))
        assert found == []

    def test_or_matches_either_word(self, indexed):
        found = keys(indexed.search("basen OR lodowisko"))
        assert {"page:6", "page:7"} <= set(found)

    # --- facets, filters, sort, pages --------------------------------------------------
    def test_facets_count_types_years_statuses_and_areas(self, indexed):
        results = indexed.search("budżet obywatelski")
        types = {f.value: f.count for f in results.facets["type"]}
        assert types == {"resolution": 1, "clause": 1}
        assert {f.value for f in results.facets["year"]} == {"2025"}
        assert {f.value: f.count for f in results.facets["status"]} == {"open": 1}
        assert {f.value for f in results.facets["area"]} == {"finance"}

    def test_filters_narrow_hits_but_not_their_own_facet(self, indexed):
        results = indexed.search("projekty", filters={"type": ["clause"]})
        assert keys(results) == ["clause:3"]
        assert results.total == 1
        assert {f.value for f in results.facets["type"]} >= {"clause", "comment", "resolution"}

    def test_year_and_status_filters(self, indexed):
        assert keys(indexed.search("park", filters={"year": ["2024"]})) == ["page:5"]
        assert keys(indexed.search("konkurs", filters={"status": ["closed"]})) == []
        assert keys(indexed.search("konkurs", filters={"status": ["open"]})) == ["page:2"]

    def test_municipality_filter_keeps_its_own_facet_and_hits_name_it(self, indexed):
        results = indexed.search("park", filters={"gmina": ["lipowa"]})
        assert keys(results) == ["page:4"]
        assert results.hits[0].municipality == "lipowa"
        assert results.hits[0].municipality_label == "Gmina Lipowa Dolina"
        counts = {f.value: (f.label, f.count) for f in results.facets["gmina"]}
        assert counts == {
            "lipowa": ("Gmina Lipowa Dolina", 1),
            "zielonogrod": ("Zielonogród", 1),
        }
        assert keys(indexed.search("park", filters={"gmina": ["nowhere"]})) == []

    def test_bad_filter_values_are_ignored(self, indexed):
        results = indexed.search("park", filters={"year": ["abc", "20244"], "colour": ["x"]})
        assert results.total == 2

    def test_sort_by_date_puts_newest_first(self, indexed):
        found = keys(indexed.search("projekty", sort="date"))
        assert found == ["comment:9", "clause:3", "page:1", "page:10"]

    def test_pagination_splits_hits_and_keeps_the_total(self, indexed):
        first = indexed.search("projekty", sort="date", page=1, per_page=3)
        second = indexed.search("projekty", sort="date", page=2, per_page=3)
        assert first.total == second.total == 4
        assert keys(first) + keys(second) == ["comment:9", "clause:3", "page:1", "page:10"]
        assert first.num_pages == 2

    def test_page_past_the_end_has_no_hits_but_the_total(self, indexed):
        results = indexed.search("projekty", page=99)
        assert results.hits == []
        assert results.total == 4

    # --- snippets -----------------------------------------------------------------------
    def test_snippet_marks_the_matched_words(self, indexed):
        hit = next(h for h in indexed.search("ścieżki rowerowe").hits if h.key == "page:4")
        marked = re.findall(r"<mark>(.*?)</mark>", hit.snippet_html)
        assert any(word.lower().startswith("rowerow") for word in marked), hit.snippet_html
        assert any(word.lower().startswith("ścieżk") for word in marked), hit.snippet_html

    def test_snippet_escapes_html_from_the_text(self, indexed):
        hit = next(h for h in indexed.search("losowaniu").hits if h.key == "comment:9")
        assert "<script>" not in hit.snippet_html
        assert "<mark>" in hit.snippet_html

    def test_hit_carries_place_and_citation(self, indexed):
        hit = next(h for h in indexed.search("zespół oceniający").hits if h.key == "clause:3")
        assert hit.place == "Projekt uchwały o budżecie obywatelskim"
        assert hit.citation == "§ 4 ust. 2"
        assert hit.url == "/clause/3/"
        assert hit.type == "clause"

    def test_words_only_in_the_text_are_found_but_the_snippet_comes_from_its_source(self, indexed):
        report_row = SearchDocument(
            key="report:11",
            type="report",
            type_label="Report",
            title="Raport: § 4 ust. 2",
            url="/report/#uwaga-9",
            text="Nieuwzględniona. Zespół ma już przedstawicieli. Proponuję losowanie członków.",
            snippet_source="Nieuwzględniona: Zespół ma już przedstawicieli.",
        )
        indexed.index([report_row])
        hit = next(h for h in indexed.search("losowanie członków").hits if h.key == "report:11")
        assert "losowanie" not in hit.snippet_html.lower()
        assert "przedstawicieli" in hit.snippet_html

    def test_act_numbers_are_found_as_typed_and_by_their_parts(self, indexed):
        indexed.index(
            [doc("page:12", "Uchwała nr XII/105/2026 Rady Miasta", "W sprawie targowiska.")]
        )
        assert keys(indexed.search("XII/105/2026")) == ["page:12"]
        assert keys(indexed.search("uchwała 105/2026")) == ["page:12"]
        assert keys(indexed.search("XII/106/2026")) == []

    # --- suggestions --------------------------------------------------------------------
    def test_suggestions_complete_a_title_word(self, indexed):
        assert "Kryta pływalnia otwarta po remoncie" in indexed.suggest("pływ")
        assert "Kryta pływalnia otwarta po remoncie" in indexed.suggest("plyw")

    def test_suggestions_ignore_junk(self, indexed):
        assert indexed.suggest("") == []
        assert indexed.suggest("'&|!():*\\") == []

    # --- bad input ----------------------------------------------------------------------
    @pytest.mark.parametrize("query", ["", "   ", "x" * 10_000, "😀🎉", "'&|!():*\\", "-park"])
    def test_unsearchable_queries_raise_a_query_error(self, indexed, query):
        with pytest.raises(QueryError):
            indexed.search(query)

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("park'&|!():*\\", PARKS),
            # Every word must match: no document has park, lodowisko and basen.
            ("park & (lodowisko | !basen)", set()),
            ('"park przy ulicy', {"page:4"}),
            ('park"', PARKS),
            ("park 😀", PARKS),
            ("park:* OR", PARKS),
            ("OR park", PARKS),
            ("park -", PARKS),
            ("NEAR(park basen)", set()),
            ("park AND NOT basen", set()),
            ("'; DROP TABLE portal_search_searchentry; --", set()),
            ("\x00park", PARKS),
        ],
    )
    def test_syntax_characters_are_searched_safely(self, indexed, query, expected):
        results = indexed.search(query)
        assert set(keys(results)) == expected
        assert results.total == len(expected)
        assert indexed.count() == len(CORPUS)
