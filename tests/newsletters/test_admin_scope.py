"""The topic admin and the issue editor per role and municipality: staff of gmina A see
and change A's topics and issues only; B's (and the regional ones, unless they are the
regional operator's staff or superusers) answer "not found", GET and POST, and stay
unchanged. Outsiders never get in."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.models import Role
from municipalities.factories import staff_user
from newsletters.factories import IssueFactory
from newsletters.models import Issue, Topic

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "resident",
    "ngo",
    "editor_a",
    "official_a",
    "administrator_a",
    "editor_b",
    "official_b",
    "operator",
    "superuser",
]
# Who may work on an object of A, of B and a regional one.
ALLOWED = {
    "a": {"editor_a", "official_a", "administrator_a", "operator", "superuser"},
    "b": {"editor_b", "official_b", "operator", "superuser"},
    "region": {"operator", "superuser"},
}
REFUSED = (302, 403, 404)


@pytest.fixture
def people(gmina_a, gmina_b, operator):
    return {
        "anonymous": None,
        "resident": UserFactory(username="mieszkaniec", roles=[Role.RESIDENT]),
        "ngo": UserFactory(username="stowarzyszenie", roles=[Role.NGO_REPRESENTATIVE]),
        "editor_a": staff_user(gmina_a, username="redaktor-a", roles=[Role.EDITOR]),
        "official_a": staff_user(gmina_a, username="urzednik-a", roles=[Role.OFFICIAL]),
        "administrator_a": staff_user(gmina_a, username="admin-a", roles=[Role.ADMINISTRATOR]),
        "editor_b": staff_user(gmina_b, username="redaktor-b", roles=[Role.EDITOR]),
        "official_b": staff_user(gmina_b, username="urzednik-b", roles=[Role.OFFICIAL]),
        "operator": staff_user(operator, username="operator", roles=[Role.ADMINISTRATOR]),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
    }


@pytest.fixture
def topics(gmina_a, gmina_b):
    return {
        "a": Topic.objects.get(municipality=gmina_a, slug="calls"),
        "b": Topic.objects.get(municipality=gmina_b, slug="calls"),
        "region": Topic.objects.get(municipality=None, slug="calls"),
    }


@pytest.fixture
def issues(topics, gmina_a, gmina_b):
    return {
        "a": IssueFactory(subject="Wieści z Alfy", topics=[topics["a"]]),
        "b": IssueFactory(subject="Wieści z Bety", topics=[topics["b"]]),
        "region": IssueFactory(subject="Wieści z regionu", topics=[topics["region"]]),
    }


def shown(text: str, **params) -> str:
    """A message as the portal shows it (in its language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(text) % params


def login(client, people, role):
    if people[role] is not None:
        client.force_login(people[role])
    return client


def topic_url(action, topic):
    return reverse(f"wagtailsnippets_newsletters_topic:{action}", args=[topic.pk])


def issue_url(action, issue):
    return reverse(f"wagtailsnippets_newsletters_issue:{action}", args=[issue.pk])


def topic_form(topic, **changes):
    data = {
        "municipality": topic.municipality_id or "",
        "name": topic.name,
        "slug": topic.slug,
        "description": topic.description,
        "kind": topic.kind,
        "area": topic.area,
        "sort_order": topic.sort_order,
        "is_active": "on",
    }
    return {**data, **changes}


def issue_form(issue=None, *, municipality=None, topics=(), pages=(), **changes):
    data = {
        "municipality": municipality.pk if municipality else "",
        "subject": issue.subject if issue else "Nowy numer",
        "intro": "Dzień dobry!",
        "topics": [t.pk for t in topics],
        "items-TOTAL_FORMS": str(len(pages)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
    }
    for i, page in enumerate(pages):
        data.update(
            {
                f"items-{i}-page": page.pk,
                f"items-{i}-title": "",
                f"items-{i}-summary": "",
                f"items-{i}-image": "",
                f"items-{i}-image_alt": "",
                f"items-{i}-ORDER": str(i + 1),
                f"items-{i}-id": "",
                f"items-{i}-DELETE": "",
            }
        )
    return {**data, **changes}


# --- The matrix: role × whose topic / issue × screen, GET and POST ----------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("whose", ["a", "b", "region"])
def test_topic_screens_per_role_and_municipality(client, people, topics, role, whose):
    topic = topics[whose]
    login(client, people, role)
    allowed = role in ALLOWED[whose]
    for action in ("edit", "usage", "history", "copy"):
        status = client.get(topic_url(action, topic)).status_code
        assert (status == 200) if allowed else (status in REFUSED), (action, status)
    response = client.post(topic_url("edit", topic), topic_form(topic, name="Zmieniona nazwa"))
    topic.refresh_from_db()
    if allowed:
        assert response.status_code == 302, response.content[:500]
        assert topic.name == "Zmieniona nazwa"
    else:
        assert response.status_code in REFUSED
        assert topic.name == "Otwarte konkursy ofert"
    # Nobody but a superuser deletes topics (their subscribers would lose them silently).
    response = client.post(topic_url("delete", topic))
    assert Topic.objects.filter(pk=topic.pk).exists() is (role != "superuser")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("whose", ["a", "b", "region"])
def test_issue_screens_per_role_and_municipality(client, people, issues, role, whose):
    issue = issues[whose]
    login(client, people, role)
    allowed = role in ALLOWED[whose]
    urls = [
        issue_url("edit", issue),
        issue_url("usage", issue),
        issue_url("history", issue),
        issue_url("preview_on_edit", issue),
        reverse("newsletters_admin:issue_manage", args=[issue.pk]),
        reverse("newsletters_admin:issue_preview", args=[issue.pk, "html"]),
    ]
    for url in urls:
        status = client.get(url).status_code
        assert (status == 200) if allowed else (status in REFUSED), (url, status)
    manage = reverse("newsletters_admin:issue_manage", args=[issue.pk])
    response = client.post(manage, {"action": "send"})
    issue.refresh_from_db()
    assert issue.status == ("sending" if allowed else "draft"), response.status_code
    if not allowed:
        assert response.status_code in REFUSED
    response = client.post(issue_url("delete", issue))
    assert Issue.objects.filter(pk=issue.pk).exists() is not allowed


@pytest.mark.parametrize("role", ROLES)
def test_lists_and_choosers_show_only_what_the_role_may_use(client, people, topics, issues, role):
    # Only the three topics of the matrix: all of them fit on the first page of a list.
    Topic.objects.exclude(pk__in=[t.pk for t in topics.values()]).delete()
    login(client, people, role)

    def edit(model):
        return lambda obj: reverse(f"wagtailsnippets_newsletters_{model}:edit", args=[obj.pk])

    def chosen(model):
        return lambda obj: reverse(
            f"wagtailsnippetchoosers_newsletters_{model}:chosen", args=[obj.pk]
        )

    lists = {
        "topics": (reverse("wagtailsnippets_newsletters_topic:list"), topics, edit("topic")),
        "issues": (reverse("wagtailsnippets_newsletters_issue:list"), issues, edit("issue")),
        "topic chooser": (
            reverse("wagtailsnippetchoosers_newsletters_topic:choose"),
            topics,
            chosen("topic"),
        ),
        "issue chooser": (
            reverse("wagtailsnippetchoosers_newsletters_issue:choose"),
            issues,
            chosen("issue"),
        ),
    }
    for name, (url, objects, link) in lists.items():
        response = client.get(url)
        if role in ("anonymous", "resident", "ngo"):
            assert response.status_code in REFUSED, name
            continue
        assert response.status_code == 200, name
        listed = {whose for whose, obj in objects.items() if link(obj) in response.text}
        expected = {whose for whose, roles in ALLOWED.items() if role in roles}
        assert listed == expected, (name, listed)
    for whose, topic in topics.items():
        chosen = reverse("wagtailsnippetchoosers_newsletters_topic:chosen", args=[topic.pk])
        status = client.get(chosen).status_code
        if role in ALLOWED[whose]:
            assert status == 200
        else:
            assert status in REFUSED


# --- The topic form ---------------------------------------------------------------


def test_staff_of_a_add_topics_to_a_only(client, people, gmina_a, gmina_b):
    client.force_login(people["editor_a"])
    add = reverse("wagtailsnippets_newsletters_topic:add")
    form = client.get(add).context["form"]
    assert list(form.fields["municipality"].queryset) == [gmina_a]
    assert form.fields["municipality"].required
    assert form.initial["municipality"] == gmina_a.pk

    new = {"name": "Sport w Alfie", "slug": "sport", "kind": "content", "sort_order": 9}
    for refused in (gmina_b.pk, ""):
        response = client.post(add, {**new, "municipality": refused, "is_active": "on"})
        assert response.status_code == 200
        assert response.context["form"].errors["municipality"]
    duplicate = client.post(add, {**new, "slug": "calls", "municipality": gmina_a.pk})
    assert shown("The municipality already has a topic with this slug.") in duplicate.text
    response = client.post(add, {**new, "municipality": gmina_a.pk})
    assert response.status_code == 302
    assert Topic.objects.get(slug="sport").municipality == gmina_a


def test_the_operators_staff_add_regional_topics(client, people):
    client.force_login(people["operator"])
    add = reverse("wagtailsnippets_newsletters_topic:add")
    assert not client.get(add).context["form"].fields["municipality"].required
    new = {"name": "Sport w regionie", "kind": "content", "sort_order": 9, "municipality": ""}
    duplicate = client.post(add, {**new, "slug": "calls"})
    assert shown("There already is a regional topic with this slug.") in duplicate.text
    assert client.post(add, {**new, "slug": "sport"}).status_code == 302
    assert Topic.objects.get(slug="sport").municipality is None


# --- The issue editor -----------------------------------------------------------


def test_issue_editor_offers_only_the_editors_topics(client, people, topics, gmina_a):
    client.force_login(people["editor_a"])
    form = client.get(reverse("wagtailsnippets_newsletters_issue:add")).context["form"]
    offered = set(form.fields["topics"].queryset)
    assert topics["a"] in offered
    assert topics["b"] not in offered and topics["region"] not in offered
    assert {t.municipality_id for t in offered} == {gmina_a.pk}
    assert list(form.fields["municipality"].queryset) == [gmina_a]


def test_a_topic_of_b_posted_by_hand_is_refused_politely(client, people, topics, gmina_a):
    client.force_login(people["editor_a"])
    add = reverse("wagtailsnippets_newsletters_issue:add")
    for foreign in (topics["b"], topics["region"]):
        response = client.post(add, issue_form(municipality=gmina_a, topics=[topics["a"], foreign]))
        assert response.status_code == 200
        (error,) = response.context["form"].errors.as_data()["topics"]
        assert error.code == "invalid_choice"
        assert error.params == {"value": str(foreign.pk)}
    assert not Issue.objects.exists()
    response = client.post(add, issue_form(municipality=gmina_a, topics=[topics["a"]]))
    assert response.status_code == 302
    assert list(Issue.objects.get().topics.all()) == [topics["a"]]


def test_an_issue_of_a_goes_to_as_topics_only(client, people, topics, gmina_a):
    client.force_login(people["operator"])  # may use every topic, still not mix them
    add = reverse("wagtailsnippets_newsletters_issue:add")
    response = client.post(add, issue_form(municipality=gmina_a, topics=[topics["region"]]))
    assert response.status_code == 200
    expected = "Choose topics of %(municipality)s only; not: %(topics)s."
    message = shown(expected, municipality="Gmina Alfa", topics=topics["region"].label)
    assert message in response.context["form"].errors["topics"]
    regional = issue_form(municipality=None, topics=[topics["region"], topics["a"]])
    assert client.post(add, regional).status_code == 302
    assert Issue.objects.get().municipality is None


def test_issue_editor_refuses_pages_of_b_and_unpublished_pages(
    client, people, gmina_a, gmina_b, topics
):
    from cms_pages.factories import NewsPageFactory
    from cms_pages.models import NewsIndexPage

    def news_of(municipality, **kwargs):
        index = NewsIndexPage.objects.child_of(municipality.home_page).get()
        return NewsPageFactory(parent=index, **kwargs)

    ours, theirs = news_of(gmina_a), news_of(gmina_b)
    draft = news_of(gmina_a, publish=False)
    client.force_login(people["editor_a"])
    add = reverse("wagtailsnippets_newsletters_issue:add")
    for refused in (theirs, draft):
        data = issue_form(municipality=gmina_a, topics=[topics["a"]], pages=[ours, refused])
        response = client.post(add, data)
        assert response.status_code == 200, refused.title
        assert not Issue.objects.exists()
    data = issue_form(municipality=gmina_a, topics=[topics["a"]], pages=[ours])
    assert client.post(add, data).status_code == 302
    issue = Issue.objects.get()

    manage = reverse("newsletters_admin:issue_manage", args=[issue.pk])
    page = client.get(manage)
    suggested = {p.pk for p in page.context["suggestions"]}
    assert theirs.pk not in suggested and draft.pk not in suggested
    for refused in (theirs, draft):
        response = client.post(manage, {"action": "add_items", "page": [refused.pk]}, follow=True)
        assert refused.title in response.text  # named in the refusal
    assert [item.page_id for item in issue.items.all()] == [ours.pk]


def test_an_issue_of_a_without_topics_goes_to_as_subscribers(people, topics, gmina_a):
    from newsletters import services
    from newsletters.factories import SubscriberFactory

    alfa = SubscriberFactory(email="alfa@example.org", topics=["alfa:news"])
    SubscriberFactory(email="beta@example.org", topics=["beta:news"])
    SubscriberFactory(email="region@example.org", topics=["news"])
    issue = IssueFactory(municipality=gmina_a, topics=[topics["a"]])
    issue.topics.clear()
    assert list(services.recipients(issue)) == [alfa]
    regional = IssueFactory(topics=[topics["region"]])
    regional.topics.clear()
    assert services.recipients(regional).count() == 3


# --- Query counts of the admin lists ------------------------------------------------


def _count(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("role", ["editor_a", "operator"])
def test_admin_lists_cost_the_same_queries_with_1_and_20_municipalities(
    client, people, gmina_a, role
):
    from municipalities.factories import rural_municipality
    from newsletters.standard_topics import add_standard_topics

    def issue_of(municipality):
        IssueFactory(topics=[Topic.objects.get(municipality=municipality, slug="news")])

    issue_of(gmina_a)
    client.force_login(people[role])
    urls = [
        reverse("wagtailsnippets_newsletters_topic:list"),
        reverse("wagtailsnippets_newsletters_issue:list"),
        reverse("wagtailsnippets_newsletters_issue:add"),
    ]
    with_one = [_count(client, url) for url in urls]
    for n in range(3, 21):
        municipality = rural_municipality(n)
        add_standard_topics(municipality=municipality)
        issue_of(municipality)
        issue_of(gmina_a)
    with_twenty = [_count(client, url) for url in urls]
    assert with_twenty == with_one
