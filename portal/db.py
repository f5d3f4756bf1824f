"""Database helpers shared by the apps."""


class CompiledLookup:
    """A one-row query compiled to SQL once, then run with a new key each time.

    For hot paths only (comment posting): Django compiles a queryset to SQL on every
    evaluation, and for a Wagtail page with an annotation that costs more CPU than
    PostgreSQL takes to answer. `build(key)` returns the queryset for one key; it is
    compiled with a sentinel key whose parameter is then swapped for the real one, and
    rows come back as model instances through Model.objects.raw() (annotations
    included as attributes). Compiled per database alias, on first use.
    """

    SENTINEL = -731_991_137

    def __init__(self, build):
        self.build = build
        self._compiled: dict[str, tuple] = {}

    def _compile(self, using):
        queryset = self.build(self.SENTINEL)
        sql, params = queryset.query.get_compiler(using).as_sql()
        positions = [i for i, value in enumerate(params) if value == self.SENTINEL]
        if len(positions) != 1:
            raise ValueError("the key must appear exactly once among the query's parameters")
        compiled = (queryset.model, sql, tuple(params), positions[0])
        self._compiled[using] = compiled
        return compiled

    def first(self, key, using="default"):
        """The row for `key` as a model instance, or None."""
        model, sql, params, position = self._compiled.get(using) or self._compile(using)
        values = list(params)
        values[position] = key
        for instance in model._default_manager.db_manager(using).raw(sql, values):
            return instance
        return None
