from .audit import GrantEvent
from .calls import CallCriterion, CallMode, CallTerms, CriterionKind, PreviousYearAmount
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

__all__ = [
    "CallCriterion",
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
]
