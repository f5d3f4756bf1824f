"""Named reads of the budget's public lists: a constant number of queries whatever
the number of projects."""

from django.db.models import Count, DecimalField, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce

from .models import CostLine, Project, Support


def with_figures(queryset):
    """Projects with their pool, estimated cost and number of supporters (subqueries,
    so neither multiplies the other)."""
    estimate = (
        CostLine.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    supporters = (
        Support.objects.filter(project=OuterRef("pk"))
        .order_by()
        .values("project")
        .annotate(n=Count("pk"))
        .values("n")
    )
    money = DecimalField(max_digits=12, decimal_places=2)
    return queryset.select_related("pool").annotate(
        estimate=Coalesce(Subquery(estimate, output_field=money), 0, output_field=money),
        supporters_count=Coalesce(Subquery(supporters), 0),
    )


def listed_projects(edition, pool=None):
    projects = Project.objects.public().filter(edition=edition)
    if pool is not None:
        projects = projects.filter(pool=pool)
    return with_figures(projects).order_by("pool__position", "pool_id", "title", "pk")
