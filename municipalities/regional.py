"""What is open now across the region: consultations, calls and events.

One query for the municipalities and one per kind of item, whatever the number of
municipalities or items: each item's municipality is found from its tree path in
Python (a municipality's pages all sit under its home page's path).
"""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Municipality

REGIONAL_LIMIT = 50


class RegionalFilterForm(forms.Form):
    gmina = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, data=None, *, municipalities, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["gmina"].choices = [
            ("", _("All municipalities")),
            *((m.slug, m.name) for m in municipalities),
        ]


class PathIndex:
    """Finds the municipality a page belongs to from the page's tree path."""

    def __init__(self, municipalities):
        self.by_path = {m.home_page.path: m for m in municipalities}
        # Deepest first: a local home page sits below the operator's regional page.
        self.lengths = sorted({len(p) for p in self.by_path}, reverse=True)

    def municipality_of(self, page):
        for length in self.lengths:
            found = self.by_path.get(page.path[:length])
            if found is not None:
                return found
        return None


def _open_items(root, now):
    from cms_pages.models import CallForProposalsPage, EventPage
    from consultations.models import ConsultationPage

    return {
        "consultations": ConsultationPage.objects.live()
        .public()
        .descendant_of(root)
        .open(now)
        .order_by("end_at", "pk"),
        "calls": CallForProposalsPage.objects.live()
        .public()
        .descendant_of(root)
        .accepting_offers(now)
        .order_by("offer_deadline", "pk"),
        "events": EventPage.objects.live()
        .public()
        .descendant_of(root)
        .upcoming(now)
        .order_by("start", "pk"),
    }


def regional_listing(regional_page, request, now=None) -> dict:
    """Open consultations, calls and upcoming events under the regional page, each with
    its municipality; `?gmina=<path>` narrows them to one municipality."""
    now = now or timezone.now()
    municipalities = list(
        Municipality.objects.local()
        .filter(home_page__path__startswith=regional_page.path)
        .select_related("home_page", "coat_of_arms")
        .order_by("name")
    )
    form = RegionalFilterForm(request.GET or None, municipalities=municipalities)
    chosen = None
    if form.is_valid() and form.cleaned_data["gmina"]:
        chosen = next(m for m in municipalities if m.slug == form.cleaned_data["gmina"])
    root = chosen.home_page if chosen else regional_page
    index = PathIndex(municipalities)
    listing = {}
    for key, queryset in _open_items(root, now).items():
        items = list(queryset[:REGIONAL_LIMIT])
        for item in items:
            item.in_municipality = index.municipality_of(item)
        listing[key] = items
    return {
        "filter_form": form,
        "municipalities": municipalities,
        "chosen_municipality": chosen,
        "regional_limit": REGIONAL_LIMIT,
        "now": now,
        **listing,
    }
