# Plausible dates in the database (kim.people.models.plausibility): the rules that need no
# "today". Rows written before these checks must be corrected first; the migration names them.

import datetime

from django.db import migrations, models
from django.db.models import F, Q

LATER_DATES = ["entry_date", "asylum_application_date", "assignment_date",
               "analog_benefits_since", "moved_away_date", "accommodation_since"]


def refuse_implausible_rows(apps, schema_editor):
    """Name the rows the new CHECKs would refuse, instead of a bare IntegrityError."""
    Person = apps.get_model("people", "Person")
    LegalStatus = apps.get_model("people", "LegalStatus")
    before_birth = Q(birth_date__lt=datetime.date(1900, 1, 1))
    for field in LATER_DATES:
        before_birth |= Q(**{f"{field}__lt": F("birth_date")})
    persons = list(Person._base_manager.filter(before_birth).values_list("pk", flat=True)[:21])
    statuses = list(LegalStatus._base_manager.filter(expires_on__lt=F("valid_from"))
                    .values_list("pk", flat=True)[:21])
    if persons or statuses:
        raise RuntimeError(
            "kim refuses dates before a person's birth (and births before 1900, documents "
            "expiring before their status starts). Correct these records first (person page "
            "→ edit), or start a demo database afresh: persons "
            f"{persons[:20]}{' …' if len(persons) > 20 else ''}, statuses "
            f"{statuses[:20]}{' …' if len(statuses) > 20 else ''}.")


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0002_audit_append_only'),
        ('people', '0004_deadline_sources'),
    ]

    operations = [
        migrations.RunPython(refuse_implausible_rows, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name='legalstatus',
            constraint=models.CheckConstraint(condition=models.Q(('expires_on__isnull', True), ('expires_on__gte', models.F('valid_from')), _connector='OR'), name='status_expires_after_start'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('birth_date__gte', datetime.date(1900, 1, 1))), name='person_birth_from_1900'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('entry_date__isnull', True), ('entry_date__gte', models.F('birth_date')), _connector='OR'), name='person_entry_date_after_birth'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('asylum_application_date__isnull', True), ('asylum_application_date__gte', models.F('birth_date')), _connector='OR'), name='person_asylum_application_date_after_birth'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('assignment_date__isnull', True), ('assignment_date__gte', models.F('birth_date')), _connector='OR'), name='person_assignment_date_after_birth'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('analog_benefits_since__isnull', True), ('analog_benefits_since__gte', models.F('birth_date')), _connector='OR'), name='person_analog_benefits_since_after_birth'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('moved_away_date__isnull', True), ('moved_away_date__gte', models.F('birth_date')), _connector='OR'), name='person_moved_away_date_after_birth'),
        ),
        migrations.AddConstraint(
            model_name='person',
            constraint=models.CheckConstraint(condition=models.Q(('accommodation_since__isnull', True), ('accommodation_since__gte', models.F('birth_date')), _connector='OR'), name='person_accommodation_since_after_birth'),
        ),
    ]
