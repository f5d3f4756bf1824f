"""Helpers shared by the index pages: pagination and filter forms that never fail."""

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _


def paginate(request, queryset, per_page: int, param: str = "page") -> PaginatorPage:
    """One page of `queryset` for `?page=`; garbage gives page 1, too-large numbers the last page.

    Paginator.get_page never raises, so a hand-typed `?page=abc` or `?page=999` is not a 500.
    """
    return Paginator(queryset, per_page).get_page(request.GET.get(param))


class FilterForm(forms.Form):
    """A GET filter form: invalid values are ignored field by field, never an error page."""

    any_label = _("All")

    def __init__(self, data=None, **kwargs):
        super().__init__(data=data or None, **kwargs)

    def cleaned_filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()  # fills cleaned_data with the fields that did validate
        return {k: v for k, v in self.cleaned_data.items() if v not in (None, "")}

    @property
    def is_filtered(self) -> bool:
        return bool(self.cleaned_filters())


def with_any(choices, label=None):
    """Prepend the empty "all" option to a choices list."""
    return [("", label or _("All")), *choices]
