from typing import Any

from django import template
from django.db import models

from ..selectors import timeline_for
from ..verbs import label_for

register = template.Library()


@register.inclusion_tag("activity/partials/timeline.html")
def timeline(obj: models.Model, limit: int = 50) -> dict[str, Any]:
    """Render the timeline of `obj`; the including view has checked access."""
    return {"events": list(timeline_for(obj, limit=limit)), "subject": obj}


@register.filter
def verb_label(verb: str) -> str:
    return label_for(verb)
