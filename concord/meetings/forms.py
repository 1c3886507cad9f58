"""Forms of the meeting pages. They check shapes; the services check the rules."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department
from concord.tasks.forms import PersonChoiceField, departments_of, people_of

from .models import DecisionKind, Kind

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
_WHEN = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PeopleField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return f"{person.name} ({person.department})" if person else obj.get_username()


def _bootstrap(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        else:
            widget.attrs.setdefault("class", "form-control")


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Kind.choices)
    # Translators: 会议主题
    title = forms.CharField(label=_("Meeting subject"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=_WHEN, input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
    )
    # Translators: 计划时长(分钟)
    duration_minutes = forms.IntegerField(
        label=_("Planned length (minutes)"), min_value=1, max_value=24 * 60, initial=60
    )
    place = forms.CharField(label=_("Place or link"), max_length=300, required=False)
    host = PersonChoiceField(label=_("Host"), queryset=None)
    note_taker = PersonChoiceField(label=_("Note-taker"), queryset=None)
    decision_maker = PersonChoiceField(
        label=_("Decision maker"),
        queryset=None,
        required=False,
    )
    attendees = PeopleField(label=_("Attendees"), queryset=None, required=False)
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        people = people_of(collab)
        for name in ("host", "note_taker", "decision_maker", "attendees"):
            self.fields[name].queryset = people  # type: ignore[attr-defined]
        self.fields["attendees"].widget.attrs["size"] = 8
        _bootstrap(self)


class MeetingEditForm(MeetingForm):
    # Translators: 修改本次及以后的会议
    following = forms.BooleanField(
        label=_("Change this and the following meetings of the series"), required=False
    )

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, collab=collab, **kwargs)
        del self.fields["kind"]
        del self.fields["attendees"]
        self.fields["following"].widget.attrs["class"] = "form-check-input"


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("meeting decision", "Decision"),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=DecisionKind.choices, initial=DecisionKind.DECISION
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Action item"), max_length=300)
    owner = PersonChoiceField(label=_("Owner"), queryset=None)
    due_on = forms.DateField(label=_("Due date"), widget=_DATE)
    deliverable = forms.CharField(label=_("Deliverable"), max_length=300, required=False)

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_of(collab)  # type: ignore[attr-defined]
        _bootstrap(self)


class AttendeeForm(forms.Form):
    user = PersonChoiceField(label=_("Person"), queryset=None)
    department = forms.ModelChoiceField(
        label=_("Speaks for"), queryset=Department.objects.none(), required=False
    )
    role = forms.CharField(label=_("Role"), max_length=100, required=False)

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = people_of(collab)  # type: ignore[attr-defined]
        self.fields["department"].queryset = departments_of(collab)  # type: ignore[attr-defined]
        _bootstrap(self)


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("Objection"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class MaterialForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)
