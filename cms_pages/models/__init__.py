"""Page types of the one-stop window, one module per content type."""

from .calls import CallDocument, CallForProposalsPage, CallIndexPage
from .choices import (
    ActStatus,
    ActType,
    CallStatus,
    DocumentCategory,
    EventKind,
    IssuingBody,
    ProgrammeKind,
    Weekday,
)
from .events import EventIndexPage, EventPage
from .home import HomePage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageAttachment, NewsPageTag
from .programmes import DocumentLibraryPage, LibraryDocument, ProgrammeIndexPage, ProgrammePage
from .resolutions import ResolutionIndexPage, ResolutionPage
from .settings import PortalSettings
from .standard import StandardPage
from .support import ContactPerson, OpeningHours, SupportCentreIndexPage, SupportCentrePage

__all__ = [
    "ActStatus",
    "ActType",
    "CallDocument",
    "CallForProposalsPage",
    "CallIndexPage",
    "CallStatus",
    "ContactPerson",
    "DocumentCategory",
    "DocumentLibraryPage",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "HomePage",
    "IssuingBody",
    "LibraryDocument",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageAttachment",
    "NewsPageTag",
    "OpeningHours",
    "PortalSettings",
    "ProgrammeIndexPage",
    "ProgrammeKind",
    "ProgrammePage",
    "ResolutionIndexPage",
    "ResolutionPage",
    "StandardPage",
    "SupportCentreIndexPage",
    "SupportCentrePage",
    "Weekday",
]
