"""Searching rows by their search text (engine/search.py), the same way on SQLite and PostgreSQL.

Every word must occur in the row's search text (a substring test: "szab" finds "szabo"). What
the typed words miss, typos may find: on PostgreSQL, pg_trgm's word similarity, answered by
the GIN trigram index on the search text (`<%`); on SQLite, rapidfuzz over a bounded set of
the newest rows that share a three-letter piece with a word.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def _words_alike(field: str, words: Sequence[str]) -> Q:
    match = Q()
    for word in words:
        if word in typo_words([word]):
            match &= Q(WordAlike(F(field), Value(word)))
        else:
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


def search_filter(
    rows: QuerySet[Row],
    *,
    field: str,
    words: Sequence[str],
    exact: Q | None = None,
    also: Q | None = None,
    order: Sequence[str],
    typo_when_fewer: int = 25,
) -> QuerySet[Row]:
    """`rows` narrowed to those matching every word in `field` (or `also`, another way a row
    matches), or `exact`, or by typos; the exact first, then all-words, then typo matches, each
    in `order`.

    On SQLite the typo fallback runs only when fewer than `typo_when_fewer` rows match
    otherwise: it reads candidates, where PostgreSQL's index answers at once.
    """
    exact = exact if exact is not None else Q(pk__in=[])
    words_q = words_match(field, words) if words else Q(pk__in=[])
    if also is not None:
        words_q |= also
    if connection.vendor == "postgresql" and typo_words(words):
        _trigram_threshold_set()
        typo_q = _words_alike(field, words)
    elif typo_words(words) and rows.filter(exact | words_q).count() < typo_when_fewer:
        typo_q = Q(pk__in=_typo_ids(rows.exclude(exact | words_q), field=field, words=words))
    else:
        typo_q = Q(pk__in=[])
    rank = Case(
        When(exact, then=Value(RANK_EXACT)),
        When(words_q, then=Value(RANK_WORDS)),
        default=Value(RANK_TYPO),
        output_field=IntegerField(),
    )
    return rows.filter(exact | words_q | typo_q).order_by(rank.asc(), *order)


def _typo_ids(rows: QuerySet[Any], *, field: str, words: Sequence[str]) -> list[int]:
    # A typo rarely breaks every three-letter piece of a word: the rows holding one of them are
    # the candidates, the newest first, at most TYPO_CANDIDATES of them.
    pieces = {word[i : i + 3] for word in typo_words(words) for i in range(len(word) - 2)}
    shares_piece = Q()
    for piece in sorted(pieces):
        shares_piece |= Q(**{f"{field}__contains": piece})
    candidates = rows.filter(shares_piece).order_by("-pk").values_list("pk", field)
    return typo_matches(words, candidates[:TYPO_CANDIDATES])


class TrigramExtensionKept(TrigramExtension):
    """Migration operation: pg_trgm on PostgreSQL, nothing on SQLite; migrating back keeps it,
    as another app's index may use it (Django's would drop it, and fail on SQLite)."""

    def database_backwards(self, *args: Any, **kwargs: Any) -> None:
        return None
