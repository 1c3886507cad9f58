from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationsConfig(AppConfig):
    name = "concord.collaborations"
    label = "collaborations"
    verbose_name = _("Collaborations")

    def ready(self) -> None:
        from . import access, kinds, verbs  # noqa: F401  (they register themselves)
        from .outcomes import register_hooks

        register_hooks()
