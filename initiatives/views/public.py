"""Public pages: accepted initiatives and their results, per municipality.

Only accepted applications are ever read here, and only the group's or the
organisation's name is shown: never the residents' names, addresses or accounts.
"""

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from municipalities.models import Municipality
from portal.private_files import serve_private_file

from .. import permissions
from ..models import Application, ResultPhoto, ResultStatus, Status


def index(request):
    """Municipalities that run local initiative: open for applications, number accepted."""
    municipalities = (
        Municipality.objects.filter(initiative_setup__isnull=False)
        .annotate(
            accepted=Count(
                "initiative_applications",
                filter=Q(initiative_applications__status=Status.ACCEPTED),
            )
        )
        .select_related("initiative_setup")
        .order_by("name")
    )
    return render(request, "initiatives/index.html", {"municipalities": municipalities})


def municipality_list(request, slug):
    """Accepted initiatives of one municipality: three queries whatever their number."""
    municipality = get_object_or_404(
        Municipality.objects.select_related("initiative_setup"), slug=slug
    )
    initiatives = (
        Application.objects.public()
        .filter(municipality=municipality)
        .select_related("organisation", "agreement", "result")
        .annotate(
            photo_count=Count("result__photos", filter=Q(result__status=ResultStatus.ACCEPTED))
        )
        .order_by("-decided_at", "-pk")
    )
    setup = getattr(municipality, "initiative_setup", None)
    return render(
        request,
        "initiatives/municipality_list.html",
        {
            "municipality": municipality,
            "setup": setup,
            "initiatives": initiatives,
            "can_manage": permissions.can_manage(request.user, municipality),
        },
    )


def detail(request, slug, pk):
    application = get_object_or_404(
        Application.objects.public()
        .select_related("municipality", "organisation", "agreement", "result")
        .prefetch_related(
            "steps", Prefetch("result__photos", queryset=ResultPhoto.objects.order_by("pk"))
        ),
        municipality__slug=slug,
        pk=pk,
    )
    result = getattr(application, "result", None)
    return render(
        request,
        "initiatives/detail.html",
        {
            "initiative": application,
            "municipality": application.municipality,
            "result": result if result and result.is_accepted else None,
        },
    )


def photo(request, photo_id):
    """A result photo: public once the result is accepted; before, for its applicants
    and the municipality's officials."""
    photo = get_object_or_404(
        ResultPhoto.objects.select_related("result__application__municipality"), pk=photo_id
    )
    application = photo.result.application
    public = application.status == Status.ACCEPTED and photo.result.is_accepted
    if not public and not permissions.can_view(request.user, application):
        raise Http404
    name = photo.image.name.rsplit("/", 1)[-1]
    kind = "image/png" if name.lower().endswith(".png") else "image/jpeg"
    if name.lower().endswith(".webp"):
        kind = "image/webp"
    return serve_private_file(photo.image, filename=name, content_type=kind, as_attachment=False)
