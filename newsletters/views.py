"""Public newsletter pages: sign-up, confirmation, preferences, unsubscribe, GDPR, archive.

Links in e-mails carry signed tokens (see tokens.py); no page here needs a login
except the profile page. Bad or old links get a clear page with status 400/404,
never an error 500.
"""

import json

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from portal import ratelimit
from portal.net import client_ip

from . import conf, services, tokens
from .forms import PreferencesForm, ProfileSubscriptionForm, SubscribeForm, topic_groups
from .models import Issue, Subscriber, Topic


def _ip_allowed(request) -> bool:
    """Fixed one-hour window per IP address, in the shared cache."""
    return ratelimit.hit(
        f"newsletters:subscribe-ip:{client_ip(request)}",
        limit=conf.get("NEWSLETTER_SUBSCRIBE_RATE_PER_IP"),
        seconds=3600,
    )


def _visitor_gmina(request) -> str:
    """The path of the visitor's municipality: the window they came from (`?gmina=`,
    kept in the form as a hidden field) or the one whose own site they are on."""
    gmina = request.POST.get("gmina") or request.GET.get("gmina")
    if gmina:
        return gmina[:80]
    from municipalities.models import Municipality

    site = Site.find_for_request(request)
    if site is None:
        return ""
    found = Municipality.objects.filter(home_page_id=site.root_page_id)
    return found.values_list("slug", flat=True).first() or ""


def _topic_context(form, gmina) -> dict:
    """Topic groups for the form, the visitor's municipality first."""
    groups = topic_groups(form["topics"], first=lambda municipality: municipality.slug == gmina)
    return {"topic_groups": groups, "gmina": gmina}


def _initial_topics(request, gmina) -> list[str]:
    """Topics ticked on arrival: `?topic=` (keys), else the news of the visitor's
    municipality, else the regional (or only) news."""
    wanted = request.GET.getlist("topic")
    found = Topic.objects.active().resolve([*wanted, f"{gmina}:news", "news"])
    if wanted:
        return [found[key].key for key in wanted if key in found]
    for key in (f"{gmina}:news", "news"):
        if key in found:
            return [found[key].key]
    return []


def _link_problem(request, problem: str, status: int):
    return render(request, "newsletters/link_problem.html", {"problem": problem}, status=status)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    gmina = _visitor_gmina(request)
    if request.method == "POST":
        if not _ip_allowed(request):
            return render(request, "newsletters/rate_limited.html", status=429)
        form = SubscribeForm(request.POST)
        if form.is_valid():
            source = request.POST.get("source")
            if source not in services.SOURCES or source == services.SOURCE_PROFILE:
                source = services.SOURCE_SIGNUP_FORM
            # The honeypot is filled by bots only: answer as usual, do nothing.
            if not form.cleaned_data["website"]:
                services.request_subscription(
                    email=form.cleaned_data["email"],
                    topics=form.cleaned_data["topics"],
                    source=source,
                    ip_address=client_ip(request),
                    text=services.consent_text(),
                )
            # Same answer for new, pending, confirmed and unsubscribed addresses.
            return redirect("newsletters:check_inbox")
        status = 400
    else:
        form = SubscribeForm(initial={"topics": _initial_topics(request, gmina)})
        status = 200
    return render(
        request,
        "newsletters/subscribe.html",
        {
            "form": form,
            **_topic_context(form, gmina),
            "consent_text": services.consent_text(),
        },
        status=status,
    )


def check_inbox(request):
    return render(
        request,
        "newsletters/check_inbox.html",
        {"max_age_days": conf.get("NEWSLETTER_CONFIRM_MAX_AGE_DAYS")},
    )


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    try:
        payload = tokens.read_confirm_token(token)
    except tokens.ExpiredToken:
        return _link_problem(request, "expired", 400)
    except tokens.InvalidToken:
        return _link_problem(request, "invalid", 400)
    if request.method == "GET":
        # Mail scanners open links: confirming takes a deliberate click (POST).
        topics = Topic.objects.resolve(payload.get("t") or []).values()
        topics = sorted(topics, key=lambda topic: topic.label)
        return render(request, "newsletters/confirm.html", {"topics": topics})
    try:
        subscriber = services.confirm_subscription(
            key=payload["k"],
            topic_keys=payload.get("t") or [],
            consent_id=payload.get("c"),
            ip_address=client_ip(request),
        )
    except (Subscriber.DoesNotExist, ValueError):
        return _link_problem(request, "gone", 404)
    return render(
        request,
        "newsletters/confirmed.html",
        {
            "subscriber": subscriber,
            "topics": subscriber.topics.select_related("municipality").order_by("name"),
            "preferences_token": tokens.make_manage_token(subscriber.key),
        },
    )


def _subscriber_from_token(token, *, read=None):
    """(subscriber, None) or (None, problem) for a management token.

    Settings and erase links expire (tokens.manage_max_age); pass `read` to accept
    another kind of token or any age.
    """
    try:
        key = (read or _read_recent_manage_token)(token)
    except tokens.ExpiredToken:
        return None, ("manage-expired", 400)
    except tokens.InvalidToken:
        return None, ("invalid", 400)
    try:
        return Subscriber.objects.get(key=key), None
    except (Subscriber.DoesNotExist, ValueError):
        return None, ("gone", 404)


def _read_recent_manage_token(token):
    return tokens.read_manage_token(token, max_age=tokens.manage_max_age())


def _read_any_manage_token(token):
    return tokens.read_manage_token(token)


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    subscriber, problem = _subscriber_from_token(token)
    if problem:
        return _link_problem(request, *problem)
    status = 200
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            if subscriber.status == Subscriber.Status.CONFIRMED:
                services.update_topics(
                    subscriber=subscriber,
                    topics=form.cleaned_data["topics"],
                    ip_address=client_ip(request),
                )
                subscriber.refresh_from_db()
                request.session["newsletters_saved"] = True
                return redirect("newsletters:preferences", token=token)
        else:
            status = 400
    else:
        form = PreferencesForm(initial={"topics": _keys_of(subscriber)})
    saved = request.session.pop("newsletters_saved", False)
    return render(
        request,
        "newsletters/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            **_topic_context(form, _visitor_gmina(request)),
            "token": token,
            "saved": saved,
        },
        status=status,
    )


@csrf_exempt  # RFC 8058: mail providers POST here without a session; the token authorises.
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    # Any age: the unsubscribe link of an old message keeps working (it only stops mail).
    subscriber, problem = _subscriber_from_token(token, read=_read_any_manage_token)
    if problem:
        return _link_problem(request, *problem)
    if request.method == "POST":
        services.unsubscribe(
            subscriber=subscriber,
            source=(
                services.SOURCE_ONE_CLICK
                if request.POST.get("List-Unsubscribe") == "One-Click"
                else services.SOURCE_PREFERENCES
            ),
            ip_address=client_ip(request),
        )
        return render(request, "newsletters/unsubscribed.html", {"token": token})
    # GET must not unsubscribe (link scanners); show a one-button form instead.
    return render(request, "newsletters/unsubscribe.html", {"subscriber": subscriber})


@require_http_methods(["POST"])
def export_request(request, token):
    """From the settings page: e-mail a short-lived download link to the address."""
    subscriber, problem = _subscriber_from_token(token)
    if problem:
        return _link_problem(request, *problem)
    if not services.request_export_link(subscriber=subscriber):
        return render(request, "newsletters/rate_limited.html", status=429)
    return render(
        request,
        "newsletters/export_requested.html",
        {"max_age_minutes": conf.get("NEWSLETTER_EXPORT_LINK_MAX_AGE_MINUTES"), "token": token},
    )


@require_http_methods(["GET"])
def export(request, token):
    """The download, only by the fresh link e-mailed by export_request."""
    subscriber, problem = _subscriber_from_token(token, read=tokens.read_export_token)
    if problem:
        if problem[0] == "manage-expired":
            problem = ("export-expired", 400)
        return _link_problem(request, *problem)
    data = services.export_subscriber(subscriber=subscriber)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="newsletter-{stamp}.json"'
    return response


@require_http_methods(["GET", "POST"])
def erase(request, token):
    subscriber, problem = _subscriber_from_token(token)
    if problem:
        return _link_problem(request, *problem)
    if request.method == "POST":
        services.erase_subscriber(subscriber=subscriber)
        return render(request, "newsletters/erased.html")
    return render(request, "newsletters/erase.html", {"subscriber": subscriber, "token": token})


def archive(request):
    issues = Issue.objects.published().select_related("municipality")
    paginator = Paginator(issues.order_by("-sending_started_at", "-pk"), 20)
    page = paginator.get_page(request.GET.get("strona"))
    return render(request, "newsletters/archive.html", {"issues": page, "page_obj": page})


def archive_detail(request, pk):
    issue = get_object_or_404(Issue.objects.published(), pk=pk)
    from .emails import MailingRenderer

    context = MailingRenderer(issue).get_context()
    return render(
        request,
        "newsletters/issue_detail.html",
        {"issue": issue, "items": context["items"]},
    )


def _keys_of(subscriber) -> list[str]:
    return [topic.key for topic in subscriber.topics.select_related("municipality")]


def _user_subscriber(user):
    return (
        Subscriber.objects.filter(user=user).first()
        or Subscriber.objects.filter(email__iexact=user.email).first()
    )


def _email_verified(user) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


@login_required
@require_http_methods(["GET", "POST"])
def profile_subscriptions(request):
    subscriber = _user_subscriber(request.user)
    confirmed = bool(subscriber and subscriber.is_confirmed)
    status = 200
    if request.method == "POST":
        form = ProfileSubscriptionForm(request.POST)
        if form.is_valid():
            topics = form.cleaned_data["topics"]
            if confirmed and not topics:
                services.unsubscribe(
                    subscriber=subscriber,
                    source=services.SOURCE_PROFILE,
                    ip_address=client_ip(request),
                )
                outcome = "unsubscribed"
            elif topics and _email_verified(request.user):
                services.subscribe_user(
                    user=request.user, topics=topics, ip_address=client_ip(request)
                )
                outcome = "saved"
            elif topics:
                services.request_subscription(
                    email=request.user.email,
                    topics=topics,
                    source=services.SOURCE_PROFILE,
                    ip_address=client_ip(request),
                )
                outcome = "check-inbox"
            else:
                outcome = "nothing"
            request.session["newsletters_profile_outcome"] = outcome
            return redirect("newsletters:profile")
        status = 400
    else:
        initial = _keys_of(subscriber) if confirmed else []
        form = ProfileSubscriptionForm(initial={"topics": initial})
    return render(
        request,
        "newsletters/profile.html",
        {
            "form": form,
            **_topic_context(form, _visitor_gmina(request)),
            "subscriber": subscriber,
            "confirmed": confirmed,
            "outcome": request.session.pop("newsletters_profile_outcome", None),
            "manage_token": tokens.make_manage_token(subscriber.key) if subscriber else None,
            "consent_text": services.consent_text(),
        },
        status=status,
    )


def signup_section(home_page, request):
    """Home-page "window" section with the short sign-up form (cms_pages.window): the
    window's municipality's kinds of content, or the regional ones where it has none."""
    from municipalities.models import Municipality

    municipality = Municipality.objects.filter(home_page=home_page).first()
    topics = list(
        Topic.objects.active()
        .content()
        .filter(Q(municipality=municipality) | Q(municipality__isnull=True))
        .select_related("municipality")
    )
    own = [t for t in topics if municipality and t.municipality_id == municipality.pk]
    return {
        "template": "newsletters/sections/signup.html",
        "order": 90,
        "municipality": municipality,
        "topics": own or [t for t in topics if t.municipality_id is None],
        "consent_text": services.consent_text(),
    }


def profile_section(request):
    """Section of the account profile page (accounts.profile_sections)."""
    if not request.user.is_authenticated:
        return None
    subscriber = _user_subscriber(request.user)
    return {
        "template": "newsletters/sections/profile.html",
        "order": 50,
        "subscriber": subscriber,
        "topics": (
            list(subscriber.topics.select_related("municipality"))
            if subscriber and subscriber.is_confirmed
            else []
        ),
    }
