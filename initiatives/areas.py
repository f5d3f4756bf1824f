"""The closed list of areas a local initiative may serve (art. 19b ust. 1 of the public
benefit act), kept as codes of `accounts.models.PublicBenefitArea` (the art. 4 list)
with the point of art. 19b each one stands for.

Point 7 ("physical culture and tourism") spans two art. 4 codes, so both are offered.
The list follows the reference summary (/docs/initiatives.md says what is unconfirmed):
check it against the act's current text before a council relies on it.
"""

from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea as Area

INITIATIVE_AREAS = [
    (
        Area.COMMUNITIES,
        _(
            "1) Development of local communities, including building and repairing roads, "
            "sewers, water supply, buildings and small architecture owned by the municipality"
        ),
    ),
    (Area.CHARITY, _("1a) Charitable activity")),
    (Area.NATIONAL_TRADITION, _("2) National tradition, civic and cultural awareness")),
    (Area.MINORITIES, _("3) National and ethnic minorities and the regional language")),
    (Area.CULTURE, _("4) Culture, art and heritage")),
    (Area.VOLUNTEERING, _("5) Promotion and organisation of volunteering")),
    (Area.EDUCATION, _("6) Education and upbringing")),
    (Area.SPORT, _("7) Physical culture")),
    (Area.TOURISM, _("7) Tourism")),
    (Area.ECOLOGY, _("8) Nature protection, including trees and shrubs")),
    (Area.SAFETY, _("9) Public order and safety")),
    (Area.REVITALISATION, _("10) Revitalisation")),
]
AREA_CODES = frozenset(code for code, _label in INITIATIVE_AREAS)


def area_label(code: str) -> str:
    return str(dict(INITIATIVE_AREAS).get(code, code))
