"""The scheduler's jobs and when each next falls due (run by home.scheduling)."""

from django.db import models


class ScheduledJob(models.Model):
    """When each of the scheduler's jobs next falls due: the claim that stops two schedulers
    running the same job (home.scheduling)."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_started_at = models.DateTimeField(null=True)
    last_finished_at = models.DateTimeField(null=True)

    def __str__(self):
        return self.name
