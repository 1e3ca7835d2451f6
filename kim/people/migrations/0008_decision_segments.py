"""Legal time lines (kim.people.models.timeline), and a database trigger that gives every
person a Timeline row from its insert on – a stale placeholder until the time line is
computed – so that "every person's time line is current" is one index lookup for stale
rows (kim.people.domain.timelines.covers), also for persons written by bulk inserts. The
persons already stored get their placeholder here; ``kim refresh_timelines`` computes them.
"""

import django.db.models.deletion
from django.db import migrations, models

PLACEHOLDER = "(municipality_id, person_id, version, until) VALUES (NEW.municipality_id, " \
              "NEW.id, '', '1900-01-01')"
PG_FORWARD = [
    "CREATE FUNCTION people_timeline_placeholder() RETURNS trigger AS $$ BEGIN "
    f"INSERT INTO people_timeline {PLACEHOLDER}; RETURN NEW; END $$ LANGUAGE plpgsql",
    "CREATE TRIGGER people_person_timeline AFTER INSERT ON people_person FOR EACH ROW "
    "EXECUTE FUNCTION people_timeline_placeholder()",
]
PG_BACKWARD = ["DROP TRIGGER IF EXISTS people_person_timeline ON people_person",
               "DROP FUNCTION IF EXISTS people_timeline_placeholder()"]
SQLITE_FORWARD = [f"CREATE TRIGGER people_person_timeline AFTER INSERT ON people_person "
                  f"BEGIN INSERT INTO people_timeline {PLACEHOLDER}; END"]
SQLITE_BACKWARD = ["DROP TRIGGER IF EXISTS people_person_timeline"]
EXISTING = ("INSERT INTO people_timeline (municipality_id, person_id, version, until) "
            "SELECT municipality_id, id, '', '1900-01-01' FROM people_person")


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise NotImplementedError(f"No time line trigger for {vendor}")
    for sql in PG_FORWARD if vendor == "postgresql" else SQLITE_FORWARD:
        schema_editor.execute(sql)
    schema_editor.execute(EXISTING)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for sql in PG_BACKWARD if vendor == "postgresql" else SQLITE_BACKWARD:
        schema_editor.execute(sql)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_audit_append_only'),
        ('people', '0007_loose_search_tokens'),
    ]

    operations = [
        migrations.CreateModel(
            name='DecisionSegment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('valid_from', models.DateField(verbose_name='from')),
                ('valid_to', models.DateField(verbose_name='until (exclusive)')),
                ('year', models.SmallIntegerField(verbose_name='year')),
                ('resident', models.BooleanField(verbose_name='lives in the municipality')),
                ('home', models.BigIntegerField(verbose_name='household')),
                ('status', models.CharField(blank=True, max_length=30, verbose_name='status')),
                ('regime', models.CharField(blank=True, max_length=20, verbose_name='benefit regime')),
                ('office', models.CharField(blank=True, max_length=20, verbose_name='responsible office')),
                ('course', models.CharField(blank=True, max_length=20, verbose_name='integration course')),
                ('employment', models.CharField(blank=True, max_length=20, verbose_name='employment')),
                ('residence', models.BooleanField(null=True, verbose_name='residence obligation')),
                ('childcare', models.CharField(blank=True, max_length=20, verbose_name='childcare')),
                ('schooling', models.CharField(blank=True, max_length=20, verbose_name='schooling')),
                ('housing', models.CharField(blank=True, max_length=20, verbose_name='housing category')),
                ('own_flat', models.BooleanField(null=True, verbose_name='entitled to an own flat')),
                ('municipality', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.municipality', verbose_name='municipality')),
                ('person', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='decision_segments', to='people.person', verbose_name='person')),
            ],
            options={
                'verbose_name': 'decision segment',
                'verbose_name_plural': 'decision segments',
                'indexes': [models.Index(fields=['municipality', 'year', 'home', 'valid_from', 'valid_to', 'resident', 'regime', 'housing', 'status', 'person'], name='segment_day'), models.Index(fields=['municipality', 'person', 'valid_from', 'valid_to', 'regime', 'home'], name='segment_person')],
            },
        ),
        migrations.CreateModel(
            name='Timeline',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.CharField(max_length=80, verbose_name='parameter version')),
                ('until', models.DateField(verbose_name='computed until')),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='core.municipality', verbose_name='municipality')),
                ('person', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='timeline', to='people.person', verbose_name='person')),
            ],
            options={
                'verbose_name': 'legal time line',
                'verbose_name_plural': 'legal time lines',
                'indexes': [models.Index(fields=['municipality', 'version', 'until'], name='timeline_version')],
            },
        ),
        migrations.RunPython(forward, backward),
    ]
