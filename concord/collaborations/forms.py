"""The request form: the common part, the kind's section, and the row formsets."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from concord.orgs.models import Department

from .inputs import DatedRow, RequestInput, SuggestedRow
from .models import Importance

DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"})


def _active_departments() -> Any:
    return Department.objects.filter(is_active=True).order_by("name")


def _people() -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("person__name")
    )


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.person.name} · {obj.person.department.name}"


class RequestForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    importance = forms.ChoiceField(
        label=_("Importance"), choices=Importance.choices, initial=Importance.NORMAL
    )
    # Translators: 保密
    confidential = forms.BooleanField(label=_("Confidential"), required=False)
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    contact_email = forms.CharField(label=_("Contact email"), max_length=254, required=False)
    background = forms.CharField(
        label=_("Background and purpose"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    goals = forms.CharField(
        label=_("Goals and expected outcomes"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    start_on = forms.DateField(label=_("Proposed start"), widget=DATE, required=False)
    end_on = forms.DateField(label=_("Proposed end"), widget=DATE, required=False)
    risks = forms.CharField(
        label=_("Main risks"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    people_count = forms.IntegerField(label=_("People"), min_value=0, required=False)
    budget = forms.DecimalField(
        label=_("Budget (CNY)"), min_value=0, max_digits=14, decimal_places=2, required=False
    )
    equipment = forms.CharField(
        label=_("Equipment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # problem
    # Translators: 现象
    phenomenon = forms.CharField(
        label=_("Phenomenon"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # Translators: 本质
    root_cause = forms.CharField(
        label=_("Suspected root cause"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    impact = forms.CharField(
        label=_("Quantified impact"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    attributed_departments = forms.ModelMultipleChoiceField(
        label=_("Provisionally attributed departments"),
        queryset=Department.objects.none(),
        required=False,
    )
    # coordination
    # Translators: 前期沟通情况
    prior_communication = forms.CharField(
        label=_("Prior communication status"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attributed_departments"].queryset = _active_departments()  # type: ignore[attr-defined]
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class KeyDateForm(forms.Form):
    text = forms.CharField(
        label=_("Key date"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": _("Label")}),
    )
    on = forms.DateField(label=_("Date"), widget=DATE, required=False)


class CoreProblemForm(forms.Form):
    text = forms.CharField(
        label=_("Core problem"),
        max_length=1000,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control", "placeholder": _("Problem")}),
    )
    on = forms.DateField(label=_("Due date"), widget=DATE, required=False)


class SuggestedForm(forms.Form):
    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )
    people = PersonChoice(label=_("Suggested people"), queryset=None, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = _active_departments()  # type: ignore[attr-defined]
        self.fields["people"].queryset = _people().select_related("person__department")  # type: ignore[attr-defined]
        self.fields["department"].widget.attrs["class"] = "form-select"
        self.fields["people"].widget.attrs.update({"class": "form-select", "size": 3})


KeyDateFormSet = forms.formset_factory(KeyDateForm, extra=3)
CoreProblemFormSet = forms.formset_factory(CoreProblemForm, extra=3)
SuggestedFormSet = forms.formset_factory(SuggestedForm, extra=3)


def _dated(formset: Any) -> list[DatedRow]:
    rows = []
    for form in formset.forms:
        text = (form.cleaned_data.get("text") or "").strip()
        on = form.cleaned_data.get("on")
        if text or on:
            rows.append(DatedRow(text, on))
    return rows


def to_input(
    kind: str, form: RequestForm, key_dates: Any, problems: Any, suggested: Any
) -> RequestInput:
    """Return the request input from bound, valid forms (empty rows are left out)."""
    data = form.cleaned_data
    return RequestInput(
        kind=kind,
        name=data["name"],
        importance=data["importance"],
        confidential=bool(data.get("confidential")),
        contact_phone=data["contact_phone"],
        contact_email=data["contact_email"],
        background=data["background"],
        goals=data["goals"],
        start_on=data["start_on"],
        end_on=data["end_on"],
        risks=data["risks"],
        people_count=data["people_count"],
        budget=data["budget"],
        equipment=data["equipment"],
        phenomenon=data["phenomenon"],
        root_cause=data["root_cause"],
        impact=data["impact"],
        attributed_departments=list(data["attributed_departments"]),
        prior_communication=data["prior_communication"],
        key_dates=_dated(key_dates),
        core_problems=_dated(problems),
        suggested=[
            SuggestedRow(f.cleaned_data["department"], list(f.cleaned_data.get("people") or []))
            for f in suggested.forms
            if f.cleaned_data.get("department")
        ],
    )


def initial_from(data: RequestInput) -> tuple[dict[str, Any], list[Any], list[Any], list[Any]]:
    """Return initial values for the form and its three formsets."""
    form = {
        name: getattr(data, name)
        for name in RequestForm.base_fields
        if name != "attributed_departments"
    }
    form["attributed_departments"] = data.attributed_departments
    return (
        form,
        [{"text": r.text, "on": r.on} for r in data.key_dates],
        [{"text": r.text, "on": r.on} for r in data.core_problems],
        [{"department": r.department, "people": r.people} for r in data.suggested],
    )


class TerminateForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2, "class": "form-control"})
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"), widget=forms.ClearableFileInput(attrs={"class": "form-control"})
    )


class ContactForm(forms.Form):
    person: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Contact"), queryset=None)

    def __init__(self, *args: Any, department: Department, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        field.queryset = _people().filter(person__department=department)  # type: ignore[attr-defined]
        field.label_from_instance = lambda u: u.person.name  # type: ignore[attr-defined]
        field.widget.attrs["class"] = "form-select form-select-sm"
