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


class CompiledLookup:
    """A one-row query compiled to SQL once, then run with a new key each time.

    For hot paths only (comment posting): Django compiles a queryset to SQL on every
    evaluation, and for a Wagtail page with an annotation that costs more CPU than
    PostgreSQL takes to answer. `build(key)` returns the queryset for one key; it is
    compiled with a sentinel key whose parameter is then swapped for the real one, and
    rows come back as model instances through Model.objects.raw() (annotations
    included as attributes). Compiled per database alias, on first use.
    """

    SENTINEL = -731_991_137

    def __init__(self, build):
        self.build = build
        self._compiled: dict[str, tuple] = {}

    def _compile(self, using):
        queryset = self.build(self.SENTINEL)
        sql, params = queryset.query.get_compiler(using).as_sql()
        positions = [i for i, value in enumerate(params) if value == self.SENTINEL]
        if len(positions) != 1:
            raise ValueError("the key must appear exactly once among the query's parameters")
        compiled = (queryset.model, sql, tuple(params), positions[0])
        self._compiled[using] = compiled
        return compiled

    def first(self, key, using="default"):
        """The row for `key` as a model instance, or None."""
        model, sql, params, position = self._compiled.get(using) or self._compile(using)
        values = list(params)
        values[position] = key
        for instance in model._default_manager.db_manager(using).raw(sql, values):
            return instance
        return None
