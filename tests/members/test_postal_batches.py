"""Postal batches: the same postings the email route sends, one letter per postal member with
something new, posted, reprinted exactly, returned; and only Partnership officers see them."""

import datetime
import os

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.audit import AuditEntry
from home.roles import STEERING_GROUP_MEMBERS
from members.alerts import matching as alerts_matching
from members.alerts import sending as alerts_sending
from members.audit.actions import Action
from members.data_rights import services as data_rights
from members.exceptions import AddressTooLong, BatchOutOfDate, NothingToPost, ReturnAddressNeeded
from members.models import AlertDelivery, Member, PostalBatch, Posting
from members.postal.batches import batch_letters, build_batch, letters_for_print, mark_posted
from members.postal.labels import label_sheets
from members.postal.pdf import make_pdf, request_pdf
from members.postal.reference import member_reference
from papers.models import MeetingPage
from tests.fixtures.papers import make_consultation, publish
from tests.fixtures.postal import add_paper
from tests.fixtures.postal import postal as add_postal_member
from tests.site_crawl import html_errors

pytestmark = pytest.mark.django_db

Channel = AlertDelivery.Channel


def titles(letter) -> set[str]:
    return set(letter.postings.values_list("title", flat=True))


def letter_of(batch, member):
    return batch.letters.get(member=member)


def test_a_postal_batch_holds_exactly_what_the_email_route_sent_to_members_with_the_same_interests(
    officer, postal_readers, email_readers, postings, deliver_outbox
):
    alerts_sending.send_due_postings()
    delivered = deliver_outbox()
    batch = build_batch(officer)

    for same_interests in ("health", "both"):
        by_email = set(
            AlertDelivery.objects.filter(
                member=email_readers[same_interests], channel=Channel.EMAIL_AT_ONCE
            ).values_list("posting__title", flat=True)
        )
        by_post = titles(letter_of(batch, postal_readers[same_interests]))
        assert by_email and by_post == by_email
        email = next(m for m in delivered if email_readers[same_interests].email in m.to)
        assert all(title in email.body for title in by_post)
        # ... and the one rule itself, asked directly, agrees for the postal member.
        rule = alerts_matching.postings_for_member(postal_readers[same_interests], postings)
        assert by_post == {posting.title for posting in rule}
    assert batch.letters.count() == 2
    assert set(batch.postings.all()) == set(postings)


def test_members_with_nothing_new_get_no_letter(officer, postal_readers, postings):
    batch = build_batch(officer)
    assert not batch.letters.filter(member=postal_readers["neither"]).exists()
    assert batch.letters.filter(member=postal_readers["health"]).exists()


def test_a_housing_posting_reaches_only_the_postal_member_who_chose_housing(
    officer, postal_readers, housing, steering_group
):
    meeting = publish(
        steering_group,
        MeetingPage(
            title="Steering Group, 1 March 2099",
            start=datetime.datetime(2099, 3, 1, 18, 0, tzinfo=datetime.UTC),
            venue_name="The Town Hall",
        ),
    )
    add_paper(meeting, "The housing strategy 2099", subjects=[housing])
    batch = build_batch(officer)
    assert [letter.member for letter in batch.letters.all()] == [postal_readers["both"]]
    assert titles(batch.letters.get()) == {"The housing strategy 2099"}


def test_paused_leavers_and_returned_members_get_no_letter(officer, postal_readers, postings):
    Member.objects.filter(pk=postal_readers["health"].pk).update(status=Member.Status.PAUSED)
    Member.objects.filter(pk=postal_readers["both"].pk).update(
        post_paused_on=datetime.date(2026, 11, 20)
    )
    with pytest.raises(NothingToPost):
        build_batch(officer)


def test_marking_a_batch_posted_makes_the_next_batch_start_after_it(
    officer,
    postal_readers,
    postings,
    health_meeting,
):
    first = build_batch(officer)
    mark_posted(officer, first, posted_on=timezone.localdate())
    assert set(
        AlertDelivery.objects.filter(
            member=postal_readers["health"], channel=Channel.POST, state="sent"
        ).values_list("posting__title", flat=True)
    ) == {posting.title for posting in postings}
    with pytest.raises(NothingToPost):
        build_batch(officer)

    add_paper(health_meeting, "Winter pressures on GP surgeries")
    second = build_batch(officer)
    assert second.covers_from == first.covers_until
    assert {
        titles(letter) == {"Winter pressures on GP surgeries"} for letter in second.letters.all()
    } == {True}
    assert second.letters.count() == 2


def test_building_again_replaces_the_open_batch_with_what_was_posted_meanwhile(
    officer,
    postal_readers,
    postings,
    health_meeting,
):
    first = build_batch(officer)
    add_paper(health_meeting, "Winter pressures on GP surgeries")
    second = build_batch(officer)
    assert not PostalBatch.objects.filter(pk=first.pk).exists()
    assert "Winter pressures on GP surgeries" in titles(letter_of(second, postal_readers["health"]))
    assert len(titles(letter_of(second, postal_readers["health"]))) == 3


def test_a_member_who_had_a_posting_by_email_before_moving_to_post_is_not_sent_it_again(
    officer, postal_readers, email_readers, postings
):
    alerts_sending.send_due_postings()
    mover = email_readers["health"]
    Member.objects.filter(pk=mover.pk).update(
        route=Member.Route.POST, postal_address="9 Portobello Road\nLondon", postcode="W11 3DA"
    )
    batch = build_batch(officer)
    assert not batch.letters.filter(member=mover).exists()


def test_reprinting_a_posted_batch_gives_exactly_the_same_letters_and_labels(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    url = f"/admin/postal-mailing/{batch.pk}/letters/"
    labels_url = f"/admin/postal-mailing/{batch.pk}/labels.csv"
    printed, labels = officer_client.get(url).content, officer_client.get(labels_url).content
    mark_posted(officer, batch, posted_on=timezone.localdate())
    # Everything the letters were made from changes afterwards ...
    Posting.objects.update(title="A different title", summary="Different.")
    Member.objects.filter(pk=postal_readers["health"].pk).update(
        name="Bronwen Jones", postal_address="1 New Street\nLondon"
    )
    # ... and the reprint is still the letters that were posted.
    assert officer_client.get(url).content == printed
    assert officer_client.get(labels_url).content == labels
    assert b"Bronwen Ashcombe" in printed and b"Health inequalities" in printed


OUT_OF_DATE = "has been unpublished or restricted since this batch was built"


def test_a_page_unpublished_after_the_build_stops_the_letters_being_printed_or_posted(
    officer, postal_readers, postings
):
    batch = build_batch(officer)
    postings[0].page.unpublish()
    letters = list(batch_letters(batch))
    for attempt in (
        lambda: mark_posted(officer, batch, posted_on=timezone.localdate()),
        lambda: request_pdf(officer, batch),
        lambda: letters_for_print(officer, batch, letters),
    ):
        with pytest.raises(BatchOutOfDate) as refused:
            attempt()
        assert refused.value.message.startswith(f"“{postings[0].title}” {OUT_OF_DATE}")
        assert "Build the batch again" in refused.value.message
    batch.refresh_from_db()
    assert not batch.is_posted and batch.pdf_state == PostalBatch.PdfState.NOT_STARTED
    assert not AlertDelivery.objects.filter(channel=Channel.POST).exists()

    # Built again, the batch leaves the page out and can be posted.
    rebuilt = build_batch(officer)
    assert postings[0] not in rebuilt.postings.all()
    mark_posted(officer, rebuilt, posted_on=timezone.localdate())
    assert PostalBatch.objects.get(pk=rebuilt.pk).is_posted


def test_a_page_restricted_after_the_build_stops_the_pdf_being_made(
    officer, postal_readers, postings
):
    batch = build_batch(officer)
    request_pdf(officer, batch)  # asked for before the page was restricted
    restriction = PageViewRestriction.objects.create(
        page=postings[1].page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=STEERING_GROUP_MEMBERS)])
    assert make_pdf(batch.pk) == PostalBatch.PdfState.FAILED
    batch.refresh_from_db()
    assert not batch.pdf
    assert batch.pdf_error.startswith(f"“{postings[1].title}” {OUT_OF_DATE}")


def test_the_batch_page_tells_the_officer_to_build_again_when_a_page_was_unpublished(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    postings[0].page.unpublish()
    url = f"/admin/postal-mailing/{batch.pk}/"
    responses = [
        officer_client.post(url, {"posted_on": timezone.localdate().isoformat()}, follow=True),
        officer_client.post(f"{url}letters.pdf", follow=True),
        officer_client.get(f"{url}letters/", follow=True),
    ]
    for response in responses:
        assert response.status_code == 200
        assert response.redirect_chain == [(url, 302)]
        page = response.content.decode()
        assert OUT_OF_DATE in page and "Build the batch again from Postal mailing" in page
    assert not PostalBatch.objects.get(pk=batch.pk).is_posted


def test_a_posted_batch_reprints_as_posted_after_its_page_is_unpublished(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    url = f"/admin/postal-mailing/{batch.pk}/letters/"
    printed = officer_client.get(url).content
    mark_posted(officer, batch, posted_on=timezone.localdate())
    postings[0].page.unpublish()
    reprint = officer_client.get(url)
    assert reprint.status_code == 200 and reprint.content == printed


def test_a_returned_letter_pauses_the_post_route_and_flags_the_member_to_officers(
    officer,
    officer_client,
    postal_readers,
    postings,
    health_meeting,
):
    batch = build_batch(officer)
    mark_posted(officer, batch, posted_on=timezone.localdate())
    letter = letter_of(batch, postal_readers["health"])
    response = officer_client.post(
        f"/admin/postal-mailing/returned/{letter.pk}/",
        {"returned_on": timezone.localdate().isoformat(), "reason": "Addressee gone away"},
    )
    assert response.status_code == 302
    member = Member.objects.get(pk=postal_readers["health"].pk)
    assert member.post_paused_on == timezone.localdate()
    assert member.changes.filter(what="post_paused", changed_by=officer).exists()
    flagged = officer_client.get("/admin/postal-mailing/").content.decode()
    assert "Letters that came back" in flagged and "Bronwen Ashcombe" in flagged
    assert "Addressee gone away" in flagged

    add_paper(health_meeting, "Winter pressures on GP surgeries")
    after = build_batch(officer)
    assert not after.letters.filter(member=member).exists()
    assert after.letters.filter(member=postal_readers["both"]).exists()


def test_recording_a_return_before_the_batch_is_posted_is_refused_with_a_reason(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    letter = letter_of(batch, postal_readers["health"])
    page = officer_client.post(
        f"/admin/postal-mailing/returned/{letter.pk}/",
        {"returned_on": timezone.localdate().isoformat(), "reason": "Gone away"},
    ).content.decode()
    assert "has not been marked posted yet" in page
    assert Member.objects.get(pk=postal_readers["health"].pk).post_paused_on is None


def test_the_returned_letter_form_says_what_to_fix(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    mark_posted(officer, batch, posted_on=timezone.localdate())
    url = f"/admin/postal-mailing/returned/{letter_of(batch, postal_readers['health']).pk}/"
    empty = officer_client.post(url, {}).content.decode()
    assert "Enter the day the letter came back" in empty
    assert "Say why it came back" in empty
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    future = officer_client.post(url, {"returned_on": tomorrow, "reason": "x"}).content.decode()
    assert "cannot be in the future" in future
    earlier = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    early = officer_client.post(url, {"returned_on": earlier, "reason": "x"}).content.decode()
    assert "cannot come back before it was posted" in early
    assert Member.objects.get(pk=postal_readers["health"].pk).post_paused_on is None


def test_the_posted_form_says_what_to_fix_and_a_batch_is_posted_once(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    url = f"/admin/postal-mailing/{batch.pk}/"
    assert "Enter the day the letters were posted" in officer_client.post(url, {}).content.decode()
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    future = officer_client.post(url, {"posted_on": tomorrow}).content.decode()
    assert "cannot be in the future" in future
    before = officer_client.post(url, {"posted_on": "2026-01-01"}).content.decode()
    assert "before the batch was built" in before
    assert not PostalBatch.objects.get(pk=batch.pk).is_posted

    assert (
        officer_client.post(url, {"posted_on": timezone.localdate().isoformat()}).status_code == 302
    )
    assert PostalBatch.objects.get(pk=batch.pk).posted_by == officer
    again = officer_client.post(url, {"posted_on": timezone.localdate().isoformat()}, follow=True)
    assert "was marked posted on" in again.content.decode()


def test_building_from_the_admin_says_when_there_is_nothing_new(
    officer, officer_client, postal_readers
):
    response = officer_client.post("/admin/postal-mailing/", follow=True)
    assert "No postal member has anything new" in response.content.decode()
    assert not PostalBatch.objects.exists()


def test_building_asks_for_the_partnerships_address_first(officer, health, postings):
    add_postal_member(officer, "Bronwen Ashcombe", [health])
    with pytest.raises(ReturnAddressNeeded, match="add its postal address"):
        build_batch(officer)


def test_an_address_longer_than_the_window_is_refused_naming_the_member(
    officer, return_address, health, postings
):
    long = add_postal_member(
        officer, "Eira Long", [health], address="Flat 9\nBlock C\nThe Estate\nA Road\nLondon"
    )
    long.is_large_print = True
    long.save()
    with pytest.raises(AddressTooLong, match=f"member {long.pk}"):
        build_batch(officer)
    assert not PostalBatch.objects.exists()


def test_a_letter_has_the_address_in_uk_order_the_date_the_postings_and_how_to_reply(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    letter = letter_of(batch, postal_readers["both"])
    assert letter.address_lines == [
        "Cyril Ferrand",
        "Golborne Tenants' Association",
        "Flat 3, Bramley House",
        "27 Elgin Crescent",
        "London",
        "W11 2JD",
    ]
    assert letter.is_large_print and "letter-large" in letter.html
    page = officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters/{letter.pk}/")
    text = page.content.decode()
    assert "The Town Hall<br>Hornton Street" in text
    assert timezone.localdate().strftime("%-d %B %Y") in text
    for posting in postings:
        assert posting.title in text and posting.url in text
    assert "paper copy" in text and "020 7361 3671" in text
    assert "To change or stop these letters" in text
    # The member number sits in the letter's fixed box with the date and the greeting.
    assert f"Your member number: {member_reference(postal_readers['both'].pk)}" in text
    assert "give your member number (at the top of this letter)" in text
    assert page["Cache-Control"] == "private, no-store"


def test_opening_letters_and_labels_is_in_the_member_data_audit_log(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters/")
    officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels/")
    officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels.csv")
    logged = list(AuditEntry.objects.filter(actor=officer).values_list("action", "count"))
    assert (Action.BUILT_POSTAL_BATCH, 2) in logged
    assert (Action.OPENED_LETTERS, 2) in logged
    assert logged.count((Action.EXPORTED_LABELS, 2)) == 2


def test_the_label_csv_keeps_formula_like_addresses_as_text(
    officer, officer_client, return_address, health, postings
):
    add_postal_member(
        officer, '=HYPERLINK("http://evil.example")', [health], address="+44 Street\nLondon"
    )
    batch = build_batch(officer)
    csv_text = officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels.csv").content.decode()
    header, row = csv_text.splitlines()[:2]
    assert (
        header == "Letter,Name,Address line 1,Address line 2,Address line 3,Address line 4,"
        "Postcode,Pages,Sheets"
    )
    assert row.startswith('1,"\'=HYPERLINK(""http://evil.example"")",\'+44 Street,London,,,W11 9ZQ')


def test_the_label_sheet_has_21_labels_to_a_sheet(
    officer, officer_client, return_address, health, postings
):
    for number in range(22):
        add_postal_member(
            officer, f"Member {number:02}", [health], address=f"{number} Road\nLondon"
        )
    batch = build_batch(officer)
    sheets = label_sheets(officer, batch)
    assert [len(sheet) for sheet in sheets] == [21, 1]
    page = officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels/").content.decode()
    assert page.count('class="label"') == 22 and page.count('class="label-sheet"') == 2
    assert "grid-template-columns: repeat(3, 63.5mm); grid-auto-rows: 38.1mm" in page


URLS = [
    "/admin/postal-mailing/",
    "/admin/postal-mailing/{batch}/",
    "/admin/postal-mailing/{batch}/letters/",
    "/admin/postal-mailing/{batch}/letters/{letter}/",
    "/admin/postal-mailing/{batch}/letters.pdf",
    "/admin/postal-mailing/{batch}/labels/",
    "/admin/postal-mailing/{batch}/labels.csv",
    "/admin/postal-mailing/returned/{letter}/",
    "/admin/postal-mailing/members/{member}/change/",
]


@pytest.fixture
def lead_officer(django_user_model, health_group):
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    from themegroups.services import add_lead_officer

    user = django_user_model.objects.create_user(email="lead@kcp.example", password="x" * 12)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    add_lead_officer(user, health_group)
    user.groups.add(Group.objects.get(name="Wider partnership members"))
    return user


def test_only_partnership_officers_can_open_batches_letters_and_labels(
    officer, officer_client, lead_officer, email_readers, postal_readers, postings
):
    batch = build_batch(officer)
    letter = batch.letters.first()
    urls = [url.format(batch=batch.pk, letter=letter.pk, member=letter.member_id) for url in URLS]
    before = AuditEntry.objects.count()
    for person in (lead_officer, email_readers["health"].user):
        client = Client()
        client.force_login(person)
        for url in urls:
            assert client.get(url).status_code == 403, (person, url)
        assert client.post(f"/admin/postal-mailing/{batch.pk}/letters.pdf").status_code == 403
        assert client.post("/admin/postal-mailing/").status_code == 403
        assert (
            client.post(
                f"/admin/postal-mailing/{batch.pk}/", {"posted_on": timezone.localdate()}
            ).status_code
            == 403
        )
    assert AuditEntry.objects.count() == before
    assert PostalBatch.objects.get().pdf_state == PostalBatch.PdfState.NOT_STARTED
    assert not PostalBatch.objects.get().is_posted
    anonymous = Client().get(urls[2])
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]
    # The control: the officer opens every one.
    statuses = {url: officer_client.get(url).status_code for url in urls}
    assert statuses.pop(urls[4]) == 302  # the PDF: not made yet, back to the batch
    assert set(statuses.values()) == {200}


def test_the_postal_mailing_menu_item_is_shown_to_officers_only(
    officer_client, lead_officer, client
):
    assert "Postal mailing" in officer_client.get("/admin/").content.decode()
    client.force_login(lead_officer)
    assert "Postal mailing" not in client.get("/admin/").content.decode()


def test_building_a_batch_takes_the_same_number_of_queries_for_few_or_many_members(
    officer, return_address, health, postings, django_assert_max_num_queries
):
    def build_with(count: int) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for number in range(count):
            add_postal_member(officer, f"Reader {count}-{number}", [health])
        with CaptureQueriesContext(connection) as queries:
            build_batch(officer)
        return len(queries)

    few = build_with(2)
    PostalBatch.objects.all().delete()
    many = build_with(30)
    assert many == few
    assert few <= 40


def test_erasing_a_postal_member_removes_their_letters_and_the_batch_pdf_that_held_them(
    officer, postal_readers, postings
):
    batch = build_batch(officer)
    make_pdf(request_pdf(officer, batch).pk)
    batch.refresh_from_db()
    pdf_path = batch.pdf.path
    assert batch.pdf_state == PostalBatch.PdfState.READY
    erased = postal_readers["health"]
    exported = data_rights.export_member(erased)["held"]["Postal letters"]
    assert len(exported) == 1 and "Bronwen Ashcombe" in exported[0]["html"]

    data_rights.erase_member(erased, by=officer)
    batch.refresh_from_db()
    assert list(batch.letters.values_list("member", flat=True)) == [postal_readers["both"].pk]
    assert batch.pdf_state == PostalBatch.PdfState.NOT_STARTED and not batch.pdf
    assert not os.path.exists(pdf_path)


def test_the_letters_and_the_label_sheet_are_valid_html(
    officer, officer_client, postal_readers, postings
):
    batch = build_batch(officer)
    documents = {
        "letters": officer_client.get(f"/admin/postal-mailing/{batch.pk}/letters/"),
        "one letter": officer_client.get(
            f"/admin/postal-mailing/{batch.pk}/letters/{batch.letters.first().pk}/"
        ),
        "labels": officer_client.get(f"/admin/postal-mailing/{batch.pk}/labels/"),
    }
    assert {response.status_code for response in documents.values()} == {200}
    errors = html_errors({name: r.content.decode() for name, r in documents.items()})
    assert not errors, "\n".join(errors)


def test_a_consultations_letter_says_by_when_to_comment(officer, postal_readers, health_group):
    consultation = make_consultation(health_group, title="Health priorities: your views")
    batch = build_batch(officer)
    letter = letter_of(batch, postal_readers["health"])
    assert "Health priorities: your views" in titles(letter)
    closes_on = timezone.localdate(consultation.closes_at)
    assert f"Comments by {closes_on:%-d %B %Y}." in letter.html
