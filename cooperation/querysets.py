from django.db import models
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.utils import timezone


def today():
    return timezone.localdate()


class BodyQuerySet(models.QuerySet):
    def with_counts(self, on=None):
        """Each body with its current members' count, in one query."""
        on = on or today()
        current = Q(members__starts_on__lte=on) & (
            Q(members__ends_on__isnull=True) | Q(members__ends_on__gte=on)
        )
        return self.annotate(member_count=Count("members", filter=current, distinct=True))

    def of_organisation(self, organisation, on=None):
        """Bodies where the organisation has a delegate today."""
        on = on or today()
        return self.filter(
            Q(members__organisation=organisation, members__starts_on__lte=on)
            & (Q(members__ends_on__isnull=True) | Q(members__ends_on__gte=on))
        ).distinct()


class BodyMemberQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or today()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))

    def in_role_order(self):
        """Chair, deputy, secretary, then members; by surname within a role."""
        rank = Case(
            *(When(role=role, then=Value(i)) for i, role in enumerate(ROLE_ORDER)),
            default=Value(len(ROLE_ORDER)),
            output_field=IntegerField(),
        )
        return self.annotate(role_rank=rank).order_by("role_rank", "user__last_name", "pk")


ROLE_ORDER = ["chair", "deputy", "secretary", "member"]
