from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.models import Organisation

from . import permissions, services
from .forms import ProfileEditForm
from .models import ProfileChange
from .profile_fields import current_value


def represented_or_404(request, slug) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=slug)
    if not permissions.can_edit_profile(request.user, organisation):
        # Nobody else learns whether the screen exists.
        raise Http404
    return organisation


@login_required
def profile_edit(request, slug):
    """The representative's profile form; what they change waits for an official."""
    organisation = represented_or_404(request, slug)
    pending = organisation.profile_changes.filter(status=ProfileChange.Status.PENDING).first()
    if request.method == "POST":
        form = ProfileEditForm(request.POST, request.FILES, instance=organisation)
        if form.is_valid():
            try:
                services.submit_profile_change(
                    organisation=organisation,
                    by=request.user,
                    data=form.cleaned_data,
                    logo=form.cleaned_data.get("logo"),
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. An official will check the changes; they appear on "
                        "the profile once approved, and we will tell you by e-mail."
                    ),
                )
                return redirect(organisation)
    else:
        initial = {}
        if pending:
            # Show what is waiting, so a second edit builds on it.
            initial = dict(pending.changes)
        else:
            initial["municipalities"] = current_value(organisation, "municipalities")
        form = ProfileEditForm(instance=organisation, initial=initial)
    return render(
        request,
        "organisations/profile_edit.html",
        {"organisation": organisation, "form": form, "pending": pending},
    )
