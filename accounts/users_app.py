"""wagtail.users with the portal's user screens (accounts/admin_users.py).

Listed in INSTALLED_APPS instead of "wagtail.users"; kept apart from accounts/apps.py
because Django picks an app's configuration from apps.py and this module must not
import models.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class StaffUsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.admin_users.UserViewSet"
