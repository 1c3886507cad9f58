from django import template

from concord.collaborations.models import Collaboration

from ..selectors import Side, side_of

register = template.Library()


@register.simple_tag
def reviews_side(collab: Collaboration) -> Side:
    return side_of(collab)
