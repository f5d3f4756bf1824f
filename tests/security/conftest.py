"""A small portal with something behind every route, and a client for each role."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from accounts.factories import MembershipFactory, OrganisationFactory
from accounts.models import Membership
from cms_pages.factories import EventPageFactory, SupportCentrePageFactory
from consultations.factories import (
    ClauseFactory,
    CommentFactory,
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    DraftActVersionFactory,
)
from consultations.models import ReportExport
from municipalities.services import home_municipality
from newsletters import tokens
from newsletters.factories import IssueFactory, IssueItemFactory, SubscriberFactory
from newsletters.models import MailingStatus
from partnerships.factories import PostFactory
from signups.models import AdviceBooking, Registration, RegistrationSettings
from signups.slots import free_slots
from signups.tokens import make_token

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


def cooperation_world():
    """A working group of the home municipality with a meeting, an opinion and a
    proposal, and a council whose call for candidates takes nominations."""
    from cooperation.factories import BodyFactory, MeetingFactory, TermFactory
    from cooperation.models import BodyResolution, CandidateCall, TaskProposal

    body = BodyFactory(name="Grupa robocza ds. sportu", area="sport")
    term = TermFactory()
    now = timezone.now()
    return {
        "body": body,
        "meeting": MeetingFactory(body=body),
        "body_resolution": BodyResolution.objects.create(
            body=body, number="1/2026", adopted_on=now.date(), title="Opinia", text="Pozytywna."
        ),
        "proposal": TaskProposal.objects.create(
            body=body, title="Turniej", description="Opis", area="sport", estimated_cost=100
        ),
        "candidate_call": CandidateCall.objects.create(
            body=term.body,
            term=term,
            title="Nabór do Rady",
            nominations_open_at=now - DAY,
            nominations_close_at=now + DAY,
            voting_open_at=now + 2 * DAY,
            voting_close_at=now + 3 * DAY,
        ),
    }


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


def grant_agreement_world(home_page, membership, official):
    """A signed grant agreement whose final report is submitted, and one waiting for the
    office to accept its updated cost estimate (a call of their own, results published)."""
    from cms_pages.factories import CallIndexPageFactory
    from grants import agreement_factories as build
    from grants.factories import call_with_terms
    from grants.services import agreements

    organisation = membership.organisation
    today = timezone.localdate()
    start, end = today - 100 * DAY, today - 10 * DAY
    call = call_with_terms(
        parent=CallIndexPageFactory(parent=home_page),
        implementation_start=start,
        implementation_end=end,
    ).call
    offer = build.granted_offer(call=call, organisation=organisation, start=start, end=end)
    signed = build.sign(
        agreements.start_agreement(offer=offer, user=official),
        official=official,
        signed_on=start,
    )
    report = signed.reports.get()
    build.submit_filled(report, user=membership.user)
    lower = build.granted_offer(
        call=call, organisation=organisation, start=start, end=end, granted=offer.granted_amount - 1
    )
    waiting = agreements.start_agreement(offer=lower, user=official)
    estimate = agreements.current_estimate(waiting)
    agreements.save_estimate(
        estimate=estimate,
        user=None,
        revision=estimate.revision,
        data=build.fitting_estimate(lower, waiting.amount),
    )
    agreements.submit_estimate(estimate=estimate, offer=lower, user=None)
    return {"grant_agreement": signed, "grant_report": report, "grant_estimate_agreement": waiting}


def small_grant_world(city, organisation, official):
    """A small grant offer of the NGO's organisation in its comment week."""
    from grants.services.small import publish_for_comments
    from grants.small_factories import complete_small_offer

    offer = complete_small_offer(municipality=city, organisation=organisation, status="submitted")
    publish_for_comments(offer=offer, user=official)
    return {"small_offer": offer}


@pytest.fixture
def world(settings, tmp_path, home_page, ngo_membership, official):
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
    event = EventPageFactory(parent=home_page)
    RegistrationSettings.objects.create(event=event, organiser=ngo_membership.organisation)
    registration = Registration.objects.create(
        event=event, name="Gość", email="gosc@example.org", status="unconfirmed"
    )
    centre = SupportCentrePageFactory(parent=home_page)
    slot = free_slots(centre)[0]
    booking = AdviceBooking.objects.create(
        centre=centre,
        requester=ngo_membership.user,
        topic="Statut",
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
    )
    subscriber = SubscriberFactory()
    issue = IssueFactory(status=MailingStatus.SENT)
    IssueItemFactory(issue=issue)
    from cms_pages.factories import CallIndexPageFactory
    from grants.factories import call_with_terms, complete_offer

    grant_call = call_with_terms(parent=CallIndexPageFactory(parent=home_page)).call
    grant_offer = complete_offer(
        call=grant_call, organisation=ngo_membership.organisation, status="submitted"
    )
    from initiatives.factories import (
        ApplicationFactory,
        accept,
        make_agreement,
        make_result,
        setup_with_criteria,
    )

    city = home_municipality()
    # The NGO's organisation works in the city: it may nominate for its council.
    ngo_membership.organisation.municipalities.add(city)
    setup_with_criteria(city)
    initiative = accept(ApplicationFactory(municipality=city))
    make_agreement(initiative)
    make_result(initiative, accepted=False)
    budget = budget_world(home_page)
    return {
        **budget,
        **small_grant_world(city, ngo_membership.organisation, official),
        "grant_call": grant_call,
        "grant_offer": grant_offer,
        "consultations": consultations,
        "municipality": city,
        "initiative": initiative,
        "submitted_initiative": ApplicationFactory(municipality=city),
        "organisation": ngo_membership.organisation,
        "membership": pending,
        "token": tokens.make_manage_token(subscriber.key),
        "export_token": tokens.make_export_token(subscriber.key),
        "issue": issue,
        "event": event,  # on-portal sign-up open, organised by the NGO's organisation
        "confirm_token": make_token("confirm", registration.pk),
        "cancel_token": make_token("cancel", registration.pk),
        "centre": centre,
        "booking": booking,
        # The NGO representative's post on the partnership board, in the home municipality.
        "partnership_post": PostFactory(
            municipality=home_municipality(),
            author=ngo_membership.user,
            poster_kind="organisation",
            organisation=ngo_membership.organisation,
            poster_name="",
        ),
        **cooperation_world(),
        **grant_agreement_world(home_page, ngo_membership, official),
    }


@pytest.fixture
def clients(request, db):
    """One test client per role, logged in (anonymous: not)."""
    made = {"anonymous": Client()}
    for role, fixture in ROLE_FIXTURES.items():
        made[role] = Client()
        made[role].force_login(request.getfixturevalue(fixture))
    return made
