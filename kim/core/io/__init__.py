"""Data in and out, shared by every module: reading and validating imports
(:mod:`.reading`, :mod:`.cells`, :mod:`.imports`, errors in :mod:`.errors`) and the one
formula-safe tabular writer (:mod:`.tabular`). Django-free except the transaction of
:func:`.imports.run_import` and the translation of errors (both imported when used).
See docs/architecture.md "Data in and out"."""
