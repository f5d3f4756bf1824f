"""Deterministic demo content, built through the apps' factories.

Each app that has demo content provides `<app>/demo.py` with
`seed(ctx: DemoContext) -> None`; they run in DEMO_SEEDERS order inside one
transaction, so a failed run leaves nothing half-built and a re-run starts clean.
"""

import importlib
import random
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

# An app name means its `<app>.demo`; a dotted name is the seeding module itself.
DEMO_SEEDERS = [
    "accounts",
    "municipalities",
    "cms_pages",
    "consultations",
    "grants",
    "municipalities.region_demo",
    "organisations",
    "cooperation",
    "newsletters",
    "partnerships",
    "signups",
    "initiatives",
    "budget",
    "search",
]


@dataclass
class DemoContext:
    rng: random.Random
    now: object = field(default_factory=timezone.now)
    # Seeders share what later ones need (e.g. the home page, demo users).
    shared: dict = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def say(self, line: str) -> None:
        self.log.append(line)


def seed_all(seed: int) -> DemoContext:
    ctx = DemoContext(rng=random.Random(seed))  # noqa: S311 - demo data, not security
    with transaction.atomic():
        for app in DEMO_SEEDERS:
            name = app if "." in app else f"{app}.demo"
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                continue
            module.seed(ctx)
    return ctx
