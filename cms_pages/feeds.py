"""RSS and Atom feeds of news, resolutions and calls for proposals."""

import copy
from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

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


class PageFeed(Feed):
    """Links are built from the request, so they point at the host the reader used."""

    index_model = None

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one instance for all requests: work on a per-request copy.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def link(self):
        index = self.index_model.objects.live().public().first() if self.index_model else None
        return self.request.build_absolute_uri(index.get_url(self.request) if index else "/")

    def item_link(self, item):
        return self.request.build_absolute_uri(item.get_url(self.request))

    def item_guid(self, item):
        return self.item_link(item)

    def item_title(self, item):
        return item.title


class NewsFeed(PageFeed):
    title = _("News")
    description = _("News from the one-stop window for NGOs and residents.")
    index_model = NewsIndexPage

    def items(self):
        return (
            NewsPage.objects.live()
            .public()
            .select_related("category")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return start_of_day(item.date)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category_id else []


class ResolutionsFeed(PageFeed):
    title = _("Resolutions and orders")
    description = _("New resolutions, orders and announcements.")
    index_model = ResolutionIndexPage

    def items(self):
        return ResolutionPage.objects.live().public().order_by("-adopted_on", "-pk")[:FEED_LENGTH]

    def item_title(self, item):
        return f"{item.designation} – {item.title}"

    def item_description(self, item):
        return strip_tags(item.summary)

    def item_pubdate(self, item):
        return start_of_day(item.adopted_on)


class CallsFeed(PageFeed):
    title = _("Open calls for proposals")
    description = _("Calls for proposals for NGOs (art. 13 of the public benefit act).")
    index_model = CallIndexPage

    def items(self):
        return (
            CallForProposalsPage.objects.live()
            .public()
            .order_by("-first_published_at", "-pk")[:FEED_LENGTH]
        )

    def item_description(self, item):
        deadline = timezone.localtime(item.offer_deadline).strftime("%d.%m.%Y %H:%M")
        return f"{item.lead} — {format_pln(item.total_amount)}; {_('deadline')}: {deadline}"

    def item_pubdate(self, item):
        return item.first_published_at


class AtomMixin:
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description


class NewsAtomFeed(AtomMixin, NewsFeed):
    pass


class ResolutionsAtomFeed(AtomMixin, ResolutionsFeed):
    pass


class CallsAtomFeed(AtomMixin, CallsFeed):
    pass
