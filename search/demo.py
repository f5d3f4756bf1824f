"""Demo search index: index everything the other seeders built, synchronously.

Seeding runs before any background worker is started, so the index tasks queued by
publishing would otherwise wait; rebuilding here makes search work on first start.
"""

from . import services


def seed(ctx):
    report = services.rebuild()
    ctx.say(f"Search: {report.indexed} entries indexed.")
