"""The organisation's open posts on the partnership board, on its public profile
(accounts.organisation_sections), soonest to expire first, in a fixed number of queries."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PROFILE_POST_LIMIT = 10


def organisation_posts_section(request, organisation):
    from .models import Post, PosterKind

    posts = Post.objects.listed().filter(
        organisation=organisation, poster_kind=PosterKind.ORGANISATION
    )
    shown = list(posts.order_by("expires_on", "pk")[:PROFILE_POST_LIMIT])
    if not shown:
        return None
    total = len(shown) if len(shown) < PROFILE_POST_LIMIT else posts.count()
    items = [
        (
            post.title,
            post.get_absolute_url(),
            _("%(direction)s: %(kind)s, %(municipality)s, until %(date)s")
            % {
                "direction": post.get_direction_display(),
                "kind": post.get_kind_display().lower(),
                "municipality": post.municipality.name,
                "date": date_format(post.expires_on, "j E Y"),
            },
        )
        for post in shown
    ]
    return {
        "template": "accounts/includes/organisation_section.html",
        "order": 60,
        "id": "partnership-posts",
        "title": _("On the partnership board"),
        "text": ngettext(
            "%(count)d open need or offer.",
            "%(count)d open needs and offers.",
            total,
        )
        % {"count": total},
        "items": items,
        "more": (_("The whole partnership board"), reverse("partnerships:list"))
        if total > len(shown)
        else None,
    }
