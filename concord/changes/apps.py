from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChangesConfig(AppConfig):
    name = "concord.changes"
    label = "changes"
    # Translators: 变更与资源
    verbose_name = _("Changes and resources")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .outcomes import register_hooks
        from .sections import register_sections

        register_hooks()
        register_sections()
