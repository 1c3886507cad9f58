"""Working calendar forms: a day's override and a range of days."""

from django import forms
from django.utils.translation import gettext_lazy as _

# --- Working calendar -----------------------------------------------------


class CalendarDayForm(forms.Form):
    """What a PMO admin does to one day of the calendar."""

    ACTIONS = (
        ("working", _("Mark as working day")),
        ("off", _("Mark as day off")),
        ("clear", _("Clear the override")),
    )

    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class CalendarRangeForm(forms.Form):
    """Set a run of days alike, e.g. a whole holiday of a year the library does not know."""

    first = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    last = forms.DateField(label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}))
    is_working = forms.TypedChoiceField(
        label=_("These days are"),
        choices=(("0", _("Days off")), ("1", _("Working days"))),
        coerce=lambda value: value == "1",
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)
