"""``{% form_once %}``: the one-time token of a POST form (kim/core/views/once.py). Put it
next to ``{% csrf_token %}`` in every form that posts to a municipality's page."""

from django import template
from django.utils.html import format_html

from kim.core.views import once

register = template.Library()


@register.simple_tag
def form_once() -> str:
    return format_html('<input type="hidden" name="{}" value="{}">', once.FIELD,
                       once.new_token())
