"""Every POST form on a municipality's pages carries a one-time token (kim/core/views/
once.py), so that a double submit changes nothing twice – generated from the URLs, like
the rest of the conformance suite."""

import re

import pytest

from tests.conformance.routes import expected, tenant_routes, url_kwargs, url_of

FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
EXEMPT_ACTIONS = ("/i18n/setlang/", "/accounts/logout/")  # the header's forms change no data


@pytest.mark.parametrize("persona", ["caseworker", "benefits", "housing", "admin",
                                     "coordinator"])
def test_every_post_form_carries_a_one_time_token(personas, world, persona):
    client = personas[persona].client()
    user = personas[persona].user
    missing, forms = [], 0
    for route in tenant_routes():
        for kwargs in url_kwargs(route, world):
            if expected(route, persona, user, world, kwargs) != 200:
                continue
            url = url_of(route, kwargs)
            response = client.get(url)
            if response.streaming:  # downloads: read to the end so the file is closed
                b"".join(response.streaming_content)
                continue
            if not response["Content-Type"].startswith("text/html"):
                continue
            for attributes, body in FORM.findall(response.content.decode()):
                if not re.search(r'method="post"', attributes, re.I):
                    continue
                if any(f'action="{a}"' in attributes for a in EXEMPT_ACTIONS):
                    continue
                forms += 1
                if 'name="kim_once"' not in body:
                    missing.append(url)
    assert missing == []
    assert forms >= 1, "no POST form found: the check checks nothing"
