"""Audit log: automatic entries for registered models, explicit ones for reads and bulk work.

- ``@audited(redact=..., exclude=...)`` on a model class registers it (registry.py).
- ``exempt("app.model", reason)`` records a reasoned exemption (exemptions.py).
- ``audit_context(...)`` tells the writer who acts and in which municipality (context.py).
- ``record_read(obj, fields)`` and ``record_bulk(...)`` write explicit entries (writer.py).
"""
