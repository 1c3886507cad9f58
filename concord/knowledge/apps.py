from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "concord.knowledge"
    label = "knowledge"
    # Translators: 知识库与标准表单
    verbose_name = _("Knowledge and standard forms")

    def ready(self) -> None:
        from concord.collaborations.sections import register_section

        from .standard import register_standard_forms

        register_standard_forms()
        register_section(
            "knowledge.forms", "knowledge/partials/forms_section.html", column="side", order=90
        )
        register_section(
            "knowledge.search", "knowledge/partials/search_section.html", column="side", order=91
        )
