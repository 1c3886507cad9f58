"""Notifications of the communication plan."""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

register_kind(
    "communication.confirm",
    # Translators: 沟通机制确认表
    title=_("Confirm the communication plan of %(number)s %(name)s for %(department)s"),
    body=_("The plan was proposed or changed; as the contact, please review and confirm it."),
)

register_kind(
    "communication.reconfirm",
    # Translators: 沟通机制确认表; 重新确认 — the plan changed after the department confirmed it.
    title=_("Confirm the changed communication plan of %(number)s %(name)s for %(department)s"),
    body=_(
        "The plan changed after your department confirmed revision %(confirmed)s; "
        "as the contact, please review revision %(revision)s and confirm it again."
    ),
)
