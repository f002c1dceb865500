"""Wagtail's database search backend with one change on PostgreSQL: a search no longer sends
back each result's whole search vector.

Wagtail filters on `title || body` by annotating every matching row with that concatenation,
so PostgreSQL builds it for every match (thousands for a common word) and returns it with the
page of results, though nothing reads it. Keeping the expression in the filter but out of the
select list (what Django's `alias()` does) cut a common-word search on 10,000 papers by about
a third. Other databases get Wagtail's backend unchanged."""

from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

VECTOR = "_vector_"


class QueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        queryset = super().search(config, start, stop, score_field=score_field, backend=backend)
        if VECTOR in queryset.query.annotation_select:
            queryset.query.set_annotation_mask(set(queryset.query.annotation_select) - {VECTOR})
        return queryset


class KCPPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = QueryCompiler


# Wagtail looks for a callable of this name in a backend module.
def SearchBackend(params):
    backend = database_search_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        return KCPPostgresSearchBackend(params)
    return backend
