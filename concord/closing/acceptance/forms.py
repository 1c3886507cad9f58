"""Forms of the acceptance pages; the services check everything again."""

from typing import Any, cast

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from .models import Answer, Mode, Outcome, Rating, Verdict


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return str(person.name) if person is not None else obj.get_username()


class PeopleChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return str(person.name) if person is not None else obj.get_username()


def _bootstrap(form: forms.Form) -> None:
    """Give every widget Bootstrap's class, so the pages render the fields as `{{ field }}`."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", "form-control")


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)


def people() -> Any:
    return (
        get_user_model()
        .objects.filter(is_active=True, person__isnull=False)
        .select_related("person")
        .order_by("person__name", "pk")
    )


class GroupForm(StyledForm):
    # Translators: 验收组长
    lead = PersonChoice(label=_("Group lead"), queryset=people())
    members = PeopleChoice(label=_("Members"), queryset=people(), required=False)
    mode = forms.ChoiceField(label=_("Decision mode"), choices=Mode.choices)
    judging_days = forms.IntegerField(
        label=_("Judging time (working days)"), min_value=1, max_value=30, initial=3
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["lead"]).queryset = people()
        cast(Any, self.fields["members"]).queryset = people()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class SubmitForm(forms.Form):
    """The self-check list: one answer and note per standard, then a note and files."""

    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    attachments = MultipleFileField(label=_("Files"), required=False)

    def __init__(
        self, *args: Any, standards: list[str], previous: list[Any] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.standards = standards
        earlier = {line.standard: line for line in previous or []}
        for index, standard in enumerate(standards):
            before = earlier.get(standard)
            self.fields[f"answer_{index}"] = forms.ChoiceField(
                label=standard,
                choices=Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=before.answer if before is not None else None,
            )
            self.fields[f"note_{index}"] = forms.CharField(
                label=_("Note"),
                required=False,
                initial=before.note if before is not None else "",
            )
        _bootstrap(self)

    def lines(self) -> list[tuple[str, Any, Any]]:
        return [
            (standard, self[f"answer_{i}"], self[f"note_{i}"])
            for i, standard in enumerate(self.standards)
        ]

    def answers(self) -> list[Any]:
        from .services import CheckAnswer

        return [
            CheckAnswer(
                self.cleaned_data.get(f"answer_{i}") or "", self.cleaned_data.get(f"note_{i}") or ""
            )
            for i in range(len(self.standards))
        ]


class JudgeForm(StyledForm):
    verdict = forms.ChoiceField(
        label=_("Verdict"), choices=Verdict.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Opinion"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    # Translators: 整改期限
    rework_due = forms.DateField(
        label=_("Rework deadline"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class RedefineForm(StyledForm):
    phenomenon = forms.CharField(label=_("Phenomenon"), widget=forms.Textarea(attrs={"rows": 2}))
    impact = forms.CharField(label=_("Quantified impact"), widget=forms.Textarea(attrs={"rows": 2}))
    root_cause = forms.CharField(label=_("Root cause"), widget=forms.Textarea(attrs={"rows": 2}))


class FeedbackForm(StyledForm):
    rating = forms.ChoiceField(label=_("Rating"), choices=Rating.choices)
    text = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 2}))


class DecideForm(StyledForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
    observed = forms.CharField(
        label=_("Observed outcome"), widget=forms.Textarea(attrs={"rows": 3})
    )
    conclusion = forms.CharField(
        label=_("Conclusion"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    follow_up = forms.CharField(
        label=_("Follow-up (when partially resolved)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    follow_up_owner = PersonChoice(label=_("Follow-up owner"), queryset=people(), required=False)
    follow_up_due = forms.DateField(
        label=_("Follow-up due"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self.fields["follow_up_owner"]).queryset = people()
