import datetime

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.db.models.lookups import StartsWith
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

    def with_consulted_version(self):
        """Annotate `consulted_version_pk`: the version people comment on (the first
        published), as one subquery."""
        from .models import DraftActVersion

        versions = DraftActVersion.objects.filter(consultation=OuterRef("pk")).published()
        return self.annotate(consulted_version_pk=Subquery(versions.values("pk")[:1]))

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
        return self.annotate(comment_count=public_comment_count("comments"))

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


def reportable_comment_filter(prefix: str = "") -> models.Q:
    """What makes a comment part of the report: a top-level comment (replies are
    discussion) that was not removed — hidden ones included, each gets a response.
    `prefix` as in public_comment_filter."""
    return models.Q(**{f"{prefix}level": 0, f"{prefix}is_removed": False})


def public_comment_count(relation: str) -> models.Count:
    """Count of the public comments through `relation` (an annotation)."""
    return models.Count(relation, filter=public_comment_filter(f"{relation}__"))


class DraftActVersionQuerySet(models.QuerySet):
    def published(self):
        """Published versions, oldest first: the first is the one people comment on."""
        return self.filter(is_published=True).order_by("number")


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

    def reportable(self):
        """Top-level, not removed comments (hidden ones included): each gets a response."""
        return self.filter(reportable_comment_filter())

    def in_report_order(self):
        """The order of the act: general comments first, then clause by clause, oldest first."""
        return self.order_by(F("clause__position").asc(nulls_first=True), "submit_date", "pk")

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
