"""``manage.py seed_bench --clauses 100 --comments 2000``: a large open consultation.

Builds a published, open consultation with the given number of clauses and threaded
comments from many users, fast (bulk inserts; comments are written table by table
because Django cannot bulk-create multi-table-inherited models), and prints one JSON
line: {"url", "page_id", "clauses", "comments", "users"}. With ``--sessions FILE`` it
also creates logged-in, verified posting users and writes one line per user:
``<sessionid> <csrftoken> <clause ids separated by commas>`` for the posting benchmark.
"""

import datetime
import functools
import json
import random
import secrets
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone
from django_comments.models import Comment
from django_comments_xtd.models import XtdComment

from accounts.models import User
from consultations.comments.bleaching import render_user_text
from consultations.drafts.clauses import build_clauses
from consultations.drafts.parsing import Unit
from consultations.factories import ConsultationIndexPageFactory, ConsultationPageFactory
from consultations.models import (
    Clause,
    ConsultationComment,
    ConsultationIndexPage,
    DraftActVersion,
)

OPENINGS = [
    "Proponuję doprecyzować ten przepis.",
    "Wnoszę o zmianę brzmienia tego przepisu.",
    "Popieram ten zapis, ale wymaga uzupełnienia.",
    "Przepis jest niejasny dla organizacji pozarządowych.",
    "Zwracam uwagę na brak terminu realizacji.",
    "Warto dodać konsultacje z Radą Działalności Pożytku Publicznego.",
    "Kwota przewidziana na to zadanie jest zbyt niska.",
    "Należy uwzględnić potrzeby osób z niepełnosprawnościami.",
]
MIDDLES = [
    "W ubiegłym roku nasze stowarzyszenie miało z tym kłopot przy rozliczeniu dotacji.",
    "Mieszkańcy osiedla Nad Stawem zgłaszali to wielokrotnie.",
    "Podobne rozwiązanie działa dobrze w sąsiednich gminach.",
    "Obecne brzmienie pozwala na dowolną interpretację.",
    "Więcej informacji: https://zielonogrod.example.org/konsultacje",
    "Prosimy o odpowiedź na piśmie.",
]
CLOSINGS = [
    "",
    "Z poważaniem.",
    "Dziękuję za możliwość zgłoszenia uwag.",
    "Liczę na uwzględnienie.",
]


def act_units(n: int) -> list[Unit]:
    """n units: § k with two ust., the second with two pkt (five units per §)."""
    units: list[Unit] = []
    k = 0
    while len(units) < n:
        k += 1
        par = f"§ {k}"
        units.append(Unit(par, "paragraf", (), "", str(k)))
        for u in (1, 2):
            if len(units) >= n:
                break
            ust = f"ust. {u}"
            text = (
                f"Zadanie publiczne nr {k}.{u} realizuje się we współpracy z organizacjami."
                if u == 1
                else "Współpraca obejmuje w szczególności:"
            )
            units.append(Unit(ust, "ustep", (par,), text, str(u)))
            if u == 2:
                for p in (1, 2):
                    if len(units) >= n:
                        break
                    words = "konsultowanie projektów" if p == 1 else "zlecanie zadań"
                    units.append(Unit(f"pkt {p}", "punkt", (par, ust), f"{words};", str(p)))
    return units[:n]


def _insert_local(model, objects) -> None:
    """INSERT the model's own (local) columns for already-built objects."""
    fields = list(model._meta.local_concrete_fields)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields] for obj in objects
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 1000):
            cursor.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows[start : start + 1000],
            )


class Command(BaseCommand):
    help = "Build a large, open, published consultation for the benchmark."

    def add_arguments(self, parser):
        parser.add_argument("--clauses", type=int, default=100)
        parser.add_argument("--comments", type=int, default=2000)
        parser.add_argument("--users", type=int, default=0, help="default: comments / 8")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--sessions", default="", help="write posting sessions here")
        parser.add_argument("--posters", type=int, default=200)

    def handle(self, *args, clauses, comments, users, seed, sessions, posters, **options):
        rng = random.Random(seed)  # noqa: S311 - benchmark data
        now = timezone.now()
        with transaction.atomic():
            page, version = self._consultation(clauses, now)
            authors = self._users(users or max(comments // 8, 10), prefix=f"b{page.pk}-")
            self._comments(page, version, authors, comments, rng, now)
            if sessions:
                self._sessions(page, version, posters, sessions)
        line = {
            "url": f"{settings.BASE_URL}{page.url}",
            "path": page.url,
            "page_id": page.pk,
            "clauses": version.clauses.count(),
            "comments": ConsultationComment.objects.filter(consultation=page).count(),
            "users": len(authors),
        }
        self.stdout.write(json.dumps(line))

    def _consultation(self, n_clauses, now):
        index = ConsultationIndexPage.objects.first() or ConsultationIndexPageFactory()
        page = ConsultationPageFactory(
            parent=index,
            title=f"Konsultacje – test wydajności ({n_clauses} przepisów)",
            start_at=now - datetime.timedelta(days=1),
            end_at=now + datetime.timedelta(days=30),
        )
        version = DraftActVersion.objects.create(
            consultation=page,
            number=1,
            title="Uchwała w sprawie programu współpracy (dane testowe)",
            is_published=True,
            published_at=now,
        )
        build_clauses(version, act_units(n_clauses))
        return page, version

    def _users(self, n, prefix):
        from allauth.account.models import EmailAddress

        password = make_password("bench-password")
        first = ["Anna", "Jan", "Maria", "Piotr", "Zofia", "Tomasz", "Ewa", "Michał"]
        last = ["Kowalczyk", "Wiśniewska", "Zielińska", "Nowicki", "Lis", "Dąbrowski"]
        User.objects.bulk_create(
            [
                User(
                    username=f"{prefix}{i}",
                    email=f"{prefix}{i}@example.org",
                    first_name=first[i % len(first)],
                    last_name=last[i % len(last)],
                    password=password,
                )
                for i in range(n)
            ],
            batch_size=1000,
        )
        created = list(User.objects.filter(username__startswith=prefix).order_by("pk"))
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in created],
            batch_size=1000,
        )
        return created

    def _comments(self, page, version, authors, n, rng, now):
        clause_list = list(Clause.objects.filter(version=version).order_by("position"))
        plan = self._plan(n, clause_list, rng)
        base = self._base_comments(plan, version, authors, rng, now)
        created = Comment.objects.bulk_create(base, batch_size=1000)
        if any(c.pk is None for c in created):
            raise RuntimeError("The database backend does not return ids from bulk inserts.")
        xtd_rows, own_rows = self._thread_rows(page, plan, base, created)
        _insert_local(XtdComment, xtd_rows)
        _insert_local(ConsultationComment, own_rows)

    @staticmethod
    def _plan(n, clause_list, rng):
        """The forest of comments: (parent index or None, clause or None, level) each."""
        plan = []
        for i in range(n):
            replyable = [j for j in range(max(0, i - 50), i) if plan[j][2] < 2]
            if replyable and rng.random() < 0.3:
                j = rng.choice(replyable)
                plan.append((j, plan[j][1], plan[j][2] + 1))
            else:
                clause = None if rng.random() < 0.05 else rng.choice(clause_list)
                plan.append((None, clause, 0))
        return plan

    @staticmethod
    def _base_comments(plan, version, authors, rng, now):
        """django-comments' rows (the first table of the three) for the plan."""
        ct_clause = ContentType.objects.get_for_model(Clause)
        ct_version = ContentType.objects.get_for_model(DraftActVersion)
        n, base = len(plan), []
        for i, (_parent, clause, _level) in enumerate(plan):
            user = rng.choice(authors)
            text = " ".join(
                x for x in (rng.choice(OPENINGS), rng.choice(MIDDLES), rng.choice(CLOSINGS)) if x
            )
            target_ct, target_pk = (ct_clause, clause.pk) if clause else (ct_version, version.pk)
            base.append(
                Comment(
                    content_type=target_ct,
                    object_pk=str(target_pk),
                    site_id=settings.SITE_ID,
                    user=user,
                    user_name=user.public_name[:50],
                    user_email=user.email,
                    comment=text,
                    submit_date=now - datetime.timedelta(minutes=n - i),
                    is_public=True,
                    is_removed=False,
                )
            )
        return base

    def _thread_rows(self, page, plan, base, created):
        """Thread data as xtd computes it (depth-first order within each thread) and the
        consultation's own columns: (XtdComment rows, ConsultationComment rows)."""
        children: dict[int, list[int]] = {}
        for i, (parent, _clause, _level) in enumerate(plan):
            if parent is not None:
                children.setdefault(parent, []).append(i)
        html = functools.cache(render_user_text)
        xtd_rows, own_rows = [], []
        for i, (parent, _clause, _level) in enumerate(plan):
            if parent is not None:
                continue
            order = 0
            stack = [(i, 0, i)]
            while stack:
                node, level, parent_node = stack.pop()
                order += 1
                xtd_rows.append(
                    XtdComment(
                        comment_ptr_id=created[node].pk,
                        thread_id=created[i].pk,
                        parent_id=created[parent_node].pk,
                        level=level,
                        order=order,
                        followup=False,
                        nested_count=self._count_descendants(node, children),
                    )
                )
                clause = plan[node][1]
                own_rows.append(
                    ConsultationComment(
                        xtdcomment_ptr_id=created[node].pk,
                        consultation_id=page.pk,
                        clause_id=clause.pk if clause else None,
                        body_html=html(base[node].comment),
                        channel="portal",
                    )
                )
                for child in reversed(children.get(node, [])):
                    stack.append((child, level + 1, node))
        return xtd_rows, own_rows

    @staticmethod
    def _count_descendants(node, children):
        total, stack = 0, list(children.get(node, []))
        while stack:
            total += 1
            stack.extend(children.get(stack.pop(), []))
        return total

    def _sessions(self, page, version, n, path):
        posters = self._users(n, prefix=f"p{page.pk}-")
        clause_ids = list(version.clauses.values_list("pk", flat=True))
        with open(path, "w", encoding="utf-8") as out:
            for user in posters:
                store = import_module(settings.SESSION_ENGINE).SessionStore()
                store[SESSION_KEY] = str(user.pk)
                store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
                store[HASH_SESSION_KEY] = user.get_session_auth_hash()
                store.create()
                token = secrets.token_hex(16)  # 32 characters: an unmasked CSRF secret
                out.write(f"{store.session_key} {token} {','.join(map(str, clause_ids))}\n")
