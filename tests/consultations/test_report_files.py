"""Report files and uploaded drafts are private files: stored outside MEDIA_ROOT under
unguessable names, served by views that check access; a report file is built once per
state of the report; a build whose worker died times out visibly; report e-mails an
interrupted run left unsent are sent by the resume command."""

import datetime
import importlib
import os
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from consultations import services
from consultations.models import ReportExport, ReportNotice, ResponseStatus
from consultations.reports import exports

from .report_fixtures import *  # noqa: F403 - fixtures
from .report_fixtures import reportable


@pytest.fixture
def published(consultation, comments, official):
    for c in reportable(comments):
        services.respond(comment=c, status=ResponseStatus.ACCEPTED, text="Tak.", by=official)
    services.publish_report(consultation=consultation, by=official)
    consultation.refresh_from_db()
    return consultation


@pytest.fixture
def builds(monkeypatch):
    """Counts report files rendered (any format)."""
    calls = []
    for writer in exports.WRITERS.values():
        original = writer.render

        def counting(self, *args, _original=original, **kwargs):
            calls.append(type(self).__name__)
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(writer, "render", counting)
    return calls


def download_url(consultation, fmt="pdf"):
    return reverse("consultations:report_download", kwargs={"page_id": consultation.pk, "fmt": fmt})


def test_report_file_is_built_once_per_state_and_then_served_stored(client, published, builds):
    first = client.get(download_url(published))
    second = client.get(download_url(published))
    assert (first.status_code, second.status_code) == (200, 200)
    body = first.getvalue()
    assert body.startswith(b"%PDF")
    assert second.getvalue() == body
    assert len(builds) == 1
    services.touch(published)  # a comment, response or moderation: a new state
    assert client.get(download_url(published)).status_code == 200
    assert len(builds) == 2


def test_report_file_lives_outside_media_under_an_unguessable_name(client, published, settings):
    assert client.get(download_url(published, "csv")).status_code == 200
    export = ReportExport.objects.get(format="csv")
    directory = export.file.name.split("/")[-2]
    assert len(directory) >= 20  # secrets.token_urlsafe(16)
    assert Path(settings.PRIVATE_MEDIA_ROOT, export.file.name).is_file()
    assert not any(Path(settings.MEDIA_ROOT).rglob("*.csv"))
    with pytest.raises(ValueError):
        export.file.url  # noqa: B018 - a private file has no public address


def test_while_a_build_runs_others_are_asked_to_come_back(client, published, builds):
    from consultations.reports.files import report_state

    ReportExport.objects.create(
        consultation=published,
        format="pdf",
        state=report_state(published, "pl"),
        status=ReportExport.Status.RUNNING,
        heartbeat_at=timezone.now(),
    )
    response = client.get(download_url(published), headers={"accept-language": "pl"})
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert 'id="export-preparing"' in response.content.decode()
    assert builds == []
    assert ReportExport.objects.count() == 1


def test_a_build_whose_worker_died_times_out_and_the_next_request_builds(client, published, builds):
    from consultations.reports.files import report_state

    stuck = ReportExport.objects.create(
        consultation=published,
        format="pdf",
        state=report_state(published, "pl"),
        status=ReportExport.Status.RUNNING,
        heartbeat_at=timezone.now() - datetime.timedelta(hours=1),
    )
    response = client.get(download_url(published), headers={"accept-language": "pl"})
    assert response.status_code == 200
    stuck.refresh_from_db()
    assert stuck.status == ReportExport.Status.FAILED
    assert len(builds) == 1


def test_stuck_background_export_shows_failed_and_offers_to_try_again(
    client, consultation, comments, official, settings
):
    settings.CONSULTATIONS_EXPORT_TIMEOUT_SECONDS = 60
    export = ReportExport.objects.create(
        consultation=consultation, format="xlsx", status=ReportExport.Status.RUNNING, progress=40
    )
    ReportExport.objects.filter(pk=export.pk).update(
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=5)
    )
    client.force_login(official)
    url = reverse(
        "consultations:export_status",
        kwargs={"page_id": consultation.pk, "export_id": export.pk},
    )
    html = client.get(url).content.decode()
    assert 'data-status="failed"' in html
    assert 'id="export-failed"' in html and 'id="export-retry"' in html
    export.refresh_from_db()
    assert export.error


def test_fresh_background_export_is_still_in_progress(client, consultation, comments, official):
    export = ReportExport.objects.create(
        consultation=consultation,
        format="xlsx",
        status=ReportExport.Status.RUNNING,
        heartbeat_at=timezone.now(),
    )
    client.force_login(official)
    url = reverse(
        "consultations:export_status",
        kwargs={"page_id": consultation.pk, "export_id": export.pk},
    )
    assert 'data-status="running"' in client.get(url).content.decode()


def test_report_file_goes_through_the_web_server_when_configured(client, published, settings):
    settings.PRIVATE_FILES_ACCEL_PREFIX = "/_private/"
    response = client.get(download_url(published, "csv"))
    export = ReportExport.objects.get(format="csv")
    assert response["X-Accel-Redirect"] == f"/_private/{export.file.name}"
    assert response.content == b""
    assert "attachment" in response["Content-Disposition"]


def test_restricted_report_file_is_not_served(client, published):
    PageViewRestriction.objects.create(page=published, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(download_url(published, "csv")).status_code == 404
    assert not ReportExport.objects.exists()


def test_interrupted_report_e_mails_are_finished_by_the_resume_command(
    published, comments, django_capture_on_commit_callbacks
):
    from consultations.reports.tasks import commenter_emails

    emails = commenter_emails(published.pk)
    assert len(emails) >= 2
    # A worker killed mid-way: every address recorded, the first one sent.
    ReportNotice.objects.filter(consultation=published).delete()
    mail.outbox.clear()
    for n, email in enumerate(emails):
        ReportNotice.objects.create(
            consultation=published, email=email, sent_at=timezone.now() if n == 0 else None
        )
    call_command("resume_report_work", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert sorted(m.to[0] for m in mail.outbox) == sorted(emails[1:])
    assert not ReportNotice.objects.filter(consultation=published, sent_at=None).exists()
    mail.outbox.clear()
    call_command("resume_report_work", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert mail.outbox == []


# --- Uploaded drafts -------------------------------------------------------------------


@pytest.fixture
def draft_with_file(version):
    from django.core.files.base import ContentFile

    version.source_file.save("projekt-uchwaly.txt", ContentFile(b"Projekt uchwaly"), save=True)
    return version


def draft_url(version):
    return reverse("consultations:draft_file", args=[version.consultation_id, version.pk])


def test_unpublished_draft_file_is_for_officials_only(client, draft_with_file, official, settings):
    draft_with_file.is_published = False
    draft_with_file.save()
    assert Path(settings.PRIVATE_MEDIA_ROOT, draft_with_file.source_file.name).is_file()
    assert not any(Path(settings.MEDIA_ROOT).rglob("projekt-uchwaly*"))
    assert client.get(draft_url(draft_with_file)).status_code == 404
    client.force_login(official)
    response = client.get(draft_url(draft_with_file))
    assert response.status_code == 200
    assert response.getvalue() == b"Projekt uchwaly"


def test_published_draft_file_follows_the_consultations_restriction(client, draft_with_file):
    draft_with_file.is_published = True
    draft_with_file.save()
    assert client.get(draft_url(draft_with_file)).status_code == 200
    PageViewRestriction.objects.create(
        page=draft_with_file.consultation, restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get(draft_url(draft_with_file)).status_code == 404


def test_existing_files_move_from_media_to_private_storage(consultation, settings):
    media = Path(settings.MEDIA_ROOT, "consultations/reports/2026")
    media.mkdir(parents=True)
    (media / "raport-konsultacji-1.csv").write_bytes(b"No.;Uwaga")
    export = ReportExport.objects.create(
        consultation=consultation,
        format="csv",
        status=ReportExport.Status.DONE,
        file="consultations/reports/2026/raport-konsultacji-1.csv",
    )
    migration = importlib.import_module(
        "consultations.migrations.0005_move_drafts_and_exports_to_private_storage"
    )
    from django.apps import apps

    migration.move_to_private(apps, None)
    export.refresh_from_db()
    assert export.file.name.startswith("consultations/reports/")
    assert export.file.name != "consultations/reports/2026/raport-konsultacji-1.csv"
    assert not (media / "raport-konsultacji-1.csv").exists()
    assert Path(settings.PRIVATE_MEDIA_ROOT, export.file.name).read_bytes() == b"No.;Uwaga"


def test_deleted_authors_name_leaves_the_stored_report_file(client, published, comments):
    from accounts.services import delete_account

    author = comments["resident"].user
    name = author.public_name
    assert name in client.get(download_url(published, "csv")).getvalue().decode("utf-8-sig")
    delete_account(user=author, by=author)
    body = client.get(download_url(published, "csv")).getvalue().decode("utf-8-sig")
    assert name not in body
