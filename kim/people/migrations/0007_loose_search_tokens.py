"""Search tokens gain the loose variant of every name token ("ch" read as "h": Achmadi
finds Ahmadi). Derived data: recomputed here for every stored person and name variant."""

from django.db import migrations


def add_loose_tokens(apps, schema_editor):
    from kim.people.domain.names import stored_tokens

    Person = apps.get_model("people", "Person")
    PersonName = apps.get_model("people", "PersonName")
    Token = apps.get_model("people", "PersonNameToken")
    have = set(Token._base_manager.values_list("person_id", "token"))
    new = []
    names = [(p.pk, p.municipality_id, p.birth_date.year, f"{p.given_names} {p.family_name}")
             for p in Person._base_manager.only("pk", "municipality_id", "birth_date",
                                                "given_names", "family_name")]
    years = {pk: (town, year) for pk, town, year, _ in names}
    names += [(v.person_id, *years[v.person_id], f"{v.given_names} {v.family_name}")
              for v in PersonName._base_manager.only("person_id", "given_names", "family_name")
              if v.person_id in years]
    for person_id, town, year, name in names:
        for token in stored_tokens(name):
            if (person_id, token) not in have:
                have.add((person_id, token))
                new.append(Token(municipality_id=town, person_id=person_id, token=token,
                                 birth_year=year))
    Token._base_manager.bulk_create(new, batch_size=5000)


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0006_person_address"),
    ]

    operations = [
        migrations.RunPython(add_loose_tokens, migrations.RunPython.noop),
    ]
