"""The official's work queue on the Wagtail admin dashboard.

Three panels, each one query (`get_queryset`, narrowed to the official's municipalities
by `scoped_queryset`) and each row linking to the screen where the work is done. A panel
shows only to users who may do that work, and only when there is something to do.
"""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.ui.components import Component

from municipalities.permissions import scope_filter

from .. import permissions
from ..models import ConsultationPage

DEADLINE_DAYS = 7


class WorkQueuePanel(Component):
    template_name = "consultations/admin/dashboard_panel.html"
    heading = ""
    empty = ""

    def __init__(self, request):
        self.request = request

    def is_shown(self) -> bool:
        return permissions.can_manage(self.request.user)

    def get_queryset(self):
        raise NotImplementedError

    def row(self, consultation) -> dict:
        raise NotImplementedError

    def scoped_queryset(self):
        """The panel's consultations in the municipalities the user works for."""
        return self.get_queryset().filter(scope_filter(self.request.user))

    def get_context_data(self, parent_context=None):
        rows = [self.row(c) for c in self.scoped_queryset()]
        return {"panel_id": self.name.replace("_", "-"), "heading": self.heading, "rows": rows}


class ModerationQueuePanel(WorkQueuePanel):
    name = "consultations_to_moderate"
    order = 50
    heading = gettext_lazy("Comments to moderate")

    def is_shown(self) -> bool:
        return permissions.can_moderate(self.request.user)

    def get_queryset(self):
        return (
            ConsultationPage.objects.with_moderation_count()
            .filter(to_moderate__gt=0)
            .order_by("-to_moderate", "end_at", "pk")
        )

    def row(self, consultation):
        n = consultation.to_moderate
        return {
            "title": consultation.title,
            "url": reverse("consultations_admin:moderation", args=[consultation.pk])
            + "?show=pending",
            "detail": ngettext(
                "%(n)d comment flagged or waiting for moderation",
                "%(n)d comments flagged or waiting for moderation",
                n,
            )
            % {"n": n},
        }


class ResponsesQueuePanel(WorkQueuePanel):
    name = "consultations_to_answer"
    order = 51
    heading = gettext_lazy("Closed consultations with unanswered comments")

    def get_queryset(self):
        return (
            ConsultationPage.objects.awaiting_report()
            .with_unanswered_count()
            .filter(to_answer__gt=0)
            .order_by("end_at", "pk")
        )

    def is_shown(self) -> bool:
        # The same rule as permissions.can_respond, which adds the phase the query sets.
        return permissions.can_manage(self.request.user)

    def row(self, consultation):
        n = consultation.to_answer
        return {
            "title": consultation.title,
            "url": reverse("consultations_admin:responses", args=[consultation.pk])
            + "?unanswered=1",
            "detail": ngettext(
                "%(n)d comment without a response", "%(n)d comments without a response", n
            )
            % {"n": n},
        }


class DeadlinesPanel(WorkQueuePanel):
    name = "consultations_ending"
    order = 52
    heading = gettext_lazy("Consultations ending this week")

    def get_queryset(self):
        return ConsultationPage.objects.ending_within(DEADLINE_DAYS).order_by("end_at", "pk")

    def row(self, consultation):
        end = formats.date_format(timezone.localtime(consultation.end_at), "SHORT_DATETIME_FORMAT")
        return {
            "title": consultation.title,
            "url": reverse("consultations_admin:index") + f"#consultation-{consultation.pk}",
            "detail": _("comments until %(date)s") % {"date": end},
        }


PANELS = (ModerationQueuePanel, ResponsesQueuePanel, DeadlinesPanel)
