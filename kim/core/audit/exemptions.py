"""Models that are deliberately not audited, each with its reason.

tests/core/test_audit.py walks every installed model and fails unless it is registered
with @audited or listed here.
"""

from kim.core.audit.registry import exempt

exempt("core.auditentry", "Is the audit log itself; append-only.")
exempt("sessions.session", "Ephemeral login sessions; logins and logouts are audited as events.")
exempt("contenttypes.contenttype", "Django's internal model registry, written by migrations only.")
exempt("auth.permission", "Django's model permissions are unused; kim's registry replaces them.")
exempt("auth.group", "Django groups are not used; kim's roles replace them and are audited.")
exempt("axes.accessattempt", "Failed-login counter of django-axes; failures are audited as events.")
exempt("axes.accesslog", "django-axes' own access log (disabled in settings); logins are audited.")
exempt("axes.accessfailurelog", "django-axes' own failure log (disabled); failures are audited.")
exempt("axes.accessattemptexpiration", "Expiry bookkeeping of django-axes' failure counter.")
exempt("people.deadline", "Derived from audited person data and recomputed; not edited by anyone.")
exempt("people.personnametoken", "Search index derived from audited person names; rebuilt.")
exempt("people.decisionsegment", "Legal time line derived from audited person data by the "
       "rules engine and recomputed; not edited by anyone.")
exempt("people.timeline", "Version and horizon of a derived legal time line; recomputed.")
