import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cms_pages.factories import CallForProposalsPageFactory, CallIndexPageFactory
from cms_pages.models import CallStatus
from grants.models import CallTerms, GrantEvent

pytestmark = pytest.mark.django_db


def test_official_saves_terms_with_criteria_and_previous_years(client, official, call):
    client.force_login(official)
    url = reverse("grants:call_terms", args=[call.pk])
    assert client.get(url).status_code == 200
    data = {
        "mode": "entrust",
        "areas": ["culture", "sport"],
        "max_grant": "25 000,00",
        "min_own_contribution_pct": "0",
        "admin_cost_cap_pct": "15",
        "in_kind_allowed": "on",
        "implementation_start": "2027-01-01",
        "implementation_end": "2027-12-31",
        "corrections_allowed_days": "7",
        "required_attachments": "Statut\nSprawozdanie finansowe",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-0-kind": "substantive",
        "criteria-0-name": "Jakość",
        "criteria-0-max_points": "10",
        "years-TOTAL_FORMS": "1",
        "years-INITIAL_FORMS": "0",
        "years-0-year": "2025",
        "years-0-amount": "120 000,00",
    }
    # the existing terms row has 7 criteria already: keep them
    terms = CallTerms.objects.get(call=call)
    ids = list(terms.criteria.values_list("pk", flat=True))
    data["criteria-TOTAL_FORMS"] = str(len(ids) + 1)
    data["criteria-INITIAL_FORMS"] = str(len(ids))
    for n, pk in enumerate(ids):
        c = terms.criteria.get(pk=pk)
        data |= {
            f"criteria-{n}-id": pk,
            f"criteria-{n}-kind": c.kind,
            f"criteria-{n}-name": c.name,
            f"criteria-{n}-max_points": c.max_points or "",
        }
    data |= {
        f"criteria-{len(ids)}-kind": "substantive",
        f"criteria-{len(ids)}-name": "Innowacyjność",
        f"criteria-{len(ids)}-max_points": "5",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    terms.refresh_from_db()
    assert terms.mode == "entrust" and str(terms.max_grant) == "25000.00"
    assert terms.criteria.count() == len(ids) + 1
    assert terms.previous_years.get().year == 2025
    assert GrantEvent.objects.filter(action="call_terms_saved", call=call).exists()
    page = client.get(call.url)
    assert "Innowacyjność" in page.content.decode()


def test_terms_form_errors_are_listed_and_linked(client, official, call):
    client.force_login(official)
    response = client.post(
        reverse("grants:call_terms", args=[call.pk]),
        {
            "criteria-TOTAL_FORMS": "0",
            "criteria-INITIAL_FORMS": "0",
            "years-TOTAL_FORMS": "0",
            "years-INITIAL_FORMS": "0",
            "max_grant": "12,345.6",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="error-summary"' in html and 'href="#id_max_grant"' in html


def test_publishing_refuses_a_deadline_under_21_days(client, official, home_page):
    index = CallIndexPageFactory(parent=home_page)
    call = CallForProposalsPageFactory(
        parent=index, publish=False, offer_deadline=timezone.now() + datetime.timedelta(days=14)
    )
    client.force_login(official)
    response = client.post(reverse("grants:call_publish", args=[call.pk]), follow=True)
    assert "art. 13 ust. 1" in response.content.decode()
    call.refresh_from_db()
    assert not call.live


def test_publishing_with_enough_time_opens_the_call(client, official, home_page):
    index = CallIndexPageFactory(parent=home_page)
    call = CallForProposalsPageFactory(
        parent=index,
        publish=False,
        status=CallStatus.ANNOUNCED,
        offer_deadline=timezone.now() + datetime.timedelta(days=22),
    )
    client.force_login(official)
    client.post(reverse("grants:call_publish", args=[call.pk]))
    call.refresh_from_db()
    assert call.live and call.status == CallStatus.OPEN
    assert GrantEvent.objects.filter(action="call_published", call=call).exists()


def test_wagtail_editor_publishing_follows_the_same_rule(client, official, home_page):
    index = CallIndexPageFactory(parent=home_page)
    call = CallForProposalsPageFactory(
        parent=index, publish=False, offer_deadline=timezone.now() + datetime.timedelta(days=5)
    )
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.test import RequestFactory

    from grants.wagtail_hooks import refuse_call_deadline_too_close

    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    response = refuse_call_deadline_too_close(request, call)
    assert response.status_code == 302
    assert refuse_call_deadline_too_close(request, home_page) is None


def test_cancelling_records_the_reason_and_shows_it(client, official, call):
    client.force_login(official)
    url = reverse("grants:call_cancel", args=[call.pk])
    assert client.post(url, {"reason": ""}).status_code == 400
    response = client.post(url, {"reason": "Nie wpłynęła żadna oferta."})
    assert response.status_code == 302
    call.refresh_from_db()
    assert call.status == CallStatus.CANCELLED
    terms = CallTerms.objects.get(call=call)
    assert (
        terms.cancellation_reason == "Nie wpłynęła żadna oferta." and terms.cancelled_by == official
    )
    assert GrantEvent.objects.get(action="call_cancelled").note == "Nie wpłynęła żadna oferta."
    assert "Nie wpłynęła żadna oferta." in client.get(call.url).content.decode()
