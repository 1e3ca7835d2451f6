"""Permissions: one registry of ``area.resource:action`` names and one check function.

- registry.py – the names, their labels, which default roles hold them.
- check.py    – ``has_perm(user, name, municipality, obj=None)``: the only place that decides.
Each app declares its permissions in its own ``permissions.py`` (imported in AppConfig.ready).
"""
