"""The site's own pages: the home page, free content pages, the accessibility statement and
the privacy notice."""

from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import ContentStreamBlock
from ..extension_points import HOME_PAGE_PANELS, data_protection_register, panels
from ..site_chrome import ViewRestrictionsFromMemoryMixin
from .privacy import PrivacyNoticeVersion


class HomePage(ViewRestrictionsFromMemoryMixin, Page):
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    introduction = models.TextField(
        blank=True, help_text="One or two sentences saying what the Partnership is for."
    )
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        HelpPanel(
            content="The latest papers and the next meetings are listed on the home page "
            "automatically when they are published."
        ),
        FieldPanel("body"),
    ]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        """The panels other apps add (kcp_home_page_panels): the latest papers, the next
        meetings."""
        context = super().get_context(request, *args, **kwargs)
        context["panels"] = [panel.render(request) for panel in panels(HOME_PAGE_PANELS, request)]
        return context

    def route(self, request, path_components):
        """Finds the page at the path in one query, however deep it sits, where Wagtail walks
        the tree with two queries a level. No page type below overrides `route`; a path that
        names no page is left to Wagtail's walk (which answers 404)."""
        if not path_components:
            return super().route(request, path_components)
        page = (
            Page.objects.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                path__startswith=self.path,
                url_path=f"{self.url_path}{'/'.join(path_components)}/",
            )
            .specific()
            .first()
        )
        if page is None:
            return super().route(request, path_components)
        if not page.live:
            raise Http404
        return page.route(request, [])


class ContentPage(ViewRestrictionsFromMemoryMixin, Page):
    """What every free content page has: an introduction and a body of headings, text and
    calls to action. The site's pages (StandardPage) and each group's (GroupContentPage)
    are its concrete kinds, each in its own table."""

    introduction = models.TextField(blank=True, help_text="A sentence or two shown first.")
    body = StreamField(ContentStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class StandardPage(ContentPage):
    """A plain content page: about the Partnership, how to get involved, and so on."""

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = "content page"


class AccessibilityStatementPage(ViewRestrictionsFromMemoryMixin, Page):
    """The statement the Public Sector Bodies Accessibility Regulations 2018 require, with the
    sections of the GOV.UK model statement so none is forgotten."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    COMPLIANCE_CHOICES = [
        ("full", "fully compliant"),
        ("partial", "partially compliant"),
        ("none", "not compliant"),
    ]

    introduction = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="Who runs the site and what you want people to be able to do on it.",
    )
    compliance_status = models.CharField(
        max_length=10, choices=COMPLIANCE_CHOICES, default="partial"
    )
    compliance_details = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="Say which standard (WCAG 2.2 AA) and, if partial, why.",
    )
    non_accessible_content = RichTextField(
        features=["bold", "italic", "link", "ul", "h3"],
        help_text="What is not accessible, why, and when you plan to fix it.",
    )
    other_formats = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How to request a paper in large print, easy read, audio or Braille.",
    )
    reporting_problems = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How to report an accessibility problem and when you will reply.",
    )
    enforcement_procedure = RichTextField(
        features=["bold", "italic", "link"],
        help_text="The Equality and Human Rights Commission's role and the EASS contact.",
    )
    testing = RichTextField(
        features=["bold", "italic", "link", "ul"],
        help_text="How and when the site was tested, and by whom.",
    )
    date_prepared = models.DateField(help_text="When this statement was first prepared.")
    date_reviewed = models.DateField(help_text="When it was last reviewed.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("compliance_status"), FieldPanel("compliance_details")],
            heading="Compliance status",
        ),
        FieldPanel("non_accessible_content"),
        FieldPanel("other_formats"),
        FieldPanel("reporting_problems"),
        FieldPanel("enforcement_procedure"),
        FieldPanel("testing"),
        MultiFieldPanel(
            [FieldPanel("date_prepared"), FieldPanel("date_reviewed")], heading="Dates"
        ),
    ]

    class Meta:
        verbose_name = "accessibility statement"


class PrivacyNoticePage(ViewRestrictionsFromMemoryMixin, Page):
    """The UK GDPR privacy notice: who the data controller is and what is done with data."""

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    data_controller = models.CharField(
        max_length=200, help_text="The organisation legally responsible for the personal data."
    )
    data_controller_address = models.TextField()
    data_protection_officer = models.CharField(
        max_length=200, blank=True, help_text="Name or role, and how to contact them."
    )
    body = StreamField(ContentStreamBlock())
    date_reviewed = models.DateField()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("data_controller"),
                FieldPanel("data_controller_address"),
                FieldPanel("data_protection_officer"),
            ],
            heading="Data controller",
        ),
        FieldPanel("body"),
        FieldPanel("date_reviewed"),
    ]

    class Meta:
        verbose_name = "privacy notice"

    def get_context(self, request, *args, **kwargs):
        """The field-by-field part comes from the data-protection register in the code (each
        app's `kcp_personal_data` holders), so the notice says what the site really keeps."""
        context = super().get_context(request, *args, **kwargs)
        context["register"] = data_protection_register()
        context["versions"] = PrivacyNoticeVersion.objects.all()
        return context
