"""The applicants' screens: apply, keep a draft, submit, attachments, report results."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from municipalities.models import Municipality
from portal.private_files import serve_private_file

from .. import permissions, services
from ..forms import ApplicationForm, AttachmentForm, PhotoForm, ResultForm, ScheduleFormSet
from ..models import Application, Attachment, Criterion


def _own_application(request, pk) -> Application:
    """The application if the user may see it, else 404 (nobody learns it exists)."""
    application = get_object_or_404(
        Application.objects.select_related("municipality", "organisation", "created_by"), pk=pk
    )
    if not permissions.can_view(request.user, application):
        raise Http404
    return application


@login_required
def my_applications(request):
    applications = (
        Application.objects.of_applicant(request.user)
        .select_related("municipality", "organisation")
        .order_by("-created_at")
    )
    return render(request, "initiatives/my_applications.html", {"applications": applications})


def _application_form(request, *, municipality, application=None):
    """The form screen for a new application or a draft; POST with `submit` hands it in."""
    submitting = "submit" in request.POST
    data = request.POST if request.method == "POST" else None
    form = ApplicationForm(data, instance=application, user=request.user, submitting=submitting)
    steps = ScheduleFormSet(data, instance=application, prefix="steps", submitting=submitting)
    if data is not None and form.is_valid() and steps.is_valid():
        application = services.save_application(
            form=form, steps=steps, municipality=municipality, user=request.user, submit=submitting
        )
        if submitting:
            messages.success(request, _("Your application was submitted to the municipality."))
        else:
            messages.success(request, _("The draft was saved. Submit it when it is complete."))
        return redirect(application)
    setup = services.setup_for(municipality)
    return render(
        request,
        "initiatives/application_form.html",
        {
            "form": form,
            "steps": steps,
            "municipality": municipality,
            "application": application,
            "setup": setup,
            "next_deadline": setup.next_deadline(timezone.localdate()),
        },
        status=400 if data is not None else 200,
    )


@login_required
def new_application(request, slug):
    municipality = get_object_or_404(Municipality, slug=slug)
    setup = getattr(municipality, "initiative_setup", None)
    refusal = None
    if setup is None or not setup.accepting:
        refusal = _("%(municipality)s does not take local initiative applications now.") % {
            "municipality": municipality.name
        }
    elif not permissions.can_apply(request.user):
        refusal = _("Verify your e-mail address before you apply.")
    if refusal:
        return render(
            request,
            "initiatives/refused.html",
            {"message": refusal, "municipality": municipality},
            status=403,
        )
    return _application_form(request, municipality=municipality)


@login_required
def edit_application(request, pk):
    application = _own_application(request, pk)
    if not permissions.can_edit(request.user, application):
        return render(
            request,
            "initiatives/refused.html",
            {
                "message": _("A submitted application can no longer be changed."),
                "municipality": application.municipality,
                "application": application,
            },
            status=403,
        )
    return _application_form(
        request, municipality=application.municipality, application=application
    )


def application(request, pk):
    """The application as its applicants and the municipality's officials see it."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    application = _own_application(request, pk)
    scores = list(application.scores.select_related("criterion").order_by("criterion__position"))
    criteria = list(Criterion.objects.filter(setup__municipality=application.municipality))
    result = getattr(application, "result", None)
    return render(
        request,
        "initiatives/application.html",
        {
            "application": application,
            "steps": application.steps.all(),
            "attachments": application.attachments.all(),
            "scores": scores,
            "total_points": sum(s.points for s in scores),
            "max_points": sum(c.max_points for c in criteria),
            "agreement": getattr(application, "agreement", None),
            "result": result,
            "photos": result.photos.all() if result else [],
            "is_applicant": permissions.is_applicant(request.user, application),
            "can_edit": permissions.can_edit(request.user, application),
            "can_manage": permissions.can_manage(request.user, application.municipality),
            "can_evaluate": permissions.can_evaluate(request.user, application),
            "can_report": permissions.can_report_result(request.user, application),
            "attachment_form": AttachmentForm(),
        },
    )


@login_required
@require_POST
def add_attachment(request, pk):
    application = _own_application(request, pk)
    if not permissions.can_edit(request.user, application):
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        attachment = form.save(commit=False)
        attachment.application = application
        attachment.name = form.cleaned_data["file"].name[:200]
        attachment.save()
        messages.success(request, _("The file was attached."))
    else:
        for error in form.errors.get("file", []):
            messages.error(request, error)
    return redirect(application)


@login_required
def attachment(request, pk, attachment_id):
    application = _own_application(request, pk)
    item = get_object_or_404(Attachment, pk=attachment_id, application=application)
    return serve_private_file(
        item.file, filename=item.name, content_type="application/octet-stream"
    )


@login_required
def report_result(request, pk):
    application = _own_application(request, pk)
    if not permissions.can_report_result(request.user, application):
        return render(
            request,
            "initiatives/refused.html",
            {
                "message": _(
                    "Results are reported by the applicants once the agreement is made, until "
                    "the municipality accepts them."
                ),
                "municipality": application.municipality,
                "application": application,
            },
            status=403,
        )
    result = getattr(application, "result", None)
    form = ResultForm(request.POST or None, instance=result)
    photo_form = PhotoForm()
    if request.method == "POST" and "photo" in request.POST:
        form = ResultForm(instance=result)
        photo_form = PhotoForm(request.POST, request.FILES)
        if result is None:
            photo_form.add_error(None, _("Describe the results first, then add photos."))
        elif photo_form.is_valid():
            photo = photo_form.save(commit=False)
            photo.result = result
            photo.save()
            messages.success(request, _("The photo was added."))
            return redirect("initiatives:report_result", pk=application.pk)
    elif request.method == "POST" and form.is_valid():
        services.report_result(form=form, application=application)
        messages.success(request, _("The results were sent to the municipality."))
        return redirect("initiatives:report_result", pk=application.pk)
    failed = request.method == "POST"
    return render(
        request,
        "initiatives/result_form.html",
        {
            "application": application,
            "form": form,
            "photo_form": photo_form,
            "result": result,
            "photos": result.photos.all() if result else [],
        },
        status=400 if failed else 200,
    )
