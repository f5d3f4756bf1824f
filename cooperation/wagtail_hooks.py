"""The officials' area "Cooperation" in the Wagtail admin: bodies, their terms and
members (and, below, meetings, resolutions, proposals and candidate calls), each
screen scoped to the official's municipalities (see admin_scope)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.log_actions import log

from . import services
from .admin_scope import ScopedCreateView, ScopedEditView, ScopedViewSet, register_scoped_policy
from .models import (
    Body,
    BodyMember,
    BodyResolution,
    CandidateCall,
    Meeting,
    TaskProposal,
    Term,
)

register_scoped_policy(Body, "municipality")
register_scoped_policy(Term, "body__municipality")
register_scoped_policy(BodyMember, "body__municipality")
register_scoped_policy(Meeting, "body__municipality")
register_scoped_policy(BodyResolution, "body__municipality")
register_scoped_policy(CandidateCall, "body__municipality")
register_scoped_policy(TaskProposal, "body__municipality", refused=("add", "delete"))


class BodyViewSet(ScopedViewSet):
    model = Body
    icon = "group"
    menu_label = _("Bodies")
    list_display = ["name", "kind", "municipality", "area"]
    list_filter = ["kind", "municipality"]
    list_select_related = ("municipality",)
    search_fields = ["name"]
    form_fields = ["municipality", "kind", "name", "slug", "area", "description", "contact_email"]


class TermViewSet(ScopedViewSet):
    model = Term
    scope_path = "body__municipality"
    icon = "date"
    menu_label = _("Terms of office")
    list_display = ["name", "body", "starts_on", "ends_on"]
    list_select_related = ("body",)
    form_fields = ["body", "name", "starts_on", "ends_on"]


class MemberViewSet(ScopedViewSet):
    model = BodyMember
    scope_path = "body__municipality"
    icon = "user"
    menu_label = _("Members")
    list_display = ["user", "body", "organisation", "role", "term", "starts_on", "ends_on"]
    list_filter = ["body", "role"]
    form_fields = ["body", "user", "organisation", "role", "term", "starts_on", "ends_on"]
    list_select_related = ("user", "body", "organisation", "term__body")


class MeetingCreateView(ScopedCreateView):
    def save_instance(self):
        meeting = services.schedule_meeting(
            meeting=self.form.save(commit=False), by=self.request.user
        )
        log(instance=meeting, action="wagtail.create", user=self.request.user)
        return meeting


class MeetingViewSet(ScopedViewSet):
    """Meetings; the body's members are e-mailed when one is added. The minutes are
    written and approved on the meeting's page (link "Write or approve the minutes")."""

    model = Meeting
    scope_path = "body__municipality"
    icon = "date"
    menu_label = _("Meetings")
    add_view_class = MeetingCreateView
    list_display = ["body", "starts_at", "place", "minutes_status"]
    list_filter = ["body"]
    list_select_related = ("body", "minutes")
    form_fields = ["body", "starts_at", "ends_at", "place", "agenda"]


class ResolutionViewSet(ScopedViewSet):
    model = BodyResolution
    scope_path = "body__municipality"
    icon = "doc-full"
    menu_label = _("Resolutions and opinions")
    list_display = ["number", "title", "kind", "body", "adopted_on"]
    list_filter = ["body", "kind"]
    list_select_related = ("body",)
    search_fields = ["title", "number"]
    form_fields = [
        "body",
        "kind",
        "number",
        "adopted_on",
        "title",
        "text",
        "meeting",
        "acts",
        "consultations",
    ]


class ProposalAnswerView(ScopedEditView):
    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        form.fields["answer"].required = True
        return form

    def save_instance(self):
        proposal = services.answer_proposal(
            proposal=self.object, answer=self.form.cleaned_data["answer"], by=self.request.user
        )
        log(instance=proposal, action="wagtail.edit", user=self.request.user)
        return proposal


class ProposalViewSet(ScopedViewSet):
    """Proposals come from the groups' pages; officials write the answer here. Those
    unanswered a month after submission are marked OVERDUE."""

    model = TaskProposal
    scope_path = "body__municipality"
    icon = "help"
    menu_label = _("Public task proposals")
    edit_view_class = ProposalAnswerView
    list_display = ["title", "body", "submitted_on", "answer_due_on", "answer_status"]
    list_filter = ["body"]
    list_select_related = ("body",)
    ordering = ["-submitted_on"]
    read_only_fields = ("title", "description", "area", "estimated_cost", "submitted_on")
    form_fields = ["answer"]


class CandidateCallViewSet(ScopedViewSet):
    """Calls for council candidates; candidates, votes and results are on the call's page."""

    model = CandidateCall
    scope_path = "body__municipality"
    icon = "list-ul"
    menu_label = _("Council elections")
    list_display = ["title", "body", "term", "nominations_open_at", "voting_close_at"]
    list_select_related = ("body", "term__body")
    form_fields = [
        "body",
        "term",
        "title",
        "description",
        "seats",
        "nominations_open_at",
        "nominations_close_at",
        "voting_open_at",
        "voting_close_at",
    ]


class CooperationGroup(ViewSetGroup):
    menu_label = _("Cooperation")
    menu_icon = "group"
    menu_order = 260
    items = [
        BodyViewSet("cooperation_bodies"),
        TermViewSet("cooperation_terms"),
        MemberViewSet("cooperation_members"),
        MeetingViewSet("cooperation_meetings"),
        ResolutionViewSet("cooperation_resolutions"),
        ProposalViewSet("cooperation_proposals"),
        CandidateCallViewSet("cooperation_calls"),
    ]


@hooks.register("register_admin_viewset")
def register_cooperation_viewsets():
    return CooperationGroup()
