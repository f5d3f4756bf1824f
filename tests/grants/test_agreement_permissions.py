"""Who reaches each agreement and report screen: anonymous, a resident, a representative
of this and of another organisation, an editor, an official of this and of another
municipality, an administrator."""

import pytest
from django.urls import reverse

from tests.grants.agreement_world import *  # noqa: F403 - fixtures
from tests.grants.test_permissions import ROLES

pytestmark = pytest.mark.django_db


def codes(*values):
    return dict(zip(ROLES, values, strict=True))


# the organisation's representatives and the municipality's officials; others: 404
BOTH = codes(302, 404, 200, 404, 404, 200, 404, 200)
REPRESENTATIVES = codes(302, 404, 200, 404, 404, 404, 404, 404)
# POST of the office's forms: an empty decision is answered with its errors
OFFICE_POST = codes(302, 404, 404, 404, 404, 400, 404, 400)


def status(client, request, role, url, *, post=False):
    client.logout()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return (client.post(url) if post else client.get(url)).status_code


@pytest.mark.parametrize("role", ROLES)
def test_the_agreement_and_its_documents(client, request, signed, role):
    for url in (
        signed.get_absolute_url(),
        reverse("grants:agreement_download", args=[signed.pk, "pdf"]),
        reverse("grants:agreement_download", args=[signed.pk, "docx"]),
    ):
        assert status(client, request, role, url) == BOTH[role], url


@pytest.mark.parametrize("role", ROLES)
def test_the_agreements_list_shows_only_ones_own(client, request, signed, role):
    url = reverse("grants:agreements")
    expected = 302 if role == "anonymous" else 200
    assert status(client, request, role, url) == expected
    if role != "anonymous":
        listed = signed.number in client.get(url).content.decode()
        assert listed == (BOTH[role] == 200), role


@pytest.mark.parametrize("role", ROLES)
def test_starting_an_agreement_is_for_the_municipalitys_officials(client, request, granted, role):
    url = reverse("grants:agreement_start", args=[granted.pk])
    expected = codes(302, 404, 404, 404, 404, 302, 404, 302)
    assert status(client, request, role, url, post=True) == expected[role]
    assert status(client, request, role, url) == 405


@pytest.mark.parametrize("role", ROLES)
def test_the_updated_estimate(client, request, estimate_agreement, role):
    url = reverse("grants:estimate", args=[estimate_agreement.pk])
    assert status(client, request, role, url) == BOTH[role]
    decision = reverse("grants:estimate_decision", args=[estimate_agreement.pk])
    assert status(client, request, role, decision, post=True) == OFFICE_POST[role]


def test_the_office_never_sees_a_draft_estimate(client, official, estimate_agreement):
    client.force_login(official)
    page = client.get(reverse("grants:estimate", args=[estimate_agreement.pk]))
    assert "has not submitted the updated estimate yet" in page.content.decode()
    assert "Koszt 1" not in page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_report_is_the_organisations_only(client, request, final_report, role):
    for url in (
        final_report.get_absolute_url(),
        reverse("grants:report_pdf", args=[final_report.pk]),
    ):
        assert status(client, request, role, url) == REPRESENTATIVES[role], url


@pytest.mark.parametrize("role", ROLES)
def test_a_submitted_report_and_its_decision(client, request, submitted_report, role):
    for url in (
        submitted_report.get_absolute_url(),
        reverse("grants:report_pdf", args=[submitted_report.pk]),
    ):
        assert status(client, request, role, url) == BOTH[role], url
    decision = reverse("grants:report_decision", args=[submitted_report.pk])
    assert status(client, request, role, decision, post=True) == OFFICE_POST[role]


@pytest.mark.parametrize("role", ["ngo_user", "official"])
def test_nobody_else_changes_a_submitted_report(client, request, submitted_report, role):
    client.force_login(request.getfixturevalue(role))
    response = client.post(submitted_report.get_absolute_url(), {"deviations": "x"})
    assert response.status_code == 302
    submitted_report.refresh_from_db()
    assert submitted_report.deviations == ""


def test_the_representative_cannot_decide_nor_edit_the_terms(client, ngo_user, agreement):
    client.force_login(ngo_user)
    response = client.post(agreement.get_absolute_url(), {"place": "Tu"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.place == ""
    assert 'id="agreement-form"' not in client.get(agreement.get_absolute_url()).content.decode()
