"""Keep the induction section restricted to the Steering Group whoever saves it (admin,
demo, tests)."""

from django.db.models.signals import post_save

from .models import InductionIndexPage
from .services.induction import keep_induction_restricted


def induction_index_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        keep_induction_restricted(instance)


def connect_signals() -> None:
    post_save.connect(induction_index_saved, sender=InductionIndexPage)
