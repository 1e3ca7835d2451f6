"""A measure is never occupied beyond its places – in the database.

A placement may not overlap (inclusive dates) as many placements of the same measure as
the measure has places. PostgreSQL: a trigger that first locks the measure's row (so two
concurrent placements into the last place wait for each other) and then counts; SQLite
(one writer at a time): a trigger with the same count. The name
``education_measure_full`` appears in the error, so the domain can say what happened.
"""

from django.db import migrations

OVERLAPS = ("SELECT COUNT(*) FROM education_measureplacement p WHERE "
            "p.measure_id = NEW.measure_id AND p.id IS NOT NEW.id "
            "AND p.start <= NEW.\"end\" AND NEW.start <= p.\"end\"")
PLACES = "SELECT places FROM education_measure WHERE id = NEW.measure_id"

SQLITE = ("CREATE TRIGGER education_measure_full_{event} BEFORE {what} "
          "ON education_measureplacement WHEN ({overlaps}) >= ({places}) "
          "BEGIN SELECT RAISE(ABORT, 'education_measure_full: no free place'); END")

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION education_measure_full() RETURNS trigger AS $$
DECLARE capacity integer;
BEGIN
  SELECT places INTO capacity FROM education_measure WHERE id = NEW.measure_id FOR UPDATE;
  IF ({OVERLAPS.replace("IS NOT", "IS DISTINCT FROM")}) >= capacity THEN
    RAISE EXCEPTION 'education_measure_full: no free place' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql;
"""  # noqa: S608 (constant text, no input)
PG_TRIGGER = ("CREATE TRIGGER education_measure_full BEFORE INSERT OR UPDATE OF measure_id, "
              "start, \"end\" ON education_measureplacement FOR EACH ROW EXECUTE FUNCTION "
              "education_measure_full()")


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_FUNCTION)
        schema_editor.execute(PG_TRIGGER)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE.format(event="insert", what="INSERT",
                                            overlaps=OVERLAPS, places=PLACES))
        schema_editor.execute(SQLITE.format(
            event="update", what='UPDATE OF measure_id, start, "end"', overlaps=OVERLAPS,
            places=PLACES))
    else:
        raise NotImplementedError(f"No occupancy guard for {vendor}")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS education_measure_full "
                              "ON education_measureplacement")
        schema_editor.execute("DROP FUNCTION IF EXISTS education_measure_full()")
    else:
        schema_editor.execute("DROP TRIGGER IF EXISTS education_measure_full_insert")
        schema_editor.execute("DROP TRIGGER IF EXISTS education_measure_full_update")


class Migration(migrations.Migration):
    dependencies = [("education", "0002_edu_situations")]
    operations = [migrations.RunPython(forward, backward)]
