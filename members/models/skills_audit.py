"""The Steering Group's skills and interests audit (Partnership Plan 2004/05): each member's
expertise, the Community Strategy themes they care about and the training they would like."""

from django.conf import settings
from django.db import models


class CommunityStrategyTheme(models.TextChoices):
    HEALTH = "health", "Health and well-being"
    CHILDREN = "children", "Children, young people and families"
    LEARNING = "learning", "Learning, work and business"
    SAFETY = "safety", "Community safety"
    HOUSING = "housing", "Homes and housing"
    ENVIRONMENT = "environment", "Environment and transport"
    CULTURE = "culture", "Culture, arts and leisure"
    COMMUNITY = "community", "The voluntary and community sector"


class TrainingTopic(models.TextChoices):
    EQUALITIES = "equalities", "Equalities"
    DISABILITY = "disability", "Disability awareness"
    SUSTAINABILITY = "sustainability", "Sustainable development"
    FINANCE = "finance", "Reading budgets and performance reports"
    CHAIRING = "chairing", "Chairing and contributing to meetings"


class SkillsAuditAnswers(models.Model):
    """One member's answers; they may change them at any time. Personal data: shown only to
    the member and to Partnership officers, exported and erased with the member's data."""

    member = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skills_audit"
    )
    expertise = models.TextField(
        "areas of expertise",
        help_text="What you know well from your work or life: for example housing law, "
        "running a charity, public health, budgets.",
    )
    themes = models.JSONField(
        "Community Strategy themes you are most interested in", default=list, blank=True
    )
    training = models.JSONField("training you would like", default=list, blank=True)
    other_training = models.CharField("other training you would like", max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "skills and interests audit answers"
        verbose_name_plural = "skills and interests audit answers"

    def __str__(self) -> str:
        return f"Skills and interests of {self.member}"

    @property
    def theme_labels(self) -> list[str]:
        labels = dict(CommunityStrategyTheme.choices)
        return [labels[value] for value in self.themes if value in labels]

    @property
    def training_labels(self) -> list[str]:
        labels = dict(TrainingTopic.choices)
        chosen = [labels[value] for value in self.training if value in labels]
        return [*chosen, self.other_training] if self.other_training else chosen
