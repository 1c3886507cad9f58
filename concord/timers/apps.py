from django.apps import AppConfig


class TimersConfig(AppConfig):
    name = "concord.timers"
    label = "timers"
