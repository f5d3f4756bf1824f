"""Project lists and results take the same number of queries for 3 or 60 projects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Identity, Phase, PoolKind, Status, Support
from budget.pesel import with_checksum


def fill(pool, n):
    for i in range(n):
        project = make_project(pool, title=f"Projekt {i}", status=Status.ADMITTED, cost="1000.00")
        Support.objects.create(project=project, full_name=f"Osoba {i}")
        make_ballot(pool, [project])


def count(client, url):
    client.get(url)  # the first request of a test also reads the site and its settings
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["budget:edition", "budget:results"])
def test_lists_take_constant_queries(client, city, name):
    sizes = []
    for n in (3, 60):
        edition = make_edition(
            city, phase=Phase.IMPLEMENTATION, results_published_at=timezone.now()
        )
        pools = [make_pool(edition, name="Cała gmina"), make_pool(edition, name="Północ")]
        for pool in pools:
            fill(pool, n)
        sizes.append(count(client, reverse(name, args=[edition.pk])))
    assert sizes[0] == sizes[1], sizes


def test_vote_form_takes_constant_queries(client, resident, city):
    client.force_login(resident)
    sizes = []
    for n in (3, 40):
        edition = make_edition(city, phase=Phase.VOTING)
        pool = make_pool(edition)
        fill(pool, n)
        sizes.append(count(client, reverse("budget:vote", args=[pool.pk])))
    assert sizes[0] == sizes[1], sizes


def cast_and_count(client, url, data):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return [q["sql"].split()[0] for q in queries.captured_queries]


def test_a_stored_vote_takes_six_queries(client, city):
    """PESEL identity (as in bench/budget_bench.py): the pool with its edition, the
    admitted projects' costs, then the ballot and its choices in a transaction (a
    savepoint inside the test's transaction, BEGIN/COMMIT in production). The one-vote
    and one-district rules are constraints: they cost no query while the vote is valid."""
    edition = make_edition(city, phase=Phase.VOTING, identity=Identity.PESEL)
    pool = make_pool(edition, kind=PoolKind.DISTRICT)
    projects = [make_project(pool, title=f"P{i}", status=Status.ADMITTED) for i in range(12)]
    url = reverse("budget:vote", args=[pool.pk])
    client.get(url)
    counts = []
    for number in ("8501150812", "9002020345"):
        data = {
            "projects": [p.pk for p in projects[:3]],
            "full_name": "Anna Lipowa",
            "pesel": with_checksum(number),
            "declared_residence": "on",
        }
        counts.append(cast_and_count(client, url, data))
    assert counts[1] == ["SELECT", "SELECT", "SAVEPOINT", "INSERT", "INSERT", "RELEASE"]
    assert counts[0] == counts[1]


def test_a_stored_vote_by_account_adds_the_session_user_and_verified_address(
    client, resident, city
):
    """The same six, after the session, the user and their roles (read by the
    middleware), and the verified e-mail address (asked by the view, to refuse politely
    before the form, and by the voting service itself)."""
    edition = make_edition(city, phase=Phase.VOTING)
    pool = make_pool(edition)
    project = make_project(pool, status=Status.ADMITTED)
    client.force_login(resident)
    data = {"projects": [project.pk], "declared_residence": "on", "declared_age": "on"}
    queries = cast_and_count(client, reverse("budget:vote", args=[pool.pk]), data)
    assert len(queries) == 11, queries
