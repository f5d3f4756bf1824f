"""The officials' list of consultations in the Wagtail admin: every consultation with its
phase, its counts and a link to each screen where an official acts on it."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy, pgettext_lazy

from municipalities.permissions import scope_filter

from .. import permissions
from ..models import ConsultationIndexPage, ConsultationPage, Phase
from .base import OfficialView

# Short names of the phases for lists (the model's labels are full sentences).
PHASE_NAMES = {
    Phase.PLANNED: pgettext_lazy("consultation phase", "planned"),
    Phase.OPEN: pgettext_lazy("consultation phase", "open"),
    Phase.CLOSED: pgettext_lazy("consultation phase", "closed"),
    Phase.REPORTED: pgettext_lazy("consultation phase", "report published"),
}


def consultations_for(user):
    """The consultations the official works on (their municipalities'), with every count
    the list shows."""
    return (
        ConsultationPage.objects.filter(scope_filter(user))
        .with_work_counts()
        .order_by("-start_at", "-pk")
    )


class ConsultationListView(OfficialView):
    template_name = "consultations/admin/index.html"
    page_title = gettext_lazy("Consultations")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        pages = list(consultations_for(self.request.user))
        for page in pages:
            page.current_phase = page.phase_at(now)
            page.phase_name = PHASE_NAMES[page.current_phase]
            page.takes_offline = permissions.takes_offline_comments(page, now)
        index = ConsultationIndexPage.objects.filter(scope_filter(self.request.user)).first()
        context.update(
            {
                "consultations": pages,
                "Phase": Phase,
                "add_url": reverse(
                    "wagtailadmin_pages:add", args=["consultations", "consultationpage", index.pk]
                )
                if index
                else None,
            }
        )
        return context
