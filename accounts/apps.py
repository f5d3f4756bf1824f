from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self):
        from django.contrib.auth.signals import user_login_failed

        from .login_limits import on_login_failed

        user_login_failed.connect(on_login_failed, dispatch_uid="accounts.login_limits")

        from django.db.models.signals import m2m_changed

        from .models import User
        from .signals import forget_role_names

        m2m_changed.connect(
            forget_role_names, sender=User.groups.through, dispatch_uid="forget_role_names"
        )
