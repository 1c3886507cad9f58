"""What a timeline shows of an event's before/after: labelled fields, names for ids.

Events store raw values (a person is a user id, a department its id) so the
trail stays exact when names change. Readers should see "负责人: 罗工", not
"owner: 10": this module labels the common fields and resolves the ids of
all events on a page in two queries, whatever their number.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from concord.orgs.models import Department

from .models import Event

#: Fields holding one user id, or a list of them.
PERSON_FIELDS = frozenset(
    {
        "owner",
        "handler",
        "host",
        "note_taker",
        "decision_maker",
        "user",
        "lead",
        "reviewer",
        "contact",
        "head",
        "manager",
        "sponsor",
        "attendees",
        "joined_team",
        "signers",
    }
)
#: Fields holding one department id, or a list of them.
DEPARTMENT_FIELDS = frozenset({"department", "department_id", "owner_department", "departments"})


# One context for them all: "title" here is a heading, not a job title (职务).
FIELD_LABELS: dict[str, str | Promise] = {
    "owner": pgettext_lazy("event field", "owner"),
    "handler": pgettext_lazy("event field", "handler"),
    "host": pgettext_lazy("event field", "host"),
    "note_taker": pgettext_lazy("event field", "note-taker"),
    "decision_maker": pgettext_lazy("event field", "decision maker"),
    "user": pgettext_lazy("event field", "person"),
    "lead": pgettext_lazy("event field", "project lead"),
    "reviewer": pgettext_lazy("event field", "reviewer"),
    "contact": pgettext_lazy("event field", "contact"),
    "head": pgettext_lazy("event field", "head"),
    "manager": pgettext_lazy("event field", "manager"),
    "sponsor": pgettext_lazy("event field", "sponsor"),
    "attendees": pgettext_lazy("event field", "attendees"),
    "joined_team": pgettext_lazy("event field", "joined the team"),
    "signers": pgettext_lazy("event field", "signers"),
    "department": pgettext_lazy("event field", "department"),
    "department_id": pgettext_lazy("event field", "department"),
    "owner_department": pgettext_lazy("event field", "owner department"),
    "departments": pgettext_lazy("event field", "departments"),
    "title": pgettext_lazy("event field", "title"),
    "name": pgettext_lazy("event field", "name"),
    "state": pgettext_lazy("event field", "state"),
    "status": pgettext_lazy("event field", "status"),
    "level": pgettext_lazy("event field", "level"),
    "due_on": pgettext_lazy("event field", "due on"),
    "due_at": pgettext_lazy("event field", "deadline"),
    "start_on": pgettext_lazy("event field", "starts on"),
    "starts_at": pgettext_lazy("event field", "starts at"),
    "effective_on": pgettext_lazy("event field", "takes effect on"),
    "duration_minutes": pgettext_lazy("event field", "length (minutes)"),
    "place": pgettext_lazy("event field", "place"),
    "percent_done": pgettext_lazy("event field", "percent done"),
    "blocked_reason": pgettext_lazy("event field", "reason blocked"),
    "description": pgettext_lazy("event field", "description"),
    "deliverable": pgettext_lazy("event field", "deliverable"),
    "comment": pgettext_lazy("event field", "comment"),
    "note": pgettext_lazy("event field", "note"),
    "reason": pgettext_lazy("event field", "reason"),
    "verdict": pgettext_lazy("event field", "verdict"),
    "outcome": pgettext_lazy("event field", "outcome"),
    "round": pgettext_lazy("event field", "round"),
    "version": pgettext_lazy("event field", "version"),
    "kind": pgettext_lazy("event field", "kind"),
    "importance": pgettext_lazy("event field", "importance"),
    "confidential": pgettext_lazy("event field", "confidential"),
    "budget": pgettext_lazy("event field", "budget"),
    "priority": pgettext_lazy("event field", "priority"),
    "review_state": pgettext_lazy("event field", "review"),
    "text": pgettext_lazy("event field", "text"),
    "summary": pgettext_lazy("event field", "summary"),
    "rework_due": pgettext_lazy("event field", "rework due"),
    "resolution": pgettext_lazy("event field", "resolution"),
    "key_points": gettext_lazy("Key points"),
}


@dataclass(frozen=True)
class Change:
    label: str
    before: str
    after: str


def _ids(value: Any) -> list[int]:
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, int) and not isinstance(v, bool)]
    return []


def _names(events: Iterable[Event]) -> tuple[dict[int, str], dict[int, str]]:
    people: set[int] = set()
    departments: set[int] = set()
    for event in events:
        for field, old, new in event.changes:
            target = (
                people
                if field in PERSON_FIELDS
                else departments
                if field in DEPARTMENT_FIELDS
                else None
            )
            if target is not None:
                target.update(_ids(old) + _ids(new))
    users = get_user_model().objects.filter(pk__in=people).select_related("person")
    person_names = {
        u.pk: getattr(getattr(u, "person", None), "name", "") or u.get_username() for u in users
    }
    department_names = dict(Department.objects.filter(pk__in=departments).values_list("pk", "name"))
    return person_names, department_names


_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _moment(text: str) -> str:
    """An ISO timestamp (stored in UTC) as local 'YYYY-MM-DD HH:MM'; anything else as is."""
    if not _ISO_MOMENT.match(text):
        return text
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if timezone.is_naive(moment):
        return text
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _text(value: Any, names: dict[int, str] | None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if names is not None and _ids(value):
        if isinstance(value, list):
            return "、".join(names.get(v, f"#{v}") for v in _ids(value))
        return names.get(value, f"#{value}")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return _moment(value) if isinstance(value, str) else str(value)


def _model_field(model: type[models.Model] | None, field: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        found = model._meta.get_field(field)
    except FieldDoesNotExist:
        return None
    return found if isinstance(found, models.Field) else None


def label_of(field: str, model: type[models.Model] | None = None) -> str:
    """The field's label: ours, else the subject model's own verbose name, else the name."""
    label = FIELD_LABELS.get(field)
    if label is not None:
        return str(label)
    found = _model_field(model, field)
    if found is not None and found.verbose_name and found.verbose_name != field.replace("_", " "):
        return str(found.verbose_name)
    return field.replace("_", " ")


def _choice(value: Any, model_field: models.Field[Any, Any] | None) -> Any:
    """A stored choice ("in_progress") as its label in the reader's language ("处理中")."""
    if model_field is None or not model_field.choices or isinstance(value, bool):
        return value
    if not isinstance(value, str | int):
        return value
    for key, label in model_field.flatchoices:
        if key == value:
            return str(label)
    return value


def describe(events: list[Event]) -> dict[int, list[Change]]:
    """Return each event's changes as labelled, readable rows, by event id."""
    person_names, department_names = _names(events)
    out: dict[int, list[Change]] = {}
    for event in events:
        # Content types are cached: no query per event.
        model = ContentType.objects.get_for_id(event.subject_type_id).model_class()
        rows = []
        for field, old, new in event.changes:
            names = (
                person_names
                if field in PERSON_FIELDS
                else department_names
                if field in DEPARTMENT_FIELDS
                else None
            )
            model_field = _model_field(model, field) if names is None else None
            rows.append(
                Change(
                    label_of(field, model),
                    _text(_choice(old, model_field), names),
                    _text(_choice(new, model_field), names),
                )
            )
        out[event.pk] = rows
    return out
