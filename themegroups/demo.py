"""Demo content of the theme groups app: the Steering Group at /steering-group/ and the groups
named in the seed papers under /theme-groups/, each filled out with a meeting and a paper,
and the lead officers' network. Creates only what is missing. The demo lead officers'
accounts are in members.demo.DEMO_ACCOUNTS, so `manage.py demo_logins` prints them."""

import datetime

from home.models import HomePage, Organisation
from papers.meeting_calendar import LONDON
from papers.models import ContactOfficer, MeetingPage, ReportPage

from .models import (
    GroupIndexPage,
    GroupLeadOfficer,
    GroupLink,
    GroupMember,
    GroupPage,
    GroupPriority,
    LeadOfficersNetworkPage,
)

Kind = GroupPage.Kind

STEERING_GROUP_PURPOSE = (
    "The Steering Group leads the Kensington and Chelsea Partnership: it agrees the Community "
    "Strategy and the Local Area Agreement and oversees the theme groups' work towards them."
)

GROUPS = [
    (
        "Health and Well-Being Partnership",
        "health-and-well-being",
        Kind.THEME_GROUP,
        "Brings the NHS, the Council and voluntary organisations together to improve health "
        "and reduce health inequalities in the borough.",
    ),
    (
        "Family and Children's Strategic Partnership",
        "family-and-childrens-strategic-partnership",
        Kind.SUB_PARTNERSHIP,
        "Plans services for children, young people and families across the partner organisations.",
    ),
    (
        "Learning, Work and Business theme group",
        "learning-work-and-business",
        Kind.THEME_GROUP,
        "Helps residents into learning and work and supports local business.",
    ),
    (
        "Community Safety Programme Board",
        "community-safety",
        Kind.SUB_PARTNERSHIP,
        "The police, the Council and partners working to reduce crime and the fear of crime.",
    ),
    (
        "Voluntary Organisations Forum",
        "voluntary-organisations-forum",
        Kind.THEME_GROUP,
        "The voice of the borough's voluntary and community organisations in the Partnership.",
    ),
    (
        "Agenda Planning sub-group",
        "agenda-planning",
        Kind.STEERING_GROUP_SUB_GROUP,
        "Plans the Steering Group's agendas and forward programme of meetings.",
    ),
    (
        "Community Strategy sub-group",
        "community-strategy",
        Kind.STEERING_GROUP_SUB_GROUP,
        "Oversees the Community Strategy: its reviews, its action plans and its progress.",
    ),
]


ORGANISATIONS = [
    ("Royal Borough of Kensington and Chelsea", "RBKC", Organisation.Sector.COUNCIL),
    ("NHS Kensington and Chelsea", "NHS K&C", Organisation.Sector.HEALTH),
    ("Metropolitan Police, Kensington and Chelsea", "MPS", Organisation.Sector.POLICE),
    ("Kensington and Chelsea Social Council", "KCSC", Organisation.Sector.VOLUNTARY),
    ("Jobcentre Plus", "JCP", Organisation.Sector.EDUCATION),
    ("Kensington and Chelsea College", "KCC", Organisation.Sector.EDUCATION),
    ("Chelsea and Westminster Chamber of Commerce", "", Organisation.Sector.BUSINESS),
]
RBKC, NHS, POLICE, KCSC, JOBCENTRE, COLLEGE, CHAMBER = (row[0] for row in ORGANISATIONS)

# slug: (lead officer's name and job title as the public sees them, lead organisation,
#        member organisations, chair, link, priorities as (priority, actions, lead, due))
DETAILS = {
    "health-and-well-being": (
        ("Dr Anna Patel", "Director of Public Health"),
        NHS,
        [NHS, RBKC, KCSC],
        "Dr Michael Wilson, NHS Kensington and Chelsea",
        ("NHS Kensington and Chelsea", "https://www.nhs.uk/"),
        [
            (
                "Reduce smoking",
                "Stop-smoking clinics in Golborne and Notting Barns\nSchools campaign",
                "NHS Kensington and Chelsea",
                "March 2010",
            ),
            ("Healthier older people", "Falls prevention classes", RBKC, "Ongoing"),
        ],
    ),
    "family-and-childrens-strategic-partnership": (
        ("Sarah Jones", "Head of Children's Partnerships"),
        RBKC,
        [RBKC, NHS, KCSC, POLICE],
        "Councillor Shireen Ritchie, Cabinet Member for Family Services",
        ("Family Services", "https://www.rbkc.gov.uk/"),
        [
            (
                "Children's Plan refresh",
                "Consult young people\nPublish the plan",
                RBKC,
                "September 2009",
            )
        ],
    ),
    "learning-work-and-business": (
        ("Peter Green", "Economic Development Manager"),
        RBKC,
        [RBKC, JOBCENTRE, COLLEGE, CHAMBER],
        "Alan Brown, Kensington and Chelsea College",
        ("Kensington and Chelsea College", "https://www.kcc.ac.uk/"),
        [
            (
                "Fewer people out of work",
                "Job brokerage in the north of the borough",
                JOBCENTRE,
                "March 2010",
            )
        ],
    ),
    "community-safety": (
        ("Chief Inspector Tom Hughes", "Partnership Inspector"),
        POLICE,
        [POLICE, RBKC, KCSC],
        "Borough Commander, Metropolitan Police",
        ("Metropolitan Police", "https://www.met.police.uk/"),
        [("Reduce anti-social behaviour", "Safer Neighbourhoods ward panels", POLICE, "Ongoing")],
    ),
    "voluntary-organisations-forum": (
        ("Maria Lopez", "Chief Executive, KCSC"),
        KCSC,
        [KCSC],
        "Maria Lopez, Kensington and Chelsea Social Council",
        ("Kensington and Chelsea Social Council", "https://www.kcsc.org.uk/"),
        [
            (
                "A stronger voluntary sector voice",
                "Elect representatives to each theme group",
                KCSC,
                "July 2009",
            )
        ],
    ),
    "agenda-planning": (
        ("Rachel Smith", "KCP Manager"),
        RBKC,
        [RBKC, KCSC],
        "The Chairman of the Partnership",
        None,
        [
            (
                "Longer-term priorities for Steering Group meetings",
                "Agree a forward programme\nOne item of interest at each meeting",
                "Agenda Planning Group",
                "2009/10",
            )
        ],
    ),
    "community-strategy": (
        ("Helen Kay", "Policy Officer"),
        RBKC,
        [RBKC, NHS, POLICE, KCSC],
        "Derek Myers, Town Clerk",
        None,
        [
            (
                "KCP Risk Register",
                "Review the register annually and report to the KCP",
                "Community Strategy sub group",
                "March 2010",
            )
        ],
    ),
}

TERMS_OF_REFERENCE = (
    "<p>The Steering Group is the Partnership's decision-making body. It:</p><ul>"
    "<li>agrees the Community Strategy and the Local Area Agreement, and reviews them each "
    "year;</li><li>oversees the work of the theme groups and sub-partnerships, which report "
    "to it under News and Views at each meeting;</li><li>meets at least four times a year, "
    "at least half of the time away from the Town Hall.</li></ul>"
)


def load(stdout) -> None:
    home = HomePage.objects.first()
    if home is None:
        return
    if not home.get_children().filter(slug="steering-group").exists():
        steering_group = GroupPage(
            title="Steering Group",
            slug="steering-group",
            kind=Kind.STEERING_GROUP,
            purpose=STEERING_GROUP_PURPOSE,
            show_in_menus=True,
        )
        organisations = _organisations()
        steering_group.terms_of_reference = TERMS_OF_REFERENCE
        steering_group.chair = "Councillor Merrick Cockell, Leader of the Council"
        steering_group.lead_organisation = organisations[RBKC]
        steering_group.contact = _contact()
        _add_child(home, steering_group, stdout)

    index = GroupIndexPage.objects.first()
    if index is None:
        index = GroupIndexPage(
            title="Theme groups",
            slug="theme-groups",
            introduction="Theme groups, sub-partnerships and Steering Group sub-groups carry "
            "out the Partnership's work on each part of the Community Strategy.",
            show_in_menus=True,
        )
        _add_child(home, index, stdout)
    existing = set(index.get_children().values_list("slug", flat=True))
    for title, slug, kind, purpose in GROUPS:
        if slug in existing:
            continue
        group = GroupPage(title=title, slug=slug, kind=kind, purpose=purpose)
        _fill_in(group, slug)
        _add_child(index, group, stdout)
        _meetings(group, stdout)
    if not LeadOfficersNetworkPage.objects.exists():
        _add_child(
            index,
            LeadOfficersNetworkPage(
                title="Lead officers' network",
                slug="lead-officers-network",
                introduction="Every theme group's work programme and priorities for the "
                "year, side by side, so that groups and the Partnership know each other's "
                "plans (KCP Review, 2.2.3).",
            ),
            stdout,
        )


def _add_child(parent, page, stdout) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"Created {page.title} at {page.url_path}")


def _organisations() -> dict[str, Organisation]:
    for name, short_name, sector in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name=name, defaults={"short_name": short_name, "sector": sector}
        )
    return {organisation.name: organisation for organisation in Organisation.objects.all()}


def _contact() -> ContactOfficer:
    contact = ContactOfficer.objects.filter(email="kcp@rbkc.gov.uk").first()
    return contact or ContactOfficer.objects.create(
        name="Partnership team",
        job_title="Kensington and Chelsea Partnership support",
        organisation="Royal Borough of Kensington and Chelsea",
        phone="020 7361 3671",
        email="kcp@rbkc.gov.uk",
    )


def _fill_in(group: GroupPage, slug: str) -> None:
    details = DETAILS.get(slug)
    if details is None:
        return
    (officer_name, job_title), lead, members, chair, link, priorities = details
    organisations = _organisations()
    group.chair = chair
    group.lead_organisation = organisations[lead]
    group.contact = _contact()
    group.work_programme_year = "2009/10"
    group.lead_officers = [
        GroupLeadOfficer(name=officer_name, job_title=job_title, organisation=organisations[lead])
    ]
    group.members = [
        GroupMember(sort_order=position, organisation=organisations[name])
        for position, name in enumerate(members)
    ]
    group.links = [GroupLink(title=link[0], url=link[1])] if link else []
    group.priorities = [
        GroupPriority(
            sort_order=position, priority=priority, actions=actions, lead=lead_by, due=due
        )
        for position, (priority, actions, lead_by, due) in enumerate(priorities)
    ]


def _meetings(group: GroupPage, stdout) -> None:
    """A held meeting with a short report, and the next one."""
    held = MeetingPage(
        title=f"{group.title}, 17 June 2009",
        start=datetime.datetime(2009, 6, 17, 14, 0, tzinfo=LONDON),
        status=MeetingPage.Status.HELD,
        venue_name="The Town Hall, Committee Room 1",
        venue_address="Hornton Street, London W8 7NX",
        is_step_free=True,
        has_hearing_loop=True,
    )
    _add_child(group, held, stdout)
    _add_child(
        held,
        ReportPage(
            title="Work programme and priorities for 2009/10",
            slug="work-programme-2009-10",
            status=ReportPage.Status.FOR_APPROVAL,
            purpose=f"This paper sets out the {group.title}'s priorities for 2009/10 for the "
            "group to agree, so that they can be shared with the Partnership.",
            contact_name="Partnership team",
            contact_email="kcp@rbkc.gov.uk",
        ),
        stdout,
    )
    _add_child(
        group,
        MeetingPage(
            title=f"{group.title}, 16 June 2027",
            start=datetime.datetime(2027, 6, 16, 14, 0, tzinfo=LONDON),
            venue_name="Kensington and Chelsea Social Council",
            venue_address="111–117 Lancaster Road, London W11 1QT",
            is_away_from_town_hall=True,
            is_step_free=True,
        ),
        stdout,
    )
