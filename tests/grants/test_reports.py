"""Reports (art. 18): filling in with Polish amounts, submitting after the period,
returning with comments and resubmitting (versions kept), accepting the final one
(the agreement settles), the PDF and the e-mails."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from grants import agreement_factories as build
from grants.models import AgreementStatus, GrantEvent, ReportStatus, ReportVersion
from grants.services import reports as service
from tests.grants.agreement_world import *  # noqa: F403 - fixtures
from tests.grants.agreement_world import DAY

pytestmark = pytest.mark.django_db


def report_post(report, **overrides):
    """The report form as a browser sends it, from the complete data of the factory."""
    data = build.filled_report(report)
    form = {"revision": str(report.revision), "action": "save"}
    for name, value in data.fields.items():
        if isinstance(value, bool):
            if value:
                form[name] = "on"
        elif isinstance(value, Decimal):
            form[name] = f"{value:,.2f}".replace(",", " ").replace(".", ",")
        elif value is not None:
            form[name] = str(value)
    for table, inputs in (("results", service.RESULT_INPUTS), ("costs", service.COST_INPUTS)):
        rows = getattr(data, table)
        form[f"{table}-TOTAL_FORMS"] = str(len(rows))
        form[f"{table}-INITIAL_FORMS"] = str(len(rows))
        for n, row in enumerate(rows):
            for name in inputs:
                if row.get(name) is not None:
                    form[f"{table}-{n}-{name}"] = str(row[name]).replace(".", ",")
    form.update(overrides)
    return form


def test_representative_fills_in_the_report_with_polish_amounts(client, ngo_user, final_report):
    client.force_login(ngo_user)
    page = client.get(final_report.get_absolute_url())
    assert page.status_code == 200
    assert 'id="report-form"' in page.content.decode()
    posted = report_post(final_report, **{"costs-0-actual_total": "1 000,00"})
    response = client.post(final_report.get_absolute_url(), posted)
    assert response.status_code == 302
    final_report.refresh_from_db()
    assert final_report.grant_spent == Decimal("1800.00")
    assert final_report.costs.first().actual_total == Decimal("1000.00")
    assert final_report.results.first().achieved == Decimal("40")
    assert final_report.status == ReportStatus.DRAFT


def test_submitted_report_is_kept_as_a_version(client, ngo_user, final_report):
    client.force_login(ngo_user)
    response = client.post(
        final_report.get_absolute_url(), report_post(final_report, action="submit")
    )
    assert response.status_code == 302
    final_report.refresh_from_db()
    assert final_report.status == ReportStatus.SUBMITTED
    version = ReportVersion.objects.get(report=final_report)
    assert version.number == 1 and version.data["fields"]["grant_spent"] == "1800.00"
    assert GrantEvent.objects.filter(action="report_submitted").count() == 1
    # frozen now
    client.post(final_report.get_absolute_url(), report_post(final_report, deviations="x"))
    final_report.refresh_from_db()
    assert final_report.deviations == ""


def test_a_report_is_submitted_after_its_period(client, ngo_user, final_report):
    final_report.period_end = timezone.localdate() + DAY
    final_report.save()
    client.force_login(ngo_user)
    response = client.post(
        final_report.get_absolute_url(), report_post(final_report, action="submit")
    )
    assert response.status_code == 400
    assert "once the period it covers has ended" in response.content.decode()
    final_report.refresh_from_db()
    assert final_report.status == ReportStatus.DRAFT


@pytest.mark.parametrize(
    ("overrides", "anchor", "message"),
    [
        ({"grant_spent": "1 700,00"}, "id_grant_spent", "must add up to the costs"),
        ({"costs-0-actual_grant": "1 200,00"}, "id_costs-0-actual_grant", "cannot exceed the cost"),
        ({"costs-0-actual_total": "12 345,678"}, "id_costs-0-actual_total", "12 345,67"),
        ({"results-0-achieved": "dużo"}, "id_results-0-achieved", "1 234"),
        ({"results-0-achieved": "20", "results-0-comment": ""}, "id_results-0-comment", "50.00 %"),
        ({"actions_description": ""}, "id_actions_description", "Fill this in"),
        ({"declared_truth": ""}, "id_declared_truth", "without this declaration"),
        (
            {"own_personal": "100,00", "own_financial": "100,00"},
            "id_personal_description",
            "Describe this contribution",
        ),
        ({"grant_spent": "-5"}, "id_grant_spent", "cannot be negative"),
    ],
)
def test_report_errors_are_linked_and_keep_the_typed_text(
    client, ngo_user, final_report, overrides, anchor, message
):
    client.force_login(ngo_user)
    posted = report_post(final_report, action="submit", **overrides)
    response = client.post(final_report.get_absolute_url(), posted)
    assert response.status_code == 400
    html = response.content.decode()
    assert f'href="#{anchor}"' in html
    assert message in html
    for value in overrides.values():
        if value:
            assert f'value="{value}"' in html or f"{value}</textarea>" in html
    final_report.refresh_from_db()
    assert final_report.status == ReportStatus.DRAFT


def test_a_tampered_row_count_is_refused(client, ngo_user, final_report):
    client.force_login(ngo_user)
    posted = report_post(final_report, **{"costs-TOTAL_FORMS": "1"})
    assert client.post(final_report.get_absolute_url(), posted).status_code == 400


def test_a_stale_report_save_is_refused(client, ngo_user, final_report):
    client.force_login(ngo_user)
    first = report_post(final_report)
    assert client.post(final_report.get_absolute_url(), first).status_code == 302
    assert client.post(final_report.get_absolute_url(), first).status_code == 409


def test_returned_report_is_corrected_and_resubmitted(
    client, ngo_user, official, submitted_report, django_capture_on_commit_callbacks
):
    client.force_login(official)
    url = reverse("grants:report_decision", args=[submitted_report.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "return", "comment": "Brak opisu wkładu."})
    assert response.status_code == 302
    submitted_report.refresh_from_db()
    assert submitted_report.status == ReportStatus.RETURNED
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [ngo_user.email]
    assert "Brak opisu wkładu." in mail.outbox[0].body
    # the representative corrects it; the office still sees the version it returned
    client.force_login(ngo_user)
    page = client.get(submitted_report.get_absolute_url()).content.decode()
    assert "Brak opisu wkładu." in page and 'id="report-form"' in page
    posted = report_post(submitted_report, action="save", deviations="Zmiana sali.")
    assert client.post(submitted_report.get_absolute_url(), posted).status_code == 302
    client.force_login(official)
    page = client.get(submitted_report.get_absolute_url()).content.decode()
    assert "Zmiana sali." not in page
    client.force_login(ngo_user)
    submitted_report.refresh_from_db()
    posted = report_post(submitted_report, action="submit", deviations="Zmiana sali.")
    assert client.post(submitted_report.get_absolute_url(), posted).status_code == 302
    versions = list(submitted_report.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].comment == "Brak opisu wkładu." and versions[0].returned_at
    assert versions[1].data["fields"]["deviations"] == "Zmiana sali."
    client.force_login(official)
    assert "Zmiana sali." in client.get(submitted_report.get_absolute_url()).content.decode()


def test_accepting_the_final_report_settles_the_agreement(
    client, ngo_user, official, submitted_report, django_capture_on_commit_callbacks
):
    client.force_login(official)
    url = reverse("grants:report_decision", args=[submitted_report.pk])
    assert client.post(url, {"decision": "return"}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"decision": "accept"})
    assert response.status_code == 302
    submitted_report.refresh_from_db()
    assert submitted_report.status == ReportStatus.ACCEPTED
    assert submitted_report.agreement.status == AgreementStatus.SETTLED
    assert mail.outbox[-1].to == [ngo_user.email]
    assert submitted_report.agreement.number in mail.outbox[-1].subject
    actions = GrantEvent.objects.filter(offer=submitted_report.agreement.offer)
    assert list(actions.values_list("action", flat=True))[-2:] == [
        "report_submitted",
        "report_accepted",
    ]
    # decided: a second decision is refused
    client.post(url, {"decision": "return", "comment": "Jednak nie."})
    submitted_report.refresh_from_db()
    assert submitted_report.status == ReportStatus.ACCEPTED


def test_report_pdf(client, ngo_user, official, submitted_report):
    for user in (ngo_user, official):
        client.force_login(user)
        response = client.get(reverse("grants:report_pdf", args=[submitted_report.pk]))
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
        assert response["Content-Disposition"].startswith("attachment")


def test_the_sources_compare_agreed_and_incurred(client, ngo_user, final_report):
    client.force_login(ngo_user)
    posted = report_post(
        final_report,
        **{
            "own_financial": "100,00",
            "own_in_kind": "50,00",
            "own_personal": "50,00",
            "personal_description": "Wolontariusze, 5 h × 10 zł.",
            "in_kind_description": "Sala.",
        },
    )
    client.post(final_report.get_absolute_url(), posted)
    page = client.get(final_report.get_absolute_url()).content.decode().replace("\xa0", " ")
    # 2 000 zł incurred: grant 1 800 (90 %), own 200 = 100 financial + 50 personal + 50 in-kind
    assert "2 000,00" in page and "90.00 %" in page and "2.50 %" in page
    assert "Grant not used" in page


def test_a_partial_report_has_its_own_period(official, agreement, task_dates):
    partial_end = task_dates[0] + 30 * DAY
    signed = build.sign(
        agreement,
        official=official,
        signed_on=task_dates[0] - DAY,
        partial_period_end=partial_end,
    )
    partial = signed.reports.get(kind="partial")
    assert (partial.period_start, partial.period_end) == (task_dates[0], partial_end)
    assert partial.due_on == partial_end + datetime.timedelta(days=30)
