"""A representative proposes a news item or an event for a municipality's window and
follows what became of it ("My proposals")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.models import Organisation

from . import proposals
from .models import Proposal
from .proposal_forms import EventProposalForm, NewsProposalForm, municipalities_of
from .views import represented_or_404

PROPOSALS_PER_PAGE = 20
FORMS = {Proposal.Kind.NEWS: NewsProposalForm, Proposal.Kind.EVENT: EventProposalForm}


@login_required
def propose(request, slug, kind):
    """The proposal form (the organisation's representatives only; others get 404)."""
    organisation = represented_or_404(request, slug)
    form = FORMS[kind](
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        organisation=organisation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            proposals.propose(
                organisation=organisation,
                municipality=form.cleaned_data["municipality"],
                kind=kind,
                by=request.user,
                data=form.cleaned_data,
                image=form.cleaned_data.get("image"),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        except proposals.RateLimited:
            limit, _seconds = proposals.proposal_rate()
            return render(
                request,
                "organisations/proposal_rate_limited.html",
                {"organisation": organisation, "limit": limit},
                status=429,
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you. The municipality's editors will review your proposal; "
                    "we will tell you by e-mail when they decide."
                ),
            )
            return redirect("ngo:my_proposals")
    return render(
        request,
        "organisations/proposal_form.html",
        {
            "organisation": organisation,
            "form": form,
            "kind": kind,
            "has_municipalities": municipalities_of(organisation).exists(),
        },
    )


@login_required
def my_proposals(request):
    """The proposals of the organisations the user represents, newest first, with what
    the editors decided (a fixed number of queries for any length)."""
    organisations = list(Organisation.objects.represented_by(request.user).order_by("name"))
    listed = Proposal.objects.filter(organisation__in=organisations).select_related(
        "organisation", "municipality", "proposed_by", "page"
    )
    page_obj = Paginator(listed, PROPOSALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "organisations/my_proposals.html",
        {
            "organisations": organisations,
            "page_obj": page_obj,
            "proposals": page_obj.object_list,
            "several": len(organisations) > 1,
        },
    )
