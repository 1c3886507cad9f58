"""Forms that read the plan pages' input; the services check the rules."""

from typing import Any

from django import forms
from django.forms import modelform_factory
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from concord.lib.errors import DomainError

from .models import PlanVersion
from .services import CHARTER_FIELDS, SECTIONS


class CharterForm(forms.ModelForm):
    class Meta:
        model = PlanVersion
        fields = list(CHARTER_FIELDS)


def row_form(section: str, data: Any) -> forms.ModelForm:
    """Return a bound form of the section's row; only the fields posted are checked."""
    model, fields = SECTIONS[section]
    posted = [f for f in fields if f in data]
    form_class = modelform_factory(model, fields=posted)
    form = form_class(data)
    for field in form.fields.values():
        field.required = field.required and not isinstance(field, forms.ModelChoiceField)
    return form


def cleaned(form: forms.ModelForm) -> dict[str, Any]:
    """Return the form's values with objects replaced by their ids, as the services take them."""
    return {
        name: value.pk if hasattr(value, "pk") else value
        for name, value in form.cleaned_data.items()
    }


def form_error(form: forms.BaseForm) -> DomainError:
    """Return the form's errors as the one error type the pages show."""
    details: dict[str, list[str | Promise]] = {
        name: [str(m) for m in messages] for name, messages in form.errors.items()
    }
    first = next(iter(details.values()))[0]
    return DomainError(first, details=details)


def person_id(data: Any) -> int:
    """Return the posted person (a user id) for a RACI letter, or refuse the input."""
    text = str(data.get("person", "")).strip()
    if not text.isdigit() or len(text) > 9:
        raise DomainError(_("Choose a person."), field="person")
    return int(text)
