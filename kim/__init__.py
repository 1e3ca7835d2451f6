"""kim – Kommunales Integrationsmanagement."""

__version__ = "0.1.0"
