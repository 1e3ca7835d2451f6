"""The individual integration plan's models get their own name space ("integration"), so
that the coming action-plan module (Handlungskonzept) can use "plan" without confusion."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("casework", "0001_initial"),
        ("people", "0004_deadline_sources"),
    ]

    operations = [
        migrations.RenameModel("PlanGoal", "IntegrationGoal"),
        migrations.RenameModel("PlanStep", "IntegrationStep"),
        migrations.RenameField("integrationgoal", "field", "field_code"),
    ]
