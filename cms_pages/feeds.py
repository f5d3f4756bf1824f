"""RSS and Atom feeds of news, resolutions and calls for proposals.

Each feed covers the window of the host it is read on (a municipality's own host: its
pages; the regional portal: every municipality); `?gmina=<path>` narrows the regional
feed to one municipality. The municipality's name is part of the feed's title.
"""

import copy
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from cms_pages.formatting import format_pln
from cms_pages.models import (
    CallForProposalsPage,
    CallIndexPage,
    NewsIndexPage,
    NewsPage,
    ResolutionIndexPage,
    ResolutionPage,
)

FEED_LENGTH = 20


def start_of_day(day):
    return timezone.make_aware(datetime.combine(day, time(8, 0)))


class FeedScope:
    """The tree a feed covers and the municipality it speaks for (None: the whole site)."""

    def __init__(self, root, municipality):
        self.root = root
        self.municipality = municipality


def feed_scope(request) -> FeedScope:
    """The window of the request's site, narrowed by `?gmina=<path>` to a municipality
    inside it; an unknown path is a 404."""
    from municipalities.models import Municipality

    site = Site.find_for_request(request)
    root = site.root_page if site else None
    slug = request.GET.get("gmina", "").strip()
    if slug:
        municipality = (
            Municipality.objects.filter(slug=slug[:80])
            .select_related("home_page")
            .filter(home_page__path__startswith=root.path if root else "")
            .first()
        )
        if municipality is None:
            raise Http404("No such municipality on this site")
        return FeedScope(municipality.home_page, municipality)
    municipality = Municipality.objects.for_page(root) if root else None
    return FeedScope(root, municipality)


class PageFeed(Feed):
    """Links are built from the request, so they point at the host the reader used."""

    index_model = None

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one instance for all requests: work on a per-request copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return feed_scope(request)

    def in_scope(self, queryset, scope):
        return queryset.descendant_of(scope.root, inclusive=True) if scope.root else queryset

    def title(self, scope):
        if scope.municipality is None:
            return str(self.feed_title)
        return f"{self.feed_title} – {scope.municipality.name}"

    def description(self, scope=None):
        return str(self.feed_description)

    def link(self, scope):
        index = None
        if self.index_model:
            index = self.in_scope(self.index_model.objects.live().public(), scope).first()
        return self.request.build_absolute_uri(index.get_url(self.request) if index else "/")

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_title(self, item):
        return item.title


class NewsFeed(PageFeed):
    feed_title = _("News")
    feed_description = _("News from the one-stop window for NGOs and residents.")
    index_model = NewsIndexPage

    def items(self, scope):
        return self.in_scope(
            NewsPage.objects.live().public().select_related("category"), scope
        ).order_by("-date", "-pk")[:FEED_LENGTH]

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return start_of_day(item.date)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []


class ResolutionsFeed(PageFeed):
    feed_title = _("Resolutions and orders")
    feed_description = _("New resolutions, orders and announcements.")
    index_model = ResolutionIndexPage

    def items(self, scope):
        return self.in_scope(ResolutionPage.objects.live().public(), scope).order_by(
            "-adopted_on", "-pk"
        )[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.designation} – {item.title}"

    def item_description(self, item):
        return strip_tags(item.summary)

    def item_pubdate(self, item):
        return start_of_day(item.adopted_on)


class CallsFeed(PageFeed):
    feed_title = _("Open calls for proposals")
    feed_description = _("Calls for proposals for NGOs (art. 13 of the public benefit act).")
    index_model = CallIndexPage

    def items(self, scope):
        return self.in_scope(CallForProposalsPage.objects.live().public(), scope).order_by(
            "-first_published_at", "-pk"
        )[:FEED_LENGTH]

    def item_description(self, item):
        deadline = timezone.localtime(item.offer_deadline).strftime("%d.%m.%Y %H:%M")
        return f"{item.lead} — {format_pln(item.total_amount)}; {_('deadline')}: {deadline}"

    def item_pubdate(self, item):
        return item.first_published_at


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self, scope=None):
        return str(self.feed_description)


class NewsAtomFeed(AtomMixin, NewsFeed):
    pass


class ResolutionsAtomFeed(AtomMixin, ResolutionsFeed):
    pass


class CallsAtomFeed(AtomMixin, CallsFeed):
    pass
