"""The approval engine's hooks for plan sign-off (purpose "planning.signoff")."""

PURPOSE = "planning.signoff"


def register_hooks() -> None:
    pass
