import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from cms_pages import factories
from cms_pages.models import ActStatus, ActType, IssuingBody, ResolutionPage

pytestmark = pytest.mark.django_db


def listed_numbers(response) -> list[str]:
    return re.findall(r'<td class="act__number">([^<]+)</td>', response.content.decode())


@pytest.fixture
def register(resolution_index):
    acts = [
        ("XLIV/378/2010", ActType.RESOLUTION, 2010, ActStatus.REPEALED, "ngo_cooperation"),
        ("XII/145/2025", ActType.RESOLUTION, 2025, ActStatus.IN_FORCE, "ngo_cooperation"),
        ("14/2026", ActType.ORDER, 2026, ActStatus.IN_FORCE, "culture"),
        ("3/2026", ActType.ANNOUNCEMENT, 2026, ActStatus.IN_FORCE, "budget"),
        ("XVIII/221/2026", ActType.RESOLUTION, 2026, ActStatus.DRAFT, "ngo_cooperation"),
    ]
    for month, (number, act_type, year, status, area) in enumerate(acts, start=1):
        factories.ResolutionPageFactory(
            parent=resolution_index,
            number=number,
            act_type=act_type,
            adopted_on=datetime.date(year, month, 10),
            status=status,
            subject_area=area,
            issuing_body=IssuingBody.PRESIDENT
            if act_type != ActType.RESOLUTION
            else IssuingBody.CITY_COUNCIL,
        )
    return resolution_index


def test_register_is_a_table_of_acts_newest_first(client, register):
    response = client.get(register.url)
    html = response.content.decode()
    assert "<table" in html and '<th scope="col">' in html
    assert listed_numbers(response) == [
        "XVIII/221/2026",
        "3/2026",
        "14/2026",
        "XII/145/2025",
        "XLIV/378/2010",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"act_type": "order"}, ["14/2026"]),
        ({"year": "2025"}, ["XII/145/2025"]),
        ({"status": "repealed"}, ["XLIV/378/2010"]),
        ({"subject_area": "budget"}, ["3/2026"]),
        (
            {"act_type": "resolution", "year": "2026", "status": "draft"},
            ["XVIII/221/2026"],
        ),
        ({"act_type": "resolution", "status": "repealed", "year": "2026"}, []),
    ],
)
def test_register_filters(client, register, params, expected):
    response = client.get(register.url, params)
    assert response.status_code == 200
    assert listed_numbers(response) == expected


@pytest.mark.parametrize("params", [{"act_type": "law"}, {"year": "x"}, {"page": "999"}])
def test_register_ignores_bad_parameters(client, register, params):
    response = client.get(register.url, params)
    assert response.status_code == 200
    assert len(listed_numbers(response)) == 5


def test_year_in_number_must_match_adoption_date(resolution_index):
    act = ResolutionPage(
        title="w sprawie testu",
        number="XII/145/2025",
        adopted_on=datetime.date(2026, 1, 5),
    )
    with pytest.raises(ValidationError) as excinfo:
        act.clean()
    assert "number" in excinfo.value.message_dict


def test_register_query_count_does_not_grow_with_acts(resolution_index, count_queries):
    def add(n):
        for _ in range(n):
            factories.ResolutionPageFactory(
                parent=resolution_index, document=factories.DocumentFactory(fmt="txt")
            )

    add(3)
    few = count_queries(resolution_index.url)
    add(12)
    assert count_queries(resolution_index.url) == few
