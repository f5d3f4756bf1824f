import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea
from municipalities.models import Municipality

from . import permissions
from .models import Direction, Post, PosterKind, PostKind

LONGEST_VALIDITY = datetime.timedelta(days=180)


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = [
            "direction",
            "kind",
            "title",
            "description",
            "area",
            "municipality",
            "poster_kind",
            "organisation",
            "poster_name",
            "contact",
            "expires_on",
        ]
        widgets = {
            "direction": forms.RadioSelect,
            "poster_kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "poster_name": _("For a city department or a company: its name."),
            "expires_on": _("At most 180 days from today. The post leaves the board after it."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["municipality"].queryset = Municipality.objects.local().order_by("name")
        self.fields["organisation"].queryset = permissions.organisations_of(user)
        self.fields["organisation"].required = False
        kinds = [
            (value, label)
            for value, label in PosterKind.choices
            if (value != PosterKind.ORGANISATION or self.fields["organisation"].queryset.exists())
            and (value != PosterKind.OFFICE or permissions.can_post_for_office(user))
        ]
        self.fields["poster_kind"].choices = kinds
        self.fields["direction"].choices = Direction.choices
        if not self.is_bound:
            self.initial.setdefault("expires_on", timezone.localdate() + datetime.timedelta(30))

    def clean_expires_on(self):
        value = self.cleaned_data["expires_on"]
        today = timezone.localdate()
        if value < today:
            raise forms.ValidationError(_("The date has passed."), code="past")
        if value > today + LONGEST_VALIDITY:
            raise forms.ValidationError(
                _("A post can be valid for at most 180 days."), code="too_long"
            )
        return value

    def clean(self):
        data = super().clean()
        kind = data.get("poster_kind")
        if kind == PosterKind.ORGANISATION:
            if not data.get("organisation"):
                self.add_error("organisation", _("Choose the organisation you post for."))
            data["poster_name"] = ""
        else:
            data["organisation"] = None
            if not (data.get("poster_name") or "").strip():
                self.add_error("poster_name", _("Give the department's or the company's name."))
        municipality = data.get("municipality")
        if (
            kind == PosterKind.OFFICE
            and municipality is not None
            and not permissions.can_moderate(self.user, municipality)
        ):
            self.add_error(
                "municipality", _("A department posts only in a municipality you work for.")
            )
        return data


class PostFilterForm(forms.Form):
    direction = forms.ChoiceField(
        label=_("Need or offer"),
        required=False,
        choices=[("", _("Needs and offers")), *Direction.choices],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *PostKind.choices]
    )
    area = forms.ChoiceField(
        label=_("Public benefit area"),
        required=False,
        choices=[("", _("All areas")), *PublicBenefitArea.choices],
    )
    gmina = forms.ChoiceField(label=_("Municipality"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gmina"].choices = [
            ("", _("All municipalities")),
            *Municipality.objects.local().order_by("name").values_list("slug", "name"),
        ]


class AnswerForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "The poster receives it by e-mail together with your name and e-mail address, "
            "so they can reply."
        ),
    )


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this post?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("hide", _("Hide")), ("keep", _("Keep"))])
