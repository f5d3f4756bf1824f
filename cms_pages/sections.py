"""Home page sections of the content types (registered in CmsPagesConfig.ready).

Each provider costs one query (plus none per item): the home page's query count
does not grow with the number of news items, calls or events.
"""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms_pages.models import (
    CallForProposalsPage,
    CallIndexPage,
    DocumentLibraryPage,
    EventIndexPage,
    EventPage,
    NewsIndexPage,
    NewsPage,
    ProgrammeIndexPage,
    SupportCentreIndexPage,
)
from cms_pages.models.news import listing_images_with_renditions

LATEST_NEWS = 4
OPEN_CALLS = 4
UPCOMING_EVENTS = 4


def _index_of(home_page, model):
    return model.objects.live().public().descendant_of(home_page).only("url_path").first()


def latest_news(home_page, request):
    items = list(
        NewsPage.objects.live()
        .public()
        .descendant_of(home_page)
        .prefetch_related(listing_images_with_renditions())
        .order_by("-date", "-pk")[:LATEST_NEWS]
    )
    if not items:
        return None
    return {
        "template": "cms_pages/sections/latest_news.html",
        "order": 10,
        "items": items,
        "index": _index_of(home_page, NewsIndexPage),
    }


def open_calls(home_page, request):
    items = list(
        CallForProposalsPage.objects.live()
        .public()
        .descendant_of(home_page)
        .accepting_offers()
        .order_by("offer_deadline")[:OPEN_CALLS]
    )
    return {
        "template": "cms_pages/sections/open_calls.html",
        "order": 30,
        "items": items,
        "index": _index_of(home_page, CallIndexPage),
    }


def upcoming_events(home_page, request):
    items = list(
        EventPage.objects.live()
        .public()
        .descendant_of(home_page)
        .upcoming(timezone.now())
        .order_by("start", "pk")[:UPCOMING_EVENTS]
    )
    return {
        "template": "cms_pages/sections/upcoming_events.html",
        "order": 40,
        "items": items,
        "index": _index_of(home_page, EventIndexPage),
        "calendar_url": reverse("cms_pages:events_ics"),
    }


QUICK_LINK_MODELS = [ProgrammeIndexPage, SupportCentreIndexPage, DocumentLibraryPage]


def quick_links(home_page, request):
    """Links to the cooperation programme, support centres, NGO directory and documents."""
    content_types = ContentType.objects.get_for_models(*QUICK_LINK_MODELS)
    order = {content_types[m].pk: i for i, m in enumerate(QUICK_LINK_MODELS)}
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(home_page)
        .filter(content_type__in=order.keys())
        .order_by("depth", "path")
    )
    first_of_type = {}
    for page in pages:
        first_of_type.setdefault(page.content_type_id, page)
    links = [
        (order[ct_id], page.title, page.get_url(request)) for ct_id, page in first_of_type.items()
    ]
    with contextlib.suppress(NoReverseMatch):
        links.append((1.5, _("NGO directory"), reverse("accounts:organisation_list")))
    if not links:
        return None
    return {
        "template": "cms_pages/sections/quick_links.html",
        "order": 60,
        "links": [(title, url) for _order, title, url in sorted(links)],
    }


PROVIDERS = [latest_news, open_calls, upcoming_events, quick_links]
