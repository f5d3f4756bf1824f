"""Agreements: numbering, the updated cost estimate (offer rules reused), the terms and
payment schedule, signing, documents, audit trail and e-mails."""

import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from grants import agreement_factories as build
from grants.models import (
    Agreement,
    AgreementStatus,
    CallTerms,
    EstimateStatus,
    GrantEvent,
    ReportKind,
    UpdatedEstimate,
)
from grants.services import agreements as service
from tests.grants.agreement_world import *  # noqa: F403 - fixtures
from tests.grants.agreement_world import DAY

pytestmark = pytest.mark.django_db


def test_official_starts_the_agreement_numbered_per_municipality_and_year(
    client, official, granted, today
):
    client.force_login(official)
    response = client.post(reverse("grants:agreement_start", args=[granted.pk]))
    agreement = Agreement.objects.get()
    assert response.url == agreement.get_absolute_url()
    assert agreement.number == f"DOT/{today.year}/001"
    assert agreement.status == AgreementStatus.PREPARING
    assert agreement.amount == granted.granted_amount
    assert (agreement.start_date, agreement.end_date) == (granted.start_date, granted.end_date)
    assert list(agreement.payments.values_list("amount", flat=True)) == [granted.granted_amount]
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert f"DOT/{today.year}/001" in page and 'id="agreement-form"' in page


def test_numbers_follow_the_setting_and_count_on(settings, official, grant_call, organisation):
    settings.GRANTS_AGREEMENT_NUMBER_FORMAT = "{municipality}/ZD.524.{number}.{year}"
    numbers = [
        service.start_agreement(
            offer=build.granted_offer(call=grant_call, organisation=organisation), user=official
        ).number
        for _ in range(2)
    ]
    slug = Agreement.objects.first().municipality.slug
    year = Agreement.objects.first().year
    assert numbers == [f"{slug}/ZD.524.1.{year}", f"{slug}/ZD.524.2.{year}"]


def test_a_broken_number_format_is_a_configuration_error(settings, official, granted):
    settings.GRANTS_AGREEMENT_NUMBER_FORMAT = "DOT/{rok}/{number}"
    with pytest.raises(ImproperlyConfigured):
        service.start_agreement(offer=granted, user=official)


@pytest.mark.parametrize("case", ["refused", "unpublished", "twice"])
def test_an_agreement_needs_a_granted_offer_with_published_results(client, official, granted, case):
    if case == "refused":
        granted.status = "refused"
        granted.save()
    if case == "unpublished":
        CallTerms.objects.update(results_published_at=None)
    if case == "twice":
        service.start_agreement(offer=granted, user=official)
    client.force_login(official)
    response = client.post(reverse("grants:agreement_start", args=[granted.pk]))
    assert response.url == granted.get_absolute_url()
    assert Agreement.objects.count() == (1 if case == "twice" else 0)


def test_a_lower_grant_waits_for_the_updated_estimate(estimate_agreement, lower):
    assert estimate_agreement.status == AgreementStatus.ESTIMATE
    estimate = service.current_estimate(estimate_agreement)
    assert estimate.number == 1 and estimate.status == EstimateStatus.DRAFT
    # prefilled with the offer's tables
    assert len(estimate.data["costs"]) == lower.cost_lines.count()


def estimate_post(agreement, data, **overrides):
    """The estimate form as a browser sends it."""
    estimate = service.current_estimate(agreement)
    form = {"revision": str(estimate.revision), "action": "save"}
    for name in ("start_date", "end_date"):
        form[name] = data.fields[name].isoformat()
    for name in ("own_financial", "own_non_financial", "recipient_fees"):
        form[name] = f"{data.fields.get(name) or 0:.2f}".replace(".", ",")
    for table in ("actions", "results", "costs"):
        rows = getattr(data, table)
        form[f"{table}-TOTAL_FORMS"] = str(len(rows))
        form[f"{table}-INITIAL_FORMS"] = "0"
        for n, row in enumerate(rows):
            for name, value in row.items():
                if value is not None:
                    form[f"{table}-{n}-{name}"] = str(value)
    form.update(overrides)
    return form


def test_updated_estimate_reuses_the_offers_rules(client, ngo_user, estimate_agreement, lower):
    client.force_login(ngo_user)
    url = reverse("grants:estimate", args=[estimate_agreement.pk])
    page = client.get(url)
    assert page.status_code == 200
    # the offer's costs (2 000 zł) no longer match the grant and own contribution
    assert "must add up to the total costs" in page.content.decode()
    data = build.fitting_estimate(lower, estimate_agreement.amount)
    # own contribution below the call's 10 % minimum: the offer's rule refuses it
    posted = estimate_post(
        estimate_agreement,
        data,
        action="submit",
        **{"own_financial": "10,00", "costs-0-unit_cost": "1 510,00", "costs-0-value": ""},
    )
    response = client.post(url, posted)
    assert response.status_code == 400
    assert "at least 10" in response.content.decode()
    assert service.current_estimate(estimate_agreement).status == EstimateStatus.DRAFT
    # a fitting estimate typed in the Polish format goes through
    posted = estimate_post(
        estimate_agreement, data, action="submit", **{"costs-0-unit_cost": "1 700,00"}
    )
    response = client.post(url, posted)
    assert response.status_code == 302
    estimate = service.current_estimate(estimate_agreement)
    assert estimate.status == EstimateStatus.SUBMITTED
    assert estimate.data["costs"][0]["unit_cost"] == "1700.00"


def test_a_stale_estimate_save_is_refused(client, ngo_user, estimate_agreement, lower):
    client.force_login(ngo_user)
    url = reverse("grants:estimate", args=[estimate_agreement.pk])
    data = build.fitting_estimate(lower, estimate_agreement.amount)
    first = estimate_post(estimate_agreement, data)
    assert client.post(url, first).status_code == 302
    assert client.post(url, first).status_code == 409


def test_returned_estimate_opens_the_next_version_and_mails_the_representatives(
    client, ngo_user, official, estimate_agreement, lower, django_capture_on_commit_callbacks
):
    estimate = service.current_estimate(estimate_agreement)
    service.save_estimate(
        estimate=estimate,
        user=ngo_user,
        revision=estimate.revision,
        data=build.fitting_estimate(lower, estimate_agreement.amount),
    )
    service.submit_estimate(estimate=estimate, offer=lower, user=ngo_user)
    client.force_login(official)
    url = reverse("grants:estimate_decision", args=[estimate_agreement.pk])
    empty = client.post(url, {"decision": "return", "comment": ""})
    assert empty.status_code == 400
    assert 'href="#id_comment"' in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "return", "comment": "Proszę rozbić koszty."})
    assert response.status_code == 302
    versions = list(UpdatedEstimate.objects.order_by("number"))
    assert [v.status for v in versions] == [EstimateStatus.RETURNED, EstimateStatus.DRAFT]
    assert versions[1].data == versions[0].data
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ngo_user.email]
    assert "Proszę rozbić koszty." in mail.outbox[0].body
    client.force_login(ngo_user)
    page = client.get(reverse("grants:estimate", args=[estimate_agreement.pk]))
    assert "Proszę rozbić koszty." in page.content.decode()


def test_accepted_estimate_prepares_the_agreement_with_its_dates(
    official, ngo_user, estimate_agreement, lower, task_dates, django_capture_on_commit_callbacks
):
    data = build.fitting_estimate(lower, estimate_agreement.amount)
    data.fields["end_date"] = task_dates[1] - DAY
    data.actions[0]["end_date"] = task_dates[1] - DAY
    with django_capture_on_commit_callbacks(execute=True):
        build.accept_estimate(estimate_agreement, user=ngo_user, official=official, data=data)
    estimate_agreement.refresh_from_db()
    assert estimate_agreement.status == AgreementStatus.PREPARING
    assert estimate_agreement.end_date == task_dates[1] - DAY
    assert mail.outbox[-1].to == [ngo_user.email]
    assert estimate_agreement.number in mail.outbox[-1].subject
    agreed = service.agreed_data(estimate_agreement, lower)
    assert agreed.fields["grant_requested"] == Decimal("1500")
    assert [c["name"] for c in agreed.costs] == ["Koszty zadania po aktualizacji"]


def agreement_post(agreement, **overrides):
    form = {
        "place": "Zielonogród",
        "municipality_signatory": "Anna Zielińska",
        "organisation_signatories": "Paweł Kalinowski",
        "bank_account": build.DEMO_ACCOUNT,
        "start_date": agreement.start_date.isoformat(),
        "end_date": agreement.end_date.isoformat(),
        "partial_period_end": "",
        "result_threshold_pct": "80",
        "signed_on": "",
        "payments-TOTAL_FORMS": "2",
        "payments-INITIAL_FORMS": "0",
        "payments-0-due_on": agreement.start_date.isoformat(),
        "payments-0-amount": "1 000,00",
        "payments-1-due_on": (agreement.start_date + 30 * DAY).isoformat(),
        "payments-1-amount": "800,00",
        "action": "save",
    }
    form.update(overrides)
    return form


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"payments-1-amount": "700,00"}, "must add up to the grant"),
        ({"bank_account": "12 3456"}, "26 digits"),
        ({"bank_account": "62 1090 1014 0000 0712 1981 2874"}, "not valid"),
        ({"payments-1-amount": "8oo"}, "12 345,67"),
        ({"end_date": "2000-01-01"}, "end date is before the start date"),
        ({"partial_period_end": "2000-01-01"}, "A partial report covers a part"),
        ({"action": "sign"}, "Give the date of signing"),
        ({"action": "sign", "signed_on": "2999-01-01"}, "cannot be in the future"),
        ({"action": "sign", "signed_on": "2001-01-01", "place": ""}, "before the agreement is"),
    ],
)
def test_agreement_terms_are_validated(client, official, agreement, overrides, error):
    client.force_login(official)
    response = client.post(agreement.get_absolute_url(), agreement_post(agreement, **overrides))
    assert response.status_code == 400
    body = response.content.decode()
    assert error in body
    assert 'class="error-summary"' in body
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.PREPARING


def test_an_action_outside_the_new_dates_is_refused(client, official, agreement, task_dates):
    client.force_login(official)
    later = (task_dates[0] + 5 * DAY).isoformat()
    response = client.post(
        agreement.get_absolute_url(), agreement_post(agreement, start_date=later)
    )
    assert response.status_code == 400
    assert "Action 1" in response.content.decode()


def test_signing_fixes_the_agreement_and_opens_the_reports(client, official, agreement, today):
    client.force_login(official)
    signed_on = (agreement.start_date - 3 * DAY).isoformat()
    partial = (agreement.start_date + 40 * DAY).isoformat()
    response = client.post(
        agreement.get_absolute_url(),
        agreement_post(agreement, action="sign", signed_on=signed_on, partial_period_end=partial),
    )
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert [p.amount for p in agreement.payments.all()] == [Decimal("1000.00"), Decimal("800.00")]
    reports = {r.kind: r for r in agreement.reports.all()}
    assert set(reports) == {ReportKind.PARTIAL, ReportKind.FINAL}
    assert reports[ReportKind.FINAL].due_on == agreement.end_date + 30 * DAY
    assert reports[ReportKind.PARTIAL].due_on == agreement.partial_period_end + 30 * DAY
    assert reports[ReportKind.FINAL].costs.count() == agreement.offer.cost_lines.count()
    # signed: the terms cannot be changed any more
    again = client.post(agreement.get_absolute_url(), agreement_post(agreement, place="Inne"))
    assert again.status_code == 302
    agreement.refresh_from_db()
    assert agreement.place == "Zielonogród"
    actions = list(
        GrantEvent.objects.filter(offer=agreement.offer).values_list("action", flat=True)
    )
    assert actions[-3:] == ["agreement_started", "agreement_saved", "agreement_signed"]


def test_agreement_documents_follow_the_framework_structure(client, ngo_user, signed):
    from docx import Document

    client.force_login(ngo_user)
    docx = client.get(reverse("grants:agreement_download", args=[signed.pk, "docx"]))
    assert docx.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.content)).paragraphs)
    for part in (
        signed.number,
        "§ 1",
        "§ 3",
        "§ 5",
        "61 1090 1014 0000 0712 1981 2874",
        "1 800,00 zł",
    ):
        assert part in text, part
    pdf = client.get(reverse("grants:agreement_download", args=[signed.pk, "pdf"]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert pdf["Cache-Control"] == "private, no-store"


def test_no_agreement_document_while_the_estimate_is_awaited(client, official, estimate_agreement):
    client.force_login(official)
    url = reverse("grants:agreement_download", args=[estimate_agreement.pk, "pdf"])
    assert client.get(url).status_code == 404


def test_the_offer_page_leads_to_the_agreement(client, official, ngo_user, granted):
    client.force_login(official)
    page = client.get(granted.get_absolute_url()).content.decode()
    assert reverse("grants:agreement_start", args=[granted.pk]) in page
    agreement = service.start_agreement(offer=granted, user=official)
    client.force_login(ngo_user)
    page = client.get(granted.get_absolute_url()).content.decode()
    assert agreement.get_absolute_url() in page
    assert reverse("grants:agreement_start", args=[granted.pk]) not in page


def test_a_refused_signing_keeps_the_saved_terms(client, official, agreement):
    client.force_login(official)
    posted = agreement_post(agreement, action="sign", place="Nowa Wieś")
    response = client.post(agreement.get_absolute_url(), posted)
    assert response.status_code == 400
    body = response.content.decode()
    assert "The terms have been saved" in body and 'href="#id_signed_on"' in body
    agreement.refresh_from_db()
    assert agreement.place == "Nowa Wieś"
    assert agreement.status == AgreementStatus.PREPARING
