"""Forms of the local initiative screens. Amounts accept "12 345,67"."""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _

from accounts.models import Organisation

from .models import (
    Agreement,
    ApplicantKind,
    Application,
    Attachment,
    Criterion,
    InitiativeSetup,
    Result,
    ResultPhoto,
    ScheduleStep,
)
from .money import AmountField, HoursField

DEADLINES = re.compile(r"^\s*(\d{1,2}\.\d{1,2}\s*(,\s*\d{1,2}\.\d{1,2}\s*)*)?$")
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MAX_UPLOAD = 10 * 1024 * 1024


class SetupForm(forms.ModelForm):
    hour_rate = AmountField(label=_("value of an hour of social work (PLN)"))

    class Meta:
        model = InitiativeSetup
        fields = ["accepting", "resolution", "deadlines", "hour_rate"]

    def clean_deadlines(self):
        value = self.cleaned_data["deadlines"]
        if not DEADLINES.match(value):
            raise forms.ValidationError(
                _("Give days as DD.MM separated by commas, e.g. 31.03, 30.09.")
            )
        import datetime

        for part in filter(None, (p.strip() for p in value.split(","))):
            day, month = (int(x) for x in part.split("."))
            try:
                datetime.date(2025, month, day)  # not a leap year: no 29.02
            except ValueError:
                raise forms.ValidationError(
                    _("%(day)s is not a day of every year.") % {"day": part}
                ) from None
        return value


class CriteriaFormSet(BaseInlineFormSet):
    """The council's criteria: at least one; the social work one present and first."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        rows = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        rows.sort(key=lambda r: r["position"])
        if not rows:
            raise forms.ValidationError(_("Give at least one criterion."))
        if not rows[0].get("social_work"):
            raise forms.ValidationError(
                _(
                    "The contribution of social work must be the first criterion "
                    "(art. 19d of the public benefit act): mark it and give it the lowest position."
                )
            )
        if sum(1 for r in rows if r.get("social_work")) > 1:
            raise forms.ValidationError(_("Mark only one criterion as social work."))
        positions = [r["position"] for r in rows]
        if len(set(positions)) != len(positions):
            raise forms.ValidationError(_("Each criterion needs its own position."))


CriterionFormSet = inlineformset_factory(
    InitiativeSetup,
    Criterion,
    formset=CriteriaFormSet,
    fields=["position", "name", "max_points", "social_work"],
    extra=2,
    can_delete=True,
)


class ApplicationForm(forms.ModelForm):
    """The application. Saving a draft needs only the task's name; submitting needs all."""

    DRAFT_REQUIRED = {"title", "applicant_kind"}

    social_work_hours = HoursField(label=_("hours of social work"), required=False)
    in_kind_value = AmountField(label=_("value of the in-kind contribution (PLN)"), required=False)
    money = AmountField(label=_("money contribution (PLN)"), required=False)
    city_contribution = AmountField(label=_("expected contribution of the municipality (PLN)"))

    class Meta:
        model = Application
        fields = [
            "applicant_kind",
            "organisation",
            "group_name",
            "residents",
            "title",
            "description",
            "area",
            "place",
            "social_work_hours",
            "social_work_description",
            "in_kind_description",
            "in_kind_value",
            "money",
            "city_contribution",
            "city_contribution_description",
        ]
        widgets = {
            "applicant_kind": forms.RadioSelect,
            "residents": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 6}),
            "social_work_description": forms.Textarea(attrs={"rows": 3}),
            "in_kind_description": forms.Textarea(attrs={"rows": 3}),
            "city_contribution_description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.submitting = submitting
        self.fields["organisation"].queryset = Organisation.objects.filter(
            memberships__user=user, memberships__status="approved"
        ).distinct()
        self.fields["organisation"].required = False
        self.fields["organisation"].help_text = _(
            "Only organisations you represent on the portal are listed."
        )
        self.fields["area"].choices = [("", "---------"), *self.fields["area"].choices[1:]]
        if not submitting:
            for name, field in self.fields.items():
                field.required = name in self.DRAFT_REQUIRED
        # Needed or not by who applies: checked in clean().
        self.fields["group_name"].required = False
        self.fields["residents"].required = False

    def clean(self):
        data = super().clean()
        for name in ("social_work_hours", "in_kind_value", "money", "city_contribution"):
            if name in data and data[name] is None:
                data[name] = Decimal("0")
        kind = data.get("applicant_kind")
        if kind == ApplicantKind.ORGANISATION and not data.get("organisation"):
            self.add_error("organisation", _("Choose the organisation you apply through."))
        if kind != ApplicantKind.ORGANISATION:
            data["organisation"] = None
            if self.submitting and not data.get("group_name"):
                self.add_error("group_name", _("Give a name for your group."))
            if self.submitting and not (data.get("residents") or "").strip():
                self.add_error(
                    "residents", _("Name the residents who apply (you among them), one per line.")
                )
        elif data.get("organisation") and not data.get("group_name"):
            data["group_name"] = data["organisation"].name
        if self.submitting:
            own = (
                (data.get("social_work_hours") or 0)
                + (data.get("in_kind_value") or 0)
                + (data.get("money") or 0)
            )
            if not own:
                self.add_error(
                    "social_work_hours",
                    _(
                        "A local initiative needs the residents' own contribution: work, goods "
                        "or money."
                    ),
                )
        return data


class StepFormSet(BaseInlineFormSet):
    """The schedule: each step's dates in order, the steps in date order, all in one year."""

    def __init__(self, *args, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.submitting = submitting

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        steps = [
            f.cleaned_data
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if self.submitting and not steps:
            raise forms.ValidationError(_("Give at least one step of the schedule."))
        previous = None
        for step in steps:
            if step["ends_on"] < step["starts_on"]:
                raise forms.ValidationError(
                    _("“%(action)s” ends before it starts.") % {"action": step["action"]}
                )
            if previous and step["starts_on"] < previous["starts_on"]:
                raise forms.ValidationError(_("List the steps in the order of their dates."))
            previous = step
        if steps:
            years = {s["starts_on"].year for s in steps} | {s["ends_on"].year for s in steps}
            if len(years) > 1:
                raise forms.ValidationError(
                    _("The whole schedule must fall within one calendar year.")
                )


class StepForm(forms.ModelForm):
    class Meta:
        model = ScheduleStep
        fields = ["action", "starts_on", "ends_on"]
        widgets = {"starts_on": DATE, "ends_on": DATE}


ScheduleFormSet = inlineformset_factory(
    Application,
    ScheduleStep,
    form=StepForm,
    formset=StepFormSet,
    extra=3,
    max_num=12,
    can_delete=True,
)


def _checked_upload(upload, allowed: tuple[str, ...]):
    if upload.size > MAX_UPLOAD:
        raise forms.ValidationError(_("The file is larger than 10 MB."))
    if not upload.name.lower().endswith(allowed):
        raise forms.ValidationError(
            _("Allowed file types: %(types)s.") % {"types": ", ".join(allowed)}
        )
    return upload


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["file"]

    def clean_file(self):
        return _checked_upload(
            self.cleaned_data["file"], (".pdf", ".docx", ".odt", ".jpg", ".jpeg", ".png")
        )


class ScoreForm(forms.Form):
    """Points and reasons for every criterion of the municipality's set-up."""

    def __init__(self, *args, criteria, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            score = scores.get(criterion.pk)
            self.fields[f"points_{criterion.pk}"] = forms.IntegerField(
                label=_("%(criterion)s – points (0–%(max)s)")
                % {"criterion": criterion.name, "max": criterion.max_points},
                min_value=0,
                max_value=criterion.max_points,
                initial=score.points if score else None,
            )
            self.fields[f"reasons_{criterion.pk}"] = forms.CharField(
                label=_("%(criterion)s – reasons") % {"criterion": criterion.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                initial=score.reasons if score else "",
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            c.pk: (self.cleaned_data[f"points_{c.pk}"], self.cleaned_data[f"reasons_{c.pk}"])
            for c in self.criteria
        }


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("accept the initiative")), ("refuse", _("refuse"))],
        widget=forms.RadioSelect,
    )
    reasons = forms.CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the applicants by e-mail."),
    )


class AgreementForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "number",
            "concluded_on",
            "place",
            "starts_on",
            "ends_on",
            "signatory",
            "city_obligations",
        ]
        widgets = {
            "concluded_on": DATE,
            "starts_on": DATE,
            "ends_on": DATE,
            "city_obligations": forms.Textarea(attrs={"rows": 4}),
        }

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("The task cannot end before it starts."))
        return data


class ResultForm(forms.ModelForm):
    social_work_hours = HoursField(label=_("hours of social work given"))
    in_kind_value = AmountField(label=_("value of the in-kind contribution given (PLN)"))
    money = AmountField(label=_("money given (PLN)"))

    class Meta:
        model = Result
        fields = ["what_was_done", "social_work_hours", "in_kind_value", "money"]
        widgets = {"what_was_done": forms.Textarea(attrs={"rows": 6})}


class PhotoForm(forms.ModelForm):
    class Meta:
        model = ResultPhoto
        fields = ["image", "alt_text"]

    def clean_image(self):
        return _checked_upload(self.cleaned_data["image"], (".jpg", ".jpeg", ".png", ".webp"))
