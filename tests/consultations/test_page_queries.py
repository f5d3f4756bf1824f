"""The consultation page and every comment listing use a number of SQL queries that does
not grow with the number of clauses or comments (the peer's page needs 186)."""

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.factories import MembershipFactory, UserFactory
from accounts.models import Role
from consultations import services
from consultations.factories import ClauseFactory, CommentFactory
from consultations.models import Channel, ClauseLevel, CommentResponse, ResponseStatus

from .conftest import make_consultation, version_of

# The whole page (Wagtail routing, site settings, menus, the act with every comment).
PAGE_QUERY_LIMIT = 25


def populate(page, *, clauses, comments, official):
    """Nested clauses; comments by different people, organisations, replies, offline
    entries, hidden comments, reactions and flags, spread over the clauses."""
    version = version_of(page)
    parents = list(version.clauses.order_by("position"))
    made = list(parents)
    position = len(parents)
    for i in range(clauses):
        position += 1
        made.append(
            ClauseFactory(
                version=version,
                position=position,
                parent=parents[i % len(parents)],
                level=ClauseLevel.USTEP,
                label=f"ust. {i + 1}",
                citation=f"{parents[i % len(parents)].label} ust. {i + 1}",
                anchor=f"{parents[i % len(parents)].anchor}-ust-{i + 1}",
            )
        )
    people = [UserFactory(roles=[Role.RESIDENT]) for _ in range(3)]
    membership = MembershipFactory()
    stored = []
    for i in range(comments):
        clause = made[i % len(made)] if i % 7 else None
        kwargs = {"clause": clause} if clause else {"clause": None, "version": version}
        if i % 5 == 1 and stored:
            parent = stored[-1]
            kwargs = {"parent": parent, "clause": parent.clause, "consultation": page}
        if i % 4 == 2:
            kwargs.update(user=membership.user, organisation=membership.organisation)
        else:
            kwargs["user"] = people[i % len(people)]
        comment = CommentFactory(**kwargs)
        stored.append(comment)
        if i % 6 == 3:
            services.hide_comment(comment=comment, reason="Regulamin", by=official)
        if i % 3 == 0:
            services.react(comment=comment, user=people[0], like=True)
        if i % 9 == 4:
            services.flag_comment(comment=comment, user=people[1])
        if i % 8 == 5:
            CommentResponse.objects.create(
                comment=comment, status=ResponseStatus.REJECTED, text="Nie", responded_by=official
            )
    for i in range(max(1, comments // 10)):
        CommentFactory(  # as services.enter_offline_comment stores it (in any phase)
            clause=made[i % len(made)],
            user=None,
            comment=f"Uwaga z pisma {i}",
            channel=Channel.PAPER,
            submitter_name=f"Mieszkanka {i}",
            entered_by=official,
        )
    return stored


def count_queries(client, url):
    cache.clear()
    caches["pages"].clear()  # the act fragment and the whole page are rebuilt
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls_of(page, comment):
    return {
        "consultation page": page.url,
        "comment form (clause)": f"/konsultacje/{page.pk}/komentarz/"
        f"?clause={version_of(page).clauses.first().pk}",
        "reply form": f"/konsultacje/{page.pk}/komentarz/?reply_to={comment.pk}",
        "comment page": f"/konsultacje/komentarze/{comment.pk}/",
        "consultations index": page.get_parent().url,
    }


ADMIN_URLS = {
    "moderation": "/admin/consultations/{pk}/moderation/",
    "flagged": "/admin/consultations/{pk}/moderation/?show=flagged",
    "offline form": "/admin/consultations/{pk}/offline/",
    "draft versions": "/admin/consultations/{pk}/draft/",
    "consultation list": "/admin/consultations/",
}


# Wagtail's routing: the site, each page on the path (with its specific row), alias and
# view-restriction checks. Nothing under the act.
CACHED_PAGE_QUERY_LIMIT = 8


def measure(client, consultation_index, official, size, who, phase):
    page = make_consultation(consultation_index, phase, clauses=3 + size)
    comments = populate(page, clauses=size, comments=3 + 12 * size, official=official)
    if who is not None:
        client.force_login(who)
    client.get(page.url)  # one-off work (the site's settings row is created on first use)
    counts = {name: count_queries(client, url) for name, url in urls_of(page, comments[0]).items()}
    if who == official:
        for name, url in ADMIN_URLS.items():
            counts[name] = count_queries(client, url.format(pk=page.pk))
        version = version_of(page)
        counts["version review"] = count_queries(
            client, f"/admin/consultations/version/{version.pk}/"
        )
    client.logout()
    return counts


@pytest.mark.parametrize("phase", ["open", "reported"])
@pytest.mark.parametrize("who", ["anonymous", "resident", "ngo_user", "official"])
def test_query_count_does_not_grow_with_clauses_or_comments(
    request, client, consultation_index, official, who, phase
):
    user = None if who == "anonymous" else request.getfixturevalue(who)
    small = measure(client, consultation_index, official, 1, user, phase)
    large = measure(client, consultation_index, official, 12, user, phase)
    assert large == small
    assert small["consultation page"] <= PAGE_QUERY_LIMIT, small


def test_cached_page_for_anonymous_visitors_costs_only_the_routing(
    client, consultation_index, official
):
    """Wagtail finds the page (its row carries what the cache key needs); nothing under
    the act is read again."""
    page = make_consultation(consultation_index, "open", clauses=20)
    populate(page, clauses=20, comments=200, official=official)
    client.get(page.url)  # creates the site's settings rows (a change: a new generation)
    client.get(page.url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    sqls = [q["sql"] for q in queries]
    under_the_act = ("consultationcomment", "consultations_clause", "draftactversion")
    assert not [s for s in sqls if any(table in s for table in under_the_act)], sqls
    assert len(sqls) <= CACHED_PAGE_QUERY_LIMIT, sqls
