"""Whose newsletter topics and issues a member of staff may use.

A topic or an issue belongs to a municipality, or to none: then it is regional, the
portal operator's. Staff use those of their municipalities (the rule of
`municipalities.permissions.can_act_for`); regional ones only the regional operator's
staff and superusers. What they may do with them (add, change, send…) is the role's
model permissions (Editor, Official, Administrator groups).
"""

from django.db.models import Q

from municipalities.kinds import MunicipalityKind
from municipalities.models import Municipality
from municipalities.permissions import (
    can_act_for,
    home_paths_of,
    municipality_filter,
    scope_filter,
)


def _is_superuser(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def is_regional_staff(user) -> bool:
    """A superuser, or in the staff group of the regional operator (read once per user
    object and set of municipalities)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    paths = home_paths_of(user)
    cached = getattr(user, "newsletters_regional_staff", None)
    if cached is None or cached[0] != paths:
        regional = bool(paths) and (
            Municipality.objects.filter(
                home_page__path__in=paths, kind=MunicipalityKind.ASSOCIATION
            ).exists()
        )
        cached = (paths, regional)
        user.newsletters_regional_staff = cached
    return cached[1]


def may_use(user, obj) -> bool:
    """May the user work with this topic or issue (anything with a `municipality`)?"""
    if obj.municipality_id is None:
        return is_regional_staff(user)
    return can_act_for(user, obj.municipality)


def scope(user, field: str = "municipality") -> Q:
    """A filter for topics or issues keeping those the user may use."""
    if _is_superuser(user):
        return Q()
    condition = municipality_filter(user, field)
    if is_regional_staff(user):
        condition |= Q(**{f"{field}__isnull": True})
    return condition


def municipalities_for(user):
    """Municipalities (not the operator: its topics are the regional ones) whose topics
    and issues the user may add."""
    return Municipality.objects.local().filter(scope_filter(user, "home_page__path"))
