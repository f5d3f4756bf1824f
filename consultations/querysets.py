from django.db import models
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ConsultationQuerySet(PageQuerySet):
    """Named reads on consultations (phase filters evaluated at `now`)."""

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(start_at__lte=now, end_at__gt=now)

    def planned(self, now=None):
        return self.filter(start_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(end_at__lte=now or timezone.now())

    def with_comment_counts(self):
        return self.annotate(
            comment_count=models.Count(
                "comments", filter=models.Q(comments__is_public=True, comments__is_removed=False)
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
