"""Organisations propose news and events for a municipality's window.

`propose()` turns a representative's text into a draft page (a news item or an event)
under the window's news or events index, credits it to the organisation and submits it
to the review workflow (one task: the municipality's editors and officials). They
approve (the page is published) or reject it with a comment in the Wagtail admin as for
any page; `record_*` follow what happened to the page (signals in organisations.receivers)
and the representative is e-mailed about each decision once.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow, WorkflowTask
from wagtail.rich_text import RichText

from cms_pages.factories import unique_slug
from cms_pages.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage
from portal import ratelimit

from . import permissions, tasks
from .models import Proposal, ProposalReviewTask

# (proposals, seconds) per representative; settings ORGANISATIONS_PROPOSAL_RATE overrides.
DEFAULT_RATE = (5, 24 * 3600)

SECTIONS = {
    Proposal.Kind.NEWS: (NewsIndexPage, NewsPage),
    Proposal.Kind.EVENT: (EventIndexPage, EventPage),
}


class RateLimited(Exception):
    """The representative proposed too much in a short time; nothing was saved."""


def proposal_rate() -> tuple[int, int]:
    return getattr(settings, "ORGANISATIONS_PROPOSAL_RATE", DEFAULT_RATE)


def section_index(municipality, kind):
    """The window's news (or events) index the proposal goes under, or None."""
    index_model = SECTIONS[kind][0]
    return index_model.objects.child_of(municipality.home_page).order_by("path").first()


def review_workflow() -> Workflow:
    """The workflow proposals are submitted to: one ProposalReviewTask. Made on first use
    (named in the portal's language); an administrator may rename it or add steps in
    Settings → Workflows."""
    task = ProposalReviewTask.objects.filter(active=True).order_by("pk").first()
    workflow = None
    if task is not None:
        workflow = (
            Workflow.objects.filter(active=True, workflow_tasks__task=task).order_by("pk").first()
        )
    if workflow is not None:
        return workflow
    with translation.override(settings.LANGUAGE_CODE):
        if task is None:
            task = ProposalReviewTask.objects.create(name=_("Review by the municipality"))
        workflow = Workflow.objects.create(name=_("Proposals from organisations"))
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _store_image(upload, *, title: str, alt: str, by):
    image = get_image_model()(
        title=title[:255],
        file=upload,
        description=alt[:255],
        uploaded_by_user=by,
        collection=Collection.get_first_root_node(),
    )
    image._set_image_file_metadata()
    image.save()
    return image


def _build_page(kind, *, organisation, by, data: dict, image):
    body = []
    if data.get("body"):
        body.append(("paragraph", RichText(data["body"])))
    fields = {
        "title": data["title"],
        "lead": data["lead"],
        "owner": by,
        "live": False,
        "author_organisation": organisation,
    }
    if kind == Proposal.Kind.NEWS:
        page = NewsPage(**fields, listing_image=image, listing_image_alt=data.get("image_alt", ""))
    else:
        if image is not None:
            image.contextual_alt_text, image.decorative = data.get("image_alt", ""), False
            body.insert(0, ("image", image))
        page = EventPage(
            **fields,
            kind=data["kind"],
            start=data["start"],
            end=data.get("end"),
            place=data["place"],
            address=data.get("address", ""),
            registration_info=data.get("registration_info", ""),
            registration_url=data.get("registration_url", ""),
        )
    page.body = body
    return page


def propose(*, organisation, municipality, kind: str, by, data: dict, image=None) -> Proposal:
    """Make the proposal a draft page under the municipality's news or events index,
    credited to the organisation, and submit it to the review workflow; the
    municipality's editors and officials are e-mailed.

    `data` is the cleaned form: title, lead, body (already clean rich text), image_alt,
    and for events kind, start, end, place, address, registration_info and
    registration_url. Refused (PermissionDenied) for anyone but the organisation's
    approved representatives; ValidationError when the organisation does not work in
    the municipality or its window has no such section; RateLimited past the rate."""
    if not permissions.can_propose(by, organisation):
        raise PermissionDenied
    if not organisation.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            _("Your organisation does not work in this municipality (see its profile)."),
            code="elsewhere",
        )
    index = section_index(municipality, kind)
    if index is None:
        raise ValidationError(
            _("This municipality's window has no section for it yet."), code="no_section"
        )
    limit, seconds = proposal_rate()
    if not ratelimit.hit(f"organisations:proposal:{by.pk}", limit=limit, seconds=seconds):
        raise RateLimited
    with transaction.atomic():
        stored = image and _store_image(
            image, title=data["title"], alt=data.get("image_alt", ""), by=by
        )
        page = draft_in_review(
            organisation=organisation, index=index, kind=kind, by=by, data=data, image=stored
        )
        proposal = Proposal.objects.create(
            organisation=organisation,
            municipality=municipality,
            proposed_by=by,
            kind=kind,
            title=page.title,
            page=page,
        )
        transaction.on_commit(lambda: tasks.notify_editors_of_proposal.enqueue(proposal.pk))
    return proposal


def draft_in_review(*, organisation, index, kind, by, data: dict, image=None):
    """The draft page under `index`, credited to the organisation, with its first
    revision, submitted to the review workflow (no checks: propose() makes them; the
    demo uses this directly)."""
    page = _build_page(kind, organisation=organisation, by=by, data=data, image=image)
    page.slug = unique_slug(index, data["title"])
    index.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    review_workflow().start(page, by)
    return page


def _decide(page_id, status: str, comment: str = "") -> None:
    proposal = Proposal.objects.filter(page_id=page_id).first()
    # A second rejection (after the editors resubmitted it) only updates the comment.
    if proposal is None or (proposal.status == status != Proposal.Status.REJECTED):
        return
    Proposal.objects.filter(pk=proposal.pk).update(
        status=status, comment=comment, decided_at=timezone.now()
    )
    if status in (Proposal.Status.PUBLISHED, Proposal.Status.REJECTED):
        transaction.on_commit(lambda: tasks.send_proposal_decision.enqueue(proposal.pk))


def record_published(page) -> None:
    """The page went live (approved in the workflow, or published by an editor)."""
    _decide(page.pk, Proposal.Status.PUBLISHED)


def record_rejected(workflow_state) -> None:
    """The editors rejected the page in the workflow; their comment goes to the
    representative."""
    task_state = workflow_state.current_task_state
    comment = task_state.comment if task_state is not None else ""
    _decide(workflow_state.object_id, Proposal.Status.REJECTED, comment)


def record_unpublished(page) -> None:
    """A published proposal was taken down (no e-mail: the editors say why themselves)."""
    Proposal.objects.filter(page_id=page.pk, status=Proposal.Status.PUBLISHED).update(
        status=Proposal.Status.UNPUBLISHED, decided_at=timezone.now()
    )
