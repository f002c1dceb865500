"""How a risk is scored and banded, stated once and shown on the register: likelihood and
impact each from 1 (rare; negligible) to 5 (almost certain; severe); the score is their
product; 15 or more is high, 5 to 14 medium, 4 or less low. The heat map counts open risks
by their current score (after controls)."""

from django.utils.safestring import SafeString

from home import charts

LIKELIHOOD_LABELS = {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"}
IMPACT_LABELS = {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"}
SCORING_RULE = (
    "Likelihood and impact are each scored from 1 to 5. A risk's score is likelihood times "
    "impact: 15 or more is high, 5 to 14 medium, 4 or less low. The current score is the score "
    "after controls."
)


def band(score: int) -> str:
    if score >= 15:
        return "high"
    if score >= 5:
        return "medium"
    return "low"


def heat_map_counts(scores: list[tuple[int, int]]) -> list[list[int]]:
    """Counts of (likelihood, impact) pairs: rows impact 5 down to 1, columns likelihood 1-5."""
    counts = [[0] * 5 for _ in range(5)]
    for likelihood, impact in scores:
        counts[5 - impact][likelihood - 1] += 1
    return counts


def heat_map(scores: list[tuple[int, int]]) -> SafeString:
    counts = heat_map_counts(scores)
    high = sum(1 for likelihood, impact in scores if band(likelihood * impact) == "high")
    return charts.heat_map(
        chart_id="risk-heat-map",
        title="Open risks by likelihood and impact, after controls",
        description=(
            f"{len(scores)} open risks, {high} of them high. The table that follows lists "
            "each risk with its scores."
        ),
        row_labels=[f"{n} {IMPACT_LABELS[n]}" for n in range(5, 0, -1)],
        column_labels=[str(n) for n in range(1, 6)],
        counts=counts,
        band_of_cell=lambda r, c: band((5 - r) * (c + 1)),
        row_title="Impact",
        column_title="Likelihood (1 rare to 5 almost certain)",
    )
