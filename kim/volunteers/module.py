"""What the volunteers module adds to kim. So far the matching core (``matching/``, pure
Python) and its command ``kim volunteers match``; volunteers, requests and the offers
directory follow (issue 14)."""

from kim.core.modules import KimModule

module = KimModule(label="volunteers", public_modules=["kim.volunteers.matching"])
