from typing import Any
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration

from .. import access, selectors

register = template.Library()

# In a sentence: "escalate to level 2" reads 升级至二级, not 升级至 2 级.
LEVEL_NAMES = {
    1: pgettext_lazy("issue level in a sentence", "level 1"),
    2: pgettext_lazy("issue level in a sentence", "level 2"),
    3: pgettext_lazy("issue level in a sentence", "level 3"),
}


@register.filter
def level_name(level: int) -> str:
    return str(LEVEL_NAMES.get(level, level))


@register.simple_tag(takes_context=True)
def issues_side(context: Any, collab: Collaboration) -> dict[str, Any]:
    """Return what the collaboration page's issue section shows (a fixed number of queries)."""
    user = context["request"].user
    return {
        "counts": selectors.counts_by_level(collab),
        "can_raise": access.can_raise_now(user, collab),
    }


@register.simple_tag(takes_context=True)
def issue_raise_url(context: Any, collab: Collaboration, source: Any = None) -> str:
    """Return where to raise an issue from `source` (a task or a meeting), "" if the user may not.

    Lets other apps' pages offer 「提报问题」 without knowing the issue log's rules.
    """
    if not access.can_raise_now(context["request"].user, collab):
        return ""
    url = reverse("issues:new", args=[collab.ref])
    number = getattr(source, "number", "")
    if number:
        return f"{url}?{urlencode({'task': number})}"
    if source is not None:
        return f"{url}?{urlencode({'meeting': source.pk})}"
    return url


@register.simple_tag
def issues_raised_from(source: Any) -> list[Any]:
    """Return the issues raised from `source`, for its own page (the page has checked access)."""
    return selectors.raised_from(source)
