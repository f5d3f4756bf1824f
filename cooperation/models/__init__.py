from .bodies import Body, BodyKind, BodyMember, MemberRole, Term
from .meetings import Meeting, Minutes
from .proposals import TaskProposal
from .resolutions import BodyResolution

__all__ = [
    "Body",
    "BodyKind",
    "BodyMember",
    "BodyResolution",
    "Meeting",
    "MemberRole",
    "Minutes",
    "TaskProposal",
    "Term",
]
