"""The representative's forms proposing a news item or an event, and the editors'
rejection form in the admin's workflow."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm
from wagtail.images.fields import WagtailImageField

from cms_pages.models import EventKind
from municipalities.models import Municipality

from .rich_text import clean_rich_text, plain_length

BODY_MAX_CHARS = 20000
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def municipalities_of(organisation):
    """Where the organisation may propose: the municipalities it works in (its profile)."""
    return Municipality.objects.local().filter(organisations=organisation).order_by("name")


class NewsProposalForm(forms.Form):
    body_required = True

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        help_text=_("Where your organisation works, as its profile says."),
    )
    title = forms.CharField(label=_("Title"), max_length=200)
    lead = forms.CharField(
        label=_("Lead"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One or two sentences shown in lists and under the title."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Separate paragraphs with an empty line. You may use simple HTML: &lt;b&gt;, "
            "&lt;i&gt;, lists (&lt;ul&gt;, &lt;ol&gt;, &lt;li&gt;), headings &lt;h2&gt; and "
            '&lt;h3&gt; and links &lt;a href="https://…"&gt;; anything else is removed.'
        ),
    )
    image = WagtailImageField(
        label=_("Image"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    image_alt = forms.CharField(
        label=_("Alternative text of the image"),
        max_length=250,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].required = self.body_required
        choices = municipalities_of(organisation)
        self.fields["municipality"].queryset = choices
        if len(choices) == 1:
            self.fields["municipality"].initial = choices[0].pk

    def clean_body(self):
        html = clean_rich_text(self.cleaned_data.get("body", ""))
        if self.body_required and not html:
            raise forms.ValidationError(_("Write the text."), code="empty")
        if plain_length(html) > BODY_MAX_CHARS:
            raise forms.ValidationError(
                _("At most %(max)d characters of text.") % {"max": BODY_MAX_CHARS},
                code="too_long",
            )
        return html

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error(
                "image_alt",
                forms.ValidationError(_("Describe the image."), code="alt_required"),
            )
        return cleaned


class EventProposalForm(NewsProposalForm):
    body_required = False

    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices, initial=EventKind.OTHER)
    start_date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start time"), widget=TIME)
    end_date = forms.DateField(
        label=_("End date"),
        required=False,
        widget=DATE,
        help_text=_("Only if it ends on another day."),
    )
    end_time = forms.TimeField(label=_("End time"), required=False, widget=TIME)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        help_text=_('e.g. "Centrum Organizacji Pozarządowych, sala 2"'),
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    registration_info = forms.CharField(
        label=_("Registration"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How to sign up: deadline, number of places, who may attend."),
    )
    registration_url = forms.URLField(label=_("Registration link"), required=False)

    field_order = [
        "municipality",
        "title",
        "kind",
        "lead",
        "start_date",
        "start_time",
        "end_date",
        "end_time",
        "place",
        "address",
        "registration_info",
        "registration_url",
        "body",
        "image",
        "image_alt",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Description")

    def clean(self):
        cleaned = super().clean()
        start_date, start_time = cleaned.get("start_date"), cleaned.get("start_time")
        if start_date is None or start_time is None:
            return cleaned
        zone = timezone.get_default_timezone()
        start = datetime.datetime.combine(start_date, start_time, tzinfo=zone)
        if start <= timezone.now():
            self.add_error(
                "start_date",
                forms.ValidationError(_("The event must be in the future."), code="past"),
            )
        cleaned["start"], cleaned["end"] = start, None
        end_date, end_time = cleaned.get("end_date"), cleaned.get("end_time")
        if end_date and not end_time:
            self.add_error(
                "end_time", forms.ValidationError(_("Give the end time."), code="end_time")
            )
        elif end_time:
            end = datetime.datetime.combine(end_date or start_date, end_time, tzinfo=zone)
            if end < start:
                self.add_error(
                    "end_time",
                    forms.ValidationError(
                        _("The event cannot end before it starts."), code="end_before_start"
                    ),
                )
            cleaned["end"] = end
        return cleaned


class RejectionForm(TaskStateCommentForm):
    """Rejecting a proposal in the admin needs a comment: it is e-mailed to the
    organisation."""

    comment = forms.CharField(
        label=_("Comment for the organisation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Why it is not published; the organisation receives it by e-mail."),
    )
