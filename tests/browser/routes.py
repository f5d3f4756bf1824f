"""What the page sweep visits, discovered from the code at collection time.

New page types, URL names and models with `get_absolute_url` join the sweep
without anyone editing this file.
"""

import re

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

PROJECT_APPS = [
    "accounts",
    "cms_pages",
    "consultations",
    "search",
    "newsletters",
    "municipalities",
    "organisations",
    "cooperation",
    "initiatives",
    "budget",
]
# URL prefixes that are not the public site (admin UIs) or not HTML.
NOT_PUBLIC_PREFIXES = ("django-admin/", "admin/", "documents/", "i18n/", "komentarze/")
# allauth views that only make sense mid-flow (they need a pending login or a POST).
# Routes ending in a file extension (.csv, .json, .ics, .<fmt>) serve files, not pages.
FILE_ROUTE = re.compile(r"\.(\w+|<[^>]+>)/?\$?$")
# The home page (covered as a page type), machine-readable endpoints.
NOT_HTML_NAMES = {"wagtail_serve", "sitemap", "robots_txt", "search_api:search"}
FLOW_ONLY_NAMES = {
    "account_logout",  # covered with a logged-in user below
    "account_confirm_login_code",
    "account_reset_password_from_key_done",
    "account_email_verification_sent",
    "account_login_code",
    "account_reauthenticate",
    "account_set_password",
    # Two-factor screens that exist only once an authenticator app is set up.
    "mfa_deactivate_totp",
    "mfa_download_recovery_codes",
    "mfa_view_recovery_codes",
    # Screens for officials, advisors and NGO representatives only (a resident gets 404);
    # their own browser tests open them as such a user (test_board_and_signups.py,
    # test_grants_offer.py).
    "partnerships:moderation",
    "signups:advice_calendar",
    "grants:start_small_offer",
    "grants:small_offers",
}


def page_models() -> list[str]:
    """Every concrete Wagtail page type of the project's apps, as "app_label.ModelName"."""
    from wagtail.models import Page, get_page_models

    return sorted(
        model._meta.label
        for model in get_page_models()
        if model is not Page and model._meta.app_label in PROJECT_APPS
    )


def object_models() -> list:
    """Non-page models of the project's apps that have their own public page."""
    from wagtail.models import Page

    found = []
    for app_label in PROJECT_APPS:
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in config.get_models():
            if issubclass(model, Page) or not hasattr(model, "get_absolute_url"):
                continue
            found.append(model)
    return found


def object_model_labels() -> list[str]:
    return sorted(model._meta.label for model in object_models())


def _walk(patterns, prefix="", namespace="", params=()):
    """Yield (route, name, argument names) for every named URL pattern."""
    for entry in patterns:
        own = tuple(entry.pattern.regex.groupindex)
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            full_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), full_ns, params + own)
        elif isinstance(entry, URLPattern) and entry.name:
            name = f"{namespace}:{entry.name}" if namespace else entry.name
            yield prefix + str(entry.pattern), name, params + own


def parameterless_url_names() -> list[str]:
    """Named URLs of the public site that take no arguments (forms, lists, account pages)."""
    names = set()
    for route, name, params in _walk(get_resolver().url_patterns):
        if params or route.startswith(NOT_PUBLIC_PREFIXES) or name in FLOW_ONLY_NAMES:
            continue
        if "<" in route or name in NOT_HTML_NAMES or FILE_ROUTE.search(route):
            continue
        names.add(name)
    return sorted(names)


def _public_routes():
    for route, name, params in _walk(get_resolver().url_patterns):
        if route.startswith(NOT_PUBLIC_PREFIXES) or name in FLOW_ONLY_NAMES:
            continue
        yield route, name, params


def url_names_with_arguments() -> list[str]:
    """Named URLs of the project's apps that take arguments (detail, report, token pages)."""
    names = set()
    for route, name, params in _public_routes():
        if params and name.split(":")[0] in PROJECT_APPS and not FILE_ROUTE.search(route):
            names.add(name)
    return sorted(names)


def url_arguments(name: str) -> tuple[str, ...]:
    for _route, route_name, params in _public_routes():
        if route_name == name:
            return params
    return ()


def sample_arguments() -> dict[tuple[str, str], object]:
    """Values for URL arguments, taken from the demo content.

    Keyed by (URL name, argument) for a value only one URL accepts, else by
    (namespace, argument).

    Runs inside the demo_site fixture (database access). A route whose arguments
    have no sample here is reported as skipped, naming the missing argument.
    """
    from wagtail.models import Page

    samples: dict[tuple[str, str], object] = {}

    # A live, public, non-index page of each app, e.g. a consultation for its report.
    for app_label in PROJECT_APPS:
        page = (
            Page.objects.live()
            .public()
            .filter(content_type__app_label=app_label)
            .exclude(content_type__model__endswith="indexpage")
            .exclude(depth__lte=2)
            .order_by("path")
            .first()
        )
        if page is not None:
            samples[(app_label, "page_id")] = page.pk

    if apps.is_installed("consultations"):
        from django.db.models import Count, Q

        ConsultationPage = apps.get_model("consultations", "ConsultationPage")
        consultations = ConsultationPage.objects.live().public().order_by("path")
        # The report is public once published; the changes page needs two published versions.
        reported = consultations.filter(report_published_at__isnull=False).first()
        if reported is not None:
            samples[("consultations:report", "page_id")] = reported.pk
        revised = (
            consultations.annotate(
                published_versions=Count("versions", filter=Q(versions__is_published=True))
            )
            .filter(published_versions__gte=2)
            .first()
        )
        if revised is not None:
            samples[("consultations:version_diff", "page_id")] = revised.pk
        # A visible comment, for its actions page (agree, disagree, report).
        ConsultationComment = apps.get_model("consultations", "ConsultationComment")
        comment = (
            ConsultationComment.objects.filter(
                is_public=True, is_removed=False, consultation__in=consultations
            )
            .order_by("pk")
            .first()
        )
        if comment is not None:
            samples[("consultations", "comment_id")] = comment.pk
            samples[("consultations:react", "reaction")] = "like"

    if apps.is_installed("cooperation"):
        # The public pages only: the forms need a member or a representative, and
        # tests/browser/test_cooperation.py opens them as one.
        Body = apps.get_model("cooperation", "Body")
        body = Body.objects.select_related("municipality").order_by("pk").first()
        if body is not None:
            samples[("cooperation:municipality_bodies", "municipality")] = body.municipality.slug
            samples[("cooperation:body", "municipality")] = body.municipality.slug
            samples[("cooperation:body", "slug")] = body.slug
        for name, model in [
            ("meeting", "Meeting"),
            ("resolution", "BodyResolution"),
            ("proposal", "TaskProposal"),
            ("call", "CandidateCall"),
        ]:
            first = apps.get_model("cooperation", model).objects.order_by("pk").first()
            if first is not None:
                samples[(f"cooperation:{name}", "pk")] = first.pk
    if apps.is_installed("initiatives"):
        # Per URL, not per namespace: the officials' screens (set-up, list, evaluation,
        # agreement) answer 404 to the sweep's visitors and have their own test
        # (test_initiatives.py), as do the forms an applicant sees only in some states.
        Application = apps.get_model("initiatives", "Application")
        accepted = Application.objects.public().select_related("municipality").first()
        if accepted is not None:
            slug = accepted.municipality.slug
            for name in ("municipality", "new", "detail"):
                samples[(f"initiatives:{name}", "slug")] = slug
            samples[("initiatives:detail", "pk")] = accepted.pk
            samples[("initiatives:application", "pk")] = accepted.pk

    Organisation = apps.get_model("accounts", "Organisation")
    organisation = Organisation.objects.listed().order_by("pk").first()
    if organisation is not None:
        samples[("accounts", "slug")] = organisation.slug

    if apps.is_installed("newsletters"):
        try:
            from newsletters.tokens import (
                make_confirm_token,
                make_export_token,
                make_manage_token,
            )

            Subscriber = apps.get_model("newsletters", "Subscriber")
            Issue = apps.get_model("newsletters", "Issue")
        except (ImportError, LookupError):
            pass
        else:
            subscriber = Subscriber.objects.order_by("pk").first()
            if subscriber is not None:
                samples[("newsletters", "token")] = make_manage_token(subscriber.key)
                samples[("newsletters:export", "token")] = make_export_token(subscriber.key)
                topics = [t.key for t in subscriber.topics.select_related("municipality")[:2]]
                samples[("newsletters:confirm", "token")] = make_confirm_token(subscriber, topics)
            issue = Issue.objects.order_by("pk").first()
            if issue is not None:
                samples[("newsletters", "pk")] = issue.pk
    if apps.is_installed("budget"):
        samples.update(budget_samples())
    return samples


def budget_samples() -> dict[tuple[str, str], object]:
    """The demo's edition in voting (forms, closed submission) and its finished one."""
    from budget.models import Edition, Phase, ProjectImage
    from budget.services.submission import support_token

    editions = {e.phase: e for e in Edition.objects.for_public().order_by("pk")}
    current, finished = editions.get(Phase.VOTING), editions.get(Phase.IMPLEMENTATION)
    samples: dict[tuple[str, str], object] = {}
    if current is not None:
        project = current.projects.order_by("pk").first()
        samples.update(
            {
                ("budget:edition", "pk"): current.pk,
                ("budget:project_new", "pk"): current.pk,
                ("budget:project_edit", "pk"): project.pk,
                ("budget", "pool_pk"): current.pools.order_by("pk").first().pk,
                ("budget", "token"): support_token(project),
            }
        )
    if finished is not None:
        image = ProjectImage.objects.filter(project__edition=finished).order_by("pk").first()
        samples[("budget:results", "pk")] = finished.pk
        if image is not None:
            samples[("budget:project", "pk")] = image.project_id
            samples[("budget", "image_pk")] = image.pk
    return samples


def consultation_phases() -> list[str]:
    """The phases a consultation page goes through (each renders differently)."""
    if not apps.is_installed("consultations"):
        return []
    from consultations.models import Phase

    return [phase.value for phase in Phase]


def consultation_paths_by_phase(site) -> dict[str, str]:
    """Phase -> path of the first live, public consultation in that phase (demo content)."""
    if not apps.is_installed("consultations"):
        return {}
    ConsultationPage = apps.get_model("consultations", "ConsultationPage")
    paths: dict[str, str] = {}
    for consultation in ConsultationPage.objects.live().public().order_by("path"):
        paths.setdefault(consultation.phase, consultation.relative_url(site))
    return paths
