"""Verbs on calls: publish (art. 13 ust. 1: 21 days) and cancel (art. 18a)."""

from django.db import transaction
from django.utils import timezone

from cms_pages.models import CallStatus

from ..rules import check_offer_deadline
from .audit import record


class CallRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def announced_at(page, now=None):
    """When the call counts as announced: its first publication, or (not yet
    published) its scheduled go-live time, or now."""
    now = now or timezone.now()
    if page.first_published_at:
        return page.first_published_at
    if page.go_live_at and page.go_live_at > now:
        return page.go_live_at
    return now


def publishing_problem(page, now=None) -> str | None:
    return check_offer_deadline(page.offer_deadline, announced_at(page, now))


def _publish_revision(page, user):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)


@transaction.atomic
def publish_call(*, call, user, now=None):
    """Publish the call, or refuse with the reason when its deadline is under 21 days
    after the announcement. The call then accepts offers."""
    problem = publishing_problem(call, now)
    if problem:
        raise CallRefused(problem)
    if call.status == CallStatus.ANNOUNCED:
        call.status = CallStatus.OPEN
    _publish_revision(call, user)
    record("call_published", actor=user, call=call)


@transaction.atomic
def cancel_call(*, call, user, reason: str, now=None):
    """Cancel the call (art. 18a), recording why; the call page says it is cancelled."""
    from ..models import CallTerms

    reason = reason.strip()
    if not reason:
        raise CallRefused("reason")
    if call.status == CallStatus.CANCELLED:
        raise CallRefused("cancelled")
    now = now or timezone.now()
    terms = CallTerms.objects.filter(call=call).first()
    if terms is not None:
        terms.cancelled_at = now
        terms.cancellation_reason = reason
        terms.cancelled_by = user
        terms.save(update_fields=["cancelled_at", "cancellation_reason", "cancelled_by"])
    call.status = CallStatus.CANCELLED
    if call.live:
        _publish_revision(call, user)
    else:
        call.save(update_fields=["status"])
    record("call_cancelled", actor=user, call=call, note=reason)
