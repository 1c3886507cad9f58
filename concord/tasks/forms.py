"""Forms of the task pages. They check shapes; the services check the rules."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration
from concord.orgs.models import Department
from concord.planning.models import Milestone
from concord.planning.selectors import effective_plan

from .models import Priority, Status, Task
from .selectors import TaskFilters

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

#: The list page's sort keys (the selector's `order`), in the order offered.
ORDERS = [
    ("due_on", _("Due date")),
    ("status", _("Status")),
    ("owner", _("Owner")),
    ("priority", _("Priority")),
]


def _bootstrap(form: forms.Form, *, small: bool = False) -> None:
    size = " form-select-sm" if small else ""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select" + size)
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", "form-control" + size.replace("select", "control"))


def departments_of(collab: Collaboration) -> QuerySet[Department]:
    return Department.objects.filter(pk__in=collab.departments.values("department")).order_by(
        "name"
    )


def people_of(collab: Collaboration) -> QuerySet[Any]:
    """Return who may own a task: the team and the people of the participating departments."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(person__department__in=collab.departments.values("department"))
            | Q(collaboration_roles__collaboration=collab)
        )
        .distinct()
        .select_related("person")
        .order_by("person__name", "username")
    )


def milestones_of(collab: Collaboration) -> QuerySet[Milestone]:
    version = effective_plan(collab)
    if version is None:
        return Milestone.objects.none()
    return version.milestones.all()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return f"{person.name} ({person.department})" if person else obj.get_username()


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number} {obj.title}"


class TaskForm(forms.Form):
    # Translators: 标题 (of the task, not a job title)
    title = forms.CharField(label=pgettext_lazy("task", "Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    # Translators: 负责人
    owner = PersonChoiceField(label=_("Owner"), queryset=get_user_model().objects.none())
    department = forms.ModelChoiceField(label=_("Department"), queryset=Department.objects.none())
    start_on = forms.DateField(label=_("Start date"), required=False, widget=_DATE)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=_DATE)
    # Translators: 交付成果
    deliverable = forms.CharField(label=_("Deliverable"), max_length=300, required=False)
    # Translators: 交付标准
    deliverable_standard = forms.CharField(
        label=_("Deliverable standard"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices)
    parent = TaskChoiceField(label=_("Parent task"), queryset=Task.objects.none(), required=False)
    milestone = forms.ModelChoiceField(
        label=_("Milestone"), queryset=Milestone.objects.none(), required=False
    )
    needs_review = forms.BooleanField(
        label=_("Key deliverable: needs a review before it counts as done"), required=False
    )

    def __init__(
        self, *args: Any, collab: Collaboration, task: Task | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["owner"].queryset = people_of(collab)
        fields["department"].queryset = departments_of(collab)
        parents = Task.objects.filter(collaboration=collab).order_by("seq")
        if task is not None:
            parents = parents.exclude(pk=task.pk)
        fields["parent"].queryset = parents
        fields["milestone"].queryset = milestones_of(collab)
        _bootstrap(self)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, due = data.get("start_on"), data.get("due_on")
        if start and due and due < start:
            self.add_error("due_on", _("The due date is before the start date."))
        return data


def initial_of(task: Task) -> dict[str, Any]:
    return {name: getattr(task, name) for name in TaskForm.base_fields}


class MoveForm(forms.Form):
    """One move on the board: drag-and-drop, the arrows and the status select all post it."""

    task = forms.CharField(max_length=20)
    status = forms.ChoiceField(choices=Status.choices)
    position = forms.IntegerField(min_value=0, required=False)
    # The card the task was dropped above, if any (see board.js).
    before = forms.CharField(required=False, max_length=20)
    # Translators: 阻塞原因
    blocked_reason = forms.CharField(
        label=_("Why is it blocked?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    blocked_by = forms.CharField(label=_("Blocked by task"), required=False, max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class ProgressForm(forms.Form):
    text = forms.CharField(
        label=_("What was done, what comes next"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    percent_done = forms.IntegerField(
        label=_("Percent done"), min_value=0, max_value=100, required=False
    )
    # Translators: 阻塞问题 / 需要的协助
    blocker = forms.CharField(
        label=_("Blocker or help needed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 1}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("reject", _("Send back"))],
        widget=forms.HiddenInput,
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class DependencyForm(forms.Form):
    depends_on = forms.CharField(label=_("Depends on task"), max_length=20)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self, small=True)


class FilterForm(forms.Form):
    """The filters of the board and the list, read from the query string."""

    department = forms.ModelChoiceField(
        label=_("Department"), queryset=Department.objects.none(), required=False
    )
    owner = PersonChoiceField(
        label=_("Owner"), queryset=get_user_model().objects.none(), required=False
    )
    milestone = forms.ModelChoiceField(
        label=_("Milestone"), queryset=Milestone.objects.none(), required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    order = forms.ChoiceField(
        label=_("Sort by"),
        choices=[*ORDERS, *((f"-{key}", label) for key, label in ORDERS)],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["department"].queryset = departments_of(collab)
        fields["owner"].queryset = people_of(collab)
        fields["milestone"].queryset = milestones_of(collab)
        for name in ("department", "owner", "milestone"):
            fields[name].empty_label = _("All")
        _bootstrap(self, small=True)

    def filters(self) -> TaskFilters:
        """Return the filters; a bad value is ignored rather than refused."""
        self.is_valid()
        data = self.cleaned_data
        return TaskFilters(
            department=getattr(data.get("department"), "pk", None),
            owner=getattr(data.get("owner"), "pk", None),
            milestone=getattr(data.get("milestone"), "pk", None),
            status=data.get("status") or "",
            overdue=bool(data.get("overdue")),
            q=data.get("q") or "",
        )

    def ordering(self) -> str:
        self.is_valid()
        return str(self.cleaned_data.get("order") or "due_on")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Task list (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )
    dry_run = forms.BooleanField(
        label=_("Check only, import nothing"), required=False, initial=True
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


class ProgressSettingsForm(forms.Form):
    """The daily progress routine of one collaboration (nudges, digest)."""

    NUDGE_CHOICES = [
        ("default", _("As the communication plan says (on with a daily stand-up)")),
        ("on", _("On")),
        ("off", _("Off")),
    ]
    nudge = forms.ChoiceField(label=_("Nudge owners without an update"), choices=NUDGE_CHOICES)
    digest = forms.BooleanField(label=_("Daily digest to the lead"), required=False)

    def nudge_enabled(self) -> bool | None:
        return {"default": None, "on": True, "off": False}[self.cleaned_data["nudge"]]
