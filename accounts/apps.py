from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from .login_limits import on_login_failed

        user_login_failed.connect(on_login_failed, dispatch_uid="accounts.login_limits")
