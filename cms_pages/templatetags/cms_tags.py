"""Formatting filters for the content types' templates."""

from django import template

from cms_pages.formatting import format_pln

register = template.Library()


@register.filter
def pln(value):
    """1250000 → "1 250 000,00 zł" (Polish format, no-break spaces)."""
    return format_pln(value)


@register.filter
def call_badge(call):
    """(modifier, label) of a call's status as shown to readers (deadline-aware)."""
    return call.display_status()
