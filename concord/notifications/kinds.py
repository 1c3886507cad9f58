"""The registry of notification kinds: what each kind says, in any language.

Apps register their kinds from their AppConfig.ready():

    register_kind(
        "orgs.delegation_created",
        title=_("%(delegator)s made you their deputy"),
        body=_("From %(starts_on)s until %(ends_on)s."),
    )

A notification stores only its kind and parameters, so its text is
rendered in the reader's language when it is read: the viewer's in the
inbox, the recipient's in an email.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Kind:
    name: str
    title: str | Promise
    body: str | Promise = ""


_KINDS: dict[str, Kind] = {}


def register_kind(name: str, *, title: str | Promise, body: str | Promise = "") -> Kind:
    kind = Kind(name=name, title=title, body=body)
    _KINDS[name] = kind
    return kind


def get_kind(name: str) -> Kind | None:
    return _KINDS.get(name)


def is_registered(name: str) -> bool:
    return name in _KINDS


def _render(template: str | Promise, params: dict[str, Any], *, kind: str) -> str:
    text = str(template)
    try:
        return text % params
    except (KeyError, TypeError, ValueError):
        # A kind whose wording changed after the row was written must still
        # show something rather than break the reader's whole inbox.
        logger.warning("notification kind %s does not fit its parameters", kind)
        return text


def render_title(name: str, params: dict[str, Any]) -> str:
    """Return the title of a notification of kind `name` in the active language."""
    kind = _KINDS.get(name)
    if kind is None:
        return name
    return _render(kind.title, params, kind=name)


def render_body(name: str, params: dict[str, Any]) -> str:
    """Return the body of a notification of kind `name` in the active language."""
    kind = _KINDS.get(name)
    if kind is None or not kind.body:
        return ""
    return _render(kind.body, params, kind=name)
