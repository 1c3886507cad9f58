"""Checks of a request: its shape (always) and its completeness (at submit).

Every message names the field and says what is wrong; all problems are
reported at once, keyed by field, so a form can show each beside its input.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from concord.lib.errors import DomainError

from .inputs import RequestInput
from .models import Importance, Kind

Errors = dict[str, list[str]]


def _add(errors: Errors, field: str, message: str) -> None:
    errors.setdefault(field, []).append(message)


def raise_if(errors: Errors) -> None:
    """Raise one invalid error carrying every problem, if there are any."""
    messages = [m for msgs in errors.values() for m in msgs]
    if not messages:
        return
    if len(messages) == 1:
        summary = messages[0]
    else:
        summary = _("%(count)d problems, the first: %(first)s") % {
            "count": len(messages),
            "first": messages[0],
        }
    details: dict[str, list[str | Promise]] = {k: list(v) for k, v in errors.items()}
    raise DomainError(summary, details=details)


def check_shape(data: RequestInput) -> Errors:
    """Return what is malformed, whatever the state: bad dates, numbers, duplicates."""
    errors: Errors = {}
    if data.kind not in Kind.values:
        _add(errors, "kind", _("Kind: choose project, problem or coordination."))
    if not data.name.strip():
        _add(errors, "name", _("Name: enter the name of the collaboration."))
    elif len(data.name.strip()) > 200:
        _add(errors, "name", _("Name: use at most 200 characters."))
    if data.importance not in Importance.values:
        _add(errors, "importance", _("Importance: choose normal, important or strategic."))
    if data.contact_email.strip():
        try:
            validate_email(data.contact_email.strip())
        except ValidationError:
            _add(errors, "contact_email", _("Contact email: enter a valid email address."))
    if data.start_on and data.end_on and data.end_on < data.start_on:
        _add(errors, "end_on", _("Proposed end: it is before the proposed start."))
    if data.budget is not None and data.budget < Decimal(0):
        _add(errors, "budget", _("Budget: it cannot be negative."))
    if data.people_count is not None and data.people_count < 0:
        _add(errors, "people_count", _("People: the number cannot be negative."))
    _check_key_dates(data, errors)
    _check_departments(data, errors)
    for row in data.core_problems:
        if not row.text.strip():
            _add(errors, "core_problems", _("Core problem: describe the problem."))
        if row.on is None:
            _add(
                errors,
                "core_problems",
                _("Core problem “%(text)s”: enter its due date.") % {"text": row.text[:40]},
            )
    return errors


def _check_key_dates(data: RequestInput, errors: Errors) -> None:
    for row in data.key_dates:
        label = row.text.strip()
        if not label:
            _add(errors, "key_dates", _("Key date: enter a label."))
        if row.on is None:
            _add(errors, "key_dates", _("Key date “%(label)s”: enter the date.") % {"label": label})
            continue
        if data.end_on and row.on > data.end_on:
            _add(
                errors,
                "key_dates",
                _("Key date “%(label)s” is after the proposed end date.") % {"label": label},
            )
        if data.start_on and row.on < data.start_on:
            _add(
                errors,
                "key_dates",
                _("Key date “%(label)s” is before the proposed start date.") % {"label": label},
            )


def _check_departments(data: RequestInput, errors: Errors) -> None:
    seen: set[int] = set()
    for row in data.suggested:
        dept = row.department
        if dept.pk in seen:
            _add(
                errors,
                "suggested",
                _("Suggested departments: “%(dept)s” is listed twice.") % {"dept": dept.name},
            )
        seen.add(dept.pk)
        if not dept.is_active:
            _add(
                errors,
                "suggested",
                _("Suggested departments: “%(dept)s” is inactive.") % {"dept": dept.name},
            )
        for user in row.people:
            person = getattr(user, "person", None)
            if person is None or person.department_id != dept.pk:
                _add(
                    errors,
                    "suggested",
                    _("Suggested people: %(who)s does not belong to “%(dept)s”.")
                    % {"who": person.name if person else user.get_username(), "dept": dept.name},
                )


def check_complete(data: RequestInput) -> Errors:
    """Return what is missing before the request may be submitted."""
    errors = check_shape(data)
    required = {
        "background": (data.background, _("Background and purpose: describe why it is needed.")),
        "goals": (data.goals, _("Goals and expected outcomes: state what should be achieved.")),
    }
    for field, (value, message) in required.items():
        if not value.strip():
            _add(errors, field, message)
    if data.start_on is None:
        _add(errors, "start_on", _("Proposed start: enter a date."))
    if data.end_on is None:
        _add(errors, "end_on", _("Proposed end: enter a date."))
    if not data.suggested:
        _add(errors, "suggested", _("Suggested departments: name at least one department."))
    if data.kind == Kind.PROBLEM:
        if not data.phenomenon.strip():
            _add(errors, "phenomenon", _("Phenomenon: describe what is observed."))
        if not data.impact.strip():
            _add(errors, "impact", _("Quantified impact: say what the problem costs."))
    if data.kind == Kind.COORDINATION:
        if not data.core_problems:
            _add(
                errors,
                "core_problems",
                _("Core problems: list at least one problem with its due date."),
            )
        if not data.prior_communication.strip():
            _add(
                errors,
                "prior_communication",
                _("Prior communication status: say who has been talked to so far."),
            )
    return errors
