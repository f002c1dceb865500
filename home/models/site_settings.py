"""The Partnership's contact details, a site setting every page reads."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from ..site_chrome import settings_for_request


@register_setting(icon="site")
class PartnershipSettings(BaseSiteSetting):
    """How the public reaches the Partnership today: used in the footer and on every paper."""

    partnership_name = models.CharField(
        max_length=120, default="Kensington and Chelsea Partnership"
    )
    contact_email = models.EmailField(default="kcp@rbkc.gov.uk")
    phone = models.CharField(max_length=40, blank=True)
    address = models.TextField(blank=True)

    panels = [
        FieldPanel("partnership_name"),
        FieldPanel("contact_email", help_text="Where requests for papers in other formats go."),
        FieldPanel("phone"),
        FieldPanel("address"),
    ]

    class Meta:
        verbose_name = "Partnership contact details"

    @classmethod
    def for_request(cls, request):
        """Pages read the settings from the site chrome (no query); the admin edits the row
        itself through for_site."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            setattr(request, attr_name, settings_for_request(request) or cls.for_site(None))
        return getattr(request, attr_name)
