"""List pages cost the same number of queries for few and many rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import OrganisationFactory
from cooperation.factories import BodyMemberFactory, MeetingFactory, MinutesFactory, TermFactory
from cooperation.models import Candidate, CandidateCall
from tests.cooperation.test_elections import call_for

pytestmark = pytest.mark.django_db


def queries(client, url) -> int:
    client.get(url)  # the first request of a test warms per-process caches (site, settings)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def grow_body(body, n):
    for _ in range(n):
        BodyMemberFactory(body=body)
        MinutesFactory(meeting=MeetingFactory(body=body), status="published")


def test_the_body_page(client, group):
    grow_body(group, 1)
    few = queries(client, group.get_absolute_url())
    grow_body(group, 25)
    assert queries(client, group.get_absolute_url()) == few


def test_the_call_page_in_results(client, council, official_a):
    call = call_for(council, "counting")

    def grow(n):
        for _ in range(n):
            organisation = OrganisationFactory()
            Candidate.objects.create(
                call=call, organisation=organisation, user=BodyMemberFactory(body=council).user
            )

    grow(1)
    CandidateCall.objects.filter(pk=call.pk).update(results_published_at=call.voting_close_at)
    few = queries(client, call.get_absolute_url())
    grow(25)
    assert queries(client, call.get_absolute_url()) == few


def test_the_officials_member_list(client, official_a, council):
    client.force_login(official_a)
    term = TermFactory(body=council)
    for _ in range(2):
        BodyMemberFactory(body=council, term=term, organisation=OrganisationFactory())
    few = queries(client, "/admin/cooperation_members/")
    for _ in range(25):
        BodyMemberFactory(body=council, term=term, organisation=OrganisationFactory())
    assert queries(client, "/admin/cooperation_members/") == few
