"""What other parts of the portal show about the cooperation bodies.

`bodies_of_organisation()` lists the bodies where an organisation has a delegate today;
`organisation_bodies_section` shows them on its public profile
(accounts.organisation_sections) and `bodies_profile_section` adds "Your seats" to the
account profile.
"""

from django.utils.translation import gettext as _

from .models import Body, BodyMember


def bodies_of_organisation(organisation) -> list[Body]:
    """The bodies where the organisation has a delegate today, with their municipality
    (one query)."""
    return list(
        Body.objects.of_organisation(organisation)
        .select_related("municipality")
        .order_by("municipality__name", "kind", "name")
    )


def organisation_bodies_section(request, organisation):
    """ "Working groups, teams and councils" on the organisation's profile (one query)."""
    bodies = bodies_of_organisation(organisation)
    if not bodies:
        return None
    return {
        "template": "accounts/includes/organisation_section.html",
        "order": 50,
        "id": "cooperation-bodies",
        "title": _("Working groups, teams and councils"),
        "text": _("Its delegates sit in these bodies today."),
        "items": [
            (
                body.name,
                body.get_absolute_url(),
                f"{body.get_kind_display()}, {body.municipality.name}",
            )
            for body in bodies
        ],
        "more": None,
    }


def bodies_profile_section(request):
    """The account profile's section listing the user's current seats (none: no section)."""
    if not request.user.is_authenticated:
        return None
    seats = list(
        BodyMember.objects.current()
        .filter(user=request.user)
        .select_related("body__municipality", "organisation")
        .order_by("body__name")
    )
    if not seats:
        return None
    return {"template": "cooperation/sections/profile.html", "order": 40, "seats": seats}
