"""Campaigns: who they reach (never a member, never anyone who said no, nobody twice), and
sign-ups traced to a channel by its link or by the code typed on the join form."""

from django.core import mail
from django.test import Client

from members.models import Member
from members.outreach.campaigns import add_channel, audience
from members.outreach.contacts import add_contact, erase_contact
from members.outreach.models import Channel, Contacting, SignUp
from members.outreach.sending import prepare_letters, send_emails
from tests.fixtures.members import join_data, sent_mail
from tests.fixtures.outreach import details


def test_a_campaign_emails_whom_pecr_allows_and_writes_to_the_rest(officer, campaign, contacts):
    emailed = send_emails(officer, campaign)
    written = prepare_letters(officer, campaign)

    assert (emailed.count, written.count) == (2, 1)
    assert sorted(message.to[0] for message in sent_mail()) == [
        "info@portobello.example",
        "maria.santos@example.org",
    ]
    assert mail.outbox[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nobody_is_contacted_twice_in_one_campaign_even_on_two_lists_or_two_runs(
    officer, campaign, groups_list, contacts
):
    send_emails(officer, campaign)
    prepare_letters(officer, campaign)
    # The same business again, on the same list under another spelling of its address.
    add_contact(
        officer,
        groups_list,
        details(
            organisation="Portobello Traders Ltd",
            kind="business",
            email="INFO@portobello.example",
            is_corporate_email=True,
        ),
    )
    again = send_emails(officer, campaign)
    letters_again = prepare_letters(officer, campaign)

    assert (again.count, letters_again.count) == (0, 0)
    assert Contacting.objects.filter(campaign=campaign).count() == 3
    assert len(sent_mail()) == 2


def test_a_contact_who_said_no_or_is_already_a_member_is_not_contacted(
    officer, campaign, contacts, postal_member, joined_member
):
    erase_contact(officer, contacts["group"])
    contacts["person"].email = joined_member.user.email
    contacts["person"].save()
    add_contact(
        officer,
        campaign.lists.get(),
        details(
            organisation="",
            name=postal_member.name,
            postal_address=postal_member.postal_address,
            postcode=postal_member.postcode,
        ),
    )

    chosen = audience(campaign)

    assert [contact.organisation for contact in chosen.emails] == ["Portobello Traders"]
    assert chosen.letters == ()
    send_emails(officer, campaign)
    assert [message.to for message in sent_mail()] == [["info@portobello.example"]]


def test_unsubscribing_from_the_email_erases_the_entry_and_it_is_never_contacted_again(
    officer, campaign, contacts, groups_list
):
    send_emails(officer, campaign)
    link = sent_mail()[0].extra_headers["List-Unsubscribe"].strip("<>")
    path = link.split("://", 1)[-1].split("/", 1)[-1]

    response = Client().post("/" + path)

    assert response.status_code == 200
    assert "will not contact you again" in response.content.decode()
    assert Contacting.objects.filter(contact__isnull=True).count() == 1


def _join(interests, **overrides):
    browser = Client()
    return browser, browser.post("/join/", join_data(interests, **overrides))


def test_a_sign_up_through_a_posters_link_is_counted_against_that_poster(
    officer, campaign, interests
):
    poster = add_channel(officer, campaign, Channel.Kind.POSTER, "Kensington Central Library")
    browser = Client()

    followed = browser.get(f"/j/{poster.code}")
    form = browser.get("/join/")
    browser.post("/join/", join_data(interests, heard_from=poster.code))

    assert followed.status_code == 302
    assert poster.code in form.content.decode()
    sign_up = SignUp.objects.get()
    assert (sign_up.channel, sign_up.member.name) == (poster, "Olwen Prydderch")


def test_a_code_typed_on_the_join_form_is_counted_and_beats_the_link_followed(
    officer, campaign, interests
):
    flyer = add_channel(officer, campaign, Channel.Kind.FLYER, "Chelsea Library")
    letter = campaign.channels.get(kind=Channel.Kind.LETTER)
    browser = Client()
    browser.get(f"/j/{flyer.code}")

    browser.post("/join/", join_data(interests, heard_from=f" {letter.code.lower()} "))

    assert SignUp.objects.get().channel == letter
    assert SignUp.objects.get().how == "typed"


def test_an_unknown_code_says_so_and_still_offers_the_join_form(db, interests):
    response = Client().get("/j/NOSUCH")

    assert response.status_code == 404
    assert "We do not know that code" in response.content.decode()
    assert 'href="/join/"' in response.content.decode()
    _join(interests, heard_from="a friend told me")
    assert Member.objects.count() == 1
    assert not SignUp.objects.exists()


def test_an_invitation_queued_before_the_person_said_no_is_withdrawn_unsent(
    officer, campaign, contacts
):
    send_emails(officer, campaign)
    erase_contact(officer, contacts["person"])

    assert [message.to for message in sent_mail()] == [["info@portobello.example"]]
