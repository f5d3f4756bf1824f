"""Voting, the receipt check and the published results."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from portal import ratelimit
from portal.net import client_ip

from . import open_data, permissions
from .forms import ReceiptForm, VoteForm
from .models import Ballot, Identity, Pool
from .querysets import with_figures
from .services import voting
from .services.submission import PhaseClosed
from .views import _edition_for


def vote_rate() -> int:
    """Vote attempts (POSTs) per client address and minute."""
    return getattr(settings, "BUDGET_VOTE_RATE", 30)


def vote(request, pool_pk):
    """The ballot of one pool. A vote that is stored reads no list of projects: the
    service checks the choices against the admitted ones; the list (with its figures)
    is read only to show the form."""
    # The form page shows the municipality's name; a vote needs only the edition.
    related = "edition__municipality" if request.method == "GET" else "edition"
    pool = get_object_or_404(Pool.objects.select_related(related), pk=pool_pk)
    edition = pool.edition
    if not permissions.can_see_edition(request.user, edition):
        raise Http404
    if not edition.accepts_votes:
        return render(request, "budget/closed.html", {"edition": edition, "voting": True})
    if edition.identity == Identity.ACCOUNT:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not permissions.can_submit(request.user):
            return render(request, "budget/verify_first.html", status=403)
    form = VoteForm(request.POST or None, pool=pool)
    status = 200
    if request.method == "POST":
        key = f"budget:vote:{client_ip(request)}"
        if not ratelimit.hit(key, limit=vote_rate(), seconds=60):
            return render(request, "429.html", status=429)
        status = 400
        if form.is_valid():
            try:
                ballot = voting.cast_vote(
                    pool=pool,
                    voter=voter_of(request, form),
                    project_ids=form.cleaned_data["projects"],
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            except voting.OtherDistrictVoted as exc:
                form.add_error(None, exc.message)
                status = 409
            except voting.AlreadyVoted:
                form.add_error(
                    None, _("A vote from this voter has already been cast in this pool.")
                )
                status = 409
            except PhaseClosed:
                return render(
                    request, "budget/closed.html", {"edition": edition, "voting": True}, status=409
                )
            except PermissionDenied:
                return render(request, "budget/verify_first.html", status=403)
            else:
                return redirect(f"{reverse('budget:receipt')}?kod={ballot.receipt}")
    projects = list(with_figures(pool.projects.admitted()).order_by("title", "pk"))
    return render(
        request,
        "budget/vote_form.html",
        {"form": form, "pool": pool, "edition": edition, "projects": projects},
        status=status,
    )


def voter_of(request, form) -> voting.Voter:
    data = form.cleaned_data
    return voting.Voter(
        user=request.user,
        full_name=data.get("full_name", ""),
        pesel=data.get("pesel", ""),
        declared_residence=data["declared_residence"],
        declared_age=data.get("declared_age", False),
    )


def _add_errors(form, exc: ValidationError):
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def receipt(request):
    """Anyone holding a receipt code sees that its ballot is stored and in which pool;
    never what it chose."""
    form = ReceiptForm(request.GET or None)
    ballot = None
    status = 200
    if form.is_bound:
        if not ratelimit.hit(f"budget:receipt:{client_ip(request)}", limit=60, seconds=60):
            return render(request, "429.html", status=429)
        if form.is_valid():
            ballot = (
                Ballot.objects.select_related("pool", "edition")
                .filter(receipt=form.cleaned_data["kod"])
                .first()
            )
            if ballot is None:
                form.add_error("kod", _("No ballot has this code. Check it and try again."))
                status = 404
    return render(request, "budget/receipt.html", {"form": form, "ballot": ballot}, status=status)


def results(request, pk):
    edition = _edition_for(request, pk)
    if not edition.results_public:
        raise Http404
    pools = list(edition.pools.all())
    projects = with_figures(edition.projects.admitted()).order_by(
        "pool__position", "pool_id", "result_rank"
    )
    by_pool = {pool.pk: [] for pool in pools}
    for project in projects:
        by_pool[project.pool_id].append(project)
    sections = [(pool, by_pool[pool.pk]) for pool in pools]
    return render(request, "budget/results.html", {"edition": edition, "sections": sections})


def _published(request, pk):
    """The edition with published results and the pools asked for: all, or the one
    named by ?pula= (404 for a pool of another edition)."""
    edition = _edition_for(request, pk)
    if not edition.results_public:
        raise Http404
    pools = list(edition.pools.all())
    if pool_id := request.GET.get("pula"):
        pools = [pool for pool in pools if str(pool.pk) == pool_id]
        if not pools:
            raise Http404
    return edition, pools


def _file_name(edition, pools, extension) -> str:
    one_pool = f"-pula-{pools[0].pk}" if len(pools) == 1 else ""
    return f"budzet-{edition.pk}{one_pool}-wyniki.{extension}"


@require_GET
def results_json(request, pk):
    edition, pools = _published(request, pk)
    data = open_data.results_data(edition, pools, request.build_absolute_uri)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=_file_name(edition, pools, "json")
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def results_csv(request, pk):
    edition, pools = _published(request, pk)
    data = open_data.results_data(edition, pools, request.build_absolute_uri)
    response = HttpResponse(
        open_data.results_csv(data).encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=_file_name(edition, pools, "csv")
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
