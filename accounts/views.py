from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities.models import Municipality

from . import permissions, services
from .forms import (
    DeleteAccountForm,
    MembershipRequestForm,
    OrganisationFilterForm,
    OrganisationForm,
    ProfileForm,
)
from .models import Membership, Organisation
from .organisation_sections import collect_organisation_sections
from .profile_sections import collect_profile_sections

ORGANISATIONS_PER_PAGE = 20


@login_required
def profile(request):
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your profile has been saved."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=request.user)
    memberships = request.user.memberships.select_related("organisation").order_by(
        "organisation__name"
    )
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "memberships": memberships,
            "can_participate": permissions.can_participate(request.user),
            "profile_sections": collect_profile_sections(request),
        },
    )


@require_POST
@login_required
def membership_withdraw(request, pk):
    membership = get_object_or_404(Membership, pk=pk, user=request.user)
    services.leave_organisation(membership=membership, by=request.user)
    messages.success(request, _("You no longer represent this organisation."))
    return redirect("accounts:profile")


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    organisations = form.filter(Organisation.objects.listed()).order_by("name", "pk")
    organisations = organisations.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    )
    page = Paginator(organisations, ORGANISATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "accounts/organisation_list.html",
        {
            "form": form,
            "page_obj": page,
            "organisations": page.object_list,
            "query": query.urlencode(),
        },
    )


def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.listed(), slug=slug)
    membership = None
    if request.user.is_authenticated:
        membership = organisation.memberships.filter(user=request.user).first()
    return render(
        request,
        "accounts/organisation_detail.html",
        {
            "organisation": organisation,
            "places": organisation.municipalities.order_by("name"),
            "sections": collect_organisation_sections(request, organisation),
            "membership": membership,
            "can_request": permissions.can_register_organisation(request.user)
            and (membership is None or membership.status == Membership.Status.REJECTED),
            "form": MembershipRequestForm(),
        },
    )


@verified_email_required
def organisation_register(request):
    if request.method == "POST":
        form = OrganisationForm(request.POST)
        if form.is_valid():
            try:
                services.register_organisation(
                    user=request.user,
                    organisation=form.save(commit=False),
                    function=form.cleaned_data["function"],
                    municipalities=form.cleaned_data["municipalities"],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. An official will check the organisation and your link to it; "
                        "we will tell you by e-mail."
                    ),
                )
                return redirect("accounts:profile")
    else:
        form = OrganisationForm()
    return render(request, "accounts/organisation_register.html", {"form": form})


@verified_email_required
def membership_request(request, slug):
    organisation = get_object_or_404(Organisation.objects.listed(), slug=slug)
    form = MembershipRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_membership(
                user=request.user, organisation=organisation, function=form.cleaned_data["function"]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(organisation)
        messages.success(
            request, _("Your request has been sent. An official will confirm it by e-mail.")
        )
        return redirect(organisation)
    return render(
        request,
        "accounts/membership_request.html",
        {"organisation": organisation, "form": form},
    )


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=request.user)
        logout(request)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})
