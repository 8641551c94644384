"""Searching rows by their search text (engine/search.py), the same way on SQLite and PostgreSQL.

Every word must occur in the row's search text (a substring test: "szab" finds "szabo", "5hl"
the middle of a reference), answered by the database's own text index, not by reading every
row: on SQLite an FTS5 table with the trigram tokenizer beside each searched table, kept by
triggers (`sqlite_text_index_create`); on PostgreSQL a GIN trigram index (pg_trgm) on the column.
Both find exactly the substrings a `LIKE '%word%'` found, for words of three letters and more;
shorter words are still tested with LIKE on the rows the others narrowed to. What the typed
words miss, typos may find — in names, the short texts people mistype after hearing them: on
PostgreSQL, pg_trgm's word similarity (`<%`); on SQLite, rapidfuzz over a bounded set of the
newest rows sharing a three-letter piece with the word (found through the same FTS5 table).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.contrib.postgres.operations import TrigramExtension
from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models import Case, F, IntegerField, Lookup, Model, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL, Subquery
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

# The trigram tokenizer indexes three-character pieces: a shorter word has none to look up.
TRIGRAM_SHORTEST = 3
# The columns that have a text index beside their table on SQLite (their migrations create it).
TEXT_INDEXED = {
    ("tickets_ticket", "search_text"),
    ("customers_customer", "search_text"),
    ("customers_customeridentity", "value"),
}
# The annotation search results are ranked by (RANK_*), before their list's own order.
SEARCH_RANK = "search_rank"

Row = TypeVar("Row", bound=Model)


class WordAlike(Lookup[str]):
    """`query <% search_text`: the text holds a word like the query's (pg_trgm, GIN-indexed)."""

    lookup_name = "word_alike"

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{rhs} <%% {lhs}", (*rhs_params, *lhs_params)


class AmongRows(Lookup[Any]):
    """`field = ANY(ARRAY(subquery))` (PostgreSQL): the subquery runs once, before the outer
    rows are read, and its ids are looked up through the field's index even under an OR, where
    an `IN (subquery)` makes the planner test every row of the outer table."""

    lookup_name = "among_rows"

    def as_sql(self, compiler: SQLCompiler, connection: Any) -> tuple[str, tuple[Any, ...]]:
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)


def among(field: str, rows: QuerySet[Any]) -> Q:
    """Rows whose `field` is one of the values `rows` (a one-column `values()`) yields: on
    PostgreSQL through `AmongRows`, so that each way a search matches keeps its own index."""
    if connection.vendor == "postgresql":
        return Q(AmongRows(F(field), Subquery(rows.order_by())))
    return Q(**{f"{field}__in": rows})


def _fts_phrase(text: str) -> str:
    # An FTS5 string: its double quotes doubled, nothing in it read as an operator.
    return '"' + text.replace('"', '""') + '"'


def _text_indexed(model: type[Model], field: str) -> str:
    """The table of `model` when its `field` has an FTS5 index beside it here, else ""."""
    table = model._meta.db_table
    column = model._meta.get_field(field).column  # type: ignore[union-attr]
    if connection.vendor == "sqlite" and (table, column) in TEXT_INDEXED:
        return table
    return ""


def text_holds(model: type[Model], *, field: str, pieces: Sequence[str], any_of: bool = False) -> Q:
    """Rows of `model` whose `field` holds every one of `pieces` (with `any_of`, at least one)
    as a substring, ignoring case: through the FTS5 index on SQLite for pieces of three
    characters and more, a LIKE for the others (PostgreSQL's trigram index serves the LIKE)."""
    table = _text_indexed(model, field)
    indexed = [piece for piece in pieces if table and len(piece) >= TRIGRAM_SHORTEST]
    others = [piece for piece in pieces if piece not in indexed]
    combined = Q(pk__in=[]) if any_of else Q()
    if indexed:
        operator = " OR " if any_of else " AND "
        # The table's name is ours; what was typed is a parameter.
        found = RawSQL(  # noqa: S611
            f'SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH %s',  # noqa: S608
            (operator.join(_fts_phrase(piece) for piece in indexed),),
        )
        combined = Q(pk__in=found)
    for piece in others:
        holds = Q(**{f"{field}__contains": piece})
        combined = combined | holds if any_of else combined & holds
    return combined


def words_match(model: type[Model], field: str, words: Sequence[str]) -> Q:
    """Rows whose `field` holds every word."""
    return text_holds(model, field=field, pieces=words)


# The FTS5 index of a column and the triggers that keep it in step with its table ({index},
# {table}, {column}: names of ours, never a user's).
_TEXT_INDEX_CREATE = (
    'CREATE VIRTUAL TABLE "{index}" USING fts5("{column}", content="{table}", '
    'content_rowid="id", tokenize="trigram")'
)
_TEXT_INDEX_REBUILD = """INSERT INTO "{index}"("{index}") VALUES ('rebuild')"""
_TEXT_INDEX_TRIGGERS = {
    "insert": 'CREATE TRIGGER IF NOT EXISTS "{index}_insert" AFTER INSERT ON "{table}" BEGIN '
    'INSERT INTO "{index}"(rowid, "{column}") VALUES (new.id, new."{column}"); END',
    # An external-content index forgets a row by being told the text it indexed.
    "delete": 'CREATE TRIGGER IF NOT EXISTS "{index}_delete" AFTER DELETE ON "{table}" BEGIN '
    'INSERT INTO "{index}"("{index}", rowid, "{column}") '
    """VALUES ('delete', old.id, old."{column}"); END""",
    "update": 'CREATE TRIGGER IF NOT EXISTS "{index}_update" AFTER UPDATE OF "{column}" '
    'ON "{table}" BEGIN '
    'INSERT INTO "{index}"("{index}", rowid, "{column}") '
    """VALUES ('delete', old.id, old."{column}"); """
    'INSERT INTO "{index}"(rowid, "{column}") VALUES (new.id, new."{column}"); END',
}


def sqlite_text_index_create(
    schema_editor: BaseDatabaseSchemaEditor, table: str, column: str
) -> None:
    """Migration step: on SQLite, an FTS5 trigram index of `table.column` (external content,
    so the text is stored once), filled with the rows there are and kept in step by triggers;
    nothing on PostgreSQL. Changing this SQL later needs a migration that re-creates it."""
    if schema_editor.connection.vendor != "sqlite":
        return
    names = {"index": f"{table}_fts", "table": table, "column": column}
    for statement in (_TEXT_INDEX_CREATE, _TEXT_INDEX_REBUILD, *_TEXT_INDEX_TRIGGERS.values()):
        schema_editor.execute(statement.format(**names))


def sqlite_text_indexes_keep(*, using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """After migrating: the triggers of each FTS5 index put back where a migration dropped
    them, and that index refilled; the tables whose index was mended. SQLite alters a table by
    copying it to a new one, and the old one's triggers go with it, silently."""
    database = connections[using]
    if database.vendor != "sqlite":
        return []
    mended = []
    with database.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")
        present = {name for (name,) in cursor.fetchall()}
        for table, column in sorted(TEXT_INDEXED):
            index = f"{table}_fts"
            triggers = _TEXT_INDEX_TRIGGERS.items()
            missing = [sql for kind, sql in triggers if f"{index}_{kind}" not in present]
            if index not in present or not missing:
                continue
            names = {"index": index, "table": table, "column": column}
            for statement in (*missing, _TEXT_INDEX_REBUILD):
                cursor.execute(statement.format(**names))
            mended.append(table)
    return mended


def sqlite_text_index_drop(schema_editor: BaseDatabaseSchemaEditor, table: str) -> None:
    """Migration step back: the FTS5 index of `table` and its triggers gone (SQLite only)."""
    if schema_editor.connection.vendor != "sqlite":
        return
    index = f"{table}_fts"
    for trigger in ("insert", "delete", "update"):
        schema_editor.execute(f'DROP TRIGGER IF EXISTS "{index}_{trigger}"')
    schema_editor.execute(f'DROP TABLE IF EXISTS "{index}"')


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
    pieces = sorted({word[i : i + 3] for i in range(len(word) - 2)})
    shares_piece = text_holds(rows.model, field=field, pieces=pieces, any_of=True)
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
    typo matches, each in `order`; the rank is the annotation SEARCH_RANK, which the order
    names first (so that keyset paging can read it off the last row)."""
    model = rows.model
    words_q = words_match(model, field, words) if words else Q(pk__in=[])
    if also is not None:
        words_q |= also
    typo_q = Q(pk__in=[])
    if alike is not None and typo_words(words):
        typo_q = Q()
        for word in words:
            holds = words_match(model, field, [word])
            typo_q &= holds | alike(word) if typo_words([word]) else holds
    tiers = [When(words_q, then=Value(RANK_WORDS))]
    found = words_q | typo_q
    if exact is not None:
        tiers.insert(0, When(exact, then=Value(RANK_EXACT)))
        found |= exact
    rank = Case(*tiers, default=Value(RANK_TYPO), output_field=IntegerField())
    ranked: QuerySet[Row] = rows.filter(found).annotate(**{SEARCH_RANK: rank})
    return ranked.order_by(SEARCH_RANK, *order)


class TrigramExtensionKept(TrigramExtension):
    """Migration operation: pg_trgm on PostgreSQL, nothing on SQLite; migrating back keeps it,
    as another app's index may use it (Django's would drop it, and fail on SQLite)."""

    def database_backwards(self, *args: Any, **kwargs: Any) -> None:
        return None
