from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from concord.orgs.models import Department
from concord.tasks.forms import PersonChoiceField

from .models import Level, Status

_DATETIME = forms.DateTimeInput(
    attrs={"type": "datetime-local", "class": "form-control"}, format="%Y-%m-%dT%H:%M"
)


def _bootstrap(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", "form-control")


def _area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


MAX_ID = 2**63 - 1


class IdsField(forms.ModelMultipleChoiceField):
    """Several rows by id; an id no database column can hold is an invalid choice, not a 500."""

    def clean(self, value: Any) -> Any:
        for pk in value if isinstance(value, list | tuple) else []:
            text = str(pk).strip()
            if text.isdigit() and int(text) > MAX_ID:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super().clean(value)


class IssueForm(forms.Form):
    # Translators: 问题描述
    title = forms.CharField(label=_("Issue"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, max_length=10000, widget=_area(3)
    )
    # Translators: 现象
    phenomenon = forms.CharField(
        label=_("Phenomenon (what is seen)"), required=False, max_length=10000, widget=_area()
    )
    # Translators: 本质
    root_cause = forms.CharField(
        label=_("Root cause (if known)"), required=False, max_length=10000, widget=_area()
    )
    impact_business = forms.CharField(
        label=_("Impact on the business"),
        required=False,
        max_length=10000,
        widget=_area(),
        help_text=_("Quantify where you can, e.g. “launch slips 2 weeks”."),
    )
    impact_customers = forms.CharField(
        label=_("Impact on customers"), required=False, max_length=10000, widget=_area()
    )
    impact_teams = forms.CharField(
        label=_("Impact on teams"), required=False, max_length=10000, widget=_area()
    )
    departments = IdsField(
        label=_("Departments involved"), queryset=Department.objects.none(), required=False
    )
    # Translators: 责任人
    owner = PersonChoiceField(label=_("Owner"), queryset=Department.objects.none())

    def __init__(self, *args: Any, departments: Any = None, people: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        dept_field = self.fields["departments"]
        assert isinstance(dept_field, forms.ModelMultipleChoiceField)
        dept_field.queryset = departments if departments is not None else Department.objects.none()
        owner_field = self.fields["owner"]
        assert isinstance(owner_field, forms.ModelChoiceField)
        owner_field.queryset = people
        _bootstrap(self)


class RaiseForm(IssueForm):
    level = forms.TypedChoiceField(
        label=_("Level"), choices=Level.choices, coerce=int, initial=Level.ONE
    )
    # Translators: 解决时限
    due_at = forms.DateTimeField(
        label=_("Resolution deadline"),
        required=False,
        widget=_DATETIME,
        help_text=_(
            "Empty: the level's time limit from now. "
            "Only the project lead or the PMO may set a later one."
        ),
    )


class UpdateForm(forms.Form):
    body = forms.CharField(label=_("Today's status"), max_length=10000, widget=_area(2))

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        _bootstrap(self)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=10000, widget=_area(2))

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        _bootstrap(self)


class RedateForm(forms.Form):
    due_at = forms.DateTimeField(label=_("New resolution deadline"), widget=_DATETIME)
    reason = forms.CharField(label=_("Reason"), required=False, max_length=10000, widget=_area(2))

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        _bootstrap(self)


class ResolveForm(forms.Form):
    resolution = forms.CharField(label=_("Resolution"), max_length=10000, widget=_area(3))
    root_cause = forms.CharField(
        label=_("Root cause"), required=False, max_length=10000, widget=_area(2)
    )

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        _bootstrap(self)


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Note"), required=False, max_length=2000)

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        _bootstrap(self)


class PeopleChoiceField(IdsField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return person.name if person is not None else str(obj.get_username())


class MeetingForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=_DATETIME)
    duration_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=5, max_value=480, initial=60
    )
    place = forms.CharField(label=_("Place"), required=False, max_length=200)
    attendees = PeopleChoiceField(label=_("Participants"), queryset=Department.objects.none())

    def __init__(self, *args: Any, people: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["attendees"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = people
        _bootstrap(self)


STATUS_CHOICES = [("", _("Any status")), ("active", _("Not resolved")), *Status.choices]
LEVEL_CHOICES = [("", _("Any level")), *[(str(v), label) for v, label in Level.choices]]


class FilterForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=LEVEL_CHOICES, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_CHOICES, required=False)
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.none(),
        required=False,
        empty_label=_("Any department"),
    )
    overdue = forms.BooleanField(label=_("Overdue"), required=False)
    mine = forms.BooleanField(label=_("Mine"), required=False)

    def __init__(self, *args: Any, departments: Any = None, **kw: Any) -> None:
        super().__init__(*args, **kw)
        field = self.fields["department"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (
            departments if departments is not None else Department.objects.filter(is_active=True)
        )
        _bootstrap(self)
