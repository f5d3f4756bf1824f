from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .admin_scope import (
    IssueAdminForm,
    MunicipalityScopedPolicy,
    ScopedSnippetViewSet,
    TopicAdminForm,
)
from .models import Issue, Subscriber, Topic
from .permissions import may_use

register_permission_policy(Issue, MunicipalityScopedPolicy(Issue))
register_permission_policy(Topic, MunicipalityScopedPolicy(Topic))


class IssueViewSet(ScopedSnippetViewSet):
    model = Issue
    icon = "mail"
    menu_label = _("Issues")
    list_display = ["subject", "municipality", "status", "scheduled_at", "sent_at"]
    list_filter = ["status", "municipality"]
    search_fields = ["subject"]
    edit_handler = ObjectList(Issue.panels, base_form_class=IssueAdminForm)

    def get_queryset(self, request):
        return Issue.objects.select_related("municipality__home_page")


class TopicViewSet(ScopedSnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "municipality", "slug", "kind", "is_active"]
    list_filter = ["municipality", "kind"]
    edit_handler = ObjectList(Topic.panels, base_form_class=TopicAdminForm)

    def get_queryset(self, request):
        return Topic.objects.select_related("municipality__home_page")


class SubscriberViewSet(SnippetViewSet):
    """Read-mostly list for operators (find an address, see its status)."""

    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    list_display = ["email", "status", "confirmed_at"]
    list_filter = ["status"]
    search_fields = ["email"]
    panels = [FieldPanel("status")]


class NewsletterGroup(SnippetViewSetGroup):
    items = (IssueViewSet, TopicViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = _("Newsletter")
    menu_name = "newsletter"


register_snippet(NewsletterGroup)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("issues/<int:pk>/", admin_views.issue_manage, name="issue_manage"),
        path(
            "issues/<int:pk>/preview/<str:mode>/", admin_views.issue_preview, name="issue_preview"
        ),
    ]
    return [path("newsletter/", include((urls, "newsletters_admin")))]


@hooks.register("register_snippet_listing_buttons")
def issue_listing_buttons(snippet, user, next_url=None):
    if (
        isinstance(snippet, Issue)
        and user.has_perm("newsletters.change_issue")
        and may_use(user, snippet)
    ):
        yield ListingButton(
            _("Prepare and send"),
            reverse("newsletters_admin:issue_manage", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )
