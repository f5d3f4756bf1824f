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
    slug: str = ""  # the world's object whose slug a <slug> argument takes (default: organisation)
    fmt: str = "csv"


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
        "fmt": entry.fmt,
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
        "municipality": world["body"].municipality.slug,
    }
    if entry.pk:
        values["pk"] = world[entry.pk].pk
    if entry.slug:
        values["slug"] = world[entry.slug].slug
    for key in ("pool_pk", "image_pk"):  # budget routes name these arguments
        values[key] = world[key].pk
    return values


LOGIN = "302 200 200 200 200 200 200"  # anonymous visitors are sent to log in
ANONYMOUS_ONLY = "200 302 302 302 302 302 302"  # logged-in people are sent on
OFFICIALS = "404 404 404 404 404 200 200"  # the rest must not learn it exists
VERIFIED = "302 403 302 302 302 302 302"  # log in first; an unverified e-mail may not
NO_TOTP = "302 404 404 404 404 404 404"  # log in first; nobody in the world has TOTP set up
REPRESENTATIVES = "302 404 404 200 404 404 404"  # an organisation's approved representatives
CALL_OFFICIALS = "302 404 404 404 404 200 200"  # officials of the call's municipality

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
    # Only the organisation's representatives edit its profile; the rest learn nothing.
    "organizacje/<slug:slug>/profil/": Entry(
        "302 404 404 200 404 404 404", post="302 404 404 302 404 404 404"
    ),
    # News and events an organisation proposes for a window: its representatives only
    # (an empty POST gets the form's errors); everyone logged in has "My proposals".
    "organizacje/<slug:slug>/propozycje/aktualnosc/": Entry(
        "302 404 404 200 404 404 404", post="302 404 404 200 404 404 404"
    ),
    "organizacje/<slug:slug>/propozycje/wydarzenie/": Entry(
        "302 404 404 200 404 404 404", post="302 404 404 200 404 404 404"
    ),
    "konto/propozycje/": Entry(LOGIN),
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
    # Partnership board: the world's post is the NGO representative's (the author).
    "partnerstwa/": Entry("200"),
    "partnerstwa/nowe/": Entry(LOGIN, post=LOGIN),
    "partnerstwa/moje/": Entry(LOGIN),
    "partnerstwa/moderacja/": Entry(OFFICIALS),
    "partnerstwa/moderacja/<int:pk>/": Entry(
        "405", post="404 404 404 404 404 302 302", pk="partnership_post"
    ),
    "partnerstwa/<int:pk>/": Entry("200", pk="partnership_post"),
    "partnerstwa/<int:pk>/odpowiedz/": Entry(
        "405", post="302 403 400 403 400 400 400", pk="partnership_post"
    ),
    "partnerstwa/<int:pk>/zrealizowane/": Entry(
        "405", post="302 403 403 302 403 403 403", pk="partnership_post"
    ),
    "partnerstwa/<int:pk>/zglos/": Entry(
        "302 403 200 403 200 200 200", post="302 403 200 403 200 200 200", pk="partnership_post"
    ),
    # Event sign-up (the world's event is organised by the NGO's organisation) and advice.
    "zapisy/wydarzenie/<int:pk>/": Entry("200", post="302", pk="event"),
    "zapisy/wydarzenie/<int:pk>/uczestnicy/": Entry(
        "404 404 404 200 404 200 200", post="404 404 404 302 404 302 302", pk="event"
    ),
    "zapisy/wydarzenie/<int:pk>/uczestnicy.<str:fmt>": Entry(
        "404 404 404 200 404 200 200", pk="event"
    ),
    # The signed link is the authority, not the account.
    "zapisy/potwierdz/<str:token>/": Entry("200", post="200", token="confirm_token"),
    "zapisy/anuluj/<str:token>/": Entry("200", post="200", token="cancel_token"),
    "zapisy/porady/kalendarz/": Entry(OFFICIALS),
    "zapisy/porady/moje/": Entry(LOGIN),
    "zapisy/porady/rezerwacje/<int:pk>/": Entry(
        "405", post="404 404 404 404 404 302 302", pk="booking"
    ),
    "zapisy/porady/<int:pk>/": Entry(LOGIN, post="302 200 400 400 400 400 400", pk="centre"),
    # Grants: the NGO's offers (its representatives only), the officials' call screens
    # (officials of the call's municipality only; the rest must not learn they exist).
    "dotacje/": Entry(LOGIN),
    "dotacje/male-granty/nowa/": Entry(REPRESENTATIVES, post=REPRESENTATIVES),
    "dotacje/nabory/<int:pk>/oferta/": Entry(
        REPRESENTATIVES, post="302 404 404 302 404 404 404", pk="grant_call"
    ),
    "dotacje/nabory/<int:pk>/warunki/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 400 400", pk="grant_call"
    ),
    "dotacje/nabory/<int:pk>/publikuj/": Entry(
        "405", post="302 404 404 404 404 302 302", pk="grant_call"
    ),
    "dotacje/nabory/<int:pk>/uniewaznij/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 400 400", pk="grant_call"
    ),
    "dotacje/nabory/<int:pk>/oferty/": Entry(CALL_OFFICIALS, pk="grant_call"),
    "dotacje/nabory/<int:pk>/komisja/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 400 400", pk="grant_call"
    ),
    # Committee members only; nobody in the world sits on the committee.
    "dotacje/nabory/<int:pk>/ocena/": Entry("302 404 404 404 404 404 404", pk="grant_call"),
    # The call still takes offers: publishing its results is refused (back to the list).
    "dotacje/nabory/<int:pk>/wyniki/opublikuj/": Entry(
        "405", post="302 404 404 404 404 302 302", pk="grant_call"
    ),
    # Results as data once published; the world's call has none yet.
    "dotacje/nabory/<int:pk>/wyniki.json": Entry("404", pk="grant_call"),
    "dotacje/nabory/<int:pk>/wyniki.csv": Entry("404", pk="grant_call"),
    "dotacje/nabory/<int:pk>/wyniki/atom/": Entry("404", pk="grant_call"),
    "dotacje/oferty/<int:pk>/ocena-formalna/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 302 302", pk="grant_offer"
    ),
    "dotacje/oferty/<int:pk>/decyzja/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 400 400", pk="grant_offer"
    ),
    "dotacje/oferty/<int:pk>/ocena/": Entry(
        "302 404 404 404 404 404 404", post="302 404 404 404 404 404 404", pk="grant_offer"
    ),
    # A submitted offer: its organisation and the officials read it; nobody changes it.
    "dotacje/oferty/<int:pk>/": Entry(
        "302 404 404 200 404 200 200", post="302 404 404 302 404 302 302", pk="grant_offer"
    ),
    "dotacje/oferty/<int:pk>/korekta/": Entry(
        "405", post="302 404 404 302 404 404 404", pk="grant_offer"
    ),
    # Agreements and reports: the organisation's representatives and the officials of the
    # municipality; the world's agreement is signed and its final report submitted, so
    # neither side changes them (a POST is sent back); decisions are the office's.
    "dotacje/umowy/": Entry(LOGIN),
    "dotacje/oferty/<int:pk>/umowa/": Entry(
        "405", post="302 404 404 404 404 302 302", pk="grant_offer"
    ),
    "dotacje/umowy/<int:pk>/": Entry(
        "302 404 404 200 404 200 200", post="302 404 404 302 404 302 302", pk="grant_agreement"
    ),
    "dotacje/umowy/<int:pk>/umowa.<str:fmt>": Entry(
        "302 404 404 200 404 200 200", pk="grant_agreement", fmt="pdf"
    ),
    # The updated estimate is submitted: the office decides (an empty decision: 400).
    "dotacje/umowy/<int:pk>/kosztorys/": Entry(
        "302 404 404 200 404 200 200",
        post="302 404 404 302 404 302 302",
        pk="grant_estimate_agreement",
    ),
    "dotacje/umowy/<int:pk>/kosztorys/decyzja/": Entry(
        "405", post="302 404 404 404 404 400 400", pk="grant_estimate_agreement"
    ),
    "dotacje/sprawozdania/<int:pk>/": Entry(
        "302 404 404 200 404 200 200", post="302 404 404 302 404 302 302", pk="grant_report"
    ),
    "dotacje/sprawozdania/<int:pk>/decyzja/": Entry(
        "405", post="302 404 404 404 404 400 400", pk="grant_report"
    ),
    "dotacje/sprawozdania/<int:pk>/sprawozdanie.pdf": Entry(
        "302 404 404 200 404 200 200", pk="grant_report"
    ),
    # fmt is "csv" in the world: no such download for anyone who may see the offer.
    "dotacje/oferty/<int:pk>/oferta.<str:fmt>": Entry(
        "302 404 404 404 404 404 404", pk="grant_offer"
    ),
    # Small grants (art. 19a): the officials of the offer's municipality; the world's
    # offer is in its comment week (published again: refused; decided: not yet).
    "dotacje/male-granty/": Entry(CALL_OFFICIALS),
    "dotacje/male-granty/<int:pk>/publikacja/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 302 302", pk="small_offer"
    ),
    "dotacje/male-granty/<int:pk>/decyzja/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 400 400", pk="small_offer"
    ),
    # The world's offer passed no formal check: the officials are told why not (GET) and
    # sent back (POST).
    "dotacje/oferty/<int:pk>/wezwanie-do-korekty/": Entry(
        CALL_OFFICIALS, post="302 404 404 404 404 302 302", pk="grant_offer"
    ),
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
    # Local initiative: public pages of accepted initiatives; the applicants' own
    # screens; officials of the municipality (the world's official works for it).
    "inicjatywa-lokalna/": Entry("200"),
    "inicjatywa-lokalna/moje/": Entry(LOGIN),
    "inicjatywa-lokalna/<slug:slug>/": Entry("200", slug="municipality"),
    "inicjatywa-lokalna/<slug:slug>/<int:pk>/": Entry("200", pk="initiative", slug="municipality"),
    "inicjatywa-lokalna/<slug:slug>/nowy-wniosek/": Entry(
        "302 403 200 200 200 200 200", post="302 403 400 400 400 400 400", slug="municipality"
    ),
    "inicjatywa-lokalna/urzad/<slug:slug>/": Entry(
        "302 404 404 404 404 200 200", slug="municipality"
    ),
    "inicjatywa-lokalna/urzad/<slug:slug>/ustawienia/": Entry(
        "302 404 404 404 404 200 200", post="302 404 404 404 404 400 400", slug="municipality"
    ),
    "inicjatywa-lokalna/zdjecia/<int:photo_id>/": Entry("404"),
    "inicjatywa-lokalna/wnioski/<int:pk>/": Entry("302 404 404 404 404 200 200", pk="initiative"),
    "inicjatywa-lokalna/wnioski/<int:pk>/edycja/": Entry(
        "302 404 404 404 404 403 403", post="302 404 404 404 404 403 403", pk="initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/zalaczniki/": Entry(
        "302 405 405 405 405 405 405", post="302 404 404 404 404 404 404", pk="initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/zalaczniki/<int:attachment_id>/": Entry(
        "302 404 404 404 404 404 404", pk="initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/rezultaty/": Entry(
        "302 404 404 404 404 403 403", post="302 404 404 404 404 403 403", pk="initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/ocena/": Entry(
        "302 404 404 404 404 200 200", post="302 404 404 404 404 400 400", pk="submitted_initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/umowa/": Entry(
        "302 404 404 404 404 200 200", post="302 404 404 404 404 400 400", pk="initiative"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/umowa.<str:fmt>": Entry(
        "404 404 404 404 404 200 200", pk="initiative", fmt="pdf"
    ),
    "inicjatywa-lokalna/wnioski/<int:pk>/rezultaty/przyjmij/": Entry(
        "302 405 405 405 405 405 405", post="302 404 404 404 404 302 302", pk="initiative"
    ),
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
    # Open data of the results: public once published (the world's edition is voting).
    "budzet-obywatelski/edycja/<int:pk>/wyniki.csv": Entry("404", pk="budget_edition"),
    "budzet-obywatelski/edycja/<int:pk>/wyniki.json": Entry("404", pk="budget_edition"),
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
    # Working groups and the council: public pages; the world's body is the home
    # municipality's working group, the NGO user's organisation has no seat in it.
    "wspolpraca/": Entry("200"),
    "wspolpraca/<slug:municipality>/": Entry("200"),
    "wspolpraca/<slug:municipality>/<slug:slug>/": Entry("200", slug="body"),
    "wspolpraca/posiedzenia/<int:pk>/": Entry("200", pk="meeting"),
    "wspolpraca/posiedzenia/<int:pk>.ics": Entry("200", pk="meeting"),
    # The minutes: the body's secretary (nobody here) and the municipality's officials.
    "wspolpraca/posiedzenia/<int:pk>/protokol/": Entry(
        "302 403 403 403 403 200 200", post="302 403 403 403 403 200 200", pk="meeting"
    ),
    "wspolpraca/uchwaly/<int:pk>/": Entry("200", pk="body_resolution"),
    "wspolpraca/wnioski/<int:pk>/": Entry("200", pk="proposal"),
    # Members of the group only.
    "wspolpraca/<slug:municipality>/<slug:slug>/wnioski/nowy/": Entry(
        "302 403 403 403 403 403 403", post="302 403 403 403 403 403 403", slug="body"
    ),
    # The world's call takes nominations: representatives of an organisation that works
    # in the council's municipality nominate.
    "wspolpraca/nabory/<int:pk>/": Entry("200", pk="candidate_call"),
    "wspolpraca/nabory/<int:pk>/zglos/": Entry(
        "302 403 403 200 403 403 403", post="302 403 403 200 403 403 403", pk="candidate_call"
    ),
    # Voting has not opened: everyone is sent back to the call's page.
    "wspolpraca/nabory/<int:pk>/glosuj/": Entry("302", post="302", pk="candidate_call"),
    # Officials publish results (here refused politely: voting has not closed).
    "wspolpraca/nabory/<int:pk>/wyniki/": Entry(
        "405", post="302 403 403 403 403 302 302", pk="candidate_call"
    ),
}
