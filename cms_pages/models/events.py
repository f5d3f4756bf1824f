from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms_pages.blocks import BodyBlock
from cms_pages.listing import paginate

from .choices import EventKind
from .credits import author_organisation_field


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Events not over yet (an event without an end is over when it starts)."""
        now = now or timezone.now()
        return self.filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now))


EventManager = PageManager.from_queryset(EventQuerySet)


class EventIndexPage(Page):
    """Wydarzenia i szkolenia: upcoming events first, past events below, paginated."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.EventPage"]

    per_page = 10

    class Meta:
        verbose_name = _("events index")
        verbose_name_plural = _("events indexes")

    def events(self):
        return EventPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming_events"] = list(self.events().upcoming(now).order_by("start", "pk"))
        past = self.events().past(now).order_by("-start", "-pk")
        context["page_obj"] = paginate(request, past, self.per_page)
        context["calendar_url"] = reverse("cms_pages:events_ics")
        return context


class EventPage(Page):
    """A training, meeting or the NGO Day, with its own .ics file."""

    kind = models.CharField(
        _("kind"), max_length=15, choices=EventKind.choices, default=EventKind.TRAINING
    )
    start = models.DateTimeField(_("starts"), help_text=_("Polish time (Europe/Warsaw)."))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    lead = models.TextField(_("lead"), blank=True)
    place = models.CharField(
        _("place"), max_length=200, help_text=_('e.g. "Centrum Organizacji Pozarządowych, sala 2"')
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    registration_info = models.TextField(
        _("registration"),
        blank=True,
        help_text=_("How to sign up: deadline, number of places, who may attend."),
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    author_organisation = author_organisation_field()

    objects = EventManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("lead"),
        FieldPanel("author_organisation"),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("address")], heading=_("Where")),
        MultiFieldPanel(
            [FieldPanel("registration_info"), FieldPanel("registration_url")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("place"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    parent_page_types = ["cms_pages.EventIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})

    @property
    def is_past(self) -> bool:
        return (self.end or self.start) < timezone.now()

    @property
    def ics_url(self) -> str:
        return reverse("cms_pages:event_ics", kwargs={"pk": self.pk})

    @property
    def same_day(self) -> bool:
        if not self.end:
            return True
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()
