"""Reports: the registry of standard reports, disclosure control and the renderers."""
