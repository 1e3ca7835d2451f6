"""The welcome folder's demo data for soest-demo (see :mod:`kim.welcome.demo.pages`)."""

from kim.welcome.demo.load import load

__all__ = ["load"]
