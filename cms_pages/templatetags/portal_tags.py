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
    menu_root = window_home_path(site.root_page, current)
    if menu_root:
        # A municipality's window under the regional page: its own sections.
        children = Page.objects.filter(path__startswith=menu_root, depth=site.root_page.depth + 2)
    else:
        children = site.root_page.get_children()
    items = list(children.live().in_menu().specific(defer=True))
    for item in items:
        item.active = bool(current and current.path.startswith(item.path))
    return {"menu_items": items}


def window_home_path(site_root, current) -> str:
    """The tree path of the municipality's home page above `current` when the site's
    root is the regional page (no query: the home is the root's child on the way)."""
    from municipalities.models import RegionalHomePage

    if not isinstance(current, Page) or current.depth <= site_root.depth:
        return ""
    if not current.path.startswith(site_root.path):
        return ""
    if not issubclass(site_root.specific_class, RegionalHomePage):
        return ""
    return current.path[: len(site_root.path) + Page.steplen]


@register.simple_tag(takes_context=True)
def window_municipality(context):
    """The municipality whose window the page (or, off the page tree, the site) is in:
    its name, coat of arms and contact go into the header and footer. One query per
    request, remembered on the request for the footer."""
    from municipalities.models import Municipality

    request = context.get("request")
    if request is None:
        return None
    current = context.get("page")
    if not isinstance(current, Page):
        site = Site.find_for_request(request)
        current = site.root_page if site else None
    if current is None:
        return None
    remembered = getattr(request, "window_municipality", None)
    if remembered is not None and remembered[0] == current.pk:
        return remembered[1]
    found = Municipality.objects.select_related("home_page", "coat_of_arms").for_page(current)
    request.window_municipality = (current.pk, found)
    return found


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
    statement = _window_statement(request, context.get("page"))
    if statement is not None:
        links.append((statement.url, _("Accessibility statement")))
    if settings is not None:
        for target, label in (
            (None if statement else settings.accessibility_statement, _("Accessibility statement")),
            (settings.privacy_page, _("Privacy notice")),
        ):
            if target is not None and target.live:
                links.append((target.url, label))
    return format_html_join("", '<li><a href="{}">{}</a></li>', links)


def _window_statement(request, current):
    """The accessibility statement of the municipality whose window `current` is in,
    when the site is the regional one (each municipality publishes its own)."""
    from municipalities.models import AccessibilityStatementPage

    site = Site.find_for_request(request) if request else None
    home_path = window_home_path(site.root_page, current) if site else ""
    if not home_path:
        return None
    return (
        AccessibilityStatementPage.objects.live()
        .filter(path__startswith=home_path, depth=site.root_page.depth + 2)
        .first()
    )


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
