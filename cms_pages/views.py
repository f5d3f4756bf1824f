from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import get_object_or_404, render
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext as _

from cms_pages import ical
from cms_pages.models import EventPage

CALENDAR_LENGTH = 200


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: whatever failed must not fail again here.
    return HttpResponseServerError(loader.get_template("500.html").render())


def _calendar_response(request, events, *, name, filename):
    pairs = [(event, request.build_absolute_uri(event.get_url(request))) for event in events]
    body = ical.calendar(
        pairs, host=request.get_host().split(":")[0], name=name, now=timezone.now()
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def event_ics(request, pk):
    """One event as an .ics file (live, public events only)."""
    event = get_object_or_404(EventPage.objects.live().public(), pk=pk)
    return _calendar_response(request, [event], name=event.title, filename=f"wydarzenie-{pk}.ics")


def events_ics(request):
    """The iCalendar feed of upcoming events, for subscribing in a calendar app."""
    events = EventPage.objects.live().public().upcoming().order_by("start", "pk")[:CALENDAR_LENGTH]
    return _calendar_response(request, events, name=_("Events"), filename="wydarzenia.ics")
