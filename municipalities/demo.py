"""Demo: the demo staff work for the city's window."""

from accounts.models import Role

from .services import add_staff, home_municipality

STAFF_ROLES = [Role.EDITOR, Role.OFFICIAL, Role.ADMINISTRATOR]


def seed(ctx):
    city = home_municipality()
    if city is None:
        return
    users = ctx.shared.get("users", {})
    for role in STAFF_ROLES:
        if role in users:
            add_staff(user=users[role], municipality=city)
    ctx.shared["municipalities"] = {"city": city}
