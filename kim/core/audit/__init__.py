"""Audit log: automatic entries for registered models, explicit ones for reads and bulk work.

- ``@audited(redact=..., exclude=...)`` on a model class registers it (registry.py).
- a module lists the models it does not audit, with the reason, in its ``AuditRules``.
- ``audit_context(...)`` tells the writer who acts and in which municipality (context.py).
- ``record_read(obj, fields)`` and ``record_bulk(...)`` write explicit entries (writer.py).
"""
