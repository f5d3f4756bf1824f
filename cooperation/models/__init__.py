from .bodies import Body, BodyKind, BodyMember, MemberRole, Term
from .meetings import Meeting, Minutes
from .resolutions import BodyResolution

__all__ = [
    "Body",
    "BodyKind",
    "BodyMember",
    "BodyResolution",
    "Meeting",
    "MemberRole",
    "Minutes",
    "Term",
]
