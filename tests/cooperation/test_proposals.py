"""Public task proposals: members submit, officials answer within a month."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from cooperation.models import TaskProposal
from cooperation.models.proposals import add_months
from tests.cooperation.conftest import ROLES

pytestmark = pytest.mark.django_db

FORM = {
    "title": "Zajęcia ruchowe dla seniorów w świetlicach",
    "description": "Dwa razy w tygodniu, w trzech świetlicach wiejskich.",
    "area": "seniors",
    "estimated_cost": "12 345,67",
}


def new_url(body):
    return reverse("cooperation:proposal_new", args=[body.municipality.slug, body.slug])


def make(body, *, days_ago, answered=False):
    return TaskProposal.objects.create(
        body=body,
        title=f"Wniosek sprzed {days_ago} dni",
        description="Opis",
        area="seniors",
        estimated_cost=Decimal("1000.00"),
        submitted_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        answered_at=timezone.now() if answered else None,
        answer="Przyjęty do programu." if answered else "",
    )


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 12, 15), 1) == datetime.date(2027, 1, 15)
    assert add_months(datetime.date(2026, 3, 31), -1) == datetime.date(2026, 2, 28)


def test_a_member_submits_with_a_polish_amount(client, member, group):
    client.force_login(member)
    response = client.post(new_url(group), FORM)
    proposal = TaskProposal.objects.get()
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert proposal.estimated_cost == Decimal("12345.67")
    assert proposal.answer_due_on == add_months(timezone.localdate(), 1)
    assert "12" in client.get(proposal.get_absolute_url()).content.decode()


def test_a_bad_amount_keeps_what_was_typed(client, member, group):
    client.force_login(member)
    response = client.post(new_url(group), {**FORM, "estimated_cost": "dużo"})
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page
    assert 'href="#id_estimated_cost"' in page
    assert "Zajęcia ruchowe dla seniorów w świetlicach" in page
    assert not TaskProposal.objects.exists()


PROPOSAL_FORM = {
    "anonymous": 302,
    "resident": 403,
    "member": 200,
    "outsider_ngo": 403,
    "editor_a": 403,
    "official_a": 403,  # officials answer; the group proposes
    "official_b": 403,
    "admin_a": 403,
}


@pytest.mark.parametrize("role", ROLES)
def test_the_proposal_form_by_role(role, as_role, group, member):
    client = as_role(role)
    assert client.get(new_url(group)).status_code == PROPOSAL_FORM[role]
    client.post(new_url(group), FORM)
    assert TaskProposal.objects.exists() == (role == "member")


def test_the_council_takes_no_proposals_through_this_form(client, council, member):
    client.force_login(member)
    assert client.get(new_url(council)).status_code == 403


def test_overdue_proposals_are_flagged_on_the_officials_list(as_role, group):
    make(group, days_ago=40)
    make(group, days_ago=45, answered=True)
    make(group, days_ago=3)
    assert list(TaskProposal.objects.overdue().values_list("title", flat=True)) == [
        "Wniosek sprzed 40 dni"
    ]
    page = as_role("official_a").get("/admin/cooperation_proposals/").content.decode()
    assert page.count("OVERDUE") + page.count("PO TERMINIE") == 1


def test_the_official_answers_and_the_member_is_told(
    as_role, group, member, mailoutbox, django_capture_on_commit_callbacks
):
    proposal = make(group, days_ago=10)
    proposal.submitted_by = member
    proposal.save()
    client = as_role("official_a")
    url = f"/admin/cooperation_proposals/edit/{proposal.pk}/"
    assert client.post(url, {"answer": ""}).status_code == 200  # required
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"answer": "Zadanie trafi do programu."}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.answered_at and proposal.answer == "Zadanie trafi do programu."
    assert [m.to for m in mailoutbox] == [[member.email]]
    assert as_role("official_b").get(url).status_code == 404
    assert as_role("official_a").get("/admin/cooperation_proposals/new/").status_code == 302
