from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "concord.closing.archive"
    label = "archive"
    # Translators: 归档与结项
    verbose_name = _("Archive and closing")

    def ready(self) -> None:
        from . import kinds, timers, verbs  # noqa: F401  (they register themselves)
        from .documents import register_forms
        from .sections import register_sections

        register_forms()
        register_sections()
