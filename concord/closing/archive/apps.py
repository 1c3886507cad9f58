from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "concord.closing.archive"
    label = "archive"
    # Translators: 归档与结项
    verbose_name = _("Archive and closing")
