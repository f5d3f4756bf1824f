"""What organisations' proposals add to other pages: the account profile ("Your
proposals") and, for its representatives, the organisation's own page."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Organisation

from . import permissions


def proposals_profile_section(request):
    """Links to "My proposals" for anyone who represents an organisation (one query)."""
    if not request.user.is_authenticated:
        return None
    from .models import Proposal

    counts = Organisation.objects.represented_by(request.user).aggregate(
        organisations=Count("pk", distinct=True),
        waiting=Count(
            "proposals", filter=Q(proposals__status=Proposal.Status.PENDING), distinct=True
        ),
    )
    if not counts["organisations"]:
        return None
    waiting = counts["waiting"]
    return {
        "template": "accounts/includes/profile_section.html",
        "order": 45,
        "id": "proposals",
        "title": _("News and events proposed for the municipalities' windows"),
        "text": ngettext(
            "%(count)d proposal is waiting for the editors.",
            "%(count)d proposals are waiting for the editors.",
            waiting,
        )
        % {"count": waiting},
        "links": [(_("My proposals"), reverse("ngo:my_proposals"))],
    }


def propose_organisation_section(request, organisation):
    """On the organisation's page, its representatives find the proposal forms."""
    if not permissions.can_propose(request.user, organisation):
        return None
    return {
        "template": "accounts/includes/organisation_section.html",
        "order": 5,
        "id": "propose",
        "title": _("Propose news and events"),
        "text": _(
            "Tell residents about your work: the editors of the municipality review what "
            "you propose and publish it with your organisation as its author."
        ),
        "items": [
            (_("Propose a news item"), reverse("ngo:propose_news", args=[organisation.slug]), ""),
            (_("Propose an event"), reverse("ngo:propose_event", args=[organisation.slug]), ""),
            (_("My proposals"), reverse("ngo:my_proposals"), ""),
        ],
        "more": None,
    }
