"""Demo content of the risk register: twelve risks a Local Strategic Partnership carries
(funding ending, partners drifting away, low turnout, data protection, reputation ...), each
scored when it was added and some re-scored since, and the two past annual reviews (the
December before last and last December) with what each changed; the next review falls due
this December. Creates only what is missing."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from home.roles import PARTNERSHIP_OFFICERS
from papers.models import ContactOfficer

from .models import RegisterReview, Risk, RiskScore
from .services import record_review

OWNERS = {
    "manager": ("Rachel Smith", "KCP Manager", "Royal Borough of Kensington and Chelsea"),
    "policy": ("David Ward", "Head of Policy", "Royal Borough of Kensington and Chelsea"),
    "kcsc": ("Angela Morris", "Chief Executive", "Kensington and Chelsea Social Council"),
    "nhs": ("Dr Peter Lamb", "Director of Public Health", "NHS Kensington and Chelsea"),
    "police": ("Ch Supt Helen Ross", "Borough Commander", "Metropolitan Police"),
}

# title, category, owner, cause, effect, controls, actions, scores before (L, I) and after at
# the start, re-scores [(year, L, I)], closed in (year or None), added in (year)
RISKS = [
    (
        "Neighbourhood Renewal Fund ends",
        "funding",
        "manager",
        "Government funding for neighbourhood renewal ends in March 2008 and is not replaced.",
        "Projects in the northern wards close; partners lose confidence in the Partnership.",
        "Exit strategy agreed for each funded project\nMainstreaming plan with each partner",
        "Agree mainstream funding for the three most effective projects",
        (5, 5),
        (4, 4),
        [(2008, 3, 4)],
        None,
        2006,
    ),
    (
        "Partners disengage from the Steering Group",
        "partnership",
        "manager",
        "Senior partners send deputies or stop attending as priorities change.",
        "Decisions lack the authority to commit partners' resources.",
        "Annual one-to-one with each partner's lead\nAway day each year to renew commitment",
        "Steering Group membership review (2009 review, 2.3)",
        (4, 4),
        (3, 4),
        [(2008, 3, 3)],
        None,
        2006,
    ),
    (
        "Low turnout at Partnership meetings",
        "governance",
        "policy",
        "Meetings at the Town Hall in working hours suit officers more than residents.",
        "Meetings are not quorate; the voluntary sector's voice is weak.",
        "Half of meetings held away from the Town Hall\nPapers sent a week ahead",
        "Hold the Partnership Event in the north of the borough",
        (4, 3),
        (3, 3),
        [(2007, 4, 3), (2008, 2, 3)],
        None,
        2006,
    ),
    (
        "Personal data of members is lost or misused",
        "information",
        "policy",
        "Membership lists and consultation responses are kept in spreadsheets by several officers.",
        "Harm to members, a complaint to the Information Commissioner and loss of trust.",
        "Membership data kept only in the Partnership's system\nTwo-factor sign-in for officers",
        "Annual data protection training for the Partnership team",
        (3, 5),
        (2, 4),
        [],
        None,
        2006,
    ),
    (
        "Damage to the Partnership's reputation",
        "reputation",
        "manager",
        "A failed project or a public disagreement between partners is reported in the press.",
        "Residents and partners lose confidence; harder to recruit members.",
        "Agreed media protocol between partners\nPapers published openly online",
        "",
        (3, 4),
        (2, 3),
        [],
        None,
        2006,
    ),
    (
        "Community Strategy targets are missed",
        "delivery",
        "policy",
        "Targets are set without lead partners' agreement or the data to track them.",
        "The Partnership cannot show progress; its role is questioned by Government Office.",
        "Indicators data bank with named leads\nProgress report to every second Steering Group",
        "Publish progress against the floor targets each year",
        (4, 4),
        (3, 4),
        [(2008, 3, 3)],
        None,
        2006,
    ),
    (
        "Voluntary sector under-represented on sub-groups",
        "partnership",
        "kcsc",
        "Small voluntary groups cannot release staff for daytime meetings.",
        "Sub-groups fall below one third voluntary and community sector membership.",
        "Composition of each group reported annually\nExpenses for volunteer members",
        "Invite expressions of interest in joining each group",
        (4, 3),
        (3, 3),
        [],
        None,
        2007,
    ),
    (
        "Key staff leave the Partnership team",
        "funding",
        "manager",
        "A small team depends on two posts funded year by year.",
        "Support to groups stops; meetings and papers are delayed.",
        "Procedures written down\nCover arrangements with the Council's policy team",
        "",
        (3, 4),
        (3, 3),
        [],
        None,
        2007,
    ),
    (
        "Duplication with other partnerships",
        "governance",
        "policy",
        "Theme groups and statutory boards cover the same ground.",
        "Partners' time is wasted; decisions conflict.",
        "Forward plans shared between groups",
        "Map the borough's partnership bodies",
        (3, 3),
        (2, 3),
        [],
        2008,
        2006,
    ),
    (
        "Health inequalities widen in the north",
        "delivery",
        "nhs",
        "Life expectancy gap between wards grows despite programmes.",
        "Floor target on mortality missed; residents' trust falls.",
        "Health and Well-Being Partnership plan with ward targets",
        "",
        (4, 4),
        (4, 3),
        [(2008, 3, 4)],
        None,
        2007,
    ),
    (
        "Crime and fear of crime rise",
        "delivery",
        "police",
        "Reductions in neighbourhood policing or youth provision.",
        "Community safety targets missed; residents feel less safe.",
        "Safer Neighbourhoods teams in every ward\nJoint tasking with the Council",
        "",
        (3, 4),
        (2, 4),
        [],
        None,
        2008,
    ),
    (
        "Local Area Agreement targets not owned by partners",
        "governance",
        "policy",
        "The new Local Area Agreement brings targets partners did not choose.",
        "Reward grant is lost; partners withdraw from performance management.",
        "Each target has a lead partner agreed by the Steering Group",
        "",
        (4, 3),
        (3, 3),
        [],
        None,
        2008,
    ),
]


def _owner(key: str) -> ContactOfficer:
    name, job_title, organisation = OWNERS[key]
    owner, _ = ContactOfficer.objects.get_or_create(
        name=name, defaults={"job_title": job_title, "organisation": organisation}
    )
    return owner


def _at(year: int, month: int = 4, day: int = 1) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


def load(stdout) -> None:
    if Risk.objects.exists():
        return
    officers = Group.objects.filter(name=PARTNERSHIP_OFFICERS).first()
    recorder = officers.user_set.order_by("pk").first() if officers else None
    # The register's story runs over the last three years, whatever year the demo is run in.
    shift = timezone.localdate().year - 2009
    risks = []
    for entry in RISKS:
        (
            title,
            category,
            owner,
            cause,
            effect,
            controls,
            actions,
            before,
            after,
            rescores,
            closed_in,
            added_in,
        ) = entry
        risk = Risk.objects.create(
            title=title,
            category=category,
            owner=_owner(owner),
            cause=cause,
            effect=effect,
            controls=controls,
            related_actions=actions,
            likelihood_before=before[0],
            impact_before=before[1],
            likelihood_after=after[0],
            impact_after=after[1],
            review_on=datetime.date(2027, 3, 31),
            is_closed=closed_in is not None,
            closed_on=datetime.date(closed_in + shift, 11, 1) if closed_in else None,
        )
        Risk.objects.filter(pk=risk.pk).update(created_at=_at(added_in + shift, 1, 15))
        RiskScore.objects.create(
            risk=risk,
            likelihood_before=before[0],
            impact_before=before[1],
            likelihood_after=after[0],
            impact_after=after[1],
            scored_by=recorder,
            scored_at=_at(added_in + shift, 1, 15),
        )
        for year, likelihood, impact in rescores:
            risk.likelihood_after, risk.impact_after = likelihood, impact
            risk.save(update_fields=["likelihood_after", "impact_after"])
            RiskScore.objects.create(
                risk=risk,
                likelihood_before=before[0],
                impact_before=before[1],
                likelihood_after=likelihood,
                impact_after=impact,
                scored_by=recorder,
                scored_at=_at(year + shift, 9, 10),
            )
        risks.append(risk)
    for year, summary in (
        (
            2007,
            "The register was agreed in its first full form. Funding remains the highest "
            "risk; officers to bring an exit strategy for each funded project.",
        ),
        (
            2008,
            "Funding and partner engagement are still the main risks. Duplication with "
            "other partnerships is closed now that forward plans are shared.",
        ),
    ):
        record_review(
            recorder,
            RegisterReview(
                reviewed_on=datetime.date(year + shift, 12, 10),
                reviewers="Community Strategy sub group: Cllr Anne Baker (chair), Rachel Smith "
                "(KCP Manager), Angela Morris (KCSC), David Ward (RBKC Policy)",
                summary=summary,
                next_review_on=datetime.date(year + shift + 1, 12, 10),
            ),
        )
    stdout.write(f"Created the risk register: {len(risks)} risks and two past reviews.")
