"""Outreach lists and their contacts, the suppression list, campaigns with their channels and
short codes, who each campaign contacted, the sign-ups traced to a channel, and the anonymous
monthly counts of joins and leaves the membership figures are drawn from."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class OutreachList(models.Model):
    """A list of groups or people who are not members: "Voluntary and community groups",
    "Respondents to the 2001 consultations who agreed to be contacted"."""

    name = models.CharField(max_length=150, unique=True)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    """One entry of a list. PECR: email goes to a corporate address, or to an individual who
    consented; post may rely on legitimate interests (services.may_email says which)."""

    class Kind(models.TextChoices):
        VOLUNTARY_GROUP = "voluntary_group", "Voluntary or community group"
        BUSINESS = "business", "Business"
        RESIDENTS_ASSOCIATION = "residents_association", "Residents' or tenants' association"
        PAST_RESPONDENT = "past_respondent", "Responded to a past consultation"
        OTHER = "other", "Other"

    class LawfulBasis(models.TextChoices):
        CONSENT = "consent", "Consent"
        LEGITIMATE_INTERESTS = "legitimate_interests", "Legitimate interests"

    outreach_list = models.ForeignKey(
        OutreachList, on_delete=models.CASCADE, related_name="contacts", verbose_name="list"
    )
    name = models.CharField(max_length=150, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    email = models.EmailField(max_length=254, blank=True)
    is_corporate_email = models.BooleanField(
        default=False,
        help_text="A general address of an organisation (info@, enquiries@), not a person's.",
    )
    postal_address = models.TextField(max_length=500, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    source = models.CharField(max_length=200, help_text="Where the entry came from.")
    lawful_basis = models.CharField(max_length=30, choices=LawfulBasis.choices)
    has_consented_to_email = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["organisation", "name", "pk"]

    def __str__(self) -> str:
        return self.organisation or self.name

    @property
    def label(self) -> str:
        return ", ".join(part for part in (self.name, self.organisation) if part)


class Suppression(models.Model):
    """Someone who asked to be left alone: a keyed hash of their normalised email or address,
    never the address itself, so it can be kept after the entry is erased."""

    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Suppression {self.pk}"


class Campaign(models.Model):
    name = models.CharField(max_length=150, unique=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    lists = models.ManyToManyField(OutreachList, related_name="campaigns", blank=True)
    kinds = models.JSONField(
        default=list, blank=True, help_text="Kinds of contact to reach; empty for every kind."
    )
    message = models.TextField(help_text="What the letters and emails say, in plain text.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class Channel(models.Model):
    """One way a campaign reaches people, with its own short code: /j/<code>."""

    class Kind(models.TextChoices):
        LETTER = "letter", "Letter"
        EMAIL = "email", "Email"
        POSTER = "poster", "Poster"
        FLYER = "flyer", "Flyer"
        PRESS = "press", "Press or newsletter"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="channels")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    place = models.CharField(
        max_length=150, blank=True, help_text="Where a poster or flyer goes: a library, a surgery."
    )
    code = models.CharField(max_length=12, unique=True)

    class Meta:
        ordering = ["campaign", "kind", "place"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}{f' at {self.place}' if self.place else ''}"


class Contacting(models.Model):
    """A contact was sent a campaign's letter or email: once per campaign, ever."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="contactings")
    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="contactings")
    contact = models.ForeignKey(
        Contact, null=True, on_delete=models.SET_NULL, related_name="contactings"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "contact"], name="outreach_contacted_once_per_campaign"
            )
        ]

    def __str__(self) -> str:
        return f"Contacted by {self.channel} on {self.at:%Y-%m-%d}"


class SignUp(models.Model):
    """A sign-up traced to a channel: by the code's link, or typed on the join form. The
    count survives the member's erasure; the link to the member does not."""

    class How(models.TextChoices):
        LINK = "link", "Followed the code's link"
        TYPED = "typed", "Typed the code on the join form"

    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, related_name="sign_ups")
    member = models.OneToOneField(
        "members.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="outreach_sign_up",
    )
    how = models.CharField(max_length=10, choices=How.choices)
    at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Sign-up through {self.channel} on {self.at:%Y-%m-%d}"


class MembershipTally(models.Model):
    """How many joined or left in a month, in total and by kind, route and interest: counts
    only, so the figures survive every erasure."""

    class Movement(models.TextChoices):
        JOINED = "joined", "Joined"
        LEFT = "left", "Left"

    class Dimension(models.TextChoices):
        ALL = "all", "All members"
        KIND = "kind", "Kind of member"
        ROUTE = "route", "Route"
        INTEREST = "interest", "Interest"

    month = models.DateField(help_text="The first day of the month.")
    movement = models.CharField(max_length=10, choices=Movement.choices)
    dimension = models.CharField(max_length=10, choices=Dimension.choices)
    value = models.CharField(max_length=60, blank=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["month", "dimension", "value", "movement"]
        constraints = [
            models.UniqueConstraint(
                fields=["month", "movement", "dimension", "value"], name="outreach_one_tally"
            )
        ]

    def __str__(self) -> str:
        return f"{self.month:%B %Y}: {self.count} {self.movement} ({self.dimension} {self.value})"


class MemberCount(models.Model):
    """The number of active members, worked out by the daily job (count_members), for the
    home and join pages. Its own table, outside the apps whose changes forget cached pages."""

    counted_at = models.DateTimeField(default=timezone.now)
    active_members = models.PositiveIntegerField(default=0)

    class Meta:
        get_latest_by = "counted_at"

    def __str__(self) -> str:
        return f"{self.active_members} members on {self.counted_at:%Y-%m-%d}"


@register_setting(icon="group")
class OutreachSettings(BaseSiteSetting):
    is_member_count_shown = models.BooleanField(
        "Show the number of members",
        default=False,
        help_text="The home and join pages say “About N members”, counted once a day and "
        "rounded down.",
    )

    panels = [FieldPanel("is_member_count_shown")]

    class Meta:
        verbose_name = "outreach"
