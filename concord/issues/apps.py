from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IssuesConfig(AppConfig):
    name = "concord.issues"
    label = "issues"
    # Translators: 问题跟踪
    verbose_name = _("Issue log")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .exports import register_forms
        from .sections import register_sections

        register_sections()
        register_forms()
