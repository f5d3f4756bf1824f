"""Query budgets: saving a 40-line cost table; the officials' list, the scoring screen
and the results do not grow with the number of offers."""

import pytest
from django.urls import reverse

from grants.factories import complete_offer
from grants.models import OfferStatus
from tests.grants.test_offers import posted

pytestmark = pytest.mark.django_db


def test_saving_a_forty_line_cost_table_takes_at_most_15_queries(
    client, ngo_user, call, organisation, django_assert_max_num_queries
):
    offer = complete_offer(call=call, organisation=organisation, lines=40)
    client.force_login(ngo_user)
    data = posted(offer)
    client.get("/")  # the session is read once before
    with django_assert_max_num_queries(15):
        response = client.post(offer.get_absolute_url(), data)
    assert response.status_code == 302
    assert offer.cost_lines.count() == 40


def test_officials_list_does_not_grow_with_offers(
    client, official, call, organisation, django_assert_max_num_queries
):
    client.force_login(official)
    url = reverse("grants:call_offers", args=[call.pk])
    complete_offer(call=call, organisation=organisation, status=OfferStatus.SUBMITTED)
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        complete_offer(call=call, organisation=organisation, status=OfferStatus.SUBMITTED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
