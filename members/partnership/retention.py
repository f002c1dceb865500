"""Retention: memberships with no activity and no renewed consent for the period in the site
settings are listed for officers, who renew or erase them; the nightly job erases those past
the period."""

import datetime

from django.db.models import Max, Q
from django.utils import timezone
from wagtail.models import Site

from members.models import Member, MembershipRetentionSettings


def retention_settings() -> MembershipRetentionSettings:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return MembershipRetentionSettings()
    return MembershipRetentionSettings.for_site(site)


def retention_months() -> int:
    return retention_settings().retention_months


def _with_last_renewal(queryset):
    return queryset.annotate(last_consent_at=Max("consents__given_at"))


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's
    last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_month - datetime.timedelta(days=1)).day
    return moment.replace(year=year, month=month, day=min(moment.day, last_day))


def review_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return months_before(now or timezone.now(), retention_months())


def members_due_for_review(now: datetime.datetime | None = None):
    """Members whose last activity and last consent are both older than the period less the
    warning days: past the limit, or reaching it soon."""
    config = retention_settings()
    cutoff = review_cutoff(now) + datetime.timedelta(days=config.warning_days)
    return (
        _with_last_renewal(Member.objects.all())
        .filter(last_active_at__lt=cutoff)
        .filter(Q(last_consent_at__lt=cutoff) | Q(last_consent_at__isnull=True))
        .order_by("last_active_at")
    )


def members_past_retention(now: datetime.datetime | None = None):
    cutoff = review_cutoff(now)
    return (
        _with_last_renewal(Member.objects.all())
        .filter(last_active_at__lt=cutoff)
        .filter(Q(last_consent_at__lt=cutoff) | Q(last_consent_at__isnull=True))
    )
