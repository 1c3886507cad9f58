from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AcceptanceConfig(AppConfig):
    name = "concord.closing.acceptance"
    label = "acceptance"
    # Translators: 成果验收与效果验证
    verbose_name = _("Acceptance and effect verification")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .documents import register_forms
        from .outcomes import register_hooks
        from .sections import register_sections

        register_hooks()
        register_sections()
        register_forms()
