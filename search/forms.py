"""Validation of search requests shared by the results page and the JSON API."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .documents import FACETS
from .query import QueryError, parse

SORT_CHOICES = [("relevance", _("Relevance")), ("date", _("Newest first"))]
MAX_PAGE = 1000
# PostgreSQL refuses NUL in any text it is given (a 503 before this check).
NUL_MESSAGE = _("The search contains the forbidden NUL character. Remove it and search again.")
NUL_ERRORS = {"null_characters_not_allowed": NUL_MESSAGE}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"), required=False, strip=True, error_messages=NUL_ERRORS
    )
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.CharField(required=False, error_messages=NUL_ERRORS)

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.parsed = None
        self.invalid_filter = None  # the facet parameter refused by clean()

    def clean(self):
        for name in FACETS:
            if any("\x00" in value for value in (self.data.getlist(name) if self.data else [])):
                self.invalid_filter = name
                raise forms.ValidationError(NUL_MESSAGE, code="null_characters_not_allowed")
        return super().clean()

    def clean_q(self):
        raw = self.data.get("q", "") if self.data else ""
        try:
            self.parsed = parse(raw)
        except QueryError as error:
            raise forms.ValidationError(str(error), code="query") from error
        return self.parsed.raw

    def clean_sort(self):
        return self.cleaned_data.get("sort") or "relevance"

    def clean_page(self):
        value = (self.cleaned_data.get("page") or "1").strip()
        if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
            raise forms.ValidationError(
                _("The page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE},
                code="page",
            )
        return int(value)

    def filters(self) -> dict[str, list[str]]:
        """Facet filters as given (the backend drops values it cannot use)."""
        if not self.data:
            return {}
        return {name: self.data.getlist(name)[:20] for name in FACETS if self.data.getlist(name)}
