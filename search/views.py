"""The results page, the suggestions endpoint and the JSON API.

None of them knows which backend runs: they call `search.services`.
"""

import logging
from urllib.parse import urlencode

from django.core.exceptions import NON_FIELD_ERRORS
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from . import services
from .deadline import SearchTooSlow
from .documents import FACETS
from .forms import SearchForm
from .highlight import safe_snippet

logger = logging.getLogger(__name__)

FACET_LABELS = {
    "type": gettext_lazy("Type"),
    "year": gettext_lazy("Year"),
    "status": gettext_lazy("Status"),
    "area": gettext_lazy("Subject area"),
    "gmina": gettext_lazy("Municipality"),
}
PER_PAGE = 10


def _querystring(params, **changes) -> str:
    """The current GET parameters with some replaced (None removes)."""
    data = params.copy()
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data.setlist(key, value if isinstance(value, list) else [str(value)])
    return "?" + urlencode(sorted(data.lists()), doseq=True)


def _page_links(request, page, num_pages):
    links = []
    last = None
    for number in range(1, num_pages + 1):
        if number in (1, num_pages) or abs(number - page) <= 2:
            if last is not None and number - last > 1:
                links.append({"ellipsis": True})
            links.append(
                {
                    "number": number,
                    "url": _querystring(request.GET, page=number),
                    "current": number == page,
                }
            )
            last = number
    return links


def _facet_groups(request, results, filters):
    groups = []
    for name in FACETS:
        values = results.facets.get(name) or []
        chosen = set(filters.get(name, []))
        if not values and not chosen:
            continue
        if name == "gmina" and len(values) < 2 and not chosen:
            continue  # one municipality (a single-city portal): nothing to choose
        groups.append(
            {
                "name": name,
                "label": FACET_LABELS[name],
                "values": [
                    {
                        "value": v.value,
                        "label": v.label,
                        "count": v.count,
                        "checked": v.value in chosen,
                        "id": f"facet-{name}-{i}",
                    }
                    for i, v in enumerate(values)
                ],
            }
        )
    return groups


@require_GET
def results(request):
    raw_query = request.GET.get("q", "")
    form = SearchForm(request.GET)
    context = {"form": form, "search_query": raw_query, "per_page": PER_PAGE}
    if not raw_query.strip():
        return render(request, "search/results.html", {**context, "state": "start"})
    if not form.is_valid():
        return render(request, "search/results.html", {**context, "state": "invalid"}, status=400)

    filters = form.filters()
    page = form.cleaned_data["page"]
    sort = form.cleaned_data["sort"]
    try:
        results = services.search(
            form.parsed, filters=filters, sort=sort, page=page, per_page=PER_PAGE
        )
    except SearchTooSlow:
        logger.warning("Search stopped at its time limit: %r", raw_query[:200])
        return _too_slow(render(request, "search/results.html", {**context, "state": "too_slow"}))
    except Exception:  # noqa: BLE001 - a broken engine gets an apology, not a 500
        logger.exception("Search failed for %r", raw_query[:200])
        return render(request, "search/results.html", {**context, "state": "down"}, status=503)

    clean_filters = {k: [str(v) for v in vs] for k, vs in filters.items()}
    hits = [
        {"hit": hit, "snippet": mark_safe(safe_snippet(hit.snippet_html))}  # noqa: S308 - bleach-clean
        for hit in results.hits
    ]
    state = "results"
    status = 200
    if not results.total:
        state = "empty"
    elif page > results.num_pages:
        state = "past_end"
        status = 404
    context.update(
        state=state,
        results=results,
        hits=hits,
        first_number=(page - 1) * PER_PAGE + 1,
        sort=sort,
        facet_groups=_facet_groups(request, results, clean_filters),
        # Hits name their municipality once there is more than one to tell apart.
        show_municipality=len(results.facets.get("gmina") or []) > 1 or "gmina" in filters,
        has_filters=bool(filters),
        without_filters_url=_querystring(request.GET, page=None, **dict.fromkeys(FACETS, None)),
        sort_links=[
            {
                "value": value,
                "label": label,
                "current": value == sort,
                "url": _querystring(request.GET, sort=value, page=None),
            }
            for value, label in form.fields["sort"].choices
        ],
        page_links=_page_links(request, page, results.num_pages) if results.num_pages > 1 else [],
        previous_url=_querystring(request.GET, page=page - 1) if page > 1 else "",
        next_url=_querystring(request.GET, page=page + 1) if page < results.num_pages else "",
        last_page_url=_querystring(request.GET, page=results.num_pages),
        suggestions=_suggestions(raw_query) if state == "empty" else [],
    )
    return render(request, "search/results.html", context, status=status)


def _too_slow(response):
    """503 with a hint to retry later: the database stopped a search at its time limit."""
    response.status_code = 503
    response["Retry-After"] = "30"
    return response


def _suggestions(raw_query) -> list[str]:
    try:
        return services.suggest(raw_query, limit=5)
    except SearchTooSlow:
        return []


@require_GET
def suggestions(request):
    """Titles for search-as-you-type; always 200 with a (possibly empty) list."""
    prefix = request.GET.get("q", "")[:100]
    if "\x00" in prefix:  # PostgreSQL refuses it; no title has one
        return JsonResponse({"suggestions": []})
    try:
        titles = services.suggest(prefix, limit=8)
    except SearchTooSlow:
        titles = []
    except Exception:  # noqa: BLE001 - suggestions are a nicety: fail quiet
        logger.exception("Suggestions failed")
        titles = []
    response = JsonResponse({"suggestions": titles})
    response["Cache-Control"] = "max-age=60"
    return response


def _api_error(message, field, status=400):
    return JsonResponse({"error": str(message), "field": field}, status=status)


@require_GET
def api_search(request):
    """GET /api/v1/search?q=&type=&year=&status=&area=&gmina=&sort=&page=&per_page=

    200: {"total", "page", "num_pages", "results": [{"title", "url", "type",
    "type_label", "date", "snippet", "place", "citation", "municipality": {"slug",
    "name"} or null}], "facets": {name:
    [{"value", "label", "count"}]}}; 400: {"error", "field"} for bad input.
    """
    form = SearchForm(request.GET)
    if not form.is_valid():
        field, errors = next(iter(form.errors.items()))
        return _api_error(errors[0], form.invalid_filter if field == NON_FIELD_ERRORS else field)
    per_page = request.GET.get("per_page", str(PER_PAGE))
    if not per_page.isdigit() or not 1 <= int(per_page) <= 50:
        return _api_error(_("per_page must be a whole number from 1 to 50."), "per_page")
    page = form.cleaned_data["page"]
    try:
        results = services.search(
            form.parsed,
            filters=form.filters(),
            sort=form.cleaned_data["sort"],
            page=page,
            per_page=int(per_page),
        )
    except SearchTooSlow:
        logger.warning("API search stopped at its time limit: %r", request.GET.get("q", "")[:200])
        return _too_slow(
            _api_error(
                _("The search took too long. Narrow it: add words, a phrase or a filter."),
                "q",
                status=503,
            )
        )
    except Exception:  # noqa: BLE001 - report an outage as 503, not 500
        logger.exception("API search failed")
        return _api_error(_("Search is temporarily unavailable."), None, status=503)
    if results.total and page > results.num_pages:
        return _api_error(
            _("There is no page %(page)d: the last page is %(last)d.")
            % {"page": page, "last": results.num_pages},
            "page",
        )
    return JsonResponse(
        {
            "total": results.total,
            "page": page,
            "num_pages": results.num_pages,
            "results": [
                {
                    "title": hit.title,
                    "url": request.build_absolute_uri(hit.url),
                    "type": hit.type,
                    "type_label": hit.type_label,
                    "date": hit.date.isoformat() if hit.date else None,
                    "snippet": safe_snippet(hit.snippet_html),
                    "place": hit.place,
                    "citation": hit.citation,
                    "municipality": (
                        {"slug": hit.municipality, "name": hit.municipality_label}
                        if hit.municipality
                        else None
                    ),
                }
                for hit in results.hits
            ],
            "facets": {
                name: [{"value": v.value, "label": v.label, "count": v.count} for v in values]
                for name, values in results.facets.items()
            },
        },
        json_dumps_params={"ensure_ascii": False},
    )
