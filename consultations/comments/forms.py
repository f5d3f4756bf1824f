"""The public comment form (a comment, a reply, on behalf of an organisation)."""

from __future__ import annotations

import re
import secrets

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import services

COMMENT_MAX_LENGTH = getattr(settings, "COMMENT_MAX_LENGTH", 3000)


def new_submission_key() -> str:
    return secrets.token_urlsafe(24)


SUBMISSION_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")


class CommentForm(forms.Form):
    # A random token made with the form and sent back with it: the service publishes
    # one comment per token and user, so a form sent twice (a retry after the answer
    # was lost, a double click, a reload) does not publish the comment twice.
    submission_key = forms.CharField(
        widget=forms.HiddenInput, required=False, initial=new_submission_key
    )
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy("Plain text. Leave an empty line between paragraphs."),
        error_messages={"required": gettext_lazy("Write your comment.")},
    )
    proposed_wording = forms.CharField(
        label=gettext_lazy("Proposed wording"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    justification = forms.CharField(
        label=gettext_lazy("Justification"),
        max_length=COMMENT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    on_behalf = forms.ChoiceField(label=gettext_lazy("On behalf of"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = {str(o.pk): o for o in organisations}
        if self.organisations:
            self.fields["on_behalf"].choices = [
                ("", _("Myself")),
                *((pk, o.name) for pk, o in self.organisations.items()),
            ]
        else:
            del self.fields["on_behalf"]

    def clean_submission_key(self):
        # A missing or malformed token (an old page, a hand-made request) only means no
        # protection against sending twice; it is not the resident's mistake.
        key = self.cleaned_data.get("submission_key") or ""
        return key if SUBMISSION_KEY.fullmatch(key) else ""

    def cleaned_organisation(self):
        return self.organisations.get(self.cleaned_data.get("on_behalf") or "")

    def text(self):
        return services.CommentText.from_form(self.cleaned_data)
