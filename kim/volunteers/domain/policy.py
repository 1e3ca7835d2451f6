"""Keys of the module's dated municipal settings (declared in module.py)."""

CERTIFICATE_YEARS = "volunteers.certificate_years"
CERTIFICATE_REMINDER_DAYS = "volunteers.certificate_reminder_days"
REQUEST_WAIT_DAYS = "volunteers.request_wait_days"
RETENTION_YEARS = "volunteers.retention.left_years"
REQUEST_RETENTION_YEARS = "volunteers.retention.request_years"
