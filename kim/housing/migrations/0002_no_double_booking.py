"""No place is double-booked and nobody lives in two places at once – in the database.

PostgreSQL: exclusion constraints over ``daterange(start, end, '[)')`` (btree_gist for the
``=`` part). SQLite: triggers that refuse an overlapping insert or update. The names
(``housing_stay_place_overlap``, ``housing_stay_person_overlap``) appear in the error, so
kim.housing.domain.stays can tell which rule was broken.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

RULES = {"housing_stay_place_overlap": "place_id", "housing_stay_person_overlap": "person_id"}

PG_FORWARD = ('ALTER TABLE housing_stay ADD CONSTRAINT {name} EXCLUDE USING gist '
              '({column} WITH =, daterange(start, "end", \'[)\') WITH &&)')
PG_BACKWARD = "ALTER TABLE housing_stay DROP CONSTRAINT IF EXISTS {name}"

OVERLAP = ('EXISTS (SELECT 1 FROM housing_stay s WHERE s.{column} = NEW.{column} {other}'
           'AND s.start < COALESCE(NEW."end", \'9999-12-31\') '
           'AND NEW.start < COALESCE(s."end", \'9999-12-31\'))')
SQLITE_INSERT = ("CREATE TRIGGER {name}_insert BEFORE INSERT ON housing_stay WHEN {overlap} "
                 "BEGIN SELECT RAISE(ABORT, '{name}: overlapping stay'); END")
SQLITE_UPDATE = ('CREATE TRIGGER {name}_update BEFORE UPDATE OF place_id, person_id, start, '
                 '"end" ON housing_stay WHEN {overlap} '
                 "BEGIN SELECT RAISE(ABORT, '{name}: overlapping stay'); END")


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name, column in RULES.items():
        if vendor == "postgresql":
            schema_editor.execute(PG_FORWARD.format(name=name, column=column))
        elif vendor == "sqlite":
            schema_editor.execute(SQLITE_INSERT.format(
                name=name, overlap=OVERLAP.format(column=column, other="")))
            schema_editor.execute(SQLITE_UPDATE.format(
                name=name, overlap=OVERLAP.format(column=column, other="AND s.id != NEW.id ")))
        else:
            raise NotImplementedError(f"No double-booking guard for {vendor}")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for name in RULES:
        if vendor == "postgresql":
            schema_editor.execute(PG_BACKWARD.format(name=name))
        elif vendor == "sqlite":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_insert")
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}_update")


class Migration(migrations.Migration):
    dependencies = [("housing", "0001_initial")]
    operations = [BtreeGistExtension(), migrations.RunPython(forward, backward)]
