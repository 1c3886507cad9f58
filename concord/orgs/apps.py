from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "concord.orgs"
    label = "orgs"

    def ready(self) -> None:
        from concord.lib import workcal

        from . import access, verbs  # noqa: F401  (registers rules and event labels)
        from .selectors import calendar_overrides_between

        # The working calendar reads this app's override table without
        # importing a model itself.
        workcal.set_override_loader(calendar_overrides_between)
