from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.orgs.models import Department

from .models import Category, ResourceKind

_DATE = forms.DateInput(attrs={"type": "date", "class": "form-control"}, format="%Y-%m-%d")


def _bootstrap(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        else:
            widget.attrs.setdefault("class", "form-control")


class NoticeForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Category.choices)
    # Translators: 标题 (of the change notice, not a job title)
    title = forms.CharField(label=pgettext_lazy("change notice", "Title"), max_length=200)
    what = forms.CharField(label=_("What changes"), widget=forms.Textarea(attrs={"rows": 3}))
    why = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
    impact_scope = forms.CharField(
        label=_("Impact on scope"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    impact_time = forms.CharField(
        label=_("Impact on time"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    impact_budget = forms.CharField(
        label=_("Impact on budget"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    budget_delta = forms.DecimalField(
        label=_("Budget change (CNY)"),
        required=False,
        max_digits=14,
        decimal_places=2,
        help_text=_("Positive for an increase; rules may require approval above a threshold."),
    )
    impact_departments = forms.ModelMultipleChoiceField(
        label=_("Departments affected"), queryset=Department.objects.none(), required=False
    )
    effective_on = forms.DateField(label=_("Takes effect on"), widget=_DATE)

    def __init__(self, *args: Any, departments: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["impact_departments"]
        assert isinstance(field, forms.ModelMultipleChoiceField)
        field.queryset = departments if departments is not None else Department.objects.none()
        _bootstrap(self)


class AcknowledgeForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, max_length=2000)


class ResourceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    quantity = forms.IntegerField(label=_("Quantity"), required=False, min_value=0)
    amount = forms.DecimalField(
        label=_("Amount (CNY)"), required=False, max_digits=14, decimal_places=2, min_value=0
    )
    justification = forms.CharField(
        label=_("Justification"), widget=forms.Textarea(attrs={"rows": 3})
    )
    period_from = forms.DateField(label=_("From"), widget=_DATE)
    period_to = forms.DateField(label=_("To"), widget=_DATE)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _bootstrap(self)
