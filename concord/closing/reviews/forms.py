"""Forms of the review and retrospective pages (the services validate again)."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration

from .models import Cause, PointKind

DATE = forms.DateInput(attrs={"type": "date"})


class StyledForm(forms.Form):
    """Bootstrap's class on every input (reviews/_form.html draws the selects itself)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not isinstance(field.widget, forms.Select | forms.CheckboxInput):
                field.widget.attrs.setdefault("class", "form-control form-control-sm")


class ReviewForm(StyledForm):
    # Translators: 成果总结
    summary = forms.CharField(
        label=_("Summary of results"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
    )
    budget_planned = forms.DecimalField(
        label=_("Planned budget (CNY)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )
    budget_actual = forms.DecimalField(
        label=_("Actual spending (CNY)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        min_value=0,
    )


class DeviationForm(StyledForm):
    item = forms.CharField(label=_("Item"), required=False, max_length=300)
    cause = forms.ChoiceField(label=_("Cause"), choices=Cause.choices)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}), max_length=10000
    )


def _people(collab: Collaboration) -> Any:
    ids = set(collab.team.values_list("user_id", flat=True)) | {collab.initiator_id}
    return (
        get_user_model()
        .objects.filter(pk__in=ids, is_active=True)
        .select_related("person")
        .order_by("username")
    )


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        person = getattr(obj, "person", None)
        return getattr(person, "name", "") or obj.get_username()


class MeasureForm(StyledForm):
    # Translators: 改进措施
    text = forms.CharField(
        label=_("Improvement measure"), widget=forms.Textarea(attrs={"rows": 2}), max_length=10000
    )
    owner = PersonChoice(label=_("Owner"), queryset=get_user_model().objects.none())
    due_on = forms.DateField(label=_("Due date"), widget=DATE)

    def __init__(self, *args: Any, collab: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people(collab)  # type: ignore[attr-defined]


class AdjustmentForm(StyledForm):
    # Translators: 标题 (of the change notice, not a job title)
    title = forms.CharField(label=pgettext_lazy("change notice", "Title"), max_length=200)
    what = forms.CharField(
        label=_("What changes in the plan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=10000,
    )
    why = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), max_length=10000
    )
    impact_scope = forms.CharField(label=_("Impact on scope"), required=False, max_length=10000)
    impact_time = forms.CharField(label=_("Impact on time"), required=False, max_length=10000)
    impact_budget = forms.CharField(label=_("Impact on budget"), required=False, max_length=10000)
    effective_on = forms.DateField(label=_("Takes effect on"), widget=DATE)
    budget_delta = forms.DecimalField(
        label=_("Budget change (CNY)"), required=False, max_digits=14, decimal_places=2
    )


class RetroForm(StyledForm):
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=10000,
    )


class PointForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=PointKind.choices)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 2}), max_length=10000
    )


class ProposalForm(StyledForm):
    # Translators: 协作规范修订建议
    text = forms.CharField(
        label=_("Proposed rule change"), widget=forms.Textarea(attrs={"rows": 2}), max_length=10000
    )
    rationale = forms.CharField(
        label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=10000
    )


class DecideForm(StyledForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[("adopt", _("Adopt")), ("decline", _("Decline"))]
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=10000)
