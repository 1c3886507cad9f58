"""The standard forms of the apps that existed before the forms framework.

Each builder lives with its app's export code (`<app>/exports.py`) and is
registered here, so the knowledge app's ready() registers them all in one
place; newer apps register their own forms from their AppConfig.ready().
"""


def register_standard_forms() -> None:
    pass
