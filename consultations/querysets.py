from django.db import models
from django.db.models.lookups import StartsWith
from django.utils import timezone
from wagtail.models import PageManager
from wagtail.query import PageQuerySet


class ConsultationQuerySet(PageQuerySet):
    """Named reads on consultations (phase filters evaluated at `now`)."""

    def publicly_viewable(self):
        """Consultations anyone may open: live and under no Wagtail view restriction
        (password, login, groups) on the page or an ancestor. Every side route that
        shows a consultation's clauses or comments (search, open data, comment pages,
        changes, report) reads from this, or asks `permissions.can_view_consultation`
        for one page and one request."""
        return self.live().public()

    def with_view_restriction_flag(self):
        """Annotate `view_restricted`: a view restriction on the page or an ancestor
        (one subquery, so the side routes check access without a query of their own)."""
        from wagtail.models import PageViewRestriction

        on_page_or_ancestor = PageViewRestriction.objects.filter(
            StartsWith(models.OuterRef("path"), models.F("page__path"))
        )
        return self.annotate(view_restricted=models.Exists(on_page_or_ancestor))

    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(start_at__lte=now, end_at__gt=now)

    def planned(self, now=None):
        return self.filter(start_at__gt=now or timezone.now())

    def closed(self, now=None):
        return self.filter(end_at__lte=now or timezone.now())

    def with_comment_counts(self):
        return self.annotate(comment_count=public_comment_count("comments"))


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


def public_comment_filter(prefix: str = "") -> models.Q:
    """What makes a comment public: published, not removed, not hidden by a moderator.
    `prefix` leads from another model to the comments (e.g. "comments__")."""
    return models.Q(
        **{
            f"{prefix}is_public": True,
            f"{prefix}is_removed": False,
            f"{prefix}hidden_at__isnull": True,
        }
    )


def public_comment_count(relation: str) -> models.Count:
    """Count of the public comments through `relation` (an annotation)."""
    return models.Count(relation, filter=public_comment_filter(f"{relation}__"))


class ClauseQuerySet(models.QuerySet):
    def with_comment_counts(self):
        return self.annotate(comment_count=public_comment_count("comments"))


class CommentQuerySet(models.QuerySet):
    def listed(self):
        """Comments the act page lists: the public ones, and hidden ones as hidden."""
        return self.filter(is_public=True, is_removed=False)

    def public(self):
        """The one definition of a public comment; every count and listing of public
        comments starts here (hidden ones are listed as hidden by the act page)."""
        return self.filter(public_comment_filter())

    def of_publicly_viewable_consultations(self):
        """Comments of consultations that anyone may open (see ConsultationQuerySet)."""
        from .models import ConsultationPage

        return self.filter(consultation__in=ConsultationPage.objects.publicly_viewable())
