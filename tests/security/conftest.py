"""A small portal with something behind every route, and a client for each role."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from accounts.factories import MembershipFactory, OrganisationFactory
from accounts.models import Membership
from cms_pages.factories import EventPageFactory
from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import ReportExport
from newsletters import tokens
from newsletters.factories import IssueFactory, IssueItemFactory, SubscriberFactory
from newsletters.models import MailingStatus

ROLES = [
    "anonymous",
    "unverified",
    "resident",
    "ngo",
    "editor",
    "official",
    "administrator",
]
ROLE_FIXTURES = {
    "unverified": "unverified_user",
    "resident": "resident",
    "ngo": "ngo_user",
    "editor": "editor",
    "official": "official",
    "administrator": "administrator",
}
DAY = datetime.timedelta(days=1)


def consultation_in(index, phase):
    now = timezone.now()
    dates = {
        "open": {"start_at": now - DAY, "end_at": now + 14 * DAY},
        "closed": {"start_at": now - 30 * DAY, "end_at": now - DAY},
        "reported": {
            "start_at": now - 40 * DAY,
            "end_at": now - 20 * DAY,
            "report_published_at": now - DAY,
        },
    }[phase]
    page = ConsultationPageFactory(parent=index, title=f"Konsultacje ({phase})", **dates)
    version = DraftActVersionFactory(consultation=page, number=1)
    clause = ClauseFactory(version=version, position=1, label="§ 1", anchor="par-1")
    page.comment = CommentFactory(clause=clause, comment=f"Uwaga ({phase}).")
    return page


def budget_world(home_page):
    """A participatory budget edition in voting: a pool, an admitted project with an
    image, its support link and one ballot."""
    from budget.factories import make_ballot, make_edition, make_pool, make_project
    from budget.models import Phase, ProjectImage, Status
    from budget.services.submission import support_token
    from municipalities.services import home_municipality

    edition = make_edition(home_municipality(), phase=Phase.VOTING)
    pool = make_pool(edition)
    project = make_project(pool, title="Ławki w parku", status=Status.ADMITTED)
    image = ProjectImage(project=project, alt_text="Park", content_type="image/png")
    image.file.save("park.png", ContentFile(b"\x89PNG"), save=True)
    make_ballot(pool, [project])
    return {
        "budget_edition": edition,
        "budget_project": project,
        "pool_pk": pool,
        "image_pk": image,
        "budget_token": support_token(project),
    }


@pytest.fixture
def world(settings, tmp_path, home_page, ngo_membership):
    """Values for every route argument: consultations in three phases, an export, an
    organisation, a pending membership, a subscriber's token, a sent issue, an event."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.PRIVATE_MEDIA_ROOT = str(tmp_path / "private")
    index = ConsultationIndexPageFactory(parent=home_page)
    consultations = {phase: consultation_in(index, phase) for phase in ("open", "closed")}
    consultations["reported"] = consultation_in(index, "reported")
    for page in consultations.values():
        page.export = ReportExport.objects.create(
            consultation=page, format="csv", status=ReportExport.Status.DONE
        )
        page.export.file.save("raport.csv", ContentFile(b"Lp.;Uwaga\n1;Uwaga\n"))
    pending = MembershipFactory(
        organisation=OrganisationFactory(), user=ngo_membership.user, status="pending"
    )
    assert pending.status == Membership.Status.PENDING
    subscriber = SubscriberFactory()
    issue = IssueFactory(status=MailingStatus.SENT)
    IssueItemFactory(issue=issue)
    budget = budget_world(home_page)
    return {
        **budget,
        "consultations": consultations,
        "organisation": ngo_membership.organisation,
        "membership": pending,
        "token": tokens.make_manage_token(subscriber.key),
        "export_token": tokens.make_export_token(subscriber.key),
        "issue": issue,
        "event": EventPageFactory(parent=home_page),
    }


@pytest.fixture
def clients(request, db):
    """One test client per role, logged in (anonymous: not)."""
    made = {"anonymous": Client()}
    for role, fixture in ROLE_FIXTURES.items():
        made[role] = Client()
        made[role].force_login(request.getfixturevalue(fixture))
    return made
