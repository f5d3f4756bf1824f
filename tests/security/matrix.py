"""The permission matrix: what each role gets from each route of the portal.

Codes are given for the roles in this order (tests/security/conftest.py ROLES):

    anonymous  unverified  resident  ngo  editor  official  administrator

"200" alone means the same for all seven. `post` is checked where the view accepts
POST (an empty form: refused, redirected to log in, or answered with the form's
errors); None means the route is GET only and its POST answer is not part of the
contract. Arguments come from the `world` fixture: `on` names the consultation
(open, closed, reported) a page_id, comment_id or export_id belongs to, `pk` the
object a <pk> argument names.

The Wagtail and Django admin screens (ADMIN_PREFIXES) are covered by rule in
test_admin_screens.py. django-comments-xtd's own routes (XTD_PREFIX) are left out: the
portal mounts none of them, and the change that unmounts them tests their 404s.
"""

from dataclasses import dataclass

from tests.security.conftest import ROLES

ADMIN_PREFIXES = ("admin/", "django-admin/")
XTD_PREFIX = "komentarze/"


@dataclass(frozen=True)
class Entry:
    get: str
    post: str | None = None
    on: str = "open"
    pk: str = ""
    data: dict | None = None  # the POSTed form (default: empty)
    group: str = "x"  # a value for an unnamed regex group
    token: str = "token"  # which of the world's tokens a <token> argument takes


def expand(codes: str) -> dict[str, int]:
    parts = codes.split()
    if len(parts) == 1:
        parts *= len(ROLES)
    if len(parts) != len(ROLES):
        raise ValueError(f"{codes!r}: give one code or one per role ({len(ROLES)})")
    return dict(zip(ROLES, map(int, parts), strict=True))


def values_for(world, entry: Entry) -> dict[str, object]:
    consultation = world["consultations"][entry.on]
    values = {
        "page_id": consultation.pk,
        "comment_id": consultation.comment.pk,
        "export_id": consultation.export.pk,
        "fmt": "csv",
        "reaction": "like",
        "slug": world["organisation"].slug,
        "token": world[entry.token],
        "code": "en",
        "version_id": consultation.versions.order_by("number").values_list("pk", flat=True)[0],
        "key": "nieznany-klucz",
        "uidb36": "1",
        "restriction_id": 1,
        "page_view_restriction_id": 1,
        "group": entry.group,
    }
    if entry.pk:
        values["pk"] = world[entry.pk].pk
    for key in ("pool_pk", "image_pk"):  # budget routes name these arguments
        values[key] = world[key].pk
    return values


LOGIN = "302 200 200 200 200 200 200"  # anonymous visitors are sent to log in
ANONYMOUS_ONLY = "200 302 302 302 302 302 302"  # logged-in people are sent on
OFFICIALS = "404 404 404 404 404 200 200"  # the rest must not learn it exists
VERIFIED = "302 403 302 302 302 302 302"  # log in first; an unverified e-mail may not
NO_TOTP = "302 404 404 404 404 404 404"  # log in first; nobody in the world has TOTP set up

MATRIX: dict[str, Entry] = {
    # The load balancer's health check: the same answer for everyone, no secrets in it.
    "healthz": Entry("200"),
    # Wagtail's documents and page-password forms (nothing restricted in the world).
    "documents/^(\\d+)/(.*)$": Entry("404"),
    "documents/authenticate_with_password/<int:restriction_id>/": Entry("404", post="404"),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": Entry(
        "404", post="404"
    ),
    "_util/login/": Entry("200", post="200"),
    "i18n/setlang/": Entry("302", post="302"),
    # Accounts (allauth under /konto/, the portal's own pages).
    "konto/login/": Entry(ANONYMOUS_ONLY, post=ANONYMOUS_ONLY),
    "konto/logout/": Entry(LOGIN, post="302"),
    "konto/inactive/": Entry("200"),
    "konto/signup/": Entry(ANONYMOUS_ONLY, post=ANONYMOUS_ONLY),
    "konto/reauthenticate/": Entry(LOGIN, post=LOGIN),
    "konto/email/": Entry(LOGIN, post="302"),
    "konto/confirm-email/": Entry("200"),
    "konto/password/change/": Entry(LOGIN, post=LOGIN),
    "konto/password/set/": Entry("302", post="302"),
    "konto/password/reset/": Entry("200", post="200"),
    "konto/login/code/confirm/": Entry("302", post="302"),
    "konto/^confirm-email/(?P<key>[-:\\w]+)/$": Entry("200", post="404"),
    "konto/password/reset/key/done/": Entry("200"),
    "konto/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": Entry("200"),
    "konto/password/reset/done/": Entry("200"),
    # Two-factor authentication (allauth MFA).
    "konto/2fa/": Entry(LOGIN, post="302 405 405 405 405 405 405"),
    # Only mid-log-in, with a pending second step.
    "konto/2fa/authenticate/": Entry("302", post="302"),
    "konto/2fa/reauthenticate/": Entry("302", post="302"),
    # Asks to confirm the password first.
    "konto/2fa/totp/activate/": Entry("302", post="302"),
    "konto/2fa/totp/deactivate/": Entry(NO_TOTP, post=NO_TOTP),
    "konto/2fa/recovery-codes/": Entry(NO_TOTP, post="302 405 405 405 405 405 405"),
    "konto/2fa/recovery-codes/generate/": Entry("302", post="302"),
    "konto/2fa/recovery-codes/download/": Entry(NO_TOTP, post=NO_TOTP),
    "konto/profil/": Entry(LOGIN, post="302"),
    "konto/usun/": Entry(LOGIN, post=LOGIN),
    "konto/czlonkostwo/<int:pk>/wycofaj/": Entry(
        "405", post="302 404 404 302 404 404 404", pk="membership"
    ),
    "organizacje/": Entry("200"),
    # An unverified e-mail gets the "verify your address first" page (200).
    "organizacje/zglos/": Entry(LOGIN, post=LOGIN),
    "organizacje/<slug:slug>/": Entry("200"),
    "organizacje/<slug:slug>/reprezentuj/": Entry(LOGIN, post="302 200 302 302 302 302 302"),
    # Consultations: commenting on an open one, its report once published.
    "konsultacje/<int:page_id>/komentarz/": Entry("200", post=LOGIN),
    "konsultacje/komentarze/<int:comment_id>/": Entry("200"),
    "konsultacje/komentarze/<int:comment_id>/zglos/": Entry("302", post=VERIFIED),
    "konsultacje/komentarze/<int:comment_id>/<str:reaction>/": Entry("302", post=VERIFIED),
    # A closed consultation's report is a preview for officials until it is published.
    "konsultacje/<int:page_id>/raport/": Entry(OFFICIALS, on="closed"),
    "konsultacje/<int:page_id>/raport.<str:fmt>": Entry(OFFICIALS, on="closed"),
    "konsultacje/<int:page_id>/raport/eksport/": Entry(
        "405", post="404 404 404 404 404 302 302", on="closed", data={"format": "csv"}
    ),
    "konsultacje/<int:page_id>/raport/eksport/<int:export_id>/": Entry(OFFICIALS, on="closed"),
    "konsultacje/<int:page_id>/raport/eksport/<int:export_id>/plik/": Entry(OFFICIALS, on="closed"),
    # One version only: there are no changes to show.
    "konsultacje/<int:page_id>/zmiany/": Entry("404", on="reported"),
    "konsultacje/<int:page_id>/dane.json": Entry("200", on="reported"),
    "konsultacje/<int:page_id>/dane.csv": Entry("200", on="reported"),
    "konsultacje/<int:page_id>/przepisy.csv": Entry("200", on="reported"),
    # Search.
    "szukaj/": Entry("200"),
    "szukaj/podpowiedzi/": Entry("200"),
    "api/v1/search": Entry("400"),
    # Newsletter: the token in the link is the authority, not the account.
    "newsletter/": Entry("200", post="400"),
    "newsletter/sprawdz-skrzynke/": Entry("200"),
    "newsletter/potwierdz/<str:token>/": Entry("400", post="400"),
    "newsletter/ustawienia/<str:token>/": Entry("200", post="302"),
    "newsletter/wypisz/<str:token>/": Entry("200", post="200"),
    # The data download: only by the one-hour link e-mailed from the settings page.
    "newsletter/eksport/<str:token>/": Entry("200", token="export_token"),
    "newsletter/ustawienia/<str:token>/eksport/": Entry("405", post="200"),
    # The language link (GET, no token on the page): back to where the visitor was.
    "jezyk/<str:code>/": Entry("302", post="302"),
    # The uploaded draft file; the world's drafts were pasted, so there is none to serve.
    "konsultacje/<int:page_id>/projekt/<int:version_id>/": Entry("404", post="405"),
    "newsletter/usun/<str:token>/": Entry("200", post="200"),
    "newsletter/archiwum/": Entry("200"),
    "newsletter/archiwum/<int:pk>/": Entry("200", pk="issue"),
    "newsletter/moje/": Entry(LOGIN, post="302"),
    # Feeds, calendars, sitemap, robots.txt; Wagtail's pages.
    "aktualnosci/rss/": Entry("200"),
    "aktualnosci/atom/": Entry("200"),
    "uchwaly/rss/": Entry("200"),
    "uchwaly/atom/": Entry("200"),
    "konkursy/rss/": Entry("200"),
    "konkursy/atom/": Entry("200"),
    "wydarzenia/kalendarz.ics": Entry("200"),
    "wydarzenia/<int:pk>.ics": Entry("200", pk="event"),
    "sitemap.xml": Entry("200"),
    "robots.txt": Entry("200", post="405"),
    # Participatory budget (world: an edition in voting, account identity).
    "budzet-obywatelski/": Entry("200"),
    "budzet-obywatelski/moje-projekty/": Entry(LOGIN),
    "budzet-obywatelski/edycja/<int:pk>/": Entry("200", pk="budget_edition"),
    # Submission is closed during the vote: a polite page, not the form (an empty POST
    # gets its errors first; a filled one is refused with 409, see tests/budget).
    "budzet-obywatelski/edycja/<int:pk>/zglos/": Entry(
        "302 403 200 200 200 200 200", post="302 403 200 200 200 200 200", pk="budget_edition"
    ),
    "budzet-obywatelski/edycja/<int:pk>/wyniki/": Entry("404", pk="budget_edition"),
    "budzet-obywatelski/projekt/<int:pk>/": Entry("200", pk="budget_project"),
    "budzet-obywatelski/projekt/<int:pk>/edytuj/": Entry(
        "302 403 403 403 403 403 403", post="302 403 403 403 403 403 403", pk="budget_project"
    ),
    "budzet-obywatelski/projekt/<int:pk>/odwolanie/": Entry(
        "405", post="302 403 403 403 403 403 403", pk="budget_project"
    ),
    "budzet-obywatelski/projekt/<int:pk>/zdjecie/<int:image_pk>/": Entry(
        "200", pk="budget_project"
    ),
    "budzet-obywatelski/projekt/<int:pk>/zdjecie/<int:image_pk>/usun/": Entry(
        "405", post="302 403 403 403 403 403 403", pk="budget_project"
    ),
    "budzet-obywatelski/poprzyj/<str:token>/": Entry(
        "302 403 200 200 200 200 200", post="302 403 200 200 200 200 200", token="budget_token"
    ),
    "budzet-obywatelski/glosuj/<int:pool_pk>/": Entry(
        "302 403 200 200 200 200 200", post="302 403 400 400 400 400 400"
    ),
    "budzet-obywatelski/pokwitowanie/": Entry("200"),
    "^((?:[\\w\\-]+/)*)$": Entry("200", group=""),  # the home page
}
