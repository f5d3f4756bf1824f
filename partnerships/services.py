"""The partnership board's verbs. Views and the admin call these; each is atomic and
sends its e-mail from a background task after commit."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from portal import ratelimit

from . import permissions, tasks
from .models import AbuseReport, Answer, Post

# (events, seconds) per user; settings PARTNERSHIPS_RATES overrides any of them.
DEFAULT_RATES = {"post": (5, 3600), "answer": (20, 3600), "report": (10, 3600)}


class RateLimited(Exception):
    """The user did this too often; nothing was saved."""


def _within_rate(action: str, user) -> bool:
    limit, seconds = {**DEFAULT_RATES, **getattr(settings, "PARTNERSHIPS_RATES", {})}[action]
    return ratelimit.hit(f"partnerships:{action}:{user.pk}", limit=limit, seconds=seconds)


def create_post(*, user, post: Post) -> Post:
    """Save a new post by `user` (checked: may post, within the rate limit)."""
    if not permissions.can_post(user):
        raise PermissionDenied
    if not _within_rate("post", user):
        raise RateLimited
    post.author = user
    post.status = Post.Status.OPEN
    post.save()
    return post


def answer_post(*, user, post: Post, message: str) -> Answer:
    """Store the message and e-mail it to the poster (with the sender's address, so the
    poster can reply); the poster's address is never shown to the sender."""
    if not permissions.can_answer(user, post):
        raise PermissionDenied
    if not _within_rate("answer", user):
        raise RateLimited
    with transaction.atomic():
        answer = Answer.objects.create(post=post, author=user, message=message)
        transaction.on_commit(lambda: tasks.send_answer.enqueue(answer.pk))
    return answer


def mark_fulfilled(*, user, post: Post) -> None:
    if not permissions.is_poster(user, post):
        raise PermissionDenied
    Post.objects.filter(pk=post.pk, status=Post.Status.OPEN).update(
        status=Post.Status.FULFILLED, closed_at=timezone.now()
    )


def report_post(*, user, post: Post, reason: str) -> AbuseReport:
    """One report per user and post; the officials of the municipality are told."""
    if not permissions.can_report(user, post):
        raise PermissionDenied
    if not _within_rate("report", user):
        raise RateLimited
    with transaction.atomic():
        report, created = AbuseReport.objects.get_or_create(
            post=post, reporter=user, defaults={"reason": reason}
        )
        if created:
            transaction.on_commit(lambda: tasks.notify_moderators.enqueue(report.pk))
    return report


def decide(*, user, post: Post, hide: bool) -> int:
    """Hide the post or keep it; every waiting report on it gets the decision.
    Returns the number of reports decided."""
    if not permissions.can_moderate(user, post.municipality):
        raise PermissionDenied
    now = timezone.now()
    with transaction.atomic():
        if hide:
            Post.objects.filter(pk=post.pk).update(status=Post.Status.HIDDEN, closed_at=now)
        decision = AbuseReport.Decision.HIDDEN if hide else AbuseReport.Decision.KEPT
        return post.reports.filter(decision=AbuseReport.Decision.PENDING).update(
            decision=decision, decided_by=user, decided_at=now
        )
