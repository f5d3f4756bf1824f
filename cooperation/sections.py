"""What other parts of the portal show about the cooperation bodies.

`bodies_of_organisation()` is for the NGO's profile page (the bodies where it has a
delegate today); `bodies_profile_section` adds "Your seats" to the account profile.
"""

from .models import Body, BodyMember


def bodies_of_organisation(organisation) -> list[Body]:
    """The bodies where the organisation has a delegate today, with their municipality
    (one query)."""
    return list(
        Body.objects.of_organisation(organisation)
        .select_related("municipality")
        .order_by("municipality__name", "kind", "name")
    )


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
