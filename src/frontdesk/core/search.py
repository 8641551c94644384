"""Searching rows by their search text (engine/search.py), the same way on SQLite and PostgreSQL.

Every word must occur in the row's search text (a substring test: "szab" finds "szabo"). What
the typed words miss, typos may find — in names, the short texts people mistype after hearing
them: on PostgreSQL, pg_trgm's word similarity, answered by the GIN trigram index (`<%`); on
SQLite, rapidfuzz over a bounded set of the newest rows sharing a three-letter piece with the
word. A typo search over every ticket's whole text cost seconds at 10,000 tickets (bench/).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.contrib.postgres.operations import TrigramExtension
from django.db import connection
from django.db.models import Case, F, IntegerField, Lookup, Model, Q, QuerySet, Value, When
from django.db.models.sql.compiler import SQLCompiler

from frontdesk.engine.search import typo_matches, typo_words

# On SQLite the typo fallback scores at most this many of the newest candidate rows.
TYPO_CANDIDATES = 2000
# pg_trgm's word similarity (0-1) a word needs to count as a typo of a typed one: 0.5 takes one
# changed, missing or swapped letter in a word of five ("ildko" → "ildiko", "cohne" → "cohen").
TRIGRAM_WORD_SIMILARITY = 0.5
# Rank of a match, best first.
RANK_EXACT = 0
RANK_WORDS = 1
RANK_TYPO = 2

Row = TypeVar("Row", bound=Model)


class WordAlike(Lookup[str]):
    """`query <% search_text`: the text holds a word like the query's (pg_trgm, GIN-indexed)."""

    lookup_name = "word_alike"

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{rhs} <%% {lhs}", (*rhs_params, *lhs_params)


def words_match(field: str, words: Sequence[str]) -> Q:
    """Rows whose `field` holds every word."""
    match = Q()
    for word in words:
        match &= Q(**{f"{field}__contains": word})
    return match


def _trigram_threshold_set() -> None:
    # The operator `<%` reads its threshold from the session; its default (0.6) misses a
    # swapped pair of letters in a five-letter name.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.word_similarity_threshold', %s, false)",
            [str(TRIGRAM_WORD_SIMILARITY)],
        )


def rows_alike(rows: QuerySet[Row], *, field: str, word: str) -> QuerySet[Row]:
    """`rows` whose `field` holds `word` or a word like it (a typo of it). Meant for short
    texts (names): on SQLite it scores the newest TYPO_CANDIDATES rows that share a
    three-letter piece with the word, as a typo rarely breaks them all."""
    if connection.vendor == "postgresql":
        _trigram_threshold_set()
        return rows.filter(WordAlike(F(field), Value(word)))
    shares_piece = Q()
    for piece in sorted({word[i : i + 3] for i in range(len(word) - 2)}):
        shares_piece |= Q(**{f"{field}__contains": piece})
    candidates = rows.filter(shares_piece).order_by("-pk").values_list("pk", field)
    return rows.filter(pk__in=typo_matches([word], candidates[:TYPO_CANDIDATES]))


def search_filter(
    rows: QuerySet[Row],
    *,
    field: str,
    words: Sequence[str],
    order: Sequence[str],
    exact: Q | None = None,
    also: Q | None = None,
    alike: Callable[[str], Q] | None = None,
) -> QuerySet[Row]:
    """`rows` narrowed to those matching every word in `field` (or `also`, another way a row
    matches), or `exact`; and, with `alike` (the rows holding a word like a typed one), those
    where each word the text lacks has a word like it. The exact first, then all-words, then
    typo matches, each in `order`."""
    exact = exact if exact is not None else Q(pk__in=[])
    words_q = words_match(field, words) if words else Q(pk__in=[])
    if also is not None:
        words_q |= also
    typo_q = Q(pk__in=[])
    if alike is not None and typo_words(words):
        typo_q = Q()
        for word in words:
            holds = Q(**{f"{field}__contains": word})
            typo_q &= holds | alike(word) if typo_words([word]) else holds
    rank = Case(
        When(exact, then=Value(RANK_EXACT)),
        When(words_q, then=Value(RANK_WORDS)),
        default=Value(RANK_TYPO),
        output_field=IntegerField(),
    )
    return rows.filter(exact | words_q | typo_q).order_by(rank.asc(), *order)


class TrigramExtensionKept(TrigramExtension):
    """Migration operation: pg_trgm on PostgreSQL, nothing on SQLite; migrating back keeps it,
    as another app's index may use it (Django's would drop it, and fail on SQLite)."""

    def database_backwards(self, *args: Any, **kwargs: Any) -> None:
        return None
