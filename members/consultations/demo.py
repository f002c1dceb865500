"""Demo responses for `make run`: the open consultation on the 2009/10 priorities has
responses by each channel (online from the demo member, a non-member's confirmed address,
a postal member's letter, a telephone call and a card filled in at an event); the closed
mid-term review has a few. Written straight to the table: a demo sends nobody an email."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from members.models import Member
from papers.demo import CLOSED_CONSULTATION_SLUG, OPEN_CONSULTATION_SLUG
from papers.models import ConsultationPage

from .models import Response

Channel = Response.Channel


def _answers(page: ConsultationPage, **given) -> list[dict]:
    questions = page.taking_responses(timezone.now()).questions
    return [
        {"key": q["key"], "question": q["question"], "answer": given.get(q["key"], "")}
        for q in questions
    ]


def load(stdout) -> None:
    open_page = ConsultationPage.objects.filter(slug=OPEN_CONSULTATION_SLUG).first()
    closed_page = ConsultationPage.objects.filter(slug=CLOSED_CONSULTATION_SLUG).first()
    if open_page is None or Response.objects.filter(page=open_page).exists():
        return
    today = timezone.localdate()
    officer = get_user_model().objects.filter(email="officer@kcp.example").first()
    member = get_user_model().objects.filter(email="member@kcp.example").first()
    postal = Member.objects.filter(route=Member.Route.POST).order_by("pk").first()
    if member is not None:
        Response.objects.create(
            page=open_page,
            user=member,
            name=member.get_full_name(),
            channel=Channel.ONLINE,
            received_on=today - datetime.timedelta(days=5),
            answers=_answers(
                open_page,
                priority="The role of the KCP",
                first="Use the theme group pages on the website so people can follow the work "
                "of each group between Steering Group meetings.",
            ),
        )
    Response.objects.create(
        page=open_page,
        email="amina.yusuf@example.org",
        name="Amina Yusuf",
        organisation="Golborne Youth Club",
        channel=Channel.ONLINE,
        received_on=today - datetime.timedelta(days=4),
        answers=_answers(
            open_page,
            priority="Looking to the future",
            first="Hold the annual Partnership Event somewhere young people already go.",
        ),
    )
    Response.objects.create(
        page=open_page,
        member=postal,
        name="" if postal else "Edith Carter",
        address="" if postal else "14 Elgin Crescent\nLondon W11 2JA",
        channel=Channel.POST,
        received_on=today - datetime.timedelta(days=3),
        answers=_answers(
            open_page,
            priority="Membership",
            first="An induction for new Steering Group members, and papers sent by post to "
            "those of us without a computer.",
        ),
        recorded_by=officer,
    )
    Response.objects.create(
        page=open_page,
        name="George Okafor",
        address="Flat 3, 21 Portobello Road\nLondon W11 3DA",
        channel=Channel.TELEPHONE,
        received_on=today - datetime.timedelta(days=2),
        answers=_answers(
            open_page,
            priority="Steering Group meetings",
            first="Meet away from the Town Hall now and then, in the north of the borough.",
        ),
        recorded_by=officer,
    )
    Response.objects.create(
        page=open_page,
        name="Maria Santos",
        organisation="Kensington and Chelsea Social Council",
        channel=Channel.EVENT,
        received_on=today - datetime.timedelta(days=1),
        answers=_answers(
            open_page,
            priority="Risk management",
            first="Keep a shared risk register the theme groups can add to.",
        ),
        recorded_by=officer,
    )
    if closed_page is not None:
        for name, organisation, theme, suggestion, channel in (
            (
                "Health and Well-Being partnership",
                "Health and Well-Being partnership",
                "Health and well-being",
                "Add the joint work on healthy schools.",
                Channel.POST,
            ),
            (
                "Voluntary Organisations Forum",
                "Voluntary Organisations Forum",
                "Another theme",
                "Recognise the voluntary sector's part in delivering the strategy.",
                Channel.EVENT,
            ),
            (
                "Community Safety Programme Board",
                "Community Safety Programme Board",
                "Community safety",
                "Bring in the new neighbourhood policing teams.",
                Channel.POST,
            ),
        ):
            Response.objects.create(
                page=closed_page,
                name=name,
                organisation=organisation,
                channel=channel,
                received_on=datetime.date(2007, 10, 12),
                answers=_answers(closed_page, suggestion=suggestion, theme=theme),
                recorded_by=officer,
                is_read=True,
            )
    stdout.write(f"Recorded demo responses to {open_page.title}")
