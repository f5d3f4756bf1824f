"""Whose window a user may work on.

Roles (Editor, Official, Administrator) say what a user does; the staff group of a
municipality says where. A user works on a page when the page lies in the tree of a
municipality whose staff group the user is in. The regional operator's home page is
above every municipality's, so its staff work everywhere. Superusers work everywhere.

Wagtail's page rights follow the same rule (each staff group holds the page
permissions on its municipality's home page); consultations' official screens ask
`can_act_in()` and list only `scope_filter()`-ed pages.
"""

from django.db.models import Q

from .models import Municipality


def home_paths_of(user) -> tuple[str, ...]:
    """Tree paths of the home pages of the user's municipalities (read once per user
    object, i.e. once per request)."""
    if not user.is_authenticated:
        return ()
    cached = getattr(user, "municipality_home_paths", None)
    if cached is None:
        cached = tuple(Municipality.objects.of_user(user).values_list("home_page__path", flat=True))
        user.municipality_home_paths = cached
    return cached


def can_act_in(user, page) -> bool:
    """May the user work on this page (it lies in one of the user's municipalities)?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(page.path.startswith(path) for path in home_paths_of(user))


def scope_filter(user, field: str = "path") -> Q:
    """A filter for a page queryset (or, with `field`, a related page's path) keeping
    what the user may work on."""
    if user.is_authenticated and user.is_active and user.is_superuser:
        return Q()
    paths = home_paths_of(user) if user.is_active else ()
    if not paths:
        return Q(pk__in=[])
    condition = Q()
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def can_act_for(user, municipality) -> bool:
    """May the user work on an object that belongs to this municipality (a call, an
    edition, a council…)? The same rule as for its pages."""
    return municipality is not None and can_act_in(user, municipality.home_page)


def municipality_filter(user, field: str = "municipality") -> Q:
    """A filter for a queryset of objects with a foreign key to Municipality, keeping
    what the user may work on."""
    return scope_filter(user, f"{field}__home_page__path")
