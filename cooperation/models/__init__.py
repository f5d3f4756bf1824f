from .bodies import Body, BodyKind, BodyMember, MemberRole, Term
from .elections import CallPhase, Candidate, CandidateCall, Vote
from .meetings import Meeting, Minutes
from .proposals import TaskProposal
from .resolutions import BodyResolution

__all__ = [
    "Body",
    "BodyKind",
    "BodyMember",
    "BodyResolution",
    "CallPhase",
    "Candidate",
    "CandidateCall",
    "Meeting",
    "MemberRole",
    "Minutes",
    "TaskProposal",
    "Term",
    "Vote",
]
