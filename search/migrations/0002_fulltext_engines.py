"""Database-specific full-text machinery.

PostgreSQL: the `polish` text search configuration on Debian's hunspell-pl
dictionary (pl_pl.affix/pl_pl.dict in tsearch_data, installed by
`apt-get install hunspell-pl`, which runs pg_updatedicts), a `polish_unaccent`
configuration for queries typed without Polish letters, and a GIN index on
SearchEntry.search_vector. If the dictionary files are missing the migration
FAILS with instructions: a portal without Polish stemming would look as if it
worked while finding a fraction of what it should.

SQLite: the FTS5 table `portal_search_fts` (rowid = SearchEntry.id) holding
lemma streams (title, body) and folded surface forms (title_s, body_s).

Any other database: nothing (use the Elasticsearch backend).
"""

from django.db import DatabaseError, migrations, transaction

MISSING_DICTIONARY = (
    "PostgreSQL cannot load the Polish hunspell dictionary (pl_pl.affix / pl_pl.dict in "
    "its tsearch_data directory), which Polish full-text search needs. "
    "Install hunspell-pl: apt-get install hunspell-pl (it runs pg_updatedicts and needs no "
    "server restart), then run migrate again. Database error: {error}"
)


def _exists(cursor, sql, params):
    cursor.execute(sql, params)
    return cursor.fetchone() is not None


def create_hunspell_dictionary(connection, name="polish_hunspell", files="pl_pl"):
    """CREATE TEXT SEARCH DICTIONARY `name` on tsearch_data/`files`.affix/.dict, or fail loudly.

    PostgreSQL only reads the files on first use, so a lookup is forced here: a
    missing dictionary raises RuntimeError(MISSING_DICTIONARY) now, not on the
    first search. (Parameters exist so the failure can be tested.)
    """
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEXT SEARCH DICTIONARY {name} "
                f"(TEMPLATE = ispell, DictFile = {files}, AffFile = {files})"
            )
            cursor.execute(f"SELECT ts_lexize('{name}', 'uchwały')")  # noqa: S608 - constants
    except DatabaseError as error:
        raise RuntimeError(MISSING_DICTIONARY.format(error=error)) from error


def _postgres_forwards(schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        if not _exists(cursor, "SELECT 1 FROM pg_ts_dict WHERE dictname = %s", ["polish_hunspell"]):
            create_hunspell_dictionary(connection)
        if not _exists(cursor, "SELECT 1 FROM pg_ts_config WHERE cfgname = %s", ["polish"]):
            cursor.execute("CREATE TEXT SEARCH CONFIGURATION polish (COPY = pg_catalog.simple)")
            cursor.execute(
                "ALTER TEXT SEARCH CONFIGURATION polish ALTER MAPPING FOR asciiword, asciihword, "
                "hword_asciipart, word, hword, hword_part WITH polish_hunspell, simple"
            )
        if not _exists(
            cursor, "SELECT 1 FROM pg_ts_config WHERE cfgname = %s", ["polish_unaccent"]
        ):
            cursor.execute(
                "CREATE TEXT SEARCH CONFIGURATION polish_unaccent (COPY = pg_catalog.simple)"
            )
            cursor.execute(
                "ALTER TEXT SEARCH CONFIGURATION polish_unaccent ALTER MAPPING FOR asciiword, "
                "asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple"
            )
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS portal_search_entry_vector_gin "
            "ON portal_search_searchentry USING gin (search_vector)"
        )


def _postgres_backwards(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS portal_search_entry_vector_gin")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS polish_unaccent")
        cursor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS polish")
        cursor.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS polish_hunspell")


SQLITE_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS portal_search_fts USING fts5("
    "title, body, title_s, body_s, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _postgres_forwards(schema_editor)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_FTS)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        _postgres_backwards(schema_editor)
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS portal_search_fts")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
