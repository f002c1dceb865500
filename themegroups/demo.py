"""Demo content of the theme groups app: the Steering Group at /steering-group/ and the groups
named in the seed papers under /theme-groups/. Creates only what is missing."""

from home.models import HomePage
from papers.services import collection_for_group

from .models import GroupIndexPage, GroupPage

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
        _add_child(home, steering_group, stdout)
        collection_for_group(steering_group)

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
        _add_child(index, group, stdout)
        collection_for_group(group)


def _add_child(parent, page, stdout) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()
    stdout.write(f"Created {page.title} at {page.url_path}")
