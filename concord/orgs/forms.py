"""Forms of the organization pages (departments, people, delegations, import).

The working calendar's forms live in calendar_forms.py.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Department, Level


class BootstrapMixin:
    """Give every widget its Bootstrap class, so templates can render `{{ field }}`."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()

    def style(self) -> None:
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select form-select-sm")
            else:
                widget.attrs.setdefault("class", "form-control form-control-sm")


class PersonChoiceField(forms.ModelChoiceField):
    """Choose a login by its person's name (the queryset selects `person`)."""

    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return f"{person.name} ({obj.get_username()})" if person else obj.get_username()


def _people() -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("person__name")
    )


def _departments() -> Any:
    return Department.objects.filter(is_active=True).order_by("name")


class DepartmentCreateForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    code = forms.SlugField(
        label=_("Code"), max_length=40, help_text=_("Letters, digits and hyphens; used by imports.")
    )
    parent = forms.ModelChoiceField(
        label=_("Parent department"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _departments()  # type: ignore[attr-defined]


class DepartmentEditForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    parent = forms.ModelChoiceField(
        label=_("Parent department"), queryset=Department.objects.none(), required=False
    )
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args: Any, department: Department, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "name": department.name,
                "parent": department.parent_id,
                "is_active": department.is_active,
            },
        )
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = _departments().exclude(pk=department.pk)  # type: ignore[attr-defined]


class HeadForm(BootstrapMixin, forms.Form):
    head = PersonChoiceField(
        label=_("Head"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["head"].queryset = _people()  # type: ignore[attr-defined]


class PersonEditForm(BootstrapMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    employee_no = forms.CharField(label=_("Employee number"), max_length=40)
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    title = forms.CharField(label=_("Title"), max_length=100, required=False)
    manager = PersonChoiceField(
        label=_("Manager"), queryset=get_user_model().objects.none(), required=False
    )
    level = forms.ChoiceField(label=_("Leadership level"), choices=Level.choices)
    is_pmo = forms.BooleanField(label=_("PMO admin"), required=False)
    email = forms.EmailField(label=_("Email"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = _departments()  # type: ignore[attr-defined]
        self.fields["manager"].queryset = _people()  # type: ignore[attr-defined]


class PersonCreateForm(PersonEditForm):
    username = forms.CharField(label=_("Username"), max_length=150)
    field_order = ["username", "name", "employee_no", "department"]


class DelegationForm(BootstrapMixin, forms.Form):
    deputy = PersonChoiceField(label=_("Deputy"), queryset=get_user_model().objects.none())
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)

    def __init__(self, *args: Any, exclude_user: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = _people()
        if exclude_user is not None:
            people = people.exclude(pk=exclude_user.pk)
        self.fields["deputy"].queryset = people  # type: ignore[attr-defined]


class ImportForm(BootstrapMixin, forms.Form):
    file = forms.FileField(label=_("Workbook (.xlsx)"))
    dry_run = forms.BooleanField(
        label=_("Dry run: check and preview, change nothing"), required=False, initial=True
    )
