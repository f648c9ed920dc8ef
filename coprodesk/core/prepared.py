"""A SQLAlchemy statement compiled once and run straight on the SQLite driver.

For the one path where every fraction of a millisecond shows: the minute-taker's
Enter. SQLAlchemy still writes the SQL and converts each value (its own bind
processors, and the columns' own defaults for what the caller leaves out), so
the statement and the schema stay in one place; only the per-call machinery of a
session is skipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnDefault, Insert, Table
from sqlalchemy.dialects import sqlite

_DIALECT = sqlite.dialect()

Value = Callable[[Mapping[str, Any]], Any]


def _default_of(table: Table, key: str) -> Value:
    column = table.c.get(key)
    default = column.default if column is not None else None
    if not isinstance(default, ColumnDefault):
        raise ValueError(f"{table.name}.{key} needs a value and has no default")
    if default.is_callable:
        make = default.arg
        return lambda _values: make(None)
    fixed = default.arg
    return lambda _values: fixed


def _slot(compiled: Any, table: Table, key: str, given: frozenset[str]) -> Value:
    bind = compiled.binds[key]
    process = bind.type.bind_processor(_DIALECT)
    if key in given:
        raw: Value = lambda values: values[key]  # noqa: E731
    elif not bind.required:
        raw = _default_of(table, key) if key in table.c else (lambda _values: bind.value)
    else:
        raise ValueError(f"{table.name}: no value given for {key}")
    if process is None:
        return raw
    return lambda values: process(raw(values))


class PreparedInsert:
    """An INSERT taking ``keys``; the table's defaults fill the other columns."""

    def __init__(self, statement: Insert, keys: Iterable[str]) -> None:
        table = statement.table
        if not isinstance(table, Table):
            raise TypeError("a prepared insert needs a table")
        given = frozenset(keys)
        columns = [key for key in given if key in table.c]
        compiled = statement.compile(dialect=_DIALECT, column_keys=columns)
        self.sql = str(compiled)
        self._slots = [_slot(compiled, table, key, given) for key in compiled.positiontup or ()]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        return tuple(slot(values) for slot in self._slots)

    def run(self, connection: sqlite3.Connection, values: Mapping[str, Any]) -> None:
        connection.execute(self.sql, self.parameters(values))

    def run_many(self, connection: sqlite3.Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        connection.executemany(self.sql, [self.parameters(row) for row in rows])
