"""Forms of the communication page; the services do the checking that matters."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department

from .inputs import ItemInput
from .models import Channel, LimitUnit, Size


def _people() -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("person__name")
    )


def _name(user: Any) -> str:
    return str(user.person.name)


class ItemForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    departments: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Departments"), queryset=Department.objects.none(), required=False
    )
    people: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("People"), queryset=None, required=False
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    frequency = forms.CharField(label=_("Frequency or time"), max_length=200, required=False)
    rrule = forms.CharField(label=_("Recurrence rule"), max_length=500, required=False)
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Owner"), queryset=None, required=False
    )
    output = forms.CharField(label=_("Output"), max_length=200, required=False)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea({"rows": 2}))

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        departments = self.fields["departments"]
        departments.queryset = Department.objects.filter(  # type: ignore[attr-defined]
            pk__in=collab.departments.values("department_id")
        )
        for name in ("people", "owner"):
            field = self.fields[name]
            field.queryset = _people()  # type: ignore[attr-defined]
            field.label_from_instance = _name  # type: ignore[attr-defined]
        for name, field in self.fields.items():
            css = (
                "form-select"
                if name in {"channel", "owner", "departments", "people"}
                else "form-control"
            )
            field.widget.attrs.setdefault("class", f"{css} form-control-sm")

    def to_input(self) -> ItemInput:
        data = self.cleaned_data
        return ItemInput(
            topic=data["topic"],
            channel=data["channel"],
            frequency=data.get("frequency", ""),
            rrule=data.get("rrule", ""),
            owner=data.get("owner"),
            output=data.get("output", ""),
            notes=data.get("notes", ""),
            departments=list(data.get("departments") or []),
            people=list(data.get("people") or []),
        )


class LevelForm(forms.Form):
    handler: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Named handler"), queryset=None, required=False
    )
    limit_value = forms.IntegerField(label=_("Time limit"), min_value=1, max_value=999)
    limit_unit = forms.ChoiceField(label=_("Unit"), choices=LimitUnit.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["handler"]
        field.queryset = _people()  # type: ignore[attr-defined]
        field.label_from_instance = _name  # type: ignore[attr-defined]
        field.empty_label = str(_("— follow the role —"))  # type: ignore[attr-defined]
        for name, f in self.fields.items():
            css = "form-control" if name == "limit_value" else "form-select"
            f.widget.attrs.setdefault("class", f"{css} form-select-sm")


class SizeForm(forms.Form):
    size = forms.ChoiceField(
        label=_("Project size"),
        choices=[("", _("Derive from the people")), *Size.choices],
        required=False,
        widget=forms.Select({"class": "form-select form-select-sm"}),
    )
