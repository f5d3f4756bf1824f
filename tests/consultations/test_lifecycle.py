"""planned -> open -> closed -> report published, with frozen time (Europe/Warsaw)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time

from consultations import services
from consultations.factories import ClauseFactory, ConsultationPageFactory, DraftActVersionFactory
from consultations.models import Phase

WARSAW = ZoneInfo("Europe/Warsaw")
START = datetime.datetime(2027, 3, 1, 8, 0, tzinfo=WARSAW)
END = datetime.datetime(2027, 3, 29, 23, 59, tzinfo=WARSAW)  # across the switch to CEST
REPORT = datetime.datetime(2027, 4, 20, 12, 0, tzinfo=WARSAW)


@pytest.fixture
def consultation(consultation_index):
    page = ConsultationPageFactory(parent=consultation_index, start_at=START, end_at=END)
    version = DraftActVersionFactory(consultation=page, number=1)
    ClauseFactory(version=version, position=1)
    return page


def text():
    return services.CommentText(comment="Proszę wydłużyć termin składania ofert.")


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (START - datetime.timedelta(seconds=1), Phase.PLANNED),
        (START, Phase.OPEN),
        (END - datetime.timedelta(seconds=1), Phase.OPEN),
        (END, Phase.CLOSED),
        (REPORT, Phase.CLOSED),
    ],
)
def test_phase_follows_the_warsaw_dates(consultation, moment, phase):
    assert consultation.phase_at(moment) == phase


def test_report_publication_ends_the_lifecycle(consultation):
    consultation.report_published_at = REPORT
    assert consultation.phase_at(REPORT) == Phase.REPORTED
    assert consultation.phase_at(REPORT - datetime.timedelta(minutes=1)) == Phase.CLOSED


def test_comment_before_start_is_refused_as_planned(consultation, resident):
    with (
        freeze_time(START - datetime.timedelta(minutes=1)),
        pytest.raises(services.CommentRefused) as exc,
    ):
        services.post_comment(consultation=consultation, user=resident, text=text())
    assert exc.value.code == services.CommentRefused.PLANNED
    assert consultation.comments.count() == 0


def test_comment_in_the_last_minute_is_accepted(consultation, resident):
    with freeze_time(END - datetime.timedelta(seconds=30)):
        comment = services.post_comment(consultation=consultation, user=resident, text=text())
    assert comment.submit_date < END


def test_closed_consultation_refuses_comment(consultation, resident):
    with (
        freeze_time(END + datetime.timedelta(seconds=1)),
        pytest.raises(services.CommentRefused) as exc,
    ):
        services.post_comment(consultation=consultation, user=resident, text=text())
    assert exc.value.code == services.CommentRefused.CLOSED


def test_reply_after_the_deadline_is_refused(consultation, resident, ngo_user):
    with freeze_time(START + datetime.timedelta(days=1)):
        parent = services.post_comment(consultation=consultation, user=resident, text=text())
    with freeze_time(END + datetime.timedelta(hours=1)), pytest.raises(services.CommentRefused):
        services.reply(parent=parent, user=ngo_user, text=text())


def test_closed_page_keeps_the_typed_text_and_says_when_it_closed(client, consultation, resident):
    with freeze_time(END + datetime.timedelta(days=1)):
        client.force_login(resident)
        response = client.post(
            f"/konsultacje/{consultation.pk}/komentarz/",
            {"comment": "Moja spóźniona uwaga", "justification": "Bo tak"},
        )
    assert response.status_code == 403
    body = response.content.decode()
    assert 'data-refusal="closed"' in body
    assert "Moja spóźniona uwaga" in body and "Bo tak" in body
    assert "29.03.2027 23:59" in body  # the deadline in Warsaw time


def test_planned_page_refuses_with_the_opening_date(client, consultation, resident):
    with freeze_time(START - datetime.timedelta(days=2)):
        client.force_login(resident)
        response = client.post(
            f"/konsultacje/{consultation.pk}/komentarz/", {"comment": "Za wcześnie"}
        )
    body = response.content.decode()
    assert 'data-refusal="planned"' in body and "Za wcześnie" in body
    assert "01.03.2027 08:00" in body


@pytest.mark.parametrize(
    ("moment", "banner"),
    [
        (START - datetime.timedelta(days=1), "deadline-banner--planned"),
        (START + datetime.timedelta(days=1), "deadline-banner--open"),
        (END + datetime.timedelta(days=1), "deadline-banner--closed"),
    ],
)
def test_deadline_banner_follows_the_phase(client, consultation, moment, banner):
    with freeze_time(moment):
        response = client.get(consultation.url)
    assert banner in response.content.decode()


def test_open_banner_counts_days_left(client, consultation):
    with freeze_time(END - datetime.timedelta(days=3, hours=2)):
        body = client.get(consultation.url).content.decode()
    assert 'data-days-left="3"' in body


def test_report_published_banner(client, consultation):
    consultation.report_published_at = REPORT
    consultation.save()
    with freeze_time(REPORT + datetime.timedelta(days=1)):
        body = client.get(consultation.url).content.decode()
    assert "deadline-banner--reported" in body
