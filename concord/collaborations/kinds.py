"""The notifications collaborations send."""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

register_kind(
    "collaborations.name_contact",
    # Translators: 对接人 — the department's contact person for the collaboration.
    title=_("Name a contact of %(department)s for %(number)s %(name)s"),
    body=_("%(department)s takes part in this collaboration; choose its contact person."),
)
register_kind(
    "collaborations.contact_named",
    # Translators: 对接人
    title=_("You are the contact of %(department)s for %(number)s %(name)s"),
)
register_kind(
    "collaborations.terminated",
    title=_("%(number)s %(name)s was terminated"),
    body=_("Reason: %(reason)s"),
)
