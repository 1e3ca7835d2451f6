"""Every existing municipality gets the [IMIS] 3. indicator catalogue (new ones get it
when they are created: kim/monitoring/apps.py)."""

from django.db import migrations


def load(apps, schema_editor):
    from kim.monitoring.catalogue import CATALOGUE

    Municipality = apps.get_model("core", "Municipality")
    Indicator = apps.get_model("monitoring", "Indicator")
    for municipality in Municipality.objects.all():
        have = set(Indicator.objects.filter(municipality=municipality)
                   .values_list("code", flat=True))
        added = {}
        for (code, topic, name, unit, level, periodicity, source, definition, _n, _d,
             basis) in CATALOGUE:
            if code not in have:
                added[code] = Indicator.objects.create(
                    municipality=municipality, code=code, topic=topic, name=name, unit=unit,
                    level=level, periodicity=periodicity, source=source,
                    definition=definition, basis=basis)
        for code, *_rest, numerator, denominator, _basis in CATALOGUE:
            if code in added and numerator:
                added[code].numerator = Indicator.objects.get(municipality=municipality,
                                                              code=numerator)
                added[code].denominator = Indicator.objects.get(municipality=municipality,
                                                                code=denominator)
                added[code].save(update_fields=["numerator", "denominator"])


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_mon_indicators")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
