from .agreements import (
    Agreement,
    AgreementPayment,
    AgreementStatus,
    EstimateStatus,
    UpdatedEstimate,
)
from .audit import GrantEvent
from .calls import CallCriterion, CallMode, CallTerms, CriterionKind, PreviousYearAmount
from .evaluation import CommitteeMember, Declaration, FormalAssessment, MemberKind, Score
from .offers import (
    CostLine,
    JointShare,
    Offer,
    OfferAction,
    OfferKind,
    OfferResult,
    OfferStatus,
    OfferVersion,
)
from .reports import (
    Report,
    ReportCost,
    ReportKind,
    ReportResult,
    ReportStatus,
    ReportVersion,
)
from .small import FormalCorrection, SmallGrantPublication

__all__ = [
    "CallCriterion",
    "CommitteeMember",
    "Declaration",
    "FormalAssessment",
    "MemberKind",
    "Score",
    "CallMode",
    "CallTerms",
    "CostLine",
    "CriterionKind",
    "GrantEvent",
    "JointShare",
    "Offer",
    "OfferAction",
    "OfferKind",
    "OfferResult",
    "OfferStatus",
    "OfferVersion",
    "PreviousYearAmount",
    # agreements and reports
    "Agreement",
    "AgreementPayment",
    "AgreementStatus",
    "EstimateStatus",
    "Report",
    "ReportCost",
    "ReportKind",
    "ReportResult",
    "ReportStatus",
    "ReportVersion",
    "UpdatedEstimate",
    "FormalCorrection",
    "SmallGrantPublication",
]
