from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "inbox.read": _("read the notification"),
        "inbox.read_all": _("read all notifications of"),
        "delivery.sent": _("delivered"),
        "delivery.retry_scheduled": _("will retry the delivery"),
        "delivery.failed": _("gave up delivering"),
        "delivery.retried": _("retried the delivery"),
    }
)
