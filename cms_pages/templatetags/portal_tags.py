"""Template tags for the page chrome: menu, breadcrumbs, footer, feeds."""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Site

from cms_pages.models import PortalSettings

register = template.Library()


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return {"menu_items": []}
    current = context.get("page")
    items = list(site.root_page.get_children().live().in_menu().specific(defer=True))
    for item in items:
        item.active = bool(current and current.path.startswith(item.path))
    return {"menu_items": items}


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    if not isinstance(page, Page) or page.depth <= 2:
        return {"ancestors": [], "current": page}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "current": page}


@register.simple_tag(takes_context=True)
def footer_links(context):
    request = context.get("request")
    settings = PortalSettings.for_request(request) if request else None
    links = []
    if settings is not None:
        for target, label in (
            (settings.accessibility_statement, _("Accessibility statement")),
            (settings.privacy_page, _("Privacy notice")),
        ):
            if target is not None and target.live:
                links.append((target.url, label))
    return format_html_join("", '<li><a href="{}">{}</a></li>', links)


# Feeds each capability publishes; names that do not resolve are skipped, so the
# chrome does not depend on every app being installed.
FEEDS = [
    ("cms_pages:news_feed", gettext_lazy("News")),
    ("cms_pages:resolutions_feed", gettext_lazy("Resolutions and orders")),
    ("cms_pages:calls_feed", gettext_lazy("Open calls for proposals")),
]


@register.simple_tag
def site_feeds():
    out = []
    for name, title in FEEDS:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        out.append(
            format_html(
                '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
                title,
                url,
            )
        )
    return format_html_join("\n", "{}", ((x,) for x in out))
