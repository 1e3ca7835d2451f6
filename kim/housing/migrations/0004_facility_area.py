"""A facility's district becomes a shared area of the municipality (core.Area), so that
monitoring and reports count facilities, persons and institutions by the same areas."""

import django.db.models.deletion
from django.db import migrations, models


def districts_to_areas(apps, schema_editor):
    Area = apps.get_model("core", "Area")
    Facility = apps.get_model("housing", "Facility")
    for facility in Facility._base_manager.exclude(district=""):
        area, _ = Area._base_manager.get_or_create(
            municipality_id=facility.municipality_id, level="district",
            name=facility.district.strip()[:120])
        facility.area = area
        facility.save(update_fields=["area"])


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_master_data'),
        ('housing', '0003_waiting_list'),
    ]

    operations = [
        migrations.AddField(
            model_name='facility',
            name='area',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='facilities', to='core.area', verbose_name='area'),
        ),
        migrations.RunPython(districts_to_areas, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='facility',
            name='district',
        ),
    ]
