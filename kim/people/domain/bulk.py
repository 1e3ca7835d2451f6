"""Bulk INSERT/UPDATE for imports and derived rows, where Django's bulk methods are slow.

On SQLite bulk_create() keeps statements under 999 parameters and spends most of its time
assembling them; bulk_update() builds a CASE per field and row (3 ms a row) everywhere.
Here SQLite gets one statement that the driver runs per row (executemany, in-process);
PostgreSQL keeps bulk_create() (one UNNEST statement per batch since Django 5.2: fewer
round trips than one per row). Values are prepared exactly as Django does
(Field.pre_save, Field.get_db_prep_save) and, as with the bulk methods, no signals are
sent: an import writes one bulk audit entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Field, Model


def _concrete(model: type[Model], name: str) -> Field[Any, Any]:
    """The concrete column field ``name`` of ``model`` (no reverse relations here)."""
    field = model._meta.get_field(name)
    if not isinstance(field, Field):
        raise TypeError(f"{model.__name__}.{name} is not a column")
    return field


def _column(model: type[Model], name: str) -> str:
    column = _concrete(model, name).column
    if column is None:
        raise TypeError(f"{model.__name__}.{name} has no column")
    return column


def insert_rows(objs: Sequence[Model]) -> None:
    """INSERT ``objs`` (all of one model). Their ids are set only on PostgreSQL."""
    if not objs:
        return
    model = type(objs[0])
    if connection.vendor != "sqlite":
        model._base_manager.bulk_create(objs, batch_size=2000)
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
        quote(model._meta.db_table), ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)))
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[f.get_db_prep_save(f.pre_save(obj, True), connection)
                                  for f in fields] for obj in objs])


def insert_values(model: type[Model], names: Sequence[str],
                  rows: Sequence[Sequence[Any]]) -> None:
    """INSERT plain ``rows`` of ``model`` (values of the fields ``names``, ready for the
    database: numbers, text, dates), without building model instances (PostgreSQL: COPY,
    ten times faster than bulk_create for the 1.5 million rows of 100 000 time lines)."""
    if not rows:
        return
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        sql = "COPY {} ({}) FROM STDIN".format(  # names from the model
            quote(model._meta.db_table),
            ", ".join(quote(_column(model, name)) for name in names))
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    if connection.vendor != "sqlite":
        insert_rows([model(**dict(zip(names, row, strict=True))) for row in rows])
        return
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 (names from the model)
        quote(model._meta.db_table),
        ", ".join(quote(_column(model, name)) for name in names),
        ", ".join(["%s"] * len(names)))
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def update_rows(objs: Sequence[Model], names: Sequence[str]) -> None:
    """UPDATE the fields ``names`` of the saved ``objs`` (all of one model)."""
    if not objs:
        return
    meta = type(objs[0])._meta
    fields = [_concrete(type(objs[0]), name) for name in names]
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608 (names from the model)
        quote(meta.db_table), ", ".join(f"{quote(f.column)} = %s" for f in fields),
        quote(meta.pk.column))
    with connection.cursor() as cursor:
        cursor.executemany(sql, [[f.get_db_prep_save(getattr(obj, f.attname), connection)
                                  for f in fields] + [obj.pk] for obj in objs])
