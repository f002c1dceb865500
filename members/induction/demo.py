"""Demo induction for `make run`: six modules whose text is drawn from the seed papers (the
Partnership Plan 2004/05, the Community Strategy mid-term review and the 2009 KCP Review),
and two demo Steering Group members, one half-way through and one with nothing done."""

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from home.models import HomePage
from members.induction.services import induction_collection, mark_module_done
from members.models import InductionDocument, InductionIndexPage, InductionModulePage
from papers.seed_papers import SEED_PAPERS_DIR

REVIEW_PAPER = SEED_PAPERS_DIR / "2009-05-13-kcp-review-priorities-2009-10.txt"

INTRODUCTION = (
    "Welcome to the Steering Group. These six short modules explain what the Partnership "
    "does, how its meetings work and where to find help. Read them in order, at your own "
    "pace, and mark each one as done."
)

MODULES = [
    (
        "What the Partnership is and does",
        "what-the-partnership-is",
        "The Kensington and Chelsea Partnership, its Steering Group and the Community Strategy "
        "it leads.",
        "<p>The Kensington and Chelsea Partnership (KCP) is the borough's Local Strategic "
        "Partnership: the Council, the NHS, the police, voluntary and community organisations "
        "and businesses working together on the Community Strategy.</p>"
        "<h2>The Steering Group</h2><p>The Steering Group leads the Partnership. It agrees the "
        "Community Strategy and the Local Area Agreement, reviews them each year and oversees "
        "the work of the theme groups and sub-partnerships.</p>"
        "<h2>Beyond the formal role</h2><p>The 2009 KCP Review found that the role of the "
        "Partnership “could be further developed beyond formal required role (developing the "
        "Community Strategy and LAA)” and that “the wider network of theme groups/sub "
        "partnerships is underused and could be strengthened”. As a member, you are part of "
        "strengthening it.</p>",
    ),
    (
        "Terms of reference and the Compact",
        "terms-of-reference",
        "What the Steering Group may decide, who sits on it, and how partners work together.",
        "<p>The Partnership Plan 2004/05 asked the Community Strategy sub-group to "
        "“redefine the aims of the partnership”, “reshape the Terms of Reference” and "
        "“revisit how the steering group is connected to the partner organisations it "
        "represents”.</p><h2>Who sits on the Steering Group</h2><p>Each member represents a "
        "partner organisation. Membership is kept under regular review so that it remains "
        "relevant: tell the Partnership team when something changes in your organisation.</p>"
        "<h2>Fair representation</h2><p>The Partnership's protocol asks that sub-groups of "
        "the Partnership have at least one third of their representatives from the voluntary "
        "and community sector.</p>",
    ),
    (
        "How Steering Group meetings work: agendas, papers, News and Views",
        "how-meetings-work",
        "How often the Steering Group meets, where, how agendas are planned and what is "
        "expected of you at each meeting.",
        "<p>The Steering Group meets at least four times a year. At least half of its "
        "meetings are held away from the Town Hall, in the community.</p>"
        "<h2>Agendas and papers</h2><p>Draft agendas go to the Agenda Planning sub-group for "
        "agreement two weeks before each meeting, and a forward programme of meetings is "
        "published so that people can plan to come. Papers are published on this website "
        "under each meeting.</p><h2>News and Views</h2><p>At each meeting members “update on "
        "the work of relevant theme groups/sub partnership” under News and Views. The lead "
        "officers of those groups brief you beforehand.</p>",
    ),
    (
        "The Community Strategy and how we monitor it",
        "community-strategy",
        "The strategy the Partnership steers, its mid-term review and how progress is tracked.",
        "<p>The Community Strategy sets out what the partners will do together for the "
        "borough. In 2007 the Steering Group undertook a mid-term review: the detailed work "
        "was delegated to the Community Strategy sub-group, which sought comments from every "
        "theme group and partner and published a short update.</p><h2>Monitoring</h2><p>The "
        "Steering Group reviews the action plans each year. Progress trackers collate every "
        "strategy's actions, and a KCP Risk Register is reviewed and updated annually by the "
        "Community Strategy sub-group.</p>",
    ),
    (
        "Theme groups and sub-partnerships",
        "theme-groups",
        "The groups that carry out the Partnership's work, and how they report to you.",
        "<p>The Partnership's work on each part of the Community Strategy is carried out by "
        "theme groups and sub-partnerships: the Health and Well-Being Partnership, the Family "
        "and Children's Strategic Partnership, the Learning, Work and Business theme group, "
        "the Community Safety Programme Board and the Voluntary Organisations Forum.</p>"
        "<p>Each has a lead officer and its own pages on this website, with its agendas and "
        "papers. A network of lead officers shares each group's work programme and "
        "priorities with the Steering Group.</p>",
    ),
    (
        "The review's priorities for 2009/10, and who's who in the support team",
        "priorities-and-support",
        "What the 2009 KCP Review asked of members, and how to reach the Partnership team.",
        "<p>The 2009 KCP Review agreed priorities for the year: strengthening the role of the "
        "KCP, keeping membership under review with a formal induction programme, planning "
        "meetings further ahead, managing risk, and member development through an annual "
        "Partnership Event and an Away Day.</p><h2>Your induction</h2><p>The review asked for "
        "“member shadowing” and “an opportunity for new members to meet briefly with existing "
        "members outside the scope of KCP meetings”. The Partnership team will pair you with "
        "an existing member.</p><h2>The support team</h2><p>The KCP Manager and the "
        "Partnership team at the Royal Borough of Kensington and Chelsea support the Steering "
        "Group: telephone 020 7361 3671 or email kcp@rbkc.gov.uk.</p>",
    ),
]


@transaction.atomic
def load_induction(stdout, *, half_way_member) -> None:
    """The induction section, its modules and a document only the Steering Group may open;
    the half-way member has done the first three modules."""
    home = HomePage.objects.first()
    if home is None:
        return
    index = InductionIndexPage.objects.first()
    if index is None:
        index = InductionIndexPage(
            title="Induction for Steering Group members",
            slug="induction",
            introduction=INTRODUCTION,
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        stdout.write("Created the induction section at /induction/")
    existing = set(Page.objects.child_of(index).values_list("slug", flat=True))
    for title, slug, summary, body in MODULES:
        if slug in existing:
            continue
        module = InductionModulePage(title=title, slug=slug, summary=summary, body=body)
        index.add_child(instance=module)
        module.save_revision().publish()
    _review_document(index)
    if half_way_member is not None and not half_way_member.induction_completions.exists():
        modules = InductionModulePage.objects.child_of(index).live().order_by("path")
        for module in modules[: len(MODULES) // 2]:
            mark_module_done(half_way_member, module.pk)


def _review_document(index) -> None:
    """The 2009 KCP Review, as a document in the induction's collection, on the last module."""
    last = InductionModulePage.objects.child_of(index).filter(slug=MODULES[-1][1]).first()
    if last is None or last.documents.exists():
        return
    document = get_document_model().objects.create(
        title="KCP Review – taking forward priorities for 2009/10",
        file=ContentFile(REVIEW_PAPER.read_bytes(), name=REVIEW_PAPER.name),
        collection=induction_collection(),
    )
    last.documents = [
        InductionDocument(document=document, description="The paper the induction comes from")
    ]
    last.save_revision().publish()
