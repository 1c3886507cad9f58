"""Forms of the team panel."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.orgs.models import Department

from .forms import _people


def _name(user: Any) -> str:
    return str(user.person.name)


class PersonForm(forms.Form):
    user: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Person"), queryset=None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = _people()  # type: ignore[attr-defined]
        field.label_from_instance = _name  # type: ignore[attr-defined]
        field.widget.attrs["class"] = "form-select form-select-sm"


class DepartmentForm(forms.Form):
    department: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.filter(is_active=True).order_by("name")
    )

    def __init__(self, *args: Any, exclude: list[int] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        if exclude:
            field.queryset = field.queryset.exclude(pk__in=exclude)  # type: ignore[attr-defined]
        field.widget.attrs["class"] = "form-select form-select-sm"


class MemberForm(PersonForm):
    department: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("For department"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, departments: list[Department] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["department"]
        field.queryset = Department.objects.filter(  # type: ignore[attr-defined]
            pk__in=[d.pk for d in departments or []]
        )
        field.empty_label = str(_("— their own department —"))  # type: ignore[attr-defined]
        field.widget.attrs["class"] = "form-select form-select-sm"
