"""Settings come from environment variables; see kim/settings/base.py and the README."""

from kim.settings.base import *  # noqa: F403
