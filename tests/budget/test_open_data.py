"""Published results as open data: CSV and JSON of the edition or one pool, with turnout;
CSV cells never become spreadsheet formulas; nothing before the results are published."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Phase, PoolKind, Status
from budget.services.results import publish_results


@pytest.fixture
def published(city, official):
    edition = make_edition(city, phase=Phase.COUNTING)
    city_pool = make_pool(edition, name="Cała gmina", amount="100000.00", residents=200)
    district = make_pool(
        edition,
        name="Osiedle Północ",
        kind=PoolKind.DISTRICT,
        amount="50000.00",
        residents=40,
        position=1,
    )
    a = make_project(city_pool, title="Park", cost="70000.00", status=Status.ADMITTED)
    b = make_project(city_pool, title="=HYPERLINK(1)", cost="60000.00", status=Status.ADMITTED)
    c = make_project(district, title="Ławki", cost="20000.00", status=Status.ADMITTED)
    for choices in ([a, b], [a], [b]):
        make_ballot(city_pool, choices)
    make_ballot(city_pool, [a])
    make_ballot(district, [c])
    publish_results(by=official, edition=edition)
    return edition, city_pool, district


def rows_of(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8"))))


def test_csv_has_the_published_figures_and_turnout(client, published):
    edition, city_pool, district = published
    rows = rows_of(client.get(reverse("budget:results_csv", args=[edition.pk])))
    assert [(r["pool"], r["project"], r["votes"], r["place"], r["chosen"]) for r in rows] == [
        ("Cała gmina", "Park", "3", "1", "true"),
        ("Cała gmina", "'=HYPERLINK(1)", "2", "2", "false"),
        ("Osiedle Północ", "Ławki", "1", "1", "true"),
    ]
    park = rows[0]
    assert park["cost"] == "70000.00" and park["pool_amount"] == "100000.00"
    assert park["pool_ballots"] == "4" and park["pool_residents"] == "200"
    assert park["pool_turnout_percent"] == "2.00"
    assert rows[2]["pool_turnout_percent"] == "2.50"
    assert park["url"].endswith(reverse("budget:project", args=[int(park["project_id"])]))


def test_one_pool_and_json(client, published):
    edition, city_pool, district = published
    url = reverse("budget:results_csv", args=[edition.pk])
    response = client.get(url, {"pula": district.pk})
    assert [r["project"] for r in rows_of(response)] == ["Ławki"]
    assert f"pula-{district.pk}" in response["Content-Disposition"]
    data = json.loads(client.get(reverse("budget:results_json", args=[edition.pk])).content)
    assert data["schema"] == "okienko-budget-results/1"
    first = data["pools"][0]
    assert first["name"] == "Cała gmina" and first["turnout_percent"] == "2.00"
    assert first["projects"][1] == {
        "id": first["projects"][1]["id"],
        "title": "=HYPERLINK(1)",  # JSON carries the exact text
        "cost": "60000.00",
        "votes": 2,
        "place": 2,
        "chosen": False,
        "url": first["projects"][1]["url"],
    }


def test_results_page_links_the_files(client, published):
    edition, _city_pool, district = published
    body = client.get(reverse("budget:results", args=[edition.pk])).content.decode()
    assert reverse("budget:results_csv", args=[edition.pk]) in body
    assert f"{reverse('budget:results_json', args=[edition.pk])}?pula={district.pk}" in body


@pytest.mark.parametrize("name", ["budget:results_csv", "budget:results_json"])
def test_nothing_before_publication_or_for_a_foreign_pool(client, city, published, name):
    edition, _city_pool, _district = published
    voting = make_edition(city, phase=Phase.VOTING)
    foreign = make_pool(voting)
    assert client.get(reverse(name, args=[voting.pk])).status_code == 404
    assert client.get(reverse(name, args=[edition.pk]), {"pula": foreign.pk}).status_code == 404
    assert client.get(reverse(name, args=[edition.pk]), {"pula": "x"}).status_code == 404


@pytest.mark.parametrize("name", ["budget:results_csv", "budget:results_json"])
def test_files_take_constant_queries(client, city, official, name):
    sizes = []
    for n in (3, 40):
        edition = make_edition(city, phase=Phase.COUNTING)
        pools = [make_pool(edition, name="Cała gmina"), make_pool(edition, name="Północ")]
        for pool in pools:
            for i in range(n):
                project = make_project(pool, title=f"P{i}", cost="1000.00", status=Status.ADMITTED)
                make_ballot(pool, [project])
        publish_results(by=official, edition=edition)
        url = reverse(name, args=[edition.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        sizes.append(len(queries))
    assert sizes[0] == sizes[1], sizes
