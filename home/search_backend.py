"""Wagtail's database search backend with three changes on PostgreSQL, all for speed.

Wagtail finds matches through the search vectors it stores per page (`title || body`, served
by the GIN index on that expression, papers migration 0005), then ranks every match with
`ts_rank` and sorts. For a word found in nearly every paper both steps read each match's
body vector (a few KB, stored compressed): 9,274 times for "priority" at 10,000 papers.

- Bounded ranking: only RANKED_CANDIDATES matches are scored, chosen without reading a body
  vector: those with the words in their title first (small vectors), then the newest. The
  rest follow, newest first. So the best results of a rare word are exactly Wagtail's, and a
  common word's first pages are the title matches and recent papers ranked by relevance;
  every match is still found, counted and reachable page by page, in one stable order.
- Matches are read from that index, never by reading every entry: for a word in most papers
  PostgreSQL's planner prefers a sequential scan, not knowing that `title || body` reads each
  entry's compressed body vector (10,000 papers, "priority": counting matches 445 ms by
  sequential scan, 47 ms from the index). Each search query runs with sequential scans
  discouraged (`SET LOCAL enable_seqscan = off`, undone as the query ends).
- The filter's `title || body` stays out of the select list (Django's `alias()`): Wagtail
  annotates it, and PostgreSQL then built and sent it back for every match.

Other databases get Wagtail's backend unchanged."""

import contextlib

from django.contrib.postgres.search import SearchVectorExact
from django.db import connections, transaction
from django.db.models import Case, F, FloatField, Value, When
from modelsearch.backends.database import SearchBackend as database_search_backend
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not

# None and False: Wagtail's own behaviour, bench/site_speed.py's "before".
RANKED_CANDIDATES: int | None = 400
MATCHES_FROM_THE_INDEX = True
UNRANKED = -1.0  # below every ts_rank score, which is never negative


class QueryCompiler(PostgresSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None, backend=None):
        if isinstance(self.query, (MatchAll, Fuzzy)) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        ):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        combined_vector = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined_vector = combined_vector._combine(vector, "||", False)
        matching = self.queryset.alias(_vector_=combined_vector).filter(_vector_=search_query)
        rank = self._build_rank_expression(vectors, config)
        if self.order_by_relevance and RANKED_CANDIDATES is not None:
            rank = Case(
                When(pk__in=self._candidates(matching, vectors, search_query), then=rank),
                default=Value(UNRANKED),
                output_field=FloatField(),
            )
        return self._apply_ordering_and_scoring(matching, rank, start, stop, score_field)

    def _candidates(self, matching, vectors, search_query):
        """The matches worth scoring: title matches first (from the stored index), newest next."""
        order = [F("pk").desc()]
        if self.fields is None:  # the stored vectors: the first is the title's
            in_title = SearchVectorExact(vectors[0][0], search_query)
            order.insert(0, in_title.desc())
        return matching.order_by(*order).values("pk")[:RANKED_CANDIDATES]


@contextlib.contextmanager
def matches_read_from_the_index(using: str):
    if not MATCHES_FROM_THE_INDEX:
        yield
        return
    # No savepoint of its own: an error inside aborts the whole transaction, and the SET with it;
    # success keeps the SET until it is undone here. So a search costs two statements, not four.
    with transaction.atomic(using=using, savepoint=False), connections[using].cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield
        cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")


class SearchResults(PostgresSearchResults):
    def _do_search(self):
        with matches_read_from_the_index(self.query_compiler.queryset.db):
            return super()._do_search()

    def _do_count(self):
        with matches_read_from_the_index(self.query_compiler.queryset.db):
            return super()._do_count()


class KCPPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = QueryCompiler
    results_class = SearchResults


# Wagtail looks for a callable of this name in a backend module.
def SearchBackend(params):
    backend = database_search_backend(params)
    if isinstance(backend, PostgresSearchBackend):
        return KCPPostgresSearchBackend(params)
    return backend
