"""Human labels for the organization's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "department.created": _("created the department"),
        "department.updated": _("changed the department"),
        "department.head_set": _("set the head of the department"),
        "person.created": _("added the person"),
        "person.updated": _("changed the profile of"),
        "person.deactivated": _("deactivated"),
        "delegation.created": _("delegated approvals"),
        "delegation.revoked": _("revoked the delegation"),
        "calendar.override_set": _("set the working calendar for"),
        "calendar.override_cleared": _("cleared the calendar override of"),
        "calendar.override_range_set": _("set the working calendar from"),
    }
)
