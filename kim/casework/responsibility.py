"""Tells the people app's deadline worklist who is responsible for which persons."""

from kim.casework.domain.caseload import assignable_users, person_ids_of
from kim.people.domain.responsibility import ResponsibilitySource, register


def _users(municipality):  # type: ignore[no-untyped-def]
    return [(u.pk, u.get_full_name() or u.username) for u in assignable_users(municipality)]


register(ResponsibilitySource(permission="casework.caseload:read", responsible_users=_users,
                              persons_of=person_ids_of))
