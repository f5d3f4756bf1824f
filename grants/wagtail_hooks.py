"""Publishing a call in the Wagtail editor follows the same 21-day rule as the
grants screen (art. 13 ust. 1): the revision stays saved as a draft and the editor
says why it was not published. Officials find the small grant offers from the menu."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.permissions import is_official

from .services.calls import publishing_problem


@hooks.register("before_publish_page")
def refuse_call_deadline_too_close(request, page):
    from cms_pages.models import CallForProposalsPage

    if not isinstance(page, CallForProposalsPage):
        return None
    problem = publishing_problem(page)
    if problem is None:
        return None
    messages.error(request, problem)
    return redirect("wagtailadmin_pages:edit", page.pk)


class OfficialsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_official(request.user)


@hooks.register("register_admin_menu_item")
def register_small_grants_menu_item():
    """The officials' list of small grant offers lives on the portal (/dotacje/male-granty/)."""
    return OfficialsMenuItem(
        _("Small grants"),
        reverse("grants:small_offers"),
        icon_name="doc-full",
        order=255,
        name="small-grants",
    )
