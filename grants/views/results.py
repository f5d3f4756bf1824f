"""Published results of a call as data: Atom feed, JSON and CSV (anyone)."""

import csv
import io

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms_pages.models import CallForProposalsPage
from portal.spreadsheet import neutralise_formula

from .. import querysets
from ..models import CallTerms


def published_call(pk):
    call = get_object_or_404(CallForProposalsPage.objects.live().public(), pk=pk)
    terms = CallTerms.objects.filter(call=call, results_published_at__isnull=False).first()
    if terms is None:
        raise Http404
    return call, terms


def result_rows(call) -> list[dict]:
    return [
        {
            "offer": offer.pk,
            "organisation": offer.organisation.name,
            "krs": offer.organisation.krs,
            "task": offer.title,
            "requested": f"{offer.grant_requested:.2f}",
            "granted": f"{offer.granted_amount:.2f}" if offer.granted_amount is not None else "",
            "points": f"{offer.average:.2f}" if offer.average is not None else "",
            "result": offer.status,
        }
        for offer in querysets.results(call)
    ]


def results_json(request, pk):
    call, terms = published_call(pk)
    return JsonResponse(
        {
            "call": {"id": call.pk, "title": call.title, "url": call.full_url},
            "published_at": terms.results_published_at.isoformat(),
            "results": result_rows(call),
        },
        json_dumps_params={"ensure_ascii": False},
    )


def results_csv(request, pk):
    call, _terms = published_call(pk)
    out = io.StringIO()
    rows = result_rows(call)
    fields = ["offer", "organisation", "krs", "task", "requested", "granted", "points", "result"]
    writer = csv.DictWriter(out, fieldnames=fields, delimiter=";")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: neutralise_formula(str(v)) for k, v in row.items()})
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="wyniki-{call.pk}.csv"'
    return response


class ResultsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, pk):
        return published_call(pk)[0]

    def title(self, call):
        return _("Results: %(title)s") % {"title": call.title}

    def link(self, call):
        return call.url

    def subtitle(self, call):
        return call.lead

    def items(self, call):
        offers = list(querysets.results(call))
        for offer in offers:
            offer.call_url = call.url
        return offers

    def item_title(self, offer):
        return f"{offer.organisation.name}: {offer.title}"

    def item_description(self, offer):
        if offer.granted_amount is not None:
            return _("Grant awarded: %(amount)s zł") % {"amount": f"{offer.granted_amount:.2f}"}
        return offer.get_status_display()

    def item_link(self, offer):
        return f"{offer.call_url}#wynik-{offer.pk}"

    def item_pubdate(self, offer):
        return offer.decided_at
