"""Public task proposals: a member submits one for the group; everyone reads the answer."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import permissions, services
from .forms import ProposalForm
from .models import TaskProposal
from .views import get_body


def proposal_new(request, municipality, slug):
    body = get_body(municipality, slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_submit_proposal(request.user, body):
        raise PermissionDenied
    form = ProposalForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            proposal = services.submit_proposal(body=body, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The proposal is submitted. The department answers within a month.")
            )
            return redirect(proposal)
    return render(request, "cooperation/proposal_form.html", {"body": body, "form": form})


def proposal_detail(request, pk):
    proposal = get_object_or_404(TaskProposal.objects.select_related("body__municipality"), pk=pk)
    return render(
        request,
        "cooperation/proposal_detail.html",
        {"proposal": proposal, "body": proposal.body},
    )
