"""Public pages of the participatory budget: editions, projects, submission, support
signatures, appeals. Voting and results: vote_views.py. Every verb goes through
budget.services; these views collect input and show results."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.private_files import serve_private_file

from . import permissions
from .forms import AppealForm, ProjectForm, SupportForm, cost_lines_for
from .models import Edition, PoolKind, Project, ProjectImage, Status
from .querysets import listed_projects
from .services import submission, verification
from .services.submission import PhaseClosed


def needs_verified_account(request):
    """None when the user may take part; else the answer: log in, or verify the
    e-mail address first (403 with an explanation)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not permissions.can_submit(request.user):
        return render(request, "budget/verify_first.html", status=403)
    return None


def edition_list(request):
    editions = Edition.objects.for_public().select_related("municipality")
    return render(request, "budget/edition_list.html", {"editions": editions})


def _edition_for(request, pk) -> Edition:
    edition = get_object_or_404(Edition.objects.select_related("municipality"), pk=pk)
    if not permissions.can_see_edition(request.user, edition):
        raise Http404
    return edition


def edition_detail(request, pk):
    edition = _edition_for(request, pk)
    pools = list(edition.pools.all())
    chosen_pool = None
    if pool_id := request.GET.get("pula", ""):
        chosen_pool = next((p for p in pools if str(p.pk) == pool_id), None)
    projects = listed_projects(edition, pool=chosen_pool)
    return render(
        request,
        "budget/edition_detail.html",
        {
            "edition": edition,
            "pools": pools,
            "chosen_pool": chosen_pool,
            "projects": projects,
            "phase": edition.phase,
            "one_district": edition.one_district_pool
            and any(pool.kind == PoolKind.DISTRICT for pool in pools),
        },
    )


def my_projects(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    projects = (
        Project.objects.filter(author=request.user)
        .select_related("edition", "pool")
        .order_by("-created_at", "pk")
    )
    return render(request, "budget/my_projects.html", {"projects": projects})


def _save_project_form(request, edition, project=None):
    """The project form (new or edit): GET shows it; POST saves it as a draft or
    submits it. A closed phase refuses politely and keeps what was typed."""
    if request.method == "POST":
        form = ProjectForm(request.POST, request.FILES, instance=project, edition=edition)
        costs = cost_lines_for(project, data=request.POST)
        submit = "submit" in request.POST
        status = 200
        if form.is_valid() and costs.is_valid():
            try:
                with transaction.atomic():
                    saved = submission.save_project(
                        author=request.user,
                        edition=edition,
                        fields=form.project_fields(),
                        lines=costs.lines(),
                        project=project,
                        submit=submit,
                    )
                    if form.cleaned_data.get("image"):
                        submission.add_image(
                            by=request.user,
                            project=saved,
                            upload=form.cleaned_data["image"],
                            alt_text=form.cleaned_data["alt_text"].strip(),
                        )
            except PhaseClosed:
                form.add_error(
                    None,
                    _(
                        "Submission of projects has ended: your changes were not saved. "
                        "Your text is still below, so you can copy it."
                    ),
                )
                status = 409
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if saved.status == Status.DRAFT:
                    messages.success(request, _("The draft has been saved. Only you can see it."))
                else:
                    messages.success(request, _("The project has been saved and submitted."))
                return redirect(saved)
        elif not costs.is_valid():
            form.add_error(None, _("Check the lines of the cost estimate."))
    else:
        if not edition.accepts_submissions:
            return render(request, "budget/closed.html", {"edition": edition}, status=200)
        form = ProjectForm(instance=project, edition=edition)
        costs = cost_lines_for(project)
        status = 200
    return render(
        request,
        "budget/project_form.html",
        {"form": form, "costs": costs, "edition": edition, "project": project},
        status=status,
    )


def project_new(request, pk):
    edition = _edition_for(request, pk)
    if refusal := needs_verified_account(request):
        return refusal
    return _save_project_form(request, edition)


def _project_for(request, pk) -> Project:
    project = get_object_or_404(Project.objects.select_related("edition", "pool"), pk=pk)
    if not permissions.can_see_project(request.user, project):
        raise Http404
    return project


def project_edit(request, pk):
    project = _project_for(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if project.author_id != request.user.pk:
        raise PermissionDenied
    if not permissions.can_edit_project(request.user, project):
        return render(
            request, "budget/closed.html", {"edition": project.edition, "project": project}
        )
    return _save_project_form(request, project.edition, project)


def project_detail(request, pk):
    project = _project_for(request, pk)
    user = request.user
    is_author = user.is_authenticated and project.author_id == user.pk
    context = {
        "project": project,
        "edition": project.edition,
        "cost_lines": project.cost_lines.all(),
        "images": project.images.all(),
        "supporters": project.supports.count(),
        "is_author": is_author,
        "appeal": getattr(project, "appeal", None),
        "appeal_form": AppealForm() if is_author and project.may_appeal() else None,
    }
    if is_author and project.edition.accepts_submissions:
        context["support_link"] = request.build_absolute_uri(
            reverse("budget:support", args=[submission.support_token(project)])
        )
    return render(request, "budget/project_detail.html", context)


def project_image(request, pk, image_pk):
    project = _project_for(request, pk)
    image = get_object_or_404(ProjectImage, pk=image_pk, project=project)
    response = serve_private_file(
        image.file,
        filename=image.file.name.rsplit("/", 1)[-1],
        content_type=image.content_type,
        as_attachment=False,
    )
    return response


@require_POST
def image_remove(request, pk, image_pk):
    project = _project_for(request, pk)
    image = get_object_or_404(ProjectImage, pk=image_pk, project=project)
    if not request.user.is_authenticated:
        return redirect_to_login(project.get_absolute_url())
    try:
        submission.remove_image(by=request.user, image=image)
    except (PermissionDenied, PhaseClosed) as exc:
        raise PermissionDenied from exc
    messages.success(request, _("The image has been removed."))
    return redirect("budget:project_edit", pk=project.pk)


def support(request, token):
    project_pk = submission.project_for_token(token)
    if project_pk is None:
        raise Http404
    project = _project_for(request, project_pk)
    if refusal := needs_verified_account(request):
        return refusal
    if not project.edition.accepts_submissions:
        return render(
            request, "budget/closed.html", {"edition": project.edition, "project": project}
        )
    form = SupportForm(request.POST or None, initial={"full_name": request.user.get_full_name()})
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            submission.sign_support(user=request.user, project=project, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
            status = 409
        except PhaseClosed:
            return render(request, "budget/closed.html", {"edition": project.edition}, status=409)
        else:
            messages.success(request, _("Thank you: your signature supports the project."))
            return redirect(project)
    return render(
        request, "budget/support_form.html", {"form": form, "project": project}, status=status
    )


@require_POST
def appeal(request, pk):
    project = _project_for(request, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(project.get_absolute_url())
    if project.author_id != request.user.pk:
        raise PermissionDenied
    form = AppealForm(request.POST)
    if form.is_valid():
        try:
            verification.file_appeal(
                by=request.user, project=project, text=form.cleaned_data["text"]
            )
        except PhaseClosed:
            messages.error(request, _("The time to appeal has passed."))
        else:
            messages.success(request, _("Your appeal has been filed."))
        return redirect(project)
    return render(
        request,
        "budget/project_detail.html",
        {
            "project": project,
            "edition": project.edition,
            "cost_lines": project.cost_lines.all(),
            "images": project.images.all(),
            "supporters": project.supports.count(),
            "is_author": True,
            "appeal_form": form,
        },
        status=200,
    )
