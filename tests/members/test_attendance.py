"""Attendance at Steering Group meetings: the rule (present and deputy attended count as
attended, apologies and absent as not, unrecorded meetings neither way) on a fixed set of
meetings; the threshold from the site settings; officers only for the recording screen and
the report; the CSV formula-neutralised; every view audited; the same number of queries for
5 and 50 seats and meetings."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.audit import AuditEntry
from home.models import Organisation, SteeringGroupSeat
from members.attendance import services as attendance
from members.attendance.officer_views import report_csv_text
from members.audit.actions import Action as AuditAction
from members.exceptions import AttendanceNotValid
from members.models import AttendanceSettings, MeetingAttendance
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON, publish
from tests.people import account, give_seat
from themegroups.models import GroupPage

pytestmark = pytest.mark.django_db
Status = MeetingAttendance.Status
YEAR = attendance.MunicipalYear(2025)  # April 2025 to March 2026
AFTER_THE_YEAR = datetime.datetime(2026, 6, 1, tzinfo=LONDON)


def meeting(group, day: datetime.date, status=MeetingPage.Status.HELD) -> MeetingPage:
    return publish(
        group,
        MeetingPage(
            title=f"Steering Group meeting, {day:%d %B %Y}",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
            status=status,
        ),
    )


@pytest.fixture
def health(db):
    return Organisation.objects.create(name="NHS Kensington and Chelsea", sector="health")


@pytest.fixture
def meetings(steering_group):
    """Four meetings held in 2025/26, one cancelled, and one each side of the year."""
    days = [
        datetime.date(2025, 5, 14),
        datetime.date(2025, 7, 9),
        datetime.date(2025, 11, 12),
        datetime.date(2026, 3, 11),
    ]
    held = [meeting(steering_group, day) for day in days]
    meeting(steering_group, datetime.date(2025, 9, 10), MeetingPage.Status.CANCELLED)
    meeting(steering_group, datetime.date(2025, 3, 31))
    meeting(steering_group, datetime.date(2026, 4, 1))
    return held


@pytest.fixture
def seats(django_user_model, council, health):
    """Three seats: the Chairman and a health member all year, and a member who joined in
    the autumn (so expected at the last two meetings only)."""
    chair = account(django_user_model, "chair@kcp.example", "Merrick", "Cockell")
    nurse = account(django_user_model, "nurse@kcp.example", "Michael", "Wilson")
    newcomer = account(django_user_model, "new@kcp.example", "Maria", "Lopez")
    return {
        "chair": give_seat(chair, council, title="Chairman", joined=datetime.date(2020, 1, 1)),
        "nurse": give_seat(nurse, health, title="Health", joined=datetime.date(2021, 1, 1)),
        "newcomer": give_seat(
            newcomer, council, title="Council officer", joined=datetime.date(2025, 10, 1)
        ),
    }


def record(meeting_page, seat, status, deputy_name=""):
    MeetingAttendance.objects.create(
        meeting=meeting_page, seat=seat, status=status, deputy_name=deputy_name
    )


@pytest.fixture
def recorded(meetings, seats):
    m1, m2, m3, m4 = meetings
    chair, nurse, newcomer = seats["chair"], seats["nurse"], seats["newcomer"]
    # The Chairman: present, a deputy, present, apologies -> 3 of 4 = 75%: not below 75%.
    record(m1, chair, Status.PRESENT)
    record(m2, chair, Status.DEPUTY, "Councillor Daniel Moylan")
    record(m3, chair, Status.PRESENT)
    record(m4, chair, Status.APOLOGIES)
    # Health: present, apologies, absent, and the last not recorded -> 1 of 3 = 33%: below.
    record(m1, nurse, Status.PRESENT)
    record(m2, nurse, Status.APOLOGIES)
    record(m3, nurse, Status.ABSENT)
    # The newcomer: expected at the last two only: deputy, present -> 2 of 2 = 100%.
    record(m3, newcomer, Status.DEPUTY, "Jo Smith")
    record(m4, newcomer, Status.PRESENT)
    return meetings


def by_name(rows):
    return {figures.name: figures for figures in rows}


def test_shares_and_the_threshold_flag_follow_the_rule_for_a_fixed_set_of_meetings(recorded):
    report = attendance.attendance_report(YEAR, now=AFTER_THE_YEAR)
    assert [m.title for m in report.meetings] == [m.title for m in recorded]
    members = by_name(report.members)
    chair = members["Merrick Cockell"]
    assert (chair.present, chair.deputy, chair.apologies, chair.absent) == (2, 1, 1, 0)
    assert (chair.attended, chair.expected, chair.share) == (3, 4, 75)
    assert chair.is_below_threshold is False  # exactly at 75% is not below it
    assert chair.deputies == ["Councillor Daniel Moylan"]
    nurse = members["Michael Wilson"]
    assert (nurse.attended, nurse.expected, nurse.not_recorded, nurse.share) == (1, 3, 1, 33)
    assert nurse.is_below_threshold is True
    newcomer = members["Maria Lopez"]
    assert (newcomer.attended, newcomer.expected, newcomer.share) == (2, 2, 100)
    assert [figures.name for figures in report.flagged_members] == ["Michael Wilson"]
    organisations = by_name(report.organisations)
    council = organisations["Royal Borough of Kensington and Chelsea"]
    assert (council.attended, council.expected, council.share) == (5, 6, 83)
    health = organisations["NHS Kensington and Chelsea"]
    assert (health.attended, health.expected, health.is_below_threshold) == (1, 3, True)


def test_the_threshold_comes_from_the_site_settings(recorded):
    settings = AttendanceSettings.for_site(Site.objects.get(is_default_site=True))
    settings.threshold_percent = 80
    settings.save()
    report = attendance.attendance_report(YEAR, now=AFTER_THE_YEAR)
    assert [figures.name for figures in report.flagged_members] == [
        "Merrick Cockell",
        "Michael Wilson",
    ]
    council = by_name(report.organisations)["Royal Borough of Kensington and Chelsea"]
    assert council.is_below_threshold is False  # 83% is not below 80%


def test_meetings_not_yet_held_do_not_count(recorded):
    during = datetime.datetime(2025, 8, 1, tzinfo=LONDON)
    report = attendance.attendance_report(YEAR, now=during)
    assert len(report.meetings) == 2
    assert by_name(report.members)["Merrick Cockell"].expected == 2


def test_municipal_years_run_april_to_march():
    assert attendance.MunicipalYear.of(datetime.date(2026, 3, 31)).start_year == 2025
    assert attendance.MunicipalYear.of(datetime.date(2026, 4, 1)).start_year == 2026
    assert attendance.MunicipalYear(2009).label == "2009/10"
    assert attendance.year_from("nonsense", now=AFTER_THE_YEAR).start_year == 2026
    assert attendance.year_from("2009").start_year == 2009


# --- Recording -------------------------------------------------------------------------------


def test_an_officer_records_a_meeting_on_one_screen_and_it_is_audited(
    client, officer_with_two_factor, meetings, seats
):
    first = meetings[0]
    client.force_login(officer_with_two_factor)
    url = reverse("members_attendance_record", args=[first.pk])
    page = client.get(url).content.decode()
    # One row per seat held that day: the newcomer had not joined in May.
    assert "Merrick Cockell" in page and "Michael Wilson" in page
    assert "Maria Lopez" not in page
    chair, nurse = seats["chair"], seats["nurse"]
    response = client.post(
        url,
        {
            f"status_{chair.pk}": "deputy",
            f"deputy_{chair.pk}": "Councillor Daniel Moylan",
            f"status_{nurse.pk}": "apologies",
            f"deputy_{nurse.pk}": "Ignored unless a deputy attended",
            # A seat that was not held that day, added by hand: ignored.
            f"status_{seats['newcomer'].pk}": "present",
        },
    )
    assert response.status_code == 302
    records = {r.seat_id: r for r in MeetingAttendance.objects.filter(meeting=first)}
    assert set(records) == {chair.pk, nurse.pk}
    assert (records[chair.pk].status, records[chair.pk].deputy_name) == (
        "deputy",
        "Councillor Daniel Moylan",
    )
    assert (records[nurse.pk].status, records[nurse.pk].deputy_name) == ("apologies", "")
    assert records[chair.pk].recorded_by == officer_with_two_factor
    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert AuditAction.RECORDED_ATTENDANCE in actions
    assert AuditAction.VIEWED_ATTENDANCE in actions
    # Recording again changes the row rather than adding one.
    client.post(url, {f"status_{chair.pk}": "present", f"deputy_{chair.pk}": ""})
    assert MeetingAttendance.objects.get(meeting=first, seat=chair).status == "present"
    assert MeetingAttendance.objects.filter(meeting=first).count() == 2


def test_a_deputy_without_a_name_is_refused_with_what_to_fix_and_nothing_is_saved(
    client, officer_with_two_factor, meetings, seats
):
    chair, nurse = seats["chair"], seats["nurse"]
    client.force_login(officer_with_two_factor)
    response = client.post(
        reverse("members_attendance_record", args=[meetings[0].pk]),
        {
            f"status_{chair.pk}": "deputy",
            f"deputy_{chair.pk}": "  ",
            f"status_{nurse.pk}": "present",
        },
    )
    assert response.status_code == 400
    assert "Name the deputy who attended for Merrick Cockell." in response.content.decode()
    assert not MeetingAttendance.objects.exists()


def test_the_service_refuses_a_seat_not_held_on_the_day(meetings, seats, officer):
    with pytest.raises(AttendanceNotValid):
        attendance.record_attendance(
            meetings[0], [attendance.Entry(seats["newcomer"].pk, "present")], by=officer
        )
    assert not MeetingAttendance.objects.exists()


def test_a_meeting_of_another_group_has_no_recording_screen(
    client, officer_with_two_factor, home_page
):
    theme = publish(home_page, GroupPage(title="Health", slug="health", purpose="Health."))
    other = meeting(theme, datetime.date(2025, 5, 1))
    client.force_login(officer_with_two_factor)
    response = client.get(reverse("members_attendance_record", args=[other.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    "url_name, args",
    [
        ("members_attendance", []),
        ("members_attendance_report", []),
        ("members_attendance_csv", []),
        ("members_attendance_record", ["first"]),
    ],
)
def test_only_partnership_officers_reach_the_attendance_screens(
    client, recorded, seats, steering_group_member, wider_partnership_member, url_name, args
):
    url = reverse(url_name, args=[recorded[0].pk for _ in args])
    assert client.get(url).status_code == 302  # signed out: to sign in
    for person in (steering_group_member, wider_partnership_member):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 403
        assert "Attendance records are for the Partnership" in response.content.decode()
        assert client.post(url, {}).status_code in (403, 405)
    assert MeetingAttendance.objects.count() == 9  # nothing changed
    assert not AuditEntry.objects.exists()


# --- The report and its CSV --------------------------------------------------------------


def test_the_report_page_flags_the_member_below_the_threshold_and_is_audited(
    client, officer_with_two_factor, recorded
):
    client.force_login(officer_with_two_factor)
    response = client.get(reverse("members_attendance_report") + "?year=2025")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Steering Group attendance 2025/26" in page
    assert "Michael Wilson (33%)" in page
    assert "below 75%" in page
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.details) == ("members.viewed_attendance", {"report": "2025/26"})


def test_the_csv_is_formula_neutralised_and_audited(
    client, officer_with_two_factor, recorded, seats
):
    chair = seats["chair"].person
    chair.first_name, chair.last_name = '=HYPERLINK("http://evil")', "+1"
    chair.save()
    client.force_login(officer_with_two_factor)
    response = client.get(reverse("members_attendance_csv") + "?year=2025")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Kind", "Name"]
    names = [row[1] for row in rows[1:]]
    assert '\'=HYPERLINK("http://evil") +1' in names
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
    nurse = next(row for row in rows if row[1] == "Michael Wilson")
    assert nurse[3:6] + nurse[7:] == ["3", "1", "0", "1", "1", "1", "33", "yes"]
    assert AuditEntry.objects.get().action == "members.exported_attendance"


def test_the_csv_text_has_a_row_per_member_and_organisation(recorded):
    report = attendance.attendance_report(YEAR, now=AFTER_THE_YEAR)
    rows = list(csv.reader(io.StringIO(report_csv_text(report))))
    kinds = [row[0] for row in rows[1:]]
    assert kinds.count("Member") == 3
    assert kinds.count("Partner organisation") == 2


def test_a_member_sees_their_own_record_on_the_dashboard(
    client,
    steering_group,
    council,
    django_user_model,
):
    member = account(django_user_model, "own@kcp.example", "Olu", "Owens")
    seat = give_seat(member, council)
    now = timezone.now()
    year_start = attendance.MunicipalYear.current(now).starts_at()
    held = publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, today",
            start=max(now - datetime.timedelta(hours=1), year_start),
            venue_name="The Town Hall",
            status=MeetingPage.Status.HELD,
        ),
    )
    record(held, seat, Status.APOLOGIES)
    client.force_login(member)
    page = client.get(reverse("members_dashboard")).content.decode()
    assert "You attended 0 of 1 Steering Group meeting recorded" in page
    assert "Apologies sent: 1." in page


# --- Bounded queries -----------------------------------------------------------------------


def add_seats_and_meetings(steering_group, council, django_user_model, start: int, end: int):
    """Seats and meetings numbered start..end-1 in 2025/26, every seat recorded present at
    every meeting."""
    for number in range(start, end):
        user = django_user_model.objects.create_user(
            email=f"member{number}@kcp.example", first_name="Member", last_name=str(number)
        )
        give_seat(user, council, joined=datetime.date(2020, 1, 1))
        meeting(steering_group, datetime.date(2025, 4, 2) + datetime.timedelta(days=number))
    MeetingAttendance.objects.all().delete()
    MeetingAttendance.objects.bulk_create(
        MeetingAttendance(meeting=m, seat=s, status=Status.PRESENT)
        for m in MeetingPage.objects.all()
        for s in SteeringGroupSeat.objects.all()
    )
    return MeetingPage.objects.order_by("start").first()


def queries(client, url) -> int:
    """Queries of the second of two requests: the first fills the site chrome's caches,
    which publishing the meetings has just cleared."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_the_recording_screen_and_report_take_the_same_queries_for_5_and_50(
    client,
    officer_with_two_factor,
    steering_group,
    council,
    django_user_model,
):
    client.force_login(officer_with_two_factor)
    first = add_seats_and_meetings(steering_group, council, django_user_model, 0, 5)
    record_url = reverse("members_attendance_record", args=[first.pk])
    report_url = reverse("members_attendance_report") + "?year=2025"
    small = (queries(client, record_url), queries(client, report_url))
    add_seats_and_meetings(steering_group, council, django_user_model, 5, 50)
    assert MeetingAttendance.objects.count() == 2500
    large = (queries(client, record_url), queries(client, report_url))
    assert small == large, f"5 seats and meetings: {small}; 50: {large}"
    assert "Member 49" in client.get(record_url).content.decode()
