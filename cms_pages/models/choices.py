"""Choice lists shared by several content types."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import PublicBenefitArea

# Subject areas of local law: the public benefit areas plus what local acts also cover.
SUBJECT_AREA_CHOICES = [
    *PublicBenefitArea.choices,
    ("ngo_cooperation", _("Cooperation with NGOs")),
    ("budget", _("Budget and finance")),
    ("spatial", _("Spatial planning and housing")),
    ("other", _("Other")),
]


class ActType(models.TextChoices):
    RESOLUTION = "resolution", _("Resolution")
    ORDER = "order", _("Order")
    ANNOUNCEMENT = "announcement", _("Announcement")


class IssuingBody(models.TextChoices):
    """Bodies of local government; municipalities.kinds.BODIES_BY_KIND says which a
    municipality of each kind has."""

    CITY_COUNCIL = "city_council", _("City Council")
    TOWN_COUNCIL = "town_council", _("Town Council (rada miejska)")
    MUNICIPAL_COUNCIL = "municipal_council", _("Municipal Council")
    PRESIDENT = "president", _("City President")
    MAYOR = "mayor", _("Mayor (burmistrz)")
    WOJT = "wojt", _("Head of the municipality (wójt)")
    COUNTY_COUNCIL = "county_council", _("County Council")
    COUNTY_BOARD = "county_board", _("County Board")
    STAROSTA = "starosta", _("Head of the county (starosta)")
    ASSEMBLY = "assembly", _("Assembly of the association")
    ASSOCIATION_BOARD = "association_board", _("Board of the association")


# Deliberative bodies number resolutions by session: "XLIV/378/2010" (session in Roman
# numerals / number / year). A county board numbers them by its meeting, in Arabic or
# Roman numerals: "125/612/2026". Executives number orders their own way ("14/2026",
# "0050.15.2026", "Or.0050.7.2026"): only the general rule applies to them.
SESSION_NUMBERED_BODIES = {
    IssuingBody.CITY_COUNCIL,
    IssuingBody.TOWN_COUNCIL,
    IssuingBody.MUNICIPAL_COUNCIL,
    IssuingBody.COUNTY_COUNCIL,
    IssuingBody.ASSEMBLY,
}
MEETING_NUMBERED_BODIES = {IssuingBody.COUNTY_BOARD, IssuingBody.ASSOCIATION_BOARD}


class ActStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    REPEALED = "repealed", _("Repealed")
    DRAFT = "draft", _("Draft")


class CallStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Open for offers")
    EVALUATION = "evaluation", _("Under evaluation")
    RESOLVED = "resolved", _("Resolved")
    CANCELLED = "cancelled", _("Cancelled")


class EventKind(models.TextChoices):
    TRAINING = "training", _("Training")
    MEETING = "meeting", _("Meeting")
    NGO_DAY = "ngo_day", _("NGO Day")
    CONFERENCE = "conference", _("Conference")
    CONSULTATION = "consultation", _("Consultation meeting")
    OTHER = "other", _("Other")


class ProgrammeKind(models.TextChoices):
    ANNUAL = "annual", _("Annual programme")
    MULTI_ANNUAL = "multi_annual", _("Multi-annual programme")


class DocumentCategory(models.TextChoices):
    FORMS = "forms", _("Forms and templates")
    LAW = "law", _("Legal acts")
    REPORTS = "reports", _("Reports")
    GUIDES = "guides", _("Guides")
    OTHER = "other", _("Other")


class Weekday(models.IntegerChoices):
    MONDAY = 1, _("Monday")
    TUESDAY = 2, _("Tuesday")
    WEDNESDAY = 3, _("Wednesday")
    THURSDAY = 4, _("Thursday")
    FRIDAY = 5, _("Friday")
    SATURDAY = 6, _("Saturday")
    SUNDAY = 7, _("Sunday")
