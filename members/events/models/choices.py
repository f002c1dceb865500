"""The words events share: who may take part, what kind of event, and an away day's replies."""

from django.db import models

from home.roles import PARTNERSHIP_OFFICERS, STEERING_GROUP_MEMBERS, WIDER_PARTNERSHIP_MEMBERS


class Audience(models.TextChoices):
    STEERING_GROUP = "steering_group", "Steering Group members only"
    WIDER_PARTNERSHIP = "wider_partnership", "Members of the wider partnership"
    PUBLIC = "public", "Anyone, the public too"


# Who may see (and so register for) an event of each audience: the Django groups of its view
# restriction. Officers are in every list so they can check restricted pages as visitors do.
AUDIENCE_GROUPS = {
    Audience.STEERING_GROUP: (STEERING_GROUP_MEMBERS, PARTNERSHIP_OFFICERS),
    Audience.WIDER_PARTNERSHIP: (
        WIDER_PARTNERSHIP_MEMBERS,
        STEERING_GROUP_MEMBERS,
        PARTNERSHIP_OFFICERS,
    ),
    Audience.PUBLIC: (),
}


class EventKind(models.TextChoices):
    EVENT = "event", "An event people register for"
    AWAY_DAY = "away_day", "A Steering Group away day (members answer the sign-up)"


class Reply(models.TextChoices):
    """A Steering Group member's answer to an away day's sign-up."""

    ATTENDING = "attending", "Attending"
    TENTATIVE = "tentative", "Tentative"
    NOT_ATTENDING = "not_attending", "Not attending"


# Replies that hold a place: a tentative member may come, so a place is kept for them.
REPLIES_HOLDING_A_PLACE = (Reply.ATTENDING, Reply.TENTATIVE)
