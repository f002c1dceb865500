"""Meetings, agendas, minutes, paper pages, numbering, the paper importer, archive and feeds."""

from django.apps import AppConfig


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = "Papers and meetings"
