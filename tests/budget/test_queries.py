"""Project lists and results take the same number of queries for 3 or 60 projects."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from budget.factories import make_ballot, make_edition, make_pool, make_project
from budget.models import Phase, Status, Support


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
