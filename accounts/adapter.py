from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied

from portal.net import client_ip


def public_url(url: str) -> str:
    """The same path on the site's public BASE_URL.

    allauth builds e-mail links from the request's host, which behind a proxy (or
    in a background task) is not the address residents know. Relative paths get
    the base too.
    """
    bits = urlsplit(url)
    path = bits.path + (f"?{bits.query}" if bits.query else "")
    return settings.BASE_URL.rstrip("/") + path


class AccountAdapter(DefaultAccountAdapter):
    """Links in e-mails use the site's public BASE_URL, not the request host."""

    def get_email_confirmation_url(self, request, emailconfirmation):
        return public_url(super().get_email_confirmation_url(request, emailconfirmation))

    def get_reset_password_from_key_url(self, key):
        return public_url(super().get_reset_password_from_key_url(key))

    def get_client_ip(self, request):
        # allauth's rate limits count per client: the same address as every other limit.
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def send_mail(self, template_prefix, email, context):
        # Other account mails (account already exists, unknown account) carry links
        # built by allauth itself: point every one of them at BASE_URL as well.
        context = {
            key: public_url(value)
            if isinstance(value, str) and value.startswith(("http://", "https://"))
            else value
            for key, value in context.items()
        }
        return super().send_mail(template_prefix, email, context)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            from django.contrib.auth.models import Group

            from .models import Role

            group, _ = Group.objects.get_or_create(name=Role.RESIDENT)
            user.groups.add(group)
        return user
