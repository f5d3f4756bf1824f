"""E-mail messages of the newsletter app.

Single messages (confirmation link, test issue) are classes queued with primary keys,
never objects: `ConfirmationEmail.enqueue(subscriber_id=..., ...)` sends from a task
after commit. Mass mailings (issues, alerts) go through MailingRenderer, which renders
the templates once per mailing and only swaps in each recipient's token.
"""

import hashlib
import time
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from . import conf, tokens
from .models import AlertLog, Issue, Subscriber

# Stands in for each recipient's token in the once-rendered mailing; unique enough
# never to occur in content and left untouched by HTML escaping.
TOKEN_PLACEHOLDER = "NLTOKEN0PLACEHOLDER"  # noqa: S105 - not a secret


def absolute(path: str) -> str:
    return f"{conf.base_url()}{path}"


def site_domain() -> str:
    return urlsplit(conf.base_url()).hostname or "localhost"


def render_parts(template_base: str, context: dict) -> tuple[str, str]:
    """The HTML and plain-text parts, always in the portal's language (lang="pl")."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(f"{template_base}.html", context)
        text = render_to_string(f"{template_base}.txt", context)
    return html, text


class Email:
    """A single transactional message, rebuilt from ids inside a task."""

    template_base = ""

    def __init__(self, **kwargs):
        self.kwargs = kwargs

    @classmethod
    def enqueue(cls, **kwargs) -> None:
        from .tasks import send_email

        path = f"{cls.__module__}.{cls.__qualname__}"
        transaction.on_commit(lambda: send_email.enqueue(path, kwargs))

    def get_receivers(self) -> list[str]:
        raise NotImplementedError

    def get_subject(self) -> str:
        raise NotImplementedError

    def get_context(self) -> dict:
        return {"base_url": conf.base_url(), "site_name": settings.WAGTAIL_SITE_NAME}

    def get_headers(self) -> dict:
        return {}

    def build(self) -> EmailMultiAlternatives | None:
        receivers = self.get_receivers()
        if not receivers:
            return None
        with translation.override(settings.LANGUAGE_CODE):
            subject = self.get_subject()
        html, text = render_parts(self.template_base, self.get_context())
        message = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=conf.from_email(),
            to=receivers,
            headers=self.get_headers(),
        )
        message.attach_alternative(html, "text/html")
        return message

    def send(self) -> int:
        message = self.build()
        return message.send() if message else 0


class ExportLinkEmail(Email):
    """A short-lived link to download what is stored about the address (GDPR art. 15)."""

    template_base = "newsletters/email/export_link"

    def __init__(self, *, subscriber_id):
        super().__init__()
        self.subscriber = Subscriber.objects.filter(pk=subscriber_id).first()

    def get_receivers(self):
        return [self.subscriber.email] if self.subscriber else []

    def get_subject(self):
        return gettext("Your newsletter data at %(site)s") % {"site": settings.WAGTAIL_SITE_NAME}

    def get_context(self):
        token = tokens.make_export_token(self.subscriber.key)
        return {
            **super().get_context(),
            "export_url": absolute(reverse("newsletters:export", args=[token])),
            "max_age_minutes": conf.get("NEWSLETTER_EXPORT_LINK_MAX_AGE_MINUTES"),
        }


class ConfirmationEmail(Email):
    """The double opt-in link. Sent for new and known addresses alike."""

    template_base = "newsletters/email/confirm"

    def __init__(self, *, subscriber_id, topics, consent_id=None):
        super().__init__()
        self.subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
        self.topic_keys = topics
        self.consent_id = consent_id

    def get_receivers(self):
        if not self.subscriber or self.subscriber.status not in (
            Subscriber.Status.PENDING,
            Subscriber.Status.CONFIRMED,
        ):
            return []
        return [self.subscriber.email]

    def get_subject(self):
        return gettext("Confirm your subscription to %(site)s") % {
            "site": settings.WAGTAIL_SITE_NAME
        }

    def get_context(self):
        from .models import Topic

        token = tokens.make_confirm_token(self.subscriber, self.topic_keys, self.consent_id)
        return {
            **super().get_context(),
            "confirm_url": absolute(reverse("newsletters:confirm", args=[token])),
            "topics": sorted(
                Topic.objects.resolve(self.topic_keys).values(), key=lambda t: t.label
            ),
            "max_age_days": conf.get("NEWSLETTER_CONFIRM_MAX_AGE_DAYS"),
        }


class IssueTestEmail(Email):
    """An issue sent to one address (the editor) before the real send."""

    def __init__(self, *, issue_id, email):
        super().__init__()
        self.issue = Issue.objects.get(pk=issue_id)
        self.email = email

    def build(self):
        renderer = MailingRenderer(self.issue)
        message = renderer.message_for_address(self.email, token="test")  # noqa: S106
        message.subject = "[TEST] " + message.subject
        return message


class MailingRenderer:
    """Renders an issue or alert once and builds each recipient's message from it."""

    def __init__(self, mailing):
        self.mailing = mailing
        self.kind = "issue" if isinstance(mailing, Issue) else "alert"
        context = self.get_context()
        self.html, self.text = render_parts(f"newsletters/email/{self.kind}", context)
        self.subject = mailing.subject
        self.from_email = conf.from_email()
        self.list_id = f"<{self.kind}s.newsletter.{site_domain()}>"
        self.mailto = conf.get("NEWSLETTER_UNSUBSCRIBE_MAILTO")
        self.unsubscribe_url = absolute(reverse("newsletters:unsubscribe", args=["TOKEN"]))

    def get_context(self) -> dict:
        context = {
            "base_url": conf.base_url(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "preferences_url": absolute(
                reverse("newsletters:preferences", args=[TOKEN_PLACEHOLDER])
            ),
            "unsubscribe_url": absolute(
                reverse("newsletters:unsubscribe", args=[TOKEN_PLACEHOLDER])
            ),
            "archive_url": absolute(reverse("newsletters:archive")),
        }
        if self.kind == "issue":
            issue = self.mailing
            context["issue"] = issue
            context["web_url"] = absolute(issue.get_absolute_url()) if issue.pk else ""
            context["items"] = [
                {
                    "title": item.display_title,
                    "summary": item.display_summary,
                    "url": page_url(item.page) if item.page_id else "",
                    "image_url": image_url(item.image) if item.image_id else "",
                    "alt": item.alt_text,
                }
                for item in issue.items.select_related("page", "image")
                # A page unpublished or made private since: its link would not work.
                if item.is_public
            ]
        else:
            context["alert"] = self.mailing
        return context

    def headers_for(self, token: str, message_key: str) -> dict:
        unsubscribe = self.unsubscribe_url.replace("TOKEN", quote(token, safe=":"))
        targets = [f"<{unsubscribe}>"]
        if self.mailto:
            targets.append(f"<mailto:{self.mailto}?subject=unsubscribe%20{quote(token, safe=':')}>")
        return {
            "List-Unsubscribe": ", ".join(targets),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": self.list_id,
            "Precedence": "bulk",
            # The same id for the same issue and recipient: a resend after a crash is
            # recognisable as a duplicate by the receiving mail system.
            "Message-ID": f"<{self.kind}-{self.mailing.pk}.{message_key}@{site_domain()}>",
        }

    def message_for_address(self, email: str, token: str, message_key=None, connection=None):
        message_key = message_key or hashlib.sha256(email.encode()).hexdigest()[:16]
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(TOKEN_PLACEHOLDER, token),
            from_email=self.from_email,
            to=[email],
            headers=self.headers_for(token, message_key),
            connection=connection,
        )
        message.attach_alternative(self.html.replace(TOKEN_PLACEHOLDER, token), "text/html")
        return message

    def message_for(self, subscriber, connection=None):
        token = tokens.make_manage_token(subscriber.key)
        message = self.message_for_address(
            subscriber.email, token, message_key=subscriber.key.hex, connection=connection
        )
        raw = self._raw_for(subscriber.email, token, subscriber.key.hex)
        if raw is not None:
            message.__class__ = PrebuiltEmail
            message.raw = raw
        return message

    # Building the MIME tree is most of the CPU per message. The tree is built once with
    # placeholders and each recipient's bytes are made by replacing them, when that is
    # provably equivalent (every placeholder survived encoding intact, ASCII values).
    _raw_template = False
    _raw_built_at = 0.0

    def _raw_for(self, email: str, token: str, key: str) -> bytes | None:
        # Rebuilt every few minutes so the Date header stays current on long sends.
        if self._raw_template is False or time.monotonic() - self._raw_built_at > 300:
            self._raw_template = self._build_raw_template()
            self._raw_built_at = time.monotonic()
        if self._raw_template is None or not (email + token + key).isascii():
            return None
        return (
            self._raw_template.replace(RCPT_PLACEHOLDER, email.encode())
            .replace(KEY_PLACEHOLDER, key.encode())
            .replace(TOKEN_PLACEHOLDER.encode(), token.encode())
        )

    def _build_raw_template(self) -> bytes | None:
        message = self.message_for_address(
            RCPT_PLACEHOLDER.decode(), TOKEN_PLACEHOLDER, message_key=KEY_PLACEHOLDER.decode()
        )
        raw = message.message().as_bytes(linesep="\r\n")
        in_headers = 2 if self.mailto else 1
        expected_tokens = (
            self.text.count(TOKEN_PLACEHOLDER) + self.html.count(TOKEN_PLACEHOLDER) + in_headers
        )
        if (
            raw.count(TOKEN_PLACEHOLDER.encode()) != expected_tokens
            or raw.count(RCPT_PLACEHOLDER) != 1
            or raw.count(KEY_PLACEHOLDER) != 1
        ):
            return None  # a part was encoded (quoted-printable/base64): build each message
        return raw


RCPT_PLACEHOLDER = b"nlrcpt0placeholder@example.invalid"
KEY_PLACEHOLDER = b"nlkey0placeholder"


class _RawMIME:
    """Stands in for the MIME tree of a message whose bytes are already known."""

    def __init__(self, raw: bytes):
        self.raw = raw

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.raw if linesep == "\r\n" else self.raw.replace(b"\r\n", linesep.encode())

    def as_string(self, unixfrom=False, linesep="\n"):
        return self.as_bytes(linesep=linesep).decode()


class PrebuiltEmail(EmailMultiAlternatives):
    """An EmailMultiAlternatives whose wire bytes were prepared by MailingRenderer."""

    raw = b""

    def message(self, **kwargs):
        return _RawMIME(self.raw)


def page_url(page) -> str:
    """Absolute address of a page on the public site, built on BASE_URL."""
    parts = page.get_url_parts()
    if not parts:
        return ""
    return absolute(parts[2])


def image_url(image) -> str:
    rendition = image.get_rendition("width-560")
    url = rendition.url
    return url if url.startswith("http") else absolute(url)


def preview_response(mailing, mode_name: str) -> HttpResponse:
    """The e-mail as a recipient sees it, for the admin preview (links are not live)."""
    renderer = MailingRenderer(mailing)
    if mode_name == "text":
        body = renderer.text.replace(TOKEN_PLACEHOLDER, "preview")
        return HttpResponse(body, content_type="text/plain; charset=utf-8")
    return HttpResponse(renderer.html.replace(TOKEN_PLACEHOLDER, "preview"))


__all__ = ["AlertLog", "ConfirmationEmail", "IssueTestEmail", "MailingRenderer"]
