"""Local development: SQLite, console e-mail, debug on."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
# The demo's staff accounts log in without an authenticator app unless asked for.
STAFF_MFA_REQUIRED = env.bool("STAFF_MFA_REQUIRED", default=False)
