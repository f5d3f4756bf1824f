from django import forms
from django.utils.translation import gettext_lazy as _
from django_comments_xtd.forms import XtdCommentForm


class ConsultationCommentForm(XtdCommentForm):
    """The standard Polish comment form: comment, proposed wording, justification."""

    proposed_wording = forms.CharField(
        label=_("Proposed wording"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    justification = forms.CharField(
        label=_("Justification"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def get_comment_create_data(self, site_id=None):
        data = super().get_comment_create_data(site_id=site_id)
        data["proposed_wording"] = self.cleaned_data.get("proposed_wording", "")
        data["justification"] = self.cleaned_data.get("justification", "")
        return data
