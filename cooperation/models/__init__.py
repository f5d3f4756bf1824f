from .bodies import Body, BodyKind, BodyMember, MemberRole, Term

__all__ = ["Body", "BodyKind", "BodyMember", "MemberRole", "Term"]
