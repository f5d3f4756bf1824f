import datetime

from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


def _count(queryset):
    """The number of rows of `queryset` (filtered on its consultation's OuterRef) as a
    correlated subquery: one query for a whole list however long, and no join
    multiplying one count by another."""
    counted = queryset.order_by().values("consultation").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted[:1]), 0)


class ConsultationQuerySet(PageQuerySet):
    """Named reads on consultations (phase filters evaluated at `now`)."""

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(start_at__lte=now, end_at__gt=now)

    def planned(self, now=None):
        return self.filter(start_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(end_at__lte=now or timezone.now())

    def awaiting_report(self, now=None):
        """Closed, and the report not yet published: the officials answer comments."""
        now = now or timezone.now()
        return self.closed(now).filter(
            Q(report_published_at__isnull=True) | Q(report_published_at__gt=now)
        )

    def ending_within(self, days, now=None):
        """Open consultations whose deadline falls within the next `days` days."""
        now = now or timezone.now()
        return self.open(now).filter(end_at__lte=now + datetime.timedelta(days=days))

    def with_comment_counts(self):
        return self.annotate(
            comment_count=models.Count(
                "comments", filter=models.Q(comments__is_public=True, comments__is_removed=False)
            )
        )

    def _comments(self):
        from .models import ConsultationComment

        return ConsultationComment.objects.filter(consultation=OuterRef("pk"))

    def with_moderation_count(self):
        """`to_moderate`: comments flagged or held for moderation and not yet decided."""
        comments = self._comments()
        return self.annotate(to_moderate=_count(comments.needing_moderation()))

    def with_unanswered_count(self):
        """`to_answer`: comments in the report that have no response yet."""
        comments = self._comments()
        return self.annotate(to_answer=_count(comments.unanswered()))

    def with_work_counts(self):
        """Everything the officials' list shows per consultation, in one query."""
        from .models import DraftActVersion

        comments = self._comments()
        versions = DraftActVersion.objects.filter(consultation=OuterRef("pk"))
        return (
            self.with_moderation_count()
            .with_unanswered_count()
            .annotate(
                n_comments=_count(comments.filter(is_removed=False)),
                n_hidden=_count(comments.filter(hidden_at__isnull=False)),
                n_versions=_count(versions),
            )
        )


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ClauseQuerySet(models.QuerySet):
    def with_comment_counts(self):
        return self.annotate(
            comment_count=models.Count(
                "comments",
                filter=models.Q(
                    comments__is_public=True,
                    comments__is_removed=False,
                    comments__hidden_at__isnull=True,
                ),
            )
        )


class CommentQuerySet(models.QuerySet):
    def published(self):
        """Comments the public sees (hidden ones are listed as hidden, not here)."""
        return self.filter(is_public=True, is_removed=False, hidden_at__isnull=True)

    def for_listing(self):
        return self.select_related("user", "organisation", "clause", "response").order_by(
            "thread_id", "order"
        )

    def reportable(self):
        """Top-level, not removed comments (hidden ones included): each gets a response."""
        return self.filter(level=0, is_removed=False)

    def unanswered(self):
        return self.reportable().filter(response__isnull=True)

    def needing_moderation(self):
        """Visible comments held for moderation, or with a removal suggestion made after
        the last moderator's decision (hide, restore or keep) on them."""
        from django_comments.models import CommentFlag

        from .models import ModerationEvent

        decided = ModerationEvent.objects.filter(
            comment=OuterRef("comment"),
            action__in=[
                ModerationEvent.Action.HIDE,
                ModerationEvent.Action.UNHIDE,
                ModerationEvent.Action.KEEP,
            ],
            created_at__gte=OuterRef("flag_date"),
        )
        open_flags = CommentFlag.objects.filter(
            comment=OuterRef("pk"), flag=CommentFlag.SUGGEST_REMOVAL
        ).exclude(Exists(decided))
        return self.filter(is_removed=False, hidden_at__isnull=True).filter(
            Q(is_public=False) | Exists(open_flags)
        )
