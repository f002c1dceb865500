"""The personal data the risk register keeps: which officer re-scored a risk or recorded a
review (the register itself names contacts in their work role, not members)."""

from django.db import transaction

from home.extension_points import RegisterEntry

from .models import RegisterReview, RiskScore

RISKS_REGISTER = (
    RegisterEntry(
        "If you are a Partnership officer: each time you scored a risk (the scores you gave) "
        "or recorded a review of the risk register (who reviewed it, its conclusions), and when",
        ("risks.RiskScore.*", "risks.RegisterReview.*"),
        "To show who changed the register and when, as the annual review asks.",
        "Public task (UK GDPR article 6(1)(e))",
        "Steering Group members and Partnership officers",
        "As long as the register's records are kept; your name is removed on erasure.",
    ),
)


class RisksData:
    name = "risk register"
    models = (RiskScore, RegisterReview)
    register = RISKS_REGISTER

    def export(self, user) -> dict:
        return {
            "scores": [
                {
                    "risk": score.risk.title,
                    "scored_at": score.scored_at.isoformat(),
                    "after_controls": f"{score.likelihood_after}×{score.impact_after}",
                }
                for score in RiskScore.objects.filter(scored_by=user).select_related("risk")
            ],
            "reviews_recorded": [
                review.reviewed_on.isoformat()
                for review in RegisterReview.objects.filter(recorded_by=user)
            ],
        }

    @transaction.atomic
    def erase(self, user) -> None:
        """The register's history stays (the Partnership needs it); the name goes."""
        RiskScore.objects.filter(scored_by=user).update(scored_by=None)
        RegisterReview.objects.filter(recorded_by=user).update(recorded_by=None)
