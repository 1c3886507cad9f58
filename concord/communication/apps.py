from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunicationConfig(AppConfig):
    name = "concord.communication"
    label = "communication"
    # Translators: 沟通机制
    verbose_name = _("Communication plan")

    def ready(self) -> None:
        from concord.collaborations.sections import register_section

        from . import kinds, verbs  # noqa: F401  (they register themselves)

        register_section(
            "communication.plan", "communication/partials/section.html", column="main", order=60
        )
