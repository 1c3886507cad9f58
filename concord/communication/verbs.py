"""Human labels for the communication plan's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 沟通计划
        "communication.plan_created": _("proposed the communication plan"),
        "communication.plan_resized": _("changed the project size of the communication plan"),
        "communication.item_added": _("added a communication item"),
        "communication.item_updated": _("changed a communication item"),
        "communication.item_removed": _("removed a communication item"),
        # Translators: 升级路径
        "communication.level_updated": _("changed the escalation path"),
        # Translators: 沟通机制确认
        "communication.confirmed": _("confirmed the communication plan for the department"),
    }
)
