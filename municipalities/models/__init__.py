from .accessibility import AccessibilityStatementPage, ComplianceStatus
from .municipality import Municipality
from .regional import RegionalHomePage

__all__ = ["AccessibilityStatementPage", "ComplianceStatus", "Municipality", "RegionalHomePage"]
