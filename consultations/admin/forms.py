"""Forms of the officials' screens in the Wagtail admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Organisation

from ..drafts import services as drafts
from ..models import Channel, ClauseLevel

MAX_UPLOAD_MB = drafts.MAX_DRAFT_BYTES // (1024 * 1024)


# --- Forms ----------------------------------------------------------------------


class DraftImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Draft file"),
        required=False,
        help_text=gettext_lazy("DOCX, ODT, PDF or TXT, at most %(mb)s MB.") % {"mb": MAX_UPLOAD_MB},
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.odt,.pdf,.txt"}),
    )
    text = forms.CharField(
        label=gettext_lazy("…or paste the text of the act"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
    )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        name = upload.name.lower()
        if not name.endswith(drafts.DRAFT_EXTENSIONS):
            raise ValidationError(
                _("%(name)s is not a DOCX, ODT, PDF or TXT file.") % {"name": upload.name}
            )
        if upload.size > drafts.MAX_DRAFT_BYTES:
            raise ValidationError(_("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_MB})
        return upload

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("text") or "").strip():
            raise ValidationError(_("Upload a file or paste the text of the act."))
        return data


class ReparseForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Text of the act"), widget=forms.Textarea(attrs={"rows": 20})
    )


class ClauseForm(forms.Form):
    label = forms.CharField(label=gettext_lazy("Label"), max_length=60)
    level = forms.ChoiceField(label=gettext_lazy("Level"), choices=ClauseLevel.choices)
    text = forms.CharField(
        label=gettext_lazy("Wording"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class HideForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason (shown publicly)"),
        max_length=500,
        error_messages={"required": gettext_lazy("Give the reason for hiding the comment.")},
    )


class OfflineCommentForm(forms.Form):
    clause = forms.ChoiceField(label=gettext_lazy("Clause"))
    channel = forms.ChoiceField(
        label=gettext_lazy("Received"),
        choices=[(c.value, c.label) for c in Channel if c != Channel.PORTAL],
    )
    submitter_name = forms.CharField(label=gettext_lazy("Submitter's name"), max_length=255)
    organisation = forms.ModelChoiceField(
        label=gettext_lazy("On behalf of an organisation"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )
    comment = forms.CharField(label=gettext_lazy("Comment"), widget=forms.Textarea)
    proposed_wording = forms.CharField(
        label=gettext_lazy("Proposed wording"), required=False, widget=forms.Textarea
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"), required=False, widget=forms.Textarea
    )

    def __init__(self, *args, clauses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.clauses = {str(c.pk): c for c in clauses}
        self.fields["clause"].choices = [
            ("", _("The act as a whole")),
            *((pk, f"{c.citation} – {c.text[:60]}") for pk, c in self.clauses.items()),
        ]
        self.fields["clause"].required = False
