import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms_pages.listing import FilterForm, paginate, with_any

from .choices import (
    MEETING_NUMBERED_BODIES,
    SESSION_NUMBERED_BODIES,
    SUBJECT_AREA_CHOICES,
    ActStatus,
    ActType,
    IssuingBody,
)

# Loose on purpose: numbering differs between offices ("XLIV/378/2010", "123/2026",
# "0050.15.2026", "Or.0050.7.2026"). Letters/digits in groups joined by / . or -.
ACT_NUMBER_RE = re.compile(r"^[0-9A-Za-z]+(?:[./-][0-9A-Za-z]+)*$")
TRAILING_YEAR_RE = re.compile(r"[./-]((?:19|20)\d{2})$")
SESSION_NUMBER_RE = re.compile(r"^[IVXLCDM]+/\d+/\d{4}$")
MEETING_NUMBER_RE = re.compile(r"^(?:\d+|[IVXLCDM]+)/\d+/\d{4}$")


def validate_act_number(value: str) -> None:
    if not ACT_NUMBER_RE.match(value) or not any(ch.isdigit() for ch in value):
        raise ValidationError(
            _('Enter the number as it appears on the act, e.g. "XLIV/378/2010" or "123/2026".'),
            code="invalid_act_number",
        )


class ResolutionIndexPage(Page):
    """Uchwały i zarządzenia: a register of local acts, filterable by type, year, status, area."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    parent_page_types = ["cms_pages.HomePage"]
    subpage_types = ["cms_pages.ResolutionPage"]

    per_page = 25

    class Meta:
        verbose_name = _("register of resolutions and orders")
        verbose_name_plural = _("registers of resolutions and orders")

    def acts(self):
        return ResolutionPage.objects.live().public().child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        acts = self.acts()
        form = ResolutionFilterForm(request.GET, acts=acts)
        filters = form.cleaned_filters()
        if "year" in filters:
            acts = acts.filter(adopted_on__year=filters.pop("year"))
        acts = acts.filter(**filters).order_by("-adopted_on", "-pk")
        context["filter_form"] = form
        context["page_obj"] = paginate(request, acts, self.per_page)
        return context


class ResolutionFilterForm(FilterForm):
    act_type = forms.ChoiceField(label=_("Type"), required=False, choices=with_any(ActType.choices))
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=with_any(ActStatus.choices)
    )
    subject_area = forms.ChoiceField(
        label=_("Subject area"), required=False, choices=with_any(SUBJECT_AREA_CHOICES)
    )

    def __init__(self, data=None, *, acts, **kwargs):
        super().__init__(data, **kwargs)
        years = [d.year for d in acts.dates("adopted_on", "year", order="DESC")]
        self.fields["year"].choices = with_any([(y, str(y)) for y in years])


class ResolutionPageForm(WagtailAdminPageForm):
    """Offers only the bodies the municipality of the register has (a rural gmina: its
    council and the wójt; a county: council, board and starosta)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from municipalities.kinds import bodies_by_kind
        from municipalities.models import Municipality

        page = self.instance if self.instance.pk else self.parent_page
        municipality = Municipality.objects.for_page(page)
        field = self.fields.get("issuing_body")
        if municipality is not None and field is not None:
            allowed = bodies_by_kind()[municipality.kind]
            field.choices = [(v, label) for v, label in IssuingBody.choices if v in allowed]


class ResolutionPage(Page):
    """One resolution, order or announcement with its PDF."""

    act_type = models.CharField(
        _("type of act"), max_length=20, choices=ActType.choices, default=ActType.RESOLUTION
    )
    number = models.CharField(
        _("number"),
        max_length=50,
        validators=[validate_act_number],
        help_text=_('As on the act, e.g. "XLIV/378/2010" (without "No.").'),
    )
    adopted_on = models.DateField(_("date of adoption"))
    issuing_body = models.CharField(
        _("issued by"), max_length=20, choices=IssuingBody.choices, default=IssuingBody.CITY_COUNCIL
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ActStatus.choices, default=ActStatus.IN_FORCE
    )
    subject_area = models.CharField(
        _("subject area"), max_length=20, choices=SUBJECT_AREA_CHOICES, default="ngo_cooperation"
    )
    summary = RichTextField(
        _("summary"),
        blank=True,
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("What the act decides, in plain language."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("text of the act (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        TitleFieldPanel(
            "title", help_text=_('The subject, e.g. "w sprawie programu współpracy…".')
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("act_type"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("adopted_on"), FieldPanel("issuing_body")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("subject_area")]),
            ],
            heading=_("Register data"),
        ),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("number"),
        index.SearchField("summary"),
        index.FilterField("act_type"),
        index.FilterField("status"),
        index.FilterField("adopted_on"),
    ]

    parent_page_types = ["cms_pages.ResolutionIndexPage"]
    subpage_types: list = []
    base_form_class = ResolutionPageForm

    class Meta:
        verbose_name = _("resolution or order")
        verbose_name_plural = _("resolutions and orders")

    def clean(self):
        super().clean()
        self.number = (self.number or "").strip()
        self._check_numbering()
        match = TRAILING_YEAR_RE.search(self.number)
        if match and self.adopted_on and int(match.group(1)) != self.adopted_on.year:
            raise ValidationError(
                {"number": _("The year in the number does not match the date of adoption.")}
            )

    def _check_numbering(self) -> None:
        """Resolutions follow their body's numbering (see choices.SESSION_NUMBERED_BODIES)."""
        if self.act_type != ActType.RESOLUTION:
            return
        if self.issuing_body in SESSION_NUMBERED_BODIES and not SESSION_NUMBER_RE.match(
            self.number
        ):
            raise ValidationError(
                {
                    "number": _(
                        "A council numbers its resolutions session/number/year, the session "
                        'in Roman numerals, e.g. "XLIV/378/2010".'
                    )
                }
            )
        if self.issuing_body in MEETING_NUMBERED_BODIES and not MEETING_NUMBER_RE.match(
            self.number
        ):
            raise ValidationError(
                {
                    "number": _(
                        'A board numbers its resolutions meeting/number/year, e.g. "125/612/2026".'
                    )
                }
            )

    @property
    def designation(self) -> str:
        """E.g. "Resolution No. XLIV/378/2010"."""
        return _("%(type)s No. %(number)s") % {
            "type": self.get_act_type_display(),
            "number": self.number,
        }
