import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from grants.forms.offers import FORMSETS
from grants.models import CostLine, GrantEvent, Offer, OfferStatus, OfferVersion
from grants.services import offers as service

pytestmark = pytest.mark.django_db


def posted(offer, **overrides):
    """The offer form as a browser would send it, from the saved offer."""
    data = service.offer_data(offer)
    form = {"version": str(offer.version), "action": "save"}
    for name, value in data.fields.items():
        if isinstance(value, bool):
            if value:
                form[name] = "on"
        elif isinstance(value, Decimal):
            form[name] = f"{value:.2f}".replace(".", ",")
        elif value is not None:
            form[name] = str(value)
    for table, (_form, fields, _extra) in FORMSETS.items():
        rows = getattr(data, table)
        form[f"{table}-TOTAL_FORMS"] = str(len(rows))
        form[f"{table}-INITIAL_FORMS"] = "0"
        for n, row in enumerate(rows):
            for name in fields:
                value = row.get(name)
                if value is not None:
                    form[f"{table}-{n}-{name}"] = str(value)
    form.update(overrides)
    return form


def test_representative_starts_an_offer_prefilled_from_the_profile(
    client, ngo_user, organisation, call
):
    client.force_login(ngo_user)
    url = reverse("grants:start_call_offer", args=[call.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"organisation": organisation.pk})
    offer = Offer.objects.get()
    assert response.url == offer.get_absolute_url()
    assert offer.offeror_name == organisation.name and offer.register_number.endswith(
        organisation.krs
    )
    assert offer.municipality.home_page_id is not None
    page = client.get(offer.get_absolute_url())
    assert page.status_code == 200
    assert "V.A" in page.content.decode()


def test_draft_saves_with_polish_amounts_and_replaces_tables(client, ngo_user, draft):
    client.force_login(ngo_user)
    data = posted(
        draft, **{"costs-0-unit_cost": "1 234,50", "costs-0-units": "2", "costs-0-value": ""}
    )
    response = client.post(draft.get_absolute_url(), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.version == 2
    line = CostLine.objects.get(offer=draft, position=1)
    assert line.unit_cost == Decimal("1234.50")


def test_a_save_over_a_newer_version_is_refused_and_keeps_the_text(client, ngo_user, draft):
    client.force_login(ngo_user)
    stale = posted(draft, title="Mój nowy tytuł zadania")
    client.post(draft.get_absolute_url(), posted(draft, title="Tytuł kolegi"))
    response = client.post(draft.get_absolute_url(), stale)
    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this offer" in html or "Ktoś inny" in html
    assert "Mój nowy tytuł zadania" in html
    draft.refresh_from_db()
    assert draft.title == "Tytuł kolegi"


def test_unreadable_amount_is_shown_with_the_typed_text(client, ngo_user, draft):
    client.force_login(ngo_user)
    response = client.post(draft.get_absolute_url(), posted(draft, grant_requested="12,345.67"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_grant_requested"' in html and 'value="12,345.67"' in html


def test_submit_with_arithmetic_errors_lists_them_linked_to_the_fields(client, ngo_user, draft):
    client.force_login(ngo_user)
    data = posted(draft, action="submit", **{"costs-0-value": "999,00"})
    response = client.post(draft.get_absolute_url(), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#id_costs-0-value"' in html
    draft.refresh_from_db()
    assert draft.status == OfferStatus.DRAFT


def test_submit_freezes_the_offer_and_keeps_the_version(client, ngo_user, draft):
    client.force_login(ngo_user)
    response = client.post(draft.get_absolute_url(), posted(draft, action="submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == OfferStatus.SUBMITTED
    version = OfferVersion.objects.get(offer=draft)
    assert version.number == 1 and version.data["fields"]["title"] == draft.title
    assert GrantEvent.objects.filter(offer=draft, action="offer_submitted").exists()
    # frozen: a later POST changes nothing
    client.post(draft.get_absolute_url(), posted(draft, title="Zmiana"))
    draft.refresh_from_db()
    assert draft.title != "Zmiana"
    # correction: a new version, history kept
    client.post(reverse("grants:offer_correct", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == OfferStatus.CORRECTION
    client.post(draft.get_absolute_url(), posted(draft, action="submit", title="Poprawione"))
    assert list(draft.versions.values_list("number", flat=True)) == [1, 2]


def test_submission_after_the_deadline_is_refused_politely(client, ngo_user, draft, call):
    call.offer_deadline = timezone.now() - datetime.timedelta(minutes=1)
    call.save()
    client.force_login(ngo_user)
    response = client.post(draft.get_absolute_url(), posted(draft, action="submit", title="Nowy"))
    assert response.status_code == 400
    assert (
        "deadline for offers has passed" in response.content.decode()
        or "termin" in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.status == OfferStatus.DRAFT and draft.title == "Nowy"


def test_joint_offer_split_is_checked(client, ngo_user, draft):
    client.force_login(ngo_user)
    data = posted(
        draft,
        action="submit",
        is_joint="on",
        co_offerors="Fundacja Druga, KRS 0000000002",
        **{
            "shares-TOTAL_FORMS": "2",
            "shares-0-offeror": "A",
            "shares-0-amount": "1 000,00",
            "shares-1-offeror": "B",
            "shares-1-amount": "500,00",
        },
    )
    response = client.post(draft.get_absolute_url(), data)
    assert response.status_code == 400
    assert 'href="#id_shares-0-amount"' in response.content.decode()
    data["shares-1-amount"] = "1 000,00"
    assert (
        client.post(
            draft.get_absolute_url(), data | {"version": str(Offer.objects.get().version)}
        ).status_code
        == 302
    )


def test_pdf_and_docx_downloads(client, ngo_user, draft):
    client.force_login(ngo_user)
    pdf = client.get(reverse("grants:offer_download", args=[draft.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("grants:offer_download", args=[draft.pk, "docx"]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert client.get(reverse("grants:offer_download", args=[draft.pk, "odt"])).status_code == 404


def test_small_grant_offer_is_the_simplified_form(client, ngo_user, organisation, home_page):
    from municipalities.services import home_municipality

    client.force_login(ngo_user)
    response = client.post(
        reverse("grants:start_small_offer"),
        {"organisation": organisation.pk, "municipality": home_municipality().pk},
    )
    offer = Offer.objects.get()
    assert response.url == offer.get_absolute_url() and offer.kind == "small"
    html = client.get(offer.get_absolute_url()).content.decode()
    assert "Simplified offer" in html or "uproszczona" in html.lower()
    assert 'name="experience"' not in html
