from .advice import AdviceBooking, CentreAdvisor
from .events import Registration, RegistrationSettings

__all__ = ["AdviceBooking", "CentreAdvisor", "Registration", "RegistrationSettings"]
