"""Publishing a call in the Wagtail editor follows the same 21-day rule as the
grants screen (art. 13 ust. 1): the revision stays saved as a draft and the editor
says why it was not published."""

from django.contrib import messages
from django.shortcuts import redirect
from wagtail import hooks

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
