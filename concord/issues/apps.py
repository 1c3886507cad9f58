from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IssuesConfig(AppConfig):
    name = "concord.issues"
    label = "issues"
    # Translators: 问题跟踪
    verbose_name = _("Issue log")
