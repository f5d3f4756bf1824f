"""What happens to a proposed page in the Wagtail admin updates the proposal.

Wired in OrganisationsConfig.ready(): publishing (by the workflow's approval or an
editor's Publish button), taking down and rejecting in the workflow.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.models import Page, WorkflowState
from wagtail.signals import (
    page_published,
    page_unpublished,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)

from cms_pages.models import EventPage, NewsPage

PROPOSABLE = (NewsPage, EventPage)


def _on_published(sender, instance, **kwargs):
    if isinstance(instance, PROPOSABLE):
        from .proposals import record_published

        record_published(instance)


def _on_unpublished(sender, instance, **kwargs):
    if isinstance(instance, PROPOSABLE):
        from .proposals import record_unpublished

        record_unpublished(instance)


def _on_rejected(sender, instance, **kwargs):
    if instance.base_content_type_id == ContentType.objects.get_for_model(Page).pk:
        from .proposals import record_rejected

        record_rejected(instance)


class _AdminUsersOnly:
    """Wagtail e-mails the person who submitted a page when it is approved or rejected,
    with links into the admin. Someone who cannot open the admin (a representative who
    proposed a news item) gets the portal's own e-mail instead
    (organisations.tasks.send_proposal_decision), so Wagtail's goes to admin users only."""

    def get_recipient_users(self, workflow_state, **kwargs):
        users = super().get_recipient_users(workflow_state, **kwargs)
        return {user for user in users if user.has_perm("wagtailadmin.access_admin")}


class ApprovalNotifier(_AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(_AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


class SubmissionNotifier(WorkflowStateSubmissionEmailNotifier):
    """Wagtail e-mails every superuser when anything is submitted to a workflow. A
    proposal is announced instead to the reviewers of its own municipality, by the
    portal's queued e-mail (organisations.tasks.notify_editors_of_proposal)."""

    def can_handle(self, instance, **kwargs):
        from .models import ProposalReviewTask

        return (
            super().can_handle(instance, **kwargs)
            and not ProposalReviewTask.objects.filter(
                workflow_tasks__workflow_id=instance.workflow_id
            ).exists()
        )


# Wagtail's own dispatch_uids (wagtail.admin.signal_handlers): a receiver connected
# under the same uid takes their place, whichever app's ready() runs first.
WAGTAIL_NOTIFIERS = [
    (workflow_submitted, "workflow_state_submitted_email_notification", SubmissionNotifier),
    (workflow_approved, "workflow_state_approved_email_notification", ApprovalNotifier),
    (workflow_rejected, "workflow_state_rejected_email_notification", RejectionNotifier),
]


def connect():
    page_published.connect(_on_published, dispatch_uid="organisations_proposal_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="organisations_proposal_unpublished")
    workflow_rejected.connect(
        _on_rejected, sender=WorkflowState, dispatch_uid="organisations_proposal_rejected"
    )
    for signal, uid, notifier in WAGTAIL_NOTIFIERS:
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier(), sender=WorkflowState, dispatch_uid=uid, weak=False)
