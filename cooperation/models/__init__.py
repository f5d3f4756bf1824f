from .bodies import Body, BodyKind, BodyMember, MemberRole, Term
from .meetings import Meeting, Minutes

__all__ = ["Body", "BodyKind", "BodyMember", "Meeting", "MemberRole", "Minutes", "Term"]
