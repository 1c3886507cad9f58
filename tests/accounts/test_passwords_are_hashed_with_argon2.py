"""Passwords are stored with Argon2, the first hasher in the settings."""

import importlib

from django.contrib.auth import get_user_model

from tests.personas import PASSWORD, Org


def test_the_project_settings_put_argon2_first() -> None:
    # Tests swap in a cheaper Argon2 (tests/conftest.py); read the real file.
    project_settings = importlib.import_module("concord.settings")
    assert project_settings.PASSWORD_HASHERS[0] == (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    )


def test_it_stores_a_new_password_as_argon2(org: Org) -> None:
    user = get_user_model().objects.get(pk=org.alice.pk)
    assert user.password.startswith("argon2$")
    assert user.check_password(PASSWORD) is True
