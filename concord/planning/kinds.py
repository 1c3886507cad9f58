"""Notification kinds of planning (parameters: number, name, version, reasons)."""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

EFFECTIVE = "planning.effective"
DECLINED = "planning.declined"

register_kind(
    EFFECTIVE,
    title=_("Plan version %(version)s of %(number)s is in effect"),
    body=_("Every participating department head has signed the plan of “%(name)s”."),
)
register_kind(
    DECLINED,
    title=_("Plan version %(version)s of %(number)s was declined"),
    body=_("Reasons: %(reasons)s"),
)
