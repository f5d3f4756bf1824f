"""Each screen of the board for each role (GET status / POST status)."""

import pytest
from django.urls import reverse

from partnerships.models import AbuseReport

ROLES = [
    "anonymous",
    "resident",
    "ngo_user",
    "other_ngo_user",
    "editor",
    "official",
    "official_elsewhere",
    "administrator",
    "unverified_user",
]


def _client(request, client, role):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.parametrize(
    ("role", "detail", "create", "report", "fulfilled", "queue", "mine"),
    [
        ("anonymous", 200, 302, 302, 302, 404, 302),
        ("resident", 200, 200, 200, 403, 404, 200),
        ("ngo_user", 200, 200, 403, 302, 404, 200),  # the poster
        ("other_ngo_user", 200, 200, 200, 403, 404, 200),
        ("editor", 200, 200, 200, 403, 404, 200),
        ("official", 200, 200, 200, 403, 200, 200),
        ("official_elsewhere", 200, 200, 200, 403, 200, 200),
        ("administrator", 200, 200, 200, 403, 200, 200),
        ("unverified_user", 200, 200, 403, 403, 404, 200),
    ],
)
def test_screens_answer_each_role(
    request, client, post, role, detail, create, report, fulfilled, queue, mine
):
    client = _client(request, client, role)
    assert client.get(post.get_absolute_url()).status_code == detail
    assert client.get(reverse("partnerships:create")).status_code == create
    assert client.get(reverse("partnerships:report", args=[post.pk])).status_code == report
    assert client.post(reverse("partnerships:fulfilled", args=[post.pk])).status_code == fulfilled
    assert client.get(reverse("partnerships:moderation")).status_code == queue
    assert client.get(reverse("partnerships:mine")).status_code == mine


@pytest.mark.parametrize(
    ("role", "status", "decided"),
    [
        ("anonymous", 404, False),
        ("resident", 404, False),
        ("ngo_user", 404, False),
        ("other_ngo_user", 404, False),
        ("editor", 404, False),
        ("official", 302, True),
        ("official_elsewhere", 404, False),
        ("administrator", 302, True),
    ],
)
def test_only_officials_of_the_municipality_decide(
    request, client, post, resident, role, status, decided
):
    AbuseReport.objects.create(post=post, reporter=resident, reason="spam")
    client = _client(request, client, role)
    response = client.post(reverse("partnerships:decide", args=[post.pk]), {"decision": "keep"})
    assert response.status_code == status
    assert AbuseReport.objects.get().decision == ("kept" if decided else "pending")
