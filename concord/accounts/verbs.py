from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        "token.created": _("created an API token"),
        "token.revoked": _("revoked an API token"),
        "person.language_set": _("changed the display language"),
    }
)
