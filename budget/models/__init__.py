from .editions import (
    PHASE_DATES,
    Edition,
    Identity,
    Phase,
    Pool,
    PoolKind,
    TieBreak,
    VotingRule,
    signature_cap,
)
from .projects import Appeal, CostLine, Implementation, Project, ProjectImage, Status, Support
from .votes import Ballot, BallotChoice, PaperEntry

__all__ = [
    "PHASE_DATES",
    "Appeal",
    "Ballot",
    "BallotChoice",
    "CostLine",
    "Edition",
    "Identity",
    "Implementation",
    "PaperEntry",
    "Phase",
    "Pool",
    "PoolKind",
    "Project",
    "ProjectImage",
    "Status",
    "Support",
    "TieBreak",
    "VotingRule",
    "signature_cap",
]
