"""Database helpers shared by the apps."""


class CompiledLookup:
    """A one-row query compiled to SQL once, then run with new keys each time.

    For hot paths only (comment posting): Django compiles a queryset to SQL on every
    evaluation, and for a Wagtail page with an annotation that costs more CPU than
    PostgreSQL takes to answer. `build(*keys)` returns the queryset for the keys; it is
    compiled with sentinel keys whose parameters are then swapped for the real ones,
    and rows come back as model instances through Model.objects.raw() (annotations
    included as attributes). Compiled per database alias, on first use.
    """

    SENTINELS = (-731_991_137, -731_991_139, -731_991_141)

    def __init__(self, build, keys=1):
        if not 1 <= keys <= len(self.SENTINELS):
            raise ValueError(f"between 1 and {len(self.SENTINELS)} keys")
        self.build = build
        self.keys = keys
        self._compiled: dict[str, tuple] = {}

    def _compile(self, using):
        sentinels = self.SENTINELS[: self.keys]
        queryset = self.build(*sentinels)
        sql, params = queryset.query.get_compiler(using).as_sql()
        positions = []
        for sentinel in sentinels:
            found = [i for i, value in enumerate(params) if value == sentinel]
            if len(found) != 1:
                raise ValueError("each key must appear exactly once among the parameters")
            positions.append(found[0])
        compiled = (queryset.model, sql, tuple(params), tuple(positions))
        self._compiled[using] = compiled
        return compiled

    def first(self, *keys, using="default"):
        """The row for the keys as a model instance, or None."""
        if len(keys) != self.keys:
            raise TypeError(f"{self.keys} key(s) expected, got {len(keys)}")
        model, sql, params, positions = self._compiled.get(using) or self._compile(using)
        values = list(params)
        for position, key in zip(positions, keys, strict=True):
            values[position] = key
        for instance in model._default_manager.db_manager(using).raw(sql, values):
            return instance
        return None
