"""Public pages of the cooperation bodies: the list per municipality and a body's page."""

from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from municipalities.models import Municipality

from . import permissions
from .models import Body, BodyMember, BodyResolution, CandidateCall, Meeting, TaskProposal


def _bodies():
    return (
        Body.objects.with_counts()
        .select_related("municipality")
        .order_by("municipality__name", "kind", "name")
    )


def body_list(request):
    """Every municipality's bodies (a constant number of queries)."""
    return render(request, "cooperation/body_list.html", {"bodies": _bodies()})


def municipality_bodies(request, municipality):
    municipality = get_object_or_404(Municipality, slug=municipality)
    return render(
        request,
        "cooperation/body_list.html",
        {"bodies": _bodies().filter(municipality=municipality), "municipality": municipality},
    )


def get_body(municipality, slug):
    return get_object_or_404(
        Body.objects.select_related("municipality"), municipality__slug=municipality, slug=slug
    )


def body_detail(request, municipality, slug):
    body = get_body(municipality, slug)
    members = (
        BodyMember.objects.current()
        .filter(body=body)
        .select_related("user", "organisation", "term")
        .in_role_order()
    )
    context = {
        "body": body,
        "members": members,
        "terms": body.terms.all(),
        "can_manage": permissions.can_manage_body(request.user, body),
        "is_member": any(m.user_id == request.user.pk for m in members),
    }
    context.update(body_sections(request, body))
    context["can_propose"] = context["is_member"] and not body.is_council
    return render(request, "cooperation/body_detail.html", context)


MEETINGS_SHOWN = 50


def body_sections(request, body) -> dict:
    """The parts of a body's page added by meetings, resolutions, proposals and calls."""
    now = timezone.now()
    meetings = list(
        Meeting.objects.filter(body=body)
        .select_related("minutes")
        .order_by("-starts_at", "pk")[:MEETINGS_SHOWN]
    )
    resolutions = BodyResolution.objects.filter(body=body).order_by("-adopted_on", "-pk")
    proposals = TaskProposal.objects.filter(body=body).order_by("-submitted_on", "-pk")
    calls = CandidateCall.objects.filter(body=body).order_by("-nominations_open_at", "-pk")
    return {
        "calls": calls[:MEETINGS_SHOWN] if body.is_council else [],
        "resolutions": resolutions[:MEETINGS_SHOWN],
        "proposals": proposals[:MEETINGS_SHOWN],
        "upcoming_meetings": [m for m in reversed(meetings) if m.starts_at >= now],
        "past_meetings": [m for m in meetings if m.starts_at < now],
    }


def resolution_detail(request, pk):
    resolution = get_object_or_404(
        BodyResolution.objects.select_related("body__municipality", "meeting"), pk=pk
    )
    return render(
        request,
        "cooperation/resolution_detail.html",
        {
            "resolution": resolution,
            "body": resolution.body,
            "acts": resolution.acts.live().public().order_by("-adopted_on"),
            "consultations": resolution.consultations.live().public().order_by("-start_at"),
        },
    )
