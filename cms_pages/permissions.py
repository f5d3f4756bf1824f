"""Page rights by role beyond Wagtail's tree permissions.

Wagtail grants page rights per subtree (the data migration gives editors and officials
the whole tree from the home page). Consultations and calls for proposals are run by
officials (Editor = news and pages, Official = consultations and calls), so
their page types, index pages included, answer "may edit / publish / add / move /
delete" only for officials, administrators and superusers; an editor still sees them
in the page explorer but cannot change them or create new ones.
"""

from django.core.exceptions import PermissionDenied
from wagtail.models import PagePermissionTester

from accounts.permissions import is_official


class OfficialsOnlyPermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not is_official(user):
            self.permissions = set()  # no action right on this page or below it


class OfficialsOnlyPage:
    """Mixin for page models that only officials may edit, publish or create."""

    officials_only = True

    def permissions_for_user(self, user):
        return OfficialsOnlyPermissionTester(user, self)


def refuse_creation_by_non_officials(request, parent_page, page_class):
    """Wagtail hook before_create_page: creating such a page is for officials too
    (the parent, e.g. the home page, would otherwise allow an editor to add one)."""
    if getattr(page_class, "officials_only", False) and not is_official(request.user):
        raise PermissionDenied
