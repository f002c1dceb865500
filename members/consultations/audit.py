"""The actions on responses' personal data that consultations write to the one audit trail
(home.audit), with the words officers read on its screen."""

from django.db import models


class Action(models.TextChoices):
    VIEWED = "consultations.viewed", "Viewed responses"
    EXPORTED = "consultations.exported", "Exported responses"
    PRINTED = "consultations.printed", "Printed responses"
    MARKED_READ = "consultations.marked_read", "Marked responses as read"
    RECORDED = "consultations.recorded", "Recorded a response received offline"
    OPENED_FOR_COMMENTS = "consultations.opened", "Opened a paper for comments"
