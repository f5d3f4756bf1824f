from django import template

from ..money import format_pln

register = template.Library()


@register.filter
def pln(value) -> str:
    """12345.6 -> "12 345,60 zł"."""
    return format_pln(value)
