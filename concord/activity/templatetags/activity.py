from typing import Any

from django import template
from django.db import models

from ..display import describe
from ..selectors import timeline_for
from ..verbs import label_for

register = template.Library()


@register.inclusion_tag("activity/partials/timeline.html")
def timeline(obj: models.Model, limit: int = 50, heading: bool = True) -> dict[str, Any]:
    """Render the timeline of `obj`; the including view has checked access.

    `heading=False` when the page gives the timeline its own heading.
    """
    events = list(timeline_for(obj, limit=limit))
    shown = describe(events)
    return {
        "events": [(event, shown[event.pk]) for event in events],
        "subject": obj,
        "heading": heading,
    }


@register.filter
def verb_label(verb: str) -> str:
    return label_for(verb)
