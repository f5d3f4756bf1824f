from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def event_signup_url(event) -> str:
    """The sign-up page of an event whose on-portal sign-up is enabled, else ""."""
    from signups.models import RegistrationSettings

    if RegistrationSettings.objects.filter(event_id=event.pk, enabled=True).exists():
        return reverse("signups:event", kwargs={"pk": event.pk})
    return ""


@register.simple_tag
def advice_request_url(centre) -> str:
    """The advice booking form of a support centre with duty hours, else ""."""
    if any(hours.opens and hours.closes for hours in centre.opening_hours.all()):
        return reverse("signups:advice_request", kwargs={"pk": centre.pk})
    return ""
