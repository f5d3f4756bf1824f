"""Priorities of background tasks (django-tasks; the database worker takes the highest first).

Without them the worker runs tasks in the order they were queued, so a sign-up
confirmation queued after a re-index of the whole site or a newsletter to every
subscriber waits for all of it. Mail a person is waiting for goes first.
"""

# Confirmation links, membership decisions and other mail someone is waiting for.
USER_MAIL = 50
# Everything not named here (search indexing, report exports) runs at django-tasks'
# default priority, 0.
# Mass mailings: a newsletter issue or alert to every subscriber.
BULK_MAIL = -20
