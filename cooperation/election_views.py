"""The call for council candidates: its page, nominating, voting, publishing results."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Membership, Organisation

from . import elections, permissions
from .forms import NominationForm, VoteForm
from .models import CallPhase, CandidateCall


def _call(pk):
    return get_object_or_404(
        CandidateCall.objects.select_related("body__municipality", "term"), pk=pk
    )


def _free_memberships(user, call):
    """Representatives of the user's organisations that work in the council's
    municipality and have not nominated yet."""
    return (
        Membership.objects.approved()
        .filter(
            organisation__in=Organisation.objects.represented_by(user),
            organisation__municipalities=call.body.municipality_id,
        )
        .exclude(organisation__council_candidates__call=call)
        .exclude(user__council_candidacies__call=call)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__last_name")
    )


def _works_elsewhere(user, call) -> bool:
    """The user represents organisations, none of which works in the council's
    municipality: they are told why they cannot nominate."""
    represented = Organisation.objects.represented_by(user)
    return (
        represented.exists()
        and not represented.filter(municipalities=call.body.municipality_id).exists()
    )


def _voters(user, call):
    """The user's organisations that have not voted yet."""
    return (
        Organisation.objects.represented_by(user).exclude(council_votes__call=call).order_by("name")
    )


def call_detail(request, pk):
    call = _call(pk)
    phase = call.phase()
    user = request.user
    candidates = (
        elections.ranking(call)
        if phase == CallPhase.RESULTS
        else list(call.candidates.select_related("user", "organisation"))
    )
    context = {
        "call": call,
        "body": call.body,
        "phase": phase,
        "candidates": candidates,
        "can_manage": permissions.can_manage_body(user, call.body),
    }
    if user.is_authenticated and phase == CallPhase.NOMINATIONS:
        context["can_nominate"] = _free_memberships(user, call).exists()
        context["works_elsewhere"] = not context["can_nominate"] and _works_elsewhere(user, call)
    if user.is_authenticated and phase == CallPhase.VOTING:
        context["can_vote"] = _voters(user, call).exists()
    return render(request, "cooperation/call_detail.html", context)


def _login_or(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None


def nominate(request, pk):
    call = _call(pk)
    if refused := _login_or(request):
        return refused
    if not call.nominations_are_open:
        messages.error(request, _("Nominations are closed."))
        return redirect(call)
    memberships = _free_memberships(request.user, call)
    if not memberships.exists():
        if _works_elsewhere(request.user, call):
            return render(
                request,
                "cooperation/nominate_refused.html",
                {"call": call, "body": call.body, "message": elections.not_local_message(call)},
                status=403,
            )
        raise PermissionDenied
    form = NominationForm(
        request.POST if request.method == "POST" else None, memberships=memberships
    )
    if form.is_valid():
        try:
            elections.nominate(
                call=call,
                membership=form.cleaned_data["membership"],
                statement=form.cleaned_data["statement"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The candidate is nominated."))
            return redirect(call)
    return render(
        request, "cooperation/nominate.html", {"call": call, "body": call.body, "form": form}
    )


def vote(request, pk):
    call = _call(pk)
    if refused := _login_or(request):
        return refused
    if not call.voting_is_open:
        messages.error(request, _("Voting is closed."))
        return redirect(call)
    organisations = _voters(request.user, call)
    if not organisations.exists():
        raise PermissionDenied
    form = VoteForm(
        request.POST if request.method == "POST" else None,
        organisations=organisations,
        candidates=call.candidates.select_related("user", "organisation"),
    )
    if form.is_valid():
        try:
            elections.cast_vote(call=call, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your organisation's vote is recorded."))
            return redirect(call)
    return render(request, "cooperation/vote.html", {"call": call, "body": call.body, "form": form})


@require_POST
def publish_results(request, pk):
    call = _call(pk)
    if refused := _login_or(request):
        return refused
    if not permissions.can_manage_body(request.user, call.body):
        raise PermissionDenied
    try:
        elections.publish_results(call=call, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The results are published and the elected joined the council.")
        )
    return redirect(call)
