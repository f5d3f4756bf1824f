"""`{% body_resolutions_about page %}`: the bodies' resolutions and opinions about an act
(used on the act's page; two queries)."""

from django import template

register = template.Library()


@register.inclusion_tag("cooperation/includes/resolutions_about.html")
def body_resolutions_about(page):
    resolutions = list(
        page.body_resolutions.select_related("body__municipality").order_by("-adopted_on", "-pk")
    )
    return {"resolutions": resolutions}
