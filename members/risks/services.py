"""What officers and members do with the risk register: who may see it, saving a risk (every
change of score kept in its history), recording the annual review of the whole register, the
reminder when the review falls due, and the draft report to the wider KCP made from a review."""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from home.outbox import queue_templated_email
from home.roles import PARTNERSHIP_OFFICERS, is_partnership_officer, is_steering_group_member
from papers.models import MeetingPage, ReportPage

from .exceptions import NotAllowedToSeeRisks, NothingToReport
from .models import RegisterReview, ReviewChange, ReviewReminder, Risk, RiskScore
from .scoring import SCORING_RULE, band

REFUSAL = (
    "The risk register is for Steering Group members and Partnership officers. If you have "
    "just joined the Steering Group, ask the Partnership team to record your seat."
)


def check_may_see_register(request) -> None:
    """Steering Group members (a current seat) and Partnership officers; nobody else, lead
    officers and wider-partnership members included."""
    if not (is_partnership_officer(request.user) or is_steering_group_member(request)):
        raise NotAllowedToSeeRisks(REFUSAL)


def _record_score(risk: Risk, user, when: datetime.datetime) -> RiskScore:
    return RiskScore.objects.create(
        risk=risk,
        likelihood_before=risk.likelihood_before,
        impact_before=risk.impact_before,
        likelihood_after=risk.likelihood_after,
        impact_after=risk.impact_after,
        scored_by=user,
        scored_at=when,
    )


@transaction.atomic
def save_risk(officer, risk: Risk, *, now: datetime.datetime | None = None) -> Risk:
    """Save a new or edited risk. A new risk, or any change to its four scores, adds a row to
    its history (who and when); other edits leave the history as it is."""
    now = now or timezone.now()
    previous = None
    if risk.pk:
        previous = Risk.objects.select_for_update().filter(pk=risk.pk).first()
    risk.save()
    if previous is None or previous.scores() != risk.scores():
        _record_score(risk, officer, now)
    return risk


def _changes_since(
    since: datetime.datetime | None, until: datetime.datetime
) -> list[tuple[Risk, str]]:
    """The risks added, re-scored or closed after `since` (every risk, with None) and by
    `until`, the end of the review's day."""
    changes = []
    for risk in Risk.objects.filter(created_at__lte=until).prefetch_related("history"):
        closed_in_period = (
            risk.is_closed
            and risk.closed_on is not None
            and risk.closed_on <= until.date()
            and (since is None or risk.closed_on > since.date())
        )
        if since is None or risk.created_at > since:
            kind = ReviewChange.Kind.CLOSED if closed_in_period else ReviewChange.Kind.ADDED
            changes.append((risk, kind))
        elif closed_in_period:
            changes.append((risk, ReviewChange.Kind.CLOSED))
        elif any(since < score.scored_at <= until for score in risk.history.all()):
            changes.append((risk, ReviewChange.Kind.CHANGED))
    return changes


def _end_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


@transaction.atomic
def record_review(officer, review: RegisterReview) -> RegisterReview:
    """Record a review of the whole register, listing the risks added, re-scored and closed
    since the review before it (all of them, for the first review)."""
    previous = (
        RegisterReview.objects.filter(reviewed_on__lt=review.reviewed_on)
        .order_by("-reviewed_on", "-pk")
        .first()
    )
    since = _end_of(previous.reviewed_on) if previous is not None else None
    review.recorded_by = officer
    review.save()
    review.changes.all().delete()
    ReviewChange.objects.bulk_create(
        ReviewChange(review=review, risk=risk, kind=kind, score_then=risk.score)
        for risk, kind in _changes_since(since, _end_of(review.reviewed_on))
    )
    return review


def next_review_due() -> datetime.date | None:
    latest = RegisterReview.objects.order_by("-reviewed_on", "-pk").first()
    return latest.next_review_on if latest else None


@transaction.atomic
def remind_officers_of_due_review(now: datetime.datetime | None = None) -> bool:
    """When the register's next review falls due (the latest review's next review date has
    come), queue one email to the Partnership officers through the outbox. Recorded by its
    due date, so it goes once whatever runs again; a new review sets a new date. Returns
    whether a reminder was queued."""
    today = timezone.localdate(now or timezone.now())
    due_on = next_review_due()
    if due_on is None or due_on > today:
        return False
    _, created = ReviewReminder.objects.get_or_create(
        due_on=due_on, defaults={"sent_at": now or timezone.now()}
    )
    if not created:
        return False
    officers = list(
        Group.objects.get(name=PARTNERSHIP_OFFICERS)
        .user_set.filter(is_active=True)
        .order_by("email")
        .values_list("email", flat=True)
    )
    if not officers:
        return False
    open_risks = Risk.objects.filter(is_closed=False)
    queue_templated_email(
        kind="Risk register review due",
        to=officers,
        template="risks/email/review_due",
        context={
            "due_on": due_on,
            "open_risks": open_risks.count(),
            "overdue_risks": open_risks.filter(review_on__lte=today).count(),
            "register_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("risks_register"),
        },
        idempotency_key=f"risk-register-review-due:{due_on.isoformat()}",
    )
    return True


def _paragraph(text: str) -> dict:
    return {"type": "paragraph", "value": {"number": "", "text": text}}


def _section(heading: str, paragraphs: list[str]) -> dict:
    content = [_paragraph(text) for text in paragraphs]
    return {"type": "section", "value": {"number": "", "heading": heading, "content": content}}


def report_sections(review: RegisterReview) -> list[dict]:
    changes = list(review.changes.select_related("risk", "risk__owner"))
    by_kind = {kind: [c for c in changes if c.kind == kind] for kind in ReviewChange.Kind.values}
    high = [r for r in Risk.objects.filter(is_closed=False) if band(r.score) == "high"]
    sections = [
        _section(
            "Introduction",
            [
                f"The Partnership reviewed its risk register on {review.reviewed_on.day} "
                f"{review.reviewed_on:%B %Y}. "
                f"The review was carried out by: {review.reviewers.strip()}.",
                *([review.summary.strip()] if review.summary.strip() else []),
                SCORING_RULE,
            ],
        )
    ]
    for kind, heading in (
        (ReviewChange.Kind.ADDED, "Risks added"),
        (ReviewChange.Kind.CHANGED, "Risks re-scored"),
        (ReviewChange.Kind.CLOSED, "Risks closed"),
    ):
        if by_kind[kind]:
            sections.append(
                _section(
                    heading,
                    [
                        f"{c.risk.title} (owner: {c.risk.owner.name}"
                        f"{', ' + c.risk.owner.organisation if c.risk.owner.organisation else ''}"
                        f"): score {c.score_then}."
                        for c in by_kind[kind]
                    ],
                )
            )
    sections.append(
        _section(
            "Risks rated high, and the actions proposed",
            [
                f"{r.title}: score {r.score}. "
                + (
                    f"Actions: {'; '.join(r.action_lines)}."
                    if r.action_lines
                    else "Actions: to be agreed."
                )
                for r in high
            ]
            or ["No open risk is rated high after controls."],
        )
    )
    return sections


@transaction.atomic
def draft_report_from_review(officer, review: RegisterReview, meeting: MeetingPage) -> ReportPage:
    """A draft report to the wider KCP under the meeting, made from the review: who reviewed,
    what changed, the high risks and their actions. Officers edit and publish it as any paper;
    the review keeps a link to it, and making it again is refused while it exists."""
    if review.report_id and ReportPage.objects.filter(pk=review.report_id).exists():
        raise NothingToReport(
            "A report was already drafted from this review: edit that draft instead."
        )
    report = ReportPage(
        title=f"Risk register: annual review {review.reviewed_on:%Y}",
        status=ReportPage.Status.FOR_INFORMATION,
        purpose="This paper reports the annual review of the Partnership's risk register "
        "to the wider KCP, identifying actions where appropriate.",
        author="Report of the Partnership team",
        body=report_sections(review),
        live=False,
        owner=officer,
    )
    meeting.add_child(instance=report)
    report.save_revision(user=officer)
    review.report = report
    review.save(update_fields=["report"])
    return report
